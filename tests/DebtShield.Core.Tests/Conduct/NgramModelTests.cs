using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DebtShield.Core.Conduct;
using DebtShield.Core.Reading;
using DebtShield.Core.Vocabulary;
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

    /// <summary>
    /// What the rules alone reach leave one source out on the messages labelled twice (2026-12-06, helper
    /// s14-conduct, after the lawful reminder's signs of pressure and the tuning side's wording classes:
    /// 0.885, 4 false labels and 69 missed, against 0.861 before them). The eleventh search (2026-12-06)
    /// added 57 messages, 51 of them one bank's collection calls as speech recognition wrote them (S105),
    /// which the rules read far worse: over the 451 messages the rules of that day reached 0.844, and with
    /// helper s18-rules' classes and the guide's readings of the new calls 0.852, 9 false labels and 119
    /// missed; with helper s19-rules' letters to the circle's address, abuse in quotation marks and the one-character
    /// words bounded, 0.879, 8 false labels and 99 missed. The twelfth search (2026-12-06, seventh session) added 10
    /// real messages, the corpus's first to employers among them, and a letter to the borrower's own home was taken out
    /// of the letter class (the lead's decision on m080): 0.878 over the 461, 7 false labels and 103 missed. With helper
    /// s20-rules' classes (the circle outside the threat's sentence, abuse in neutral phrases, the debtor list as fake legal
    /// process, privacy promises over a list; 2026-12-07, eighth session): 0.885, 5 false labels and 99 missed. The
    /// thirteenth search (the same day) added 34 real messages, most of them held out and in new wording: 0.871 over the
    /// 495, 6 false labels and 119 missed. With helper s21-rules' classes (the circle enlisted in the collection, papers
    /// posted to the circle's place, a visit to the circle's people, insults without listed words; 2026-12-07, ninth
    /// session): 0.872, 6 false labels and 118 missed. The fourteenth search's two Cantonese lawful reminders (held out,
    /// labelled twice the same day), which the rules give no label: 0.870 over the 497, 6 false labels and 120 missed. With
    /// helper s22-rules' classes (the recipient of a disclosure, implied exposure and visits, Cantonese reminders, insults
    /// without listed words; 2026-12-07, tenth session): 0.874, 6 false labels and 117 missed. With helper s22-rules2's
    /// classes (涉嫌 a proceeding only with a finding or an authority, the phone's people named by app or list; the same
    /// session): 0.875, 4 false labels and 117 missed. The fifteenth search's one message (m532, tuning, labelled twice;
    /// 2026-12-07, thirteenth session), a shouted call whose threat of exposure and insult the rules miss: 0.874 over the
    /// 498, 4 false labels and 119 missed. With helper s25-rules' first kinds (a menace followed by the circle, crude
    /// dismissal of the reader; the same session): 0.877, 4 false labels and 116 missed; and
    /// pressure-free collection words (a rental's bill, the caller asking when or why the borrower has not paid): 0.892, 4
    /// false labels and 103 missed. With helper s26-rules' court steps said as the lender's recourse (可能会申请强制执行, 向法院起诉;
    /// 2026-12-07, fourteenth session): 0.897, 4 false labels and 98 missed; and a bank caller's pressure-free words (查账,
    /// 逾期风险, 正常上报, 支付令; the same session): 0.906, 4 false labels and 90 missed; and an offer to withdraw a case read
    /// beside the borrower's cards, a promise held to, the Cantonese transfer: 0.909, 4 false labels and 87 missed. The floor
    /// sits just under that figure on today's corpus: it may only go up until new real messages come in.
    /// </summary>
    private const double RulesFloor = 0.908;

    /// <summary>
    /// How much better than the rules the model must do on unseen sources to earn its place: 0.01 of
    /// micro-F1, about five of the corpus's 570 labels, more than the one or two labels by which the
    /// folds have moved between runs of the same analyser on a grown corpus.
    /// </summary>
    private const double ModelMargin = 0.01;

    private static readonly ConductAnalyzer RulesOnly = new(ConductData.Analyzer.Rules, ConductData.Analyzer.Policy);

    /// <summary>The model in <c>model.txt</c>: its thresholds and word classes, so the folds measure that model.</summary>
    private static readonly NgramModel Shipped = NgramModel.Parse(ConductData.Read("model.txt"));

    /// <summary>
    /// The synthetic variants the shipped model was trained on beside the real messages
    /// (<c>data/conduct/synthetic</c>): training signal in every fold, never scored.
    /// </summary>
    private static readonly Lazy<List<Labelled>> Synthetic = new(() =>
        [.. File.ReadLines(RepositoryPaths.Data("conduct", "synthetic", "messages.jsonl")).Where(l => l.Length > 0).Select(l => Example(JsonNode.Parse(l)!, "synthetic"))]);

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

    [Fact]
    public void Tag_TwoCirclesOfOneClass_ReadAsTheSameSymbols()
    {
        var classes = new NgramWordClasses([("CONTACTS", ["你老公", "你领导", "同事"]), ("LEARN", ["会知道"])]);

        var husband = classes.Tag("不还你老公会知道");
        var boss = classes.Tag("不还你领导会知道");

        Assert.Equal(husband, boss);
        Assert.Equal(4, husband.Length);
        Assert.True(NgramWordClasses.IsSymbol(husband[2]));
        Assert.Equal("CONTACTS", classes.NameOf(husband[2]));
    }

    [Fact]
    public void Score_CircleNeverTrainedOn_WeighsAsItsClassLearned()
    {
        // Given threats to tell two circles, and a reminder that tells the borrower himself.
        var examples = new List<(string, IReadOnlySet<ConductLabel>)>
        {
            ("不还就告诉你老公", new HashSet<ConductLabel> { ConductLabel.ThreatExposure }),
            ("不还就告诉你同事", new HashSet<ConductLabel> { ConductLabel.ThreatExposure }),
            ("我们会告诉你还款方式", new HashSet<ConductLabel> { ConductLabel.LawfulReminder }),
            ("请按时还款", new HashSet<ConductLabel> { ConductLabel.LawfulReminder }),
        };
        var classes = new NgramWordClasses([("CONTACTS", ["你老公", "你同事", "你领导"])]);
        var plain = NgramModel.Train(examples, 0.5, Explanation, epochs: 50);
        var tagged = NgramModel.Train(examples, 0.5, Explanation, epochs: 50, classes: classes);

        // When a third circle, in no training message, is to be told.
        const string Text = "告诉你领导";
        var exposure = NgramModel.ScoredLabels.ToList().IndexOf(ConductLabel.ThreatExposure);

        // Then the model with classes scores the threat higher, and quotes the circle's own words.
        Assert.True(tagged.Score(Text)[exposure] > plain.Score(Text)[exposure] + 0.1);
        Assert.Contains(tagged.Reasons(Text, ConductLabel.ThreatExposure), r => r.Ngram.Contains("你领导", StringComparison.Ordinal) && Text.Substring(r.Start, r.Ngram.Length) == r.Ngram);
    }

    [Fact]
    public void Format_ClassesAndThresholdsPerLabel_ParseGivesTheSameModel()
    {
        var examples = new List<(string, IReadOnlySet<ConductLabel>)>
        {
            ("不还就告诉你老公", new HashSet<ConductLabel> { ConductLabel.ThreatExposure }),
            ("请按时还款", new HashSet<ConductLabel> { ConductLabel.LawfulReminder }),
        };
        var classes = new NgramWordClasses([("CONTACTS", ["你老公", "你领导"]), ("DISCLOSE", ["告诉"])]);
        double[] thresholds = [.. NgramModel.ScoredLabels.Select((_, i) => i == 1 ? 0.8 : double.PositiveInfinity)];
        var model = NgramModel.Train(examples, 0.5, Explanation, classes: classes).WithThresholds(thresholds);

        var text = model.Format("# header\n");
        var again = NgramModel.Parse(text);

        Assert.Equal(text, again.Format("# header\n"));
        Assert.Contains("{DISCLOSE}{CONTACTS}", text, StringComparison.Ordinal);
        Assert.Equal(thresholds, again.Thresholds);
        Assert.Equal(model.Score("不还就告诉你领导"), again.Score("不还就告诉你领导"));
    }

    [Fact]
    public void Parse_NgramNamingAnUnknownClass_NamesTheLine()
    {
        var model = NgramModel.Train([("请按时还款", new HashSet<ConductLabel> { ConductLabel.LawfulReminder })], 0.5, Explanation);
        var text = model.Format("") + "{NOPE}x" + string.Concat(NgramModel.ScoredLabels.Select(_ => "\t0")) + "\n";

        var error = Assert.Throws<DataFileException>(() => NgramModel.Parse(text, "model.txt"));

        Assert.StartsWith("model.txt:" + (text.Split('\n').Length - 1).ToString(CultureInfo.InvariantCulture) + ":", error.Message, StringComparison.Ordinal);
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

    /// <summary>
    /// The gate that keeps the model out of the analysis, and would let it back in. The program runs the
    /// rules only (issue 21: with the labelling guide's own wording written as rules, the model found
    /// nothing the rules miss on unseen sources, 0.861 against 0.860; trained with the synthetic variants
    /// and a threshold per label, s17, 0.883 against 0.886, and one lawful reminder called abuse). Leave one source out, the rules
    /// must keep the figure they reach now, and call no lawful reminder abuse; the model, retrained per
    /// fold, is reported beside them, and when it beats them by <see cref="ModelMargin"/> without calling a
    /// lawful reminder abuse, this test fails to say so: then switch it back on in
    /// <c>ConductDataReader</c> and move this gate to the analyser with the model.
    /// </summary>
    [Fact]
    public void LeaveOneSourceOut_RulesAlone_KeepTheirFigureAndTheModelStaysOffUntilItBeatsThem()
    {
        var dev = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Core.Tests", "Conduct", "dev-set.jsonl"))
            .Where(l => l.Length > 0).Select(l => Example(JsonNode.Parse(l)!, null)).ToList();
        var real = File.ReadLines(RepositoryPaths.Data("conduct", "corpus", "messages.jsonl"))
            .Where(l => l.Length > 0).Select(l => { var n = JsonNode.Parse(l)!; return Example(n, n["source"]!.GetValue<string>()); }).ToList();

        // The gate covers the messages whose labels are settled (labelled twice); a message the blind
        // second pass has not reached yet is one reader's labels and is reported beside it.
        var settled = LeaveOneSourceOut(dev, [.. real.Where(r => r.Settled)]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leave one source out, labelled twice: rules F1 {settled.RulesF1:F3} (fp {settled.RulesFp}, fn {settled.RulesFn}); rules+model F1 {settled.BothF1:F3} (fp {settled.BothFp}, fn {settled.BothFn})"));
        output.WriteLine(settled.PerLabel);
        if (real.Any(r => !r.Settled))
        {
            var all = LeaveOneSourceOut(dev, real);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leave one source out, all (single-labelled included): rules F1 {all.RulesF1:F3}; rules+model F1 {all.BothF1:F3}"));
        }

        foreach (var text in settled.LawfulCalledAbuse)
        {
            output.WriteLine("lawful reminder called abuse by the rules and the model: " + text);
        }

        Assert.Empty(settled.RulesLawfulCalledAbuse);
        Assert.True(settled.RulesF1 >= RulesFloor, string.Create(CultureInfo.InvariantCulture, $"the rules fell to {settled.RulesF1:F3} on unseen sources, below {RulesFloor}"));
        var modelEarnsItsPlace = settled.BothF1 >= settled.RulesF1 + ModelMargin && settled.LawfulCalledAbuse.Count == 0;
        Assert.False(modelEarnsItsPlace, string.Create(CultureInfo.InvariantCulture, $"the model now beats the rules on unseen sources ({settled.BothF1:F3} against {settled.RulesF1:F3}) and calls no lawful reminder abuse: switch it back on in ConductDataReader and move this gate to the analyser with the model"));
    }

    /// <summary>
    /// The model's threshold is chosen on the tuning side only: with the model retrained for each tuning
    /// source left out (the development set and the other tuning sources; no held-out source is read),
    /// the model must add no label the rules did not find wrongly. At 0.5 it called S01's announced visit
    /// ("工作人员将上门核实你的经济情况") a threat of exposure as well (issue 21, eighth search).
    /// </summary>
    [Fact]
    public void LeaveOneTuningSourceOut_ModelThreshold_ModelAddsNoWrongLabel()
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

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leave one tuning source out, thresholds {string.Join(" ", Shipped.Thresholds.Select(t => t.ToString(CultureInfo.InvariantCulture)))}: rules F1 {folds.RulesF1:F3} (fp {folds.RulesFp}, fn {folds.RulesFn}); rules+model F1 {folds.BothF1:F3} (fp {folds.BothFp}, fn {folds.BothFn})"));
        Assert.Equal(folds.RulesFp, folds.BothFp);
    }

    /// <summary>
    /// Retrains the model once per real source on the development set and the other sources (the
    /// setting of bench's train-conduct-model: 30 epochs, rate 0.2, and the threshold written in the
    /// model.txt) and scores that source.
    /// </summary>
    private static Folds LeaveOneSourceOut(List<Labelled> dev, List<Labelled> real)
    {
        int tp = 0, fp = 0, fn = 0, rtp = 0, rfp = 0, rfn = 0;
        var perLabel = ConductLabels.All.Where(l => !l.IsMetadata()).ToDictionary(l => l, _ => new int[6]);
        var lawfulCalledAbuse = new List<string>();
        var rulesLawfulCalledAbuse = new List<string>();
        foreach (var source in real.Select(r => r.Source).Distinct())
        {
            var training = dev.Concat(real.Where(r => r.Source != source)).Concat(Synthetic.Value).Select(e => (e.Normalized, (IReadOnlySet<ConductLabel>)e.Labels)).ToList();
            var withModel = new ConductAnalyzer(RulesOnly.Rules, RulesOnly.Policy, NgramModel.Train(training, 0.5, Explanation, classes: Shipped.WordClasses).WithThresholds(Shipped.Thresholds));
            foreach (var example in real.Where(r => r.Source == source))
            {
                var rules = RulesOnly.Analyze(example.Text, example.Recipient).Labels.Where(l => !l.IsMetadata()).ToHashSet();
                var both = withModel.Analyze(example.Text, example.Recipient).Labels.Where(l => !l.IsMetadata()).ToHashSet();

                if (example.Labels.SetEquals([ConductLabel.LawfulReminder]) && both.Any(l => l.IsAbusive()))
                {
                    lawfulCalledAbuse.Add($"{example.Text} [{string.Join(", ", both.Select(l => l.Id()))}]");
                }

                if (example.Labels.SetEquals([ConductLabel.LawfulReminder]) && rules.Any(l => l.IsAbusive()))
                {
                    rulesLawfulCalledAbuse.Add($"{example.Text} [{string.Join(", ", rules.Select(l => l.Id()))}]");
                }

                Count(example.Labels, both, ref tp, ref fp, ref fn);
                Count(example.Labels, rules, ref rtp, ref rfp, ref rfn);
                foreach (var (label, counts) in perLabel)
                {
                    var expected = example.Labels.Contains(label);
                    counts[0] += expected && rules.Contains(label) ? 1 : 0;
                    counts[1] += !expected && rules.Contains(label) ? 1 : 0;
                    counts[2] += expected && !rules.Contains(label) ? 1 : 0;
                    counts[3] += expected && both.Contains(label) ? 1 : 0;
                    counts[4] += !expected && both.Contains(label) ? 1 : 0;
                    counts[5] += expected && !both.Contains(label) ? 1 : 0;
                }
            }
        }

        var table = new StringBuilder("label                      | rules tp fp fn recall | rules+model tp fp fn recall");
        foreach (var (label, c) in perLabel)
        {
            table.Append(CultureInfo.InvariantCulture, $"\n{label.Id(),-26} | {c[0],8} {c[1],2} {c[2],2} {Recall(c[0], c[2]),6:F3} | {c[3],14} {c[4],2} {c[5],2} {Recall(c[3], c[5]),6:F3}");
        }

        return new Folds(F1(rtp, rfp, rfn), rfp, rfn, F1(tp, fp, fn), fp, fn, lawfulCalledAbuse, rulesLawfulCalledAbuse, table.ToString());
    }

    private static double Recall(int tp, int fn) => tp + fn == 0 ? double.NaN : tp / (double)(tp + fn);

    private static void Count(HashSet<ConductLabel> expected, HashSet<ConductLabel> actual, ref int tp, ref int fp, ref int fn)
    {
        tp += actual.Count(expected.Contains);
        fp += actual.Count(l => !expected.Contains(l));
        fn += expected.Count(l => !actual.Contains(l));
    }

    private static double F1(int tp, int fp, int fn) => 2.0 * tp / ((2.0 * tp) + fp + fn);

    /// <summary>The folds' figures; <see cref="PerLabel"/> is a table of each text label's counts and recall, rules and rules + model.</summary>
    private sealed record Folds(double RulesF1, int RulesFp, int RulesFn, double BothF1, int BothFp, int BothFn, List<string> LawfulCalledAbuse, List<string> RulesLawfulCalledAbuse, string PerLabel);

    /// <summary>A labelled message; <see cref="Settled"/> is false for a corpus line the blind second pass has not reached.</summary>
    private sealed record Labelled(string Text, string Normalized, Recipient Recipient, HashSet<ConductLabel> Labels, string? Source, bool Settled);

    private static Labelled Example(JsonNode node, string? source)
    {
        var text = node["text"]!.GetValue<string>();
        var recipient = Vocabularies.Recipients.Parse(node["recipient"]?.GetValue<string>()) ?? Recipient.Unknown;
        var labels = node["labels"]!.AsArray().Select(l => ConductLabels.TryParse(l!.GetValue<string>(), out var label) ? label : throw new FormatException()).ToHashSet();
        return new Labelled(text, ConductData.Analyzer.Normalize(text).Text, recipient, labels, source, source is null || node["labels_b"] is JsonArray);
    }
}
