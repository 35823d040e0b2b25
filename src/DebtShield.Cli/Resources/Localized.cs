using System.Globalization;

namespace DebtShield.Cli.Resources;

/// <summary>
/// The one way this assembly fills a resource template: in the current culture, so numbers and
/// dates in a sentence follow the language the person reads.
/// </summary>
internal static class Localized
{
    /// <summary>The template with its placeholders filled.</summary>
    public static string Format(string template, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, template, arguments);
}
