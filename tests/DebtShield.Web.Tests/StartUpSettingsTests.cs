using System.Net;
using System.Text.Json;
using DebtShield.Tests.Shared;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DebtShield.Web.Tests;

/// <summary>
/// The program's runtime settings and the host's make-up that its start-up figures
/// (docs/benchmarks.md, issue 25) rest on: read from the settings file the program starts with,
/// and from the services of the app as <see cref="WebHost.Build"/> makes it.
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

    [Fact]
    public async Task Build_LocalApp_LogsToTheConsoleOnly()
    {
        using var ledger = TestLedgers.CreateSqlite();
        await using var app = BuildLocal(ledger);

        Assert.IsType<ConsoleLoggerProvider>(Assert.Single(app.Services.GetServices<ILoggerProvider>()));
    }

    [Fact]
    public async Task Build_LocalApp_LooksForNoControllers()
    {
        using var ledger = TestLedgers.CreateSqlite();
        await using var app = BuildLocal(ledger);

        Assert.DoesNotContain(app.Services.GetRequiredService<ApplicationPartManager>().FeatureProviders, provider => provider is ControllerFeatureProvider);
    }

    [Fact]
    public async Task Start_FirstPageWithoutAForm_ReadsNoDataProtectionKeyUntilAFormNeedsOne()
    {
        // Given a started local app over a new ledger, whose key folder holds no key yet
        await using var app = await RunningApp.StartAsync(demo: false);
        var keys = new DirectoryInfo(WebHost.KeyFolderOf(new WebOptions(app.Ledger.Location, [app.Address], false, null))!);

        // When the first page is asked for
        var first = await app.Client.GetAsync("/");

        // Then no key has been made for the start or for that page
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Empty(keys.GetFiles("key-*.xml"));

        // And a page with a form makes one for its token, in the same folder as before
        var withForm = await app.Client.GetStringAsync("/cases");
        Assert.Contains("__RequestVerificationToken", withForm, StringComparison.Ordinal);
        Assert.Single(keys.GetFiles("key-*.xml"));
    }

    private static WebApplication BuildLocal(TestLedger ledger) =>
        WebHost.Build(new WebOptions(ledger.Location, [new Uri("http://127.0.0.1:0")], false, null), TimeProvider.System);
}
