using System.Globalization;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Import.Resources;

/// <summary>
/// The one way this assembly fills a resource template: in the current culture, so numbers and
/// dates in a sentence follow the language the person reads.
/// </summary>
internal static class Localized
{
    /// <summary>The template with its placeholders filled.</summary>
    public static string Format(string template, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, template, arguments);

    /// <summary>A vocabulary's wire ids, listed for a message that offers them as the choices, in the language the person reads.</summary>
    public static string WireIds(IVocabulary vocabulary) => vocabulary.WireIds(CultureInfo.CurrentUICulture);

    /// <summary>A vocabulary's everyday names, listed in the language the person reads.</summary>
    public static string Names(IVocabulary vocabulary) => vocabulary.Names(CultureInfo.CurrentUICulture);
}
