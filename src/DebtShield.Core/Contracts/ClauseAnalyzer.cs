namespace DebtShield.Core.Contracts;

/// <summary>
/// Finds the clauses of a loan agreement or privacy policy (or the sentences of an advert) that
/// match the rules: splits the text into clauses, and reports for each clause every rule one of
/// whose patterns it matches, unless a look-alike phrase in the clause (or the document) says it
/// is the lawful version. Pure and thread-safe; build one per rule set and share it.
/// </summary>
/// <remarks>
/// A clause ends at 。；;！!？? or a line break. The finding's span is the clause in the original
/// text, without surrounding white space, so the reader sees exactly what the contract says.
/// </remarks>
public sealed class ClauseAnalyzer
{
    /// <summary>Creates an analyser over <paramref name="rules"/>.</summary>
    public ClauseAnalyzer(ClauseRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
    }

    /// <summary>The rules.</summary>
    public ClauseRuleSet Rules { get; }

    /// <summary>Every finding in <paramref name="text"/>, in text order (and rule order within a clause).</summary>
    public IReadOnlyList<ClauseFinding> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = TextFolding.Fold(text);
        var active = Rules.Rules.Where(r => !r.UnlessDocument.Any(p => folded.Contains(p, StringComparison.Ordinal))).ToArray();
        var findings = new List<ClauseFinding>();
        var start = 0;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && !IsClauseEnd(folded[i]))
            {
                continue;
            }

            var end = i < folded.Length ? i + 1 : i;
            var clause = folded.AsSpan(start, end - start);
            var lead = clause.Length - clause.TrimStart().Length;
            var trimmed = clause.Trim();
            if (trimmed.Length > 1)
            {
                foreach (var rule in active)
                {
                    if (Matches(rule, trimmed))
                    {
                        findings.Add(new ClauseFinding(rule, start + lead, start + lead + trimmed.Length, text.Substring(start + lead, trimmed.Length)));
                    }
                }
            }

            start = end;
        }

        return findings;
    }

    private static bool IsClauseEnd(char c) => c is '。' or ';' or '!' or '?' or '\n' or '\r';

    private static bool Matches(ClauseRule rule, ReadOnlySpan<char> clause)
    {
        foreach (var pattern in rule.Patterns)
        {
            if (All(pattern, clause))
            {
                foreach (var phrase in rule.Unless)
                {
                    if (clause.Contains(phrase, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private static bool All(string[][] pattern, ReadOnlySpan<char> clause)
    {
        foreach (var part in pattern)
        {
            var found = false;
            foreach (var phrase in part)
            {
                if (clause.Contains(phrase, StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A clause that matched a rule: which rule, and where in the original text.</summary>
/// <param name="Rule">The rule, with its explanation, action and citations.</param>
/// <param name="Start">The first character of the clause (UTF-16 index into the original text).</param>
/// <param name="End">One past its last character.</param>
/// <param name="Text">The clause as the original text says it.</param>
public sealed record ClauseFinding(ClauseRule Rule, int Start, int End, string Text);
