using System.Text;
using DebtShield.Core.Conduct;

namespace DebtShield.Benchmarks;

/// <summary>
/// Trains the conduct analyser's n-gram model (<c>data/conduct/model.txt</c>) from the written
/// development set, the real corpus's tuning sources and the synthetic variants (written first to
/// <c>data/conduct/synthetic/messages.jsonl</c>); the held-out sources are never read, so the figures
/// measured on them stay honest. Deterministic: the same files give the same model.
/// </summary>
internal static class ConductModelFile
{
    /// <summary>
    /// How the shipped model is trained: the text's n-grams and the synthetic variants. Of the four settings
    /// <c>conduct-model-study</c> compares, it found the most threats of exposure and disclosures on tuning sources it
    /// was not trained on (docs/benchmarks.md, 2026-12-06 fifth session); the word classes found fewer disclosures.
    /// </summary>
    public static readonly ConductModelFolds.Setting Setting = ConductModelStudy.SyntheticOnly;

    private static readonly ConductExplanation Explanation = new(
        "由按已标注消息训练的字词模型判断，起决定作用的字词：{0}",
        "judged by a model trained on labelled messages; the words that weighed most: {0}");

    public static void Train(string root)
    {
        var variants = ConductSyntheticSet.Write(root);
        var folds = new ConductModelFolds(root);

        // Each label's threshold: the lowest at which the model, retrained for each tuning source left
        // out, adds the most right labels and no wrong one there; off where it adds none right.
        var thresholds = ConductModelFolds.ChooseThresholds(folds.LeaveOneTuningSourceOut(Setting));
        var model = folds.Train(Setting, folds.Dev.Concat(folds.Tuning), Explanation).WithThresholds(thresholds);
        const string header = """
            # 字词模型 / The conduct analyser's character n-gram model (issue 21). Generated: do not edit by hand.
            # Trained by: dotnet run -c Release --project bench/DebtShield.Benchmarks -- train-conduct-model
            # from tests/DebtShield.Core.Tests/Conduct/dev-set.jsonl, the tuning sources of data/conduct/corpus and
            # the synthetic variants of data/conduct/synthetic (made by the same command; training only)
            # (logistic regression per label over the bigrams and trigrams present in the normalised text, the
            # words of the class lines below, if any, read as one symbol {CLASS} each; 30 epochs, rate 0.2, L2 1e-4;
            # weights below 0.01 dropped). A label is given at or above its threshold (chosen leaving one tuning
            # source out), only when the rules did not give it, and never lawful_reminder.

            """;
        var path = Path.Combine(root, "data", "conduct", "model.txt");
        File.WriteAllText(path, model.Format(header.Replace("\r\n", "\n", StringComparison.Ordinal)), new UTF8Encoding(false));
        Console.WriteLine($"{folds.Dev.Count + folds.Tuning.Count} labelled and {variants.Count} synthetic examples, {model.FeatureCount} n-grams");
    }
}
