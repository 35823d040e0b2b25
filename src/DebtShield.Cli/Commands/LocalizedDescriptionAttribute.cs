using System.ComponentModel;
using System.Globalization;
using DebtShield.Cli.Resources;

namespace DebtShield.Cli.Commands;

/// <summary>A help text taken from the CLI's resources, so it follows the chosen language.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
internal sealed class LocalizedDescriptionAttribute(string resourceName) : DescriptionAttribute
{
    /// <summary>The resource that holds the text.</summary>
    public string ResourceName { get; } = resourceName;

    /// <inheritdoc />
    public override string Description =>
        CliText.ResourceManager.GetString(ResourceName, CultureInfo.CurrentUICulture) ?? ResourceName;
}
