using DebtShield.App.CheckLoans;
using DebtShield.App.Resources;
using DebtShield.Core.Conduct;
using DebtShield.Core.Contracts;
using DebtShield.Import.Contracts;
using DebtShield.Import.LegalData;

namespace DebtShield.App.CheckContract;

/// <summary>
/// Use cases: "what does this agreement let them do?" (the contract-clause check) and "is this
/// offer a scam?" (the scam check). Both read text (pasted, or a .txt/.docx/.pdf file) and report
/// each matching clause with why it matters, the law it runs against and what the reader can do.
/// The CLI's <c>debtshield contract</c> and <c>debtshield scam-check</c> and the web app call this.
/// </summary>
public static class CheckContract
{
    /// <summary>Checks the clauses of an agreement or privacy policy.</summary>
    public static ClauseCheckReport Clauses(string text) => Report("contract", text, ContractDataReader.ClauseAnalyzer);

    /// <summary>Checks an advert, message or call script for the marks of a scam.</summary>
    public static ClauseCheckReport Scam(string text) => Report("scam", text, ContractDataReader.ScamAnalyzer);

    /// <summary>Reads a .txt, .docx or .pdf file.</summary>
    /// <exception cref="RequestRefusedException">The file is of another kind, unreadable, broken or holds no text.</exception>
    public static string ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = AgreementText.Read(path);
        }
        catch (NotSupportedException)
        {
            throw new RequestRefusedException(Localized.Format(CheckText.Contract_UnsupportedFile, path, string.Join(", ", AgreementText.Extensions)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new RequestRefusedException(Localized.Format(CheckText.Contract_UnreadableFile, path, e.Message));
        }

        return string.IsNullOrWhiteSpace(text)
            ? throw new RequestRefusedException(Localized.Format(CheckText.Contract_NoText, path))
            : text;
    }

    private static ClauseCheckReport Report(string kind, string text, ClauseAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = analyzer.Analyze(text);
        var citations = LegalDataReader.Citations;
        var figures = findings.Select(f => new ClauseFindingFigure(
            f.Rule.Id,
            f.Rule.Category,
            Word(f.Rule.Title),
            f.Start,
            f.End,
            f.Text,
            Word(f.Rule.Explanation),
            Word(f.Rule.Action),
            f.Rule.Citations)).ToArray();
        var categories = figures.Select(f => f.Category).Distinct(StringComparer.Ordinal).ToArray();
        var cited = figures.SelectMany(f => f.Citations).Distinct(StringComparer.Ordinal).Where(citations.ContainsKey);
        return new ClauseCheckReport
        {
            Kind = kind,
            Characters = text.Length,
            Categories = categories,
            Findings = figures,
            Summary = figures.Length == 0
                ? CheckWording.Text(kind == "scam" ? "Scam_NothingFound" : "Contract_NothingFound")
                : Localized.Format(CheckWording.Text(kind == "scam" ? "Scam_Found" : "Contract_Found"), figures.Length, categories.Length),
            Citations = [.. cited.Select(id => CitationFigure.From(citations[id]))],
        };
    }

    private static string Word(ConductExplanation text) => CheckWording.Pick(text.Chinese, text.English);
}

/// <summary>
/// The contract-clause or scam check as <c>--json</c> and (later) the web API report it. Spans are
/// UTF-16 indexes into the text that was checked.
/// </summary>
public sealed record ClauseCheckReport
{
    /// <summary>"contract" or "scam".</summary>
    public required string Kind { get; init; }

    /// <summary>The length of the text checked.</summary>
    public required int Characters { get; init; }

    /// <summary>The categories found, in order of first appearance.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Every finding, in text order.</summary>
    public required IReadOnlyList<ClauseFindingFigure> Findings { get; init; }

    /// <summary>One sentence for the reader, in the current UI language.</summary>
    public required string Summary { get; init; }

    /// <summary>The citations the findings point at.</summary>
    public required IReadOnlyList<CitationFigure> Citations { get; init; }
}

/// <summary>One clause that matched a rule.</summary>
/// <param name="Rule">The rule id in the data file.</param>
/// <param name="Category">The kind of clause.</param>
/// <param name="Title">A short name.</param>
/// <param name="Start">The first character of the clause.</param>
/// <param name="End">One past its last character.</param>
/// <param name="Text">The clause as written.</param>
/// <param name="Explain">Why it matters.</param>
/// <param name="Action">What the reader can do.</param>
/// <param name="Citations">Ids in <c>data/law/citations.json</c>.</param>
public sealed record ClauseFindingFigure(
    string Rule,
    string Category,
    string Title,
    int Start,
    int End,
    string Text,
    string Explain,
    string Action,
    IReadOnlyList<string> Citations);
