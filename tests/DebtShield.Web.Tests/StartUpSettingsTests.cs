using System.Text.Json;

namespace DebtShield.Web.Tests;

/// <summary>
/// The program's runtime settings that its start-up figures (docs/benchmarks.md, issue 25) rest
/// on, read from the settings file the program starts with.
/// </summary>
public sealed class StartUpSettingsTests
{
    [Theory]
    [InlineData("Microsoft.Extensions.DependencyInjection.DisableDynamicEngine")]
    [InlineData("Switch.System.Reflection.ForceInterpretedInvoke")]
    public void RuntimeConfig_CodeEmittedAtRunTime_IsSwitchedOff(string setting)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DebtShield.Web.runtimeconfig.json")));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty(setting, out var value), setting + " is not set");
        Assert.True(value.GetBoolean(), setting + " is not true");
    }
}
