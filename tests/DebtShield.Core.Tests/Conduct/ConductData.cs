using System.Text;
using DebtShield.Core.Conduct;
using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests.Conduct;

/// <summary>
/// The analyser built from the repository's <c>data/conduct</c> files, once for all tests: the rules only,
/// as the program ships it (the learned model in <c>model.txt</c> is measured by <c>NgramModelTests</c>).
/// </summary>
internal static class ConductData
{
    private static readonly Lazy<ConductAnalyzer> Lazy = new(() =>
    {
        var normalizer = ConductNormalizer.Parse(Read("normalise.txt"));
        var rules = ConductRuleSet.Parse(normalizer, Read("lexicon.txt"), Read("rules.txt"));
        return new ConductAnalyzer(rules, ContactPolicy.Parse(Read("contact-rules.txt")));
    });

    private static readonly Lazy<ConductAnalyzer> LawfulRuleOnly = new(() =>
    {
        // rules.txt with its lawful_reminder sections only: what the analyser says when every abusive rule misses.
        var kept = new StringBuilder();
        var keep = false;
        foreach (var line in Read("rules.txt").Split('\n'))
        {
            keep = line.StartsWith('[') ? line.StartsWith("[lawful_reminder.", StringComparison.Ordinal) : keep;
            if (keep)
            {
                kept.Append(line).Append('\n');
            }
        }

        var rules = ConductRuleSet.Parse(Analyzer.Rules.Normalizer, Read("lexicon.txt"), kept.ToString());
        return new ConductAnalyzer(rules, Analyzer.Policy);
    });

    public static ConductAnalyzer Analyzer => Lazy.Value;

    /// <summary>The analyser with the lawful reminder's rules alone, as if every abusive rule missed.</summary>
    public static ConductAnalyzer LawfulReminderRuleOnly => LawfulRuleOnly.Value;

    public static string Read(string name) => File.ReadAllText(RepositoryPaths.Data("conduct", name));

    public static IReadOnlyList<string> TextLabels(ConductAnalysis analysis) =>
        [.. analysis.Labels.Where(l => !l.IsMetadata()).Select(l => l.Id())];
}
