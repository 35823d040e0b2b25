using DebtShield.Core.Conduct;

namespace DebtShield.Benchmarks;

/// <summary>
/// <c>conduct-model-study</c>: why the conduct model does not generalise, and whether the word classes
/// and the synthetic variants make it earn its place (issue 21), measured by leaving one tuning source
/// out. <c>conduct-model-study --held-out</c> scores the held-out sources, once, at the end.
/// </summary>
internal static class ConductModelStudy
{
    public static readonly ConductModelFolds.Setting Before = new("n-grams of the text (as shipped before)", false, false);

    public static readonly ConductModelFolds.Setting ClassesOnly = new("n-grams with word classes", true, false);

    public static readonly ConductModelFolds.Setting SyntheticOnly = new("n-grams of the text + synthetic variants", false, true);

    public static readonly ConductModelFolds.Setting Both = new("n-grams with word classes + synthetic variants", true, true);

    public static void Run(string root, bool heldOut)
    {
        var folds = new ConductModelFolds(root);
        Console.WriteLine($"development set {folds.Dev.Count}, tuning {folds.Tuning.Count} messages from {folds.Tuning.Select(t => t.Source).Distinct().Count()} sources, synthetic {folds.Synthetic.Count} (training only)");
        double[] uniform = [.. NgramModel.ScoredLabels.Select(_ => 0.75)];
        foreach (var setting in new[] { Before, ClassesOnly, SyntheticOnly, Both })
        {
            var scored = folds.LeaveOneTuningSourceOut(setting);
            var chosen = ConductModelFolds.ChooseThresholds(scored);
            Console.WriteLine();
            Console.WriteLine("=== " + setting.Name);
            Console.Write(ConductModelFolds.Report("leave one tuning source out, threshold 0.75 for every label", scored, uniform));
            Console.Write(ConductModelFolds.Report("leave one tuning source out, thresholds per label chosen on these folds (the lowest adding no wrong label)", scored, chosen));
            Console.Write(ConductModelFolds.NestedReport("leave one tuning source out, thresholds per label chosen without the source", scored));
            var gated = ConductModelFolds.WhereRulesFoundNoAbuse(scored);
            Console.Write(ConductModelFolds.Report("leave one tuning source out, the model heard only where the rules found no abuse, thresholds per label chosen on these folds", gated, ConductModelFolds.ChooseThresholds(gated)));
            Console.Write(ConductModelFolds.NestedReport("leave one tuning source out, the model heard only where the rules found no abuse, thresholds chosen without the source", gated));
            Console.Write(ConductModelFolds.Compare(scored, 0.3, examples: false));
            Console.Write(ConductModelFolds.Compare(scored, 0.5, examples: false));
            Console.Write(ConductModelFolds.Compare(scored, 0.75, examples: setting == Before || setting == Both));
            if (heldOut)
            {
                Console.Write(ConductModelFolds.Report("HELD OUT (trained on the development set and every tuning source; thresholds chosen above)", folds.HeldOut(setting), chosen));
            }
        }
    }
}
