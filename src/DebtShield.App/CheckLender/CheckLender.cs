using DebtShield.App.CheckLoans;
using DebtShield.App.Resources;
using DebtShield.Core.Law;
using DebtShield.Core.Lenders;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.LegalData;
using DebtShield.Import.Lenders;

namespace DebtShield.App.CheckLender;

/// <summary>
/// Use case: "is this lender a licensed institution?" A lender or app name against the local
/// reference list; the answer says only what the list supports, and gives the lender kind the
/// legal engine should use. The CLI's <c>debtshield lender</c>, the offer check and the web app call this.
/// </summary>
public static class CheckLender
{
    /// <summary>Matches <paramref name="name"/> against the shipped list.</summary>
    public static LenderCheckReport Run(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var directory = LenderDataReader.Directory;
        var match = directory.Match(name);
        var kind = match.Institution is { } found ? directory.Kinds.FirstOrDefault(k => k.LenderKind == found.Kind) : null;
        var (result, words) = match.Institution?.Kind switch
        {
            Core.Loans.LenderKind.ConsumerFinance => ("licensed_consumer_finance", CheckText.Lender_Found_licensed_consumer_finance),
            Core.Loans.LenderKind.Bank => ("bank", CheckText.Lender_Found_bank),
            null => ("unknown", CheckText.Lender_NotFound),
            { } other => throw new InvalidOperationException($"The lender list holds an institution of kind {other}, which the check has no words for."),
        };
        var citations = kind?.Citations ?? [];
        return new LenderCheckReport
        {
            Query = name,
            Result = result,
            ResultText = match.Institution is { } institution
                ? Localized.Format(words, institution.Name, FormNames.Text(match.Form!.Value), LegalWireIds.Of(institution.Status))
                : words,
            LenderKind = Vocabularies.LenderKinds.WireId(match.LenderKind),
            Institution = match.Institution?.Name,
            MatchedAs = match.Form is { } form ? FormIds.Of(form) : null,
            EntryStatus = match.Institution is { } entry ? LegalWireIds.Of(entry.Status) : null,
            Sources = [.. (match.Institution?.Sources ?? []).Select(id => LenderDataReader.Sources.TryGetValue(id, out var s)
                ? new LenderSourceFigure(id, s.Title, s.Url, s.Status)
                : new LenderSourceFigure(id, id, null, "uncertain"))],
            KindExplanation = kind is null ? null : CheckWording.Pick(kind.ChineseExplanation, kind.EnglishExplanation),
            NameHints = [.. match.NameHints.Select(h => Localized.Format(CheckWording.Text("Lender_NameHint"), CheckWording.Pick(h.ChineseName, h.EnglishName)) + CheckWording.Pick(h.ChineseExplanation, h.EnglishExplanation))],
            Suggestions = [.. match.Suggestions.Select(s => s.Name)],
            ListVersion = directory.Version,
            ListLastChecked = directory.LastChecked,
            Citations = [.. citations.Where(LegalDataReader.Citations.ContainsKey).Select(id => CitationFigure.From(LegalDataReader.Citations[id]))],
        };
    }

    /// <summary>The lender kind for the legal engine: the listed institution's, else unknown.</summary>
    public static Core.Loans.LenderKind KindOf(string name) => LenderDataReader.Directory.Match(name).LenderKind;

    /// <summary>How a name matched, as the report's <c>matchedAs</c> writes it (<c>short_name</c>).</summary>
    private static WireIds<NameForm> FormIds { get; } = new(
        (NameForm.FullName, "full_name"),
        (NameForm.ShortName, "short_name"),
        (NameForm.AppName, "app_name"),
        (NameForm.FormerName, "former_name"));

    /// <summary>What people call each way a name matched (全称, 简称…), under its id.</summary>
    private static MemberTexts<NameForm> FormNames { get; } = MemberTexts.ByWireId<NameForm>(CheckText.ResourceManager, "LenderForm_", FormIds);
}

/// <summary>The lender check as <c>debtshield lender --json</c> and (later) the web API report it.</summary>
public sealed record LenderCheckReport
{
    /// <summary>The name as given.</summary>
    public required string Query { get; init; }

    /// <summary>"licensed_consumer_finance", "bank" or "unknown" (not on the list; never "unlicensed").</summary>
    public required string Result { get; init; }

    /// <summary>The result in one sentence, in the current UI language.</summary>
    public required string ResultText { get; init; }

    /// <summary>The lender kind the legal engine should use.</summary>
    public required string LenderKind { get; init; }

    /// <summary>The institution matched, by its full name.</summary>
    public required string? Institution { get; init; }

    /// <summary>"full_name", "short_name", "app_name" or "former_name".</summary>
    public required string? MatchedAs { get; init; }

    /// <summary>How well the list entry is sourced: "secondary" or "uncertain" (none is "verified" yet).</summary>
    public required string? EntryStatus { get; init; }

    /// <summary>Where the entry comes from.</summary>
    public required IReadOnlyList<LenderSourceFigure> Sources { get; init; }

    /// <summary>What the institution's kind means for the law.</summary>
    public required string? KindExplanation { get; init; }

    /// <summary>When not found: what the name's words suggest, stated as what the name says.</summary>
    public required IReadOnlyList<string> NameHints { get; init; }

    /// <summary>When not found: listed institutions with a similar name (not a match).</summary>
    public required IReadOnlyList<string> Suggestions { get; init; }

    /// <summary>The list's version.</summary>
    public required string ListVersion { get; init; }

    /// <summary>When the list was last checked.</summary>
    public required DateOnly ListLastChecked { get; init; }

    /// <summary>The citations of the kind's explanation.</summary>
    public required IReadOnlyList<CitationFigure> Citations { get; init; }
}

/// <summary>A source of the reference list.</summary>
/// <param name="Id">The source id in the list file.</param>
/// <param name="Title">What it is.</param>
/// <param name="Url">Where it was read, if it is a page.</param>
/// <param name="Status">"secondary" or "uncertain".</param>
public sealed record LenderSourceFigure(string Id, string Title, string? Url, string Status);
