using System.Globalization;
using System.Resources;

namespace DebtShield.Core.Vocabulary;

/// <summary>The names of the vocabularies' terms, from <c>Resources/TermNames.tsv</c> (zh-CN neutral, English satellite).</summary>
internal static class TermNames
{
    private static readonly ResourceManager Resources = new("DebtShield.Core.Resources.TermNames", typeof(TermNames).Assembly);

    /// <summary>The resource <paramref name="key"/> in <paramref name="culture"/>, or null when there is none.</summary>
    public static string? Get(string key, CultureInfo culture) => Resources.GetString(key, culture);
}
