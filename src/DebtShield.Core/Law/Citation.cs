namespace DebtShield.Core.Law;

/// <summary>One entry of the citation catalogue (<c>data/law/citations.json</c>).</summary>
/// <param name="Id">The stable id conclusions point at, such as <c>spl-art25</c>.</param>
/// <param name="LawZh">The instrument's Chinese title.</param>
/// <param name="LawEn">The instrument's English title.</param>
/// <param name="Article">The article, such as 第二十五条; empty for a whole instrument.</param>
/// <param name="ParaphraseZh">A short paraphrase in Chinese (our words, not the statute's).</param>
/// <param name="ParaphraseEn">A short paraphrase in English.</param>
/// <param name="InForceFrom">The first day in force, when established.</param>
/// <param name="InForceTo">The last day in force, when it has ended.</param>
/// <param name="Status">How well it is checked.</param>
public sealed record Citation(
    string Id,
    string LawZh,
    string LawEn,
    string Article,
    string ParaphraseZh,
    string ParaphraseEn,
    DateOnly? InForceFrom,
    DateOnly? InForceTo,
    FactStatus Status);
