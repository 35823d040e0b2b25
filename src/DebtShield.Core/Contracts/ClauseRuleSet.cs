using DebtShield.Core.Conduct;

namespace DebtShield.Core.Contracts;

/// <summary>
/// The clause patterns (<c>data/contracts/clauses.txt</c>) or scam patterns
/// (<c>data/scams/patterns.txt</c>): plain text a reviewer who does not program can read and
/// correct, in the style of the conduct rules. Read-only after parsing; share one instance.
/// </summary>
/// <remarks>
/// <para>A rule: <c>[rule.id]</c>, then <c>category:</c>, <c>title: 中文 | English</c>,
/// <c>explain: 中文 | English</c> (why it matters), <c>action: 中文 | English</c> (what the reader can
/// do), <c>cite:</c> (ids in <c>data/law/citations.json</c>), optional <c>unless:</c> (phrases that,
/// in the same clause, stop the rule: the lawful look-alike), optional <c>unless_document:</c>
/// (phrases that, anywhere in the text, stop it), and one or more <c>match:</c> lines.</para>
/// <para>A <c>match:</c> line is parts joined by <c>&amp;</c>, all of which must occur in one
/// clause, in any order; a part is one or more phrases separated by <c>/</c>, any of which will
/// do. Matching ignores letter case and full-width forms.</para>
/// </remarks>
public sealed class ClauseRuleSet
{
    private ClauseRuleSet(IReadOnlyList<ClauseRule> rules) => Rules = rules;

    /// <summary>Every rule, in file order.</summary>
    public IReadOnlyList<ClauseRule> Rules { get; }

    /// <summary>Parses a pattern file.</summary>
    /// <exception cref="FormatException">A line is malformed or a required key is missing; the message names file and line.</exception>
    public static ClauseRuleSet Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var rules = new List<ClauseRule>();
        Draft? draft = null;
        ConductDataLine.ReadSections(
            text,
            sourceName,
            (lineNumber, id) =>
            {
                Finish(draft, sourceName, rules);
                draft = new Draft(id, lineNumber);
            },
            (key, value) =>
            {
                var rule = draft!;
                switch (key)
                {
                    case "category":
                        rule.Category = value;
                        break;
                    case "title":
                        rule.Title = ConductRuleSet.ParseExplanation(value);
                        break;
                    case "explain":
                        rule.Explain = ConductRuleSet.ParseExplanation(value);
                        break;
                    case "action":
                        rule.Action = ConductRuleSet.ParseExplanation(value);
                        break;
                    case "cite":
                        rule.Citations.AddRange(ConductRuleSet.ParseCitations(value));
                        break;
                    case "unless":
                        rule.Unless.AddRange(Phrases(value));
                        break;
                    case "unless_document":
                        rule.UnlessDocument.AddRange(Phrases(value));
                        break;
                    case "match":
                        rule.Patterns.Add(ParsePattern(value));
                        break;
                    default:
                        throw new FormatException("unknown key " + key);
                }
            });

        Finish(draft, sourceName, rules);
        return new ClauseRuleSet(rules);
    }

    private static string[][] ParsePattern(string value)
    {
        var parts = value.Split('&', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Phrases)
            .ToArray();
        return parts.Length == 0 || parts.Any(p => p.Length == 0)
            ? throw new FormatException("match: needs phrases joined by & (alternatives by /)")
            : parts;
    }

    private static string[] Phrases(string value) =>
        [.. value.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(TextFolding.Fold)];

    private static void Finish(Draft? draft, string source, List<ClauseRule> rules)
    {
        if (draft is null)
        {
            return;
        }

        if (draft.Category is null || draft.Title is null || draft.Explain is null || draft.Action is null || draft.Patterns.Count == 0)
        {
            throw ConductDataLine.Error(source, draft.Line, "rule " + draft.Id + " needs category:, title:, explain:, action: and at least one match:");
        }

        if (rules.Any(r => r.Id == draft.Id))
        {
            throw ConductDataLine.Error(source, draft.Line, "rule defined twice: " + draft.Id);
        }

        rules.Add(new ClauseRule(draft.Id, draft.Category, draft.Title, draft.Explain, draft.Action, [.. draft.Citations], [.. draft.Unless], [.. draft.UnlessDocument], [.. draft.Patterns]));
    }

    private sealed class Draft(string id, int line)
    {
        public string Id { get; } = id;

        public int Line { get; } = line;

        public string? Category { get; set; }

        public ConductExplanation? Title { get; set; }

        public ConductExplanation? Explain { get; set; }

        public ConductExplanation? Action { get; set; }

        public List<string> Citations { get; } = [];

        public List<string> Unless { get; } = [];

        public List<string> UnlessDocument { get; } = [];

        public List<string[][]> Patterns { get; } = [];
    }
}

/// <summary>One clause rule.</summary>
/// <param name="Id">The stable id, such as <c>contacts.read</c>.</param>
/// <param name="Category">The kind of clause, such as <c>contact_list</c>.</param>
/// <param name="Title">A short name in both languages.</param>
/// <param name="Explanation">Why it matters, in both languages.</param>
/// <param name="Action">What the reader can do, in both languages.</param>
/// <param name="Citations">Ids in <c>data/law/citations.json</c>.</param>
/// <param name="Unless">Phrases that stop the rule within the clause (folded).</param>
/// <param name="UnlessDocument">Phrases that stop the rule anywhere in the text (folded).</param>
/// <param name="Patterns">Each pattern: parts that must all occur in one clause; each part: alternatives (folded).</param>
public sealed record ClauseRule(
    string Id,
    string Category,
    ConductExplanation Title,
    ConductExplanation Explanation,
    ConductExplanation Action,
    IReadOnlyList<string> Citations,
    IReadOnlyList<string> Unless,
    IReadOnlyList<string> UnlessDocument,
    IReadOnlyList<string[][]> Patterns);
