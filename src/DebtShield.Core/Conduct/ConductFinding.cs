namespace DebtShield.Core.Conduct;

/// <summary>
/// One reason a message carries a label: the rule that fired, where in the original text, and
/// the law or guideline behind it, so a complaint can quote the evidence and cite the rule.
/// </summary>
/// <param name="Label">The label.</param>
/// <param name="Start">The first character of the evidence in the original text (UTF-16 index); null for metadata labels.</param>
/// <param name="End">One past the last character of the evidence; null for metadata labels.</param>
/// <param name="Rule">The rule's id in <c>data/conduct</c>.</param>
/// <param name="Explanation">Why this is a problem, one line in Chinese and in English.</param>
/// <param name="Citations">Citation ids from <c>data/law/citations.json</c>.</param>
public sealed record ConductFinding(
    ConductLabel Label,
    int? Start,
    int? End,
    string Rule,
    ConductExplanation Explanation,
    IReadOnlyList<string> Citations);

/// <summary>A rule's one-line explanation in both languages of the product.</summary>
/// <param name="Chinese">The zh-CN line, shown first.</param>
/// <param name="English">The English line.</param>
public sealed record ConductExplanation(string Chinese, string English);

/// <summary>Who received a message: the borrower, someone else, or not known.</summary>
public enum Recipient
{
    /// <summary>Not known; only the text decides.</summary>
    Unknown,

    /// <summary>The borrower.</summary>
    Borrower,

    /// <summary>Someone other than the borrower: a contact, relative, colleague.</summary>
    ThirdParty,
}

/// <summary>The labels of one message and the findings behind each.</summary>
/// <param name="Labels">Distinct labels in <see cref="ConductLabel"/> order.</param>
/// <param name="Findings">Every finding, text findings by position, then metadata findings.</param>
public sealed record ConductAnalysis(IReadOnlyList<ConductLabel> Labels, IReadOnlyList<ConductFinding> Findings)
{
    /// <summary>An analysis with nothing found.</summary>
    public static ConductAnalysis Empty { get; } = new([], []);
}
