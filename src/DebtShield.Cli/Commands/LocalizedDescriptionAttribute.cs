using System.ComponentModel;
using System.Globalization;
using DebtShield.Cli.Resources;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Cli.Commands;

/// <summary>
/// A help text taken from the CLI's resources, so it follows the chosen language. An option that
/// takes a vocabulary's words names its enum as <see cref="Choices"/>, and the text's <c>{0}</c>
/// lists the vocabulary's wire ids, so a member added later is offered in the help at once.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
internal sealed class LocalizedDescriptionAttribute(string resourceName) : DescriptionAttribute
{
    /// <summary>The resource that holds the text.</summary>
    public string ResourceName { get; } = resourceName;

    /// <summary>The enum whose vocabulary's wire ids fill the text's <c>{0}</c>; null for a text with no choices.</summary>
    public Type? Choices { get; init; }

    /// <inheritdoc />
    public override string Description =>
        CliText.ResourceManager.GetString(ResourceName, CultureInfo.CurrentUICulture) is not { } text ? ResourceName
        : Choices is null ? text
        : Localized.Format(text, Localized.WireIds(Vocabularies.Of(Choices)));
}
