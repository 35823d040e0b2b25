using System.Globalization;
using System.Text.Json.Nodes;
using DebtShield.Core.Conduct;
using DebtShield.Tests.Shared;
using Xunit.Abstractions;

namespace DebtShield.Core.Tests.Conduct;

/// <summary>
/// The learned component, measured as the issue asks: trained on the written development set and
/// the real sources other than the one tested (leave one source out), scored on that source.
/// </summary>
public sealed class NgramModelTests(ITestOutputHelper output)
{
    private static readonly ConductExplanation Explanation = new("字词：{0}", "words: {0}");

    private static readonly ConductAnalyzer RulesOnly = new(ConductData.Analyzer.Rules, ConductData.Analyzer.Policy);

    /// <summary>The threshold the shipped model was trained with, so the folds measure what ships.</summary>
    private static readonly double ShippedThreshold = NgramModel.Parse(ConductData.Read("model.txt")).Threshold;

    [Fact]
    public void Format_ThenParse_GivesTheSameModelText()
    {
        var model = NgramModel.Parse(ConductData.Read("model.txt"));

        var again = NgramModel.Parse(model.Format("# header\n"));

        Assert.Equal(model.Format("# header\n"), again.Format("# header\n"));
        Assert.True(model.FeatureCount > 1000);
    }

    [Fact]
    public void Train_SameExamples_GivesTheSameWeights()
    {
        var examples = new List<(string, IReadOnlySet<ConductLabel>)>
        {
            ("不还钱就上门找你", new HashSet<ConductLabel> { ConductLabel.ThreatViolence }),
            ("请按时还款", new HashSet<ConductLabel> { ConductLabel.LawfulReminder }),
        };

        Assert.Equal(NgramModel.Train(examples, 0.5, Explanation).Format(""), NgramModel.Train(examples, 0.5, Explanation).Format(""));
    }

    [Fact]
    public void Score_TrainedThreat_ScoresItsLabelAboveTheRest()
    {
        var examples = new List<(string, IReadOnlySet<ConductLabel>)>
        {
            ("不还钱就上门找你", new HashSet<ConductLabel> { ConductLabel.ThreatViolence }),
            ("请按时还款", new HashSet<ConductLabel> { ConductLabel.LawfulReminder }),
        };
        var model = NgramModel.Train(examples, 0.5, Explanation, epochs: 50);

        var scores = model.Score("明天上门找你");

        Assert.True(scores[(int)ConductLabel.ThreatViolence] > scores[(int)ConductLabel.LawfulReminder]);
        var (ngram, start) = model.Reasons("明天上门找你", ConductLabel.ThreatViolence)[0];
        Assert.StartsWith("上门", ngram, StringComparison.Ordinal);
        Assert.Equal(2, start);
    }

    [Theory]
    [InlineData(Recipient.Borrower, false)]
    [InlineData(Recipient.ThirdParty, true)]
    public void Analyze_ReminderTheModelReadsAsDisclosure_DisclosesOnlyToAThirdParty(Recipient recipient, bool disclosure)
    {
        // Given a model that learned the lender's name and the overdue debt from messages to contacts.
        var examples = new List<(string, IReadOnlySet<ConductLabel>)>
        {
            ("您在XX平台的贷款已严重逾期请转告", new HashSet<ConductLabel> { ConductLabel.ThirdPartyDisclosure }),
            ("XX平台贷款逾期请他还款", new HashSet<ConductLabel> { ConductLabel.ThirdPartyDisclosure }),
            ("请按时还款", new HashSet<ConductLabel> { ConductLabel.LawfulReminder }),
        };
        var analyzer = new ConductAnalyzer(RulesOnly.Rules, RulesOnly.Policy, NgramModel.Train(examples, 0.5, Explanation, epochs: 50));
        const string Text = "您在XX平台的贷款已严重逾期，我方将依法向法院提起诉讼，请立即还款。";
        Assert.DoesNotContain(ConductLabel.ThirdPartyDisclosure, RulesOnly.Analyze(Text, Recipient.Unknown).Labels);

        // When the reminder is read, sent to the borrower or to a contact.
        var labels = analyzer.Analyze(Text, recipient).Labels;

        // Then only a message to a contact discloses the debt, though the model scores both alike.
        Assert.Equal(disclosure, labels.Contains(ConductLabel.ThirdPartyDisclosure));
        Assert.Contains(ConductLabel.ThirdPartyDisclosure, analyzer.Analyze(Text, Recipient.Unknown).Labels);
    }

