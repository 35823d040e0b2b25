using System.Globalization;
using System.Resources;

namespace DebtShield.Core.Vocabulary;

/// <summary>
/// One member of a <see cref="Vocabulary{T}"/>: its wire id, its names (from the <c>TermNames</c>
/// resources, zh-CN and English) and the other words people write for it.
/// </summary>
/// <remarks>
/// A term has an everyday name (the one forms, pages and prompts show: <c>网贷平台</c>) and may have
/// a formal one, the register of a legal document (<c>网络借贷平台</c>); both read back as the term.
/// </remarks>
/// <typeparam name="T">The enum the term belongs to.</typeparam>
public sealed class Term<T>
    where T : struct, Enum
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private readonly string _resourceKey;

    internal Term(T member, string wireId, string resourceKey, IReadOnlyList<string> synonyms)
    {
        Member = member;
        WireId = wireId;
        _resourceKey = resourceKey;
        Synonyms = synonyms;
        _ = Name(Chinese);
    }

    /// <summary>The member the term names.</summary>
    public T Member { get; }

    /// <summary>The stable id files, reports and records write (<c>online_platform</c>).</summary>
    public string WireId { get; }

    /// <summary>Other words accepted as this term (<c>个人</c> for a private lender), never shown.</summary>
    public IReadOnlyList<string> Synonyms { get; }

    /// <summary>The everyday name in <paramref name="culture"/>'s language (zh-CN unless it is English).</summary>
    public string Name(CultureInfo culture) =>
        TermNames.Get(_resourceKey, culture) ?? throw new MissingManifestResourceException($"TermNames: no name for {_resourceKey}.");

    /// <summary>The name a legal document uses in <paramref name="culture"/>'s language: the formal one where the term has one.</summary>
    public string FormalName(CultureInfo culture) => TermNames.Get(_resourceKey + "_Formal", culture) ?? Name(culture);

    /// <summary>Every word that reads as this term: the wire id, and both names in both languages, and the synonyms.</summary>
    internal IEnumerable<string> Words() =>
        [WireId, Name(Chinese), FormalName(Chinese), Name(English), FormalName(English), .. Synonyms];

    /// <inheritdoc/>
    public override string ToString() => WireId;
}
