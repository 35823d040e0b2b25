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

    public static ConductAnalyzer Analyzer => Lazy.Value;

    public static string Read(string name) => File.ReadAllText(RepositoryPaths.Data("conduct", name));

    public static IReadOnlyList<string> TextLabels(ConductAnalysis analysis) =>
        [.. analysis.Labels.Where(l => !l.IsMetadata()).Select(l => l.Id())];
}