    [Fact]
    public void LeaveOneSourceOut_RulesWithModel_LabelNoLawfulReminderAsAbuse()
    {
        var dev = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Core.Tests", "Conduct", "dev-set.jsonl"))
            .Where(l => l.Length > 0).Select(l => Example(JsonNode.Parse(l)!, null)).ToList();
        var real = File.ReadLines(RepositoryPaths.Data("conduct", "corpus", "messages.jsonl"))
            .Where(l => l.Length > 0).Select(l => { var n = JsonNode.Parse(l)!; return Example(n, n["source"]!.GetValue<string>()); }).ToList();

        // The gate covers the messages whose labels are settled (labelled twice). The messages the blind
        // second pass has not reached are one reader's labels: the same folds with them trained on and
        // scored are reported beside the gate, with any lawful reminder called abuse, for pass B.
        var settled = LeaveOneSourceOut(dev, [.. real.Where(r => r.Settled)]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leave one source out, labelled twice: rules F1 {settled.RulesF1:F3} (fp {settled.RulesFp}, fn {settled.RulesFn}); rules+model F1 {settled.BothF1:F3} (fp {settled.BothFp}, fn {settled.BothFn})"));
        var all = LeaveOneSourceOut(dev, real);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leave one source out, all (single-labelled included): rules F1 {all.RulesF1:F3} (fp {all.RulesFp}, fn {all.RulesFn}); rules+model F1 {all.BothF1:F3} (fp {all.BothFp}, fn {all.BothFn})"));
        foreach (var text in all.LawfulCalledAbuse)
        {
            output.WriteLine("lawful reminder called abuse with single-labelled messages trained on: " + text);
        }

        Assert.Empty(settled.LawfulCalledAbuse);
        Assert.True(settled.BothF1 >= settled.RulesF1, "the model must not make the analyser worse on unseen sources");
    }

    /// <summary>
    /// The shipped threshold is chosen on the tuning side only: with the model retrained for each tuning
    /// source left out (the development set and the other tuning sources; no held-out source is read),
    /// the model must add no label the rules did not find wrongly. At 0.5 it called S01's announced visit
    /// ("工作人员将上门核实你的经济情况") a threat of exposure as well (issue 21, eighth search).
    /// </summary>
    [Fact]
    public void LeaveOneTuningSourceOut_ShippedThreshold_ModelAddsNoWrongLabel()
    {
        var dev = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Core.Tests", "Conduct", "dev-set.jsonl"))
            .Where(l => l.Length > 0).Select(l => Example(JsonNode.Parse(l)!, null)).ToList();
        var tuningSources = File.ReadLines(RepositoryPaths.Data("conduct", "corpus", "sources.jsonl"))
            .Select(l => JsonNode.Parse(l)!).Where(n => n["split"]!.GetValue<string>() == "tuning")
            .Select(n => n["source"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var tuning = File.ReadLines(RepositoryPaths.Data("conduct", "corpus", "messages.jsonl"))
            .Where(l => l.Length > 0).Select(l => { var n = JsonNode.Parse(l)!; return Example(n, n["source"]!.GetValue<string>()); })
            .Where(e => tuningSources.Contains(e.Source!)).ToList();

        var folds = LeaveOneSourceOut(dev, tuning);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leave one tuning source out, threshold {ShippedThreshold}: rules F1 {folds.RulesF1:F3} (fp {folds.RulesFp}, fn {folds.RulesFn}); rules+model F1 {folds.BothF1:F3} (fp {folds.BothFp}, fn {folds.BothFn})"));
        Assert.Equal(folds.RulesFp, folds.BothFp);
    }

    /// <summary>
    /// Retrains the model once per real source on the development set and the other sources (the shipped
    /// setting of bench's train-conduct-model: 30 epochs, rate 0.2, and the threshold written in the
    /// shipped model.txt) and scores that source.
    /// </summary>
    private static Folds LeaveOneSourceOut(List<Labelled> dev, List<Labelled> real)
    {
        int tp = 0, fp = 0, fn = 0, rtp = 0, rfp = 0, rfn = 0;
        var lawfulCalledAbuse = new List<string>();
        foreach (var source in real.Select(r => r.Source).Distinct())
        {
            var training = dev.Concat(real.Where(r => r.Source != source)).Select(e => (e.Normalized, (IReadOnlySet<ConductLabel>)e.Labels)).ToList();
            var withModel = new ConductAnalyzer(RulesOnly.Rules, RulesOnly.Policy, NgramModel.Train(training, ShippedThreshold, Explanation));
            foreach (var example in real.Where(r => r.Source == source))
            {
                var rules = RulesOnly.Analyze(example.Text, example.Recipient).Labels.Where(l => !l.IsMetadata()).ToHashSet();
                var both = withModel.Analyze(example.Text, example.Recipient).Labels.Where(l => !l.IsMetadata()).ToHashSet();

                if (example.Labels.SetEquals([ConductLabel.LawfulReminder]) && both.Any(l => l.IsAbusive()))
                {
                    lawfulCalledAbuse.Add($"{example.Text} [{string.Join(", ", both.Select(l => l.Id()))}]");
                }

                Count(example.Labels, both, ref tp, ref fp, ref fn);
                Count(example.Labels, rules, ref rtp, ref rfp, ref rfn);
            }
        }

        return new Folds(F1(rtp, rfp, rfn), rfp, rfn, F1(tp, fp, fn), fp, fn, lawfulCalledAbuse);
    }

    private static void Count(HashSet<ConductLabel> expected, HashSet<ConductLabel> actual, ref int tp, ref int fp, ref int fn)
    {
        tp += actual.Count(expected.Contains);
        fp += actual.Count(l => !expected.Contains(l));
        fn += expected.Count(l => !actual.Contains(l));
    }

    private static double F1(int tp, int fp, int fn) => 2.0 * tp / ((2.0 * tp) + fp + fn);

    private sealed record Folds(double RulesF1, int RulesFp, int RulesFn, double BothF1, int BothFp, int BothFn, List<string> LawfulCalledAbuse);

    /// <summary>A labelled message; <see cref="Settled"/> is false for a corpus line the blind second pass has not reached.</summary>
    private sealed record Labelled(string Text, string Normalized, Recipient Recipient, HashSet<ConductLabel> Labels, string? Source, bool Settled);

    private static Labelled Example(JsonNode node, string? source)
    {
        var text = node["text"]!.GetValue<string>();
        var recipient = node["recipient"]?.GetValue<string>() switch
        {
            "borrower" => Recipient.Borrower,
            "third_party" or "contact" or "employer" => Recipient.ThirdParty,
            _ => Recipient.Unknown,
        };
        var labels = node["labels"]!.AsArray().Select(l => ConductLabels.TryParse(l!.GetValue<string>(), out var label) ? label : throw new FormatException()).ToHashSet();
        return new Labelled(text, ConductData.Analyzer.Normalize(text).Text, recipient, labels, source, source is null || node["labels_b"] is JsonArray);
    }
}
