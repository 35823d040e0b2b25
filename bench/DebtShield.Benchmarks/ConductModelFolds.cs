using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DebtShield.Core.Conduct;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.Conduct;

namespace DebtShield.Benchmarks;

/// <summary>
/// The conduct model measured as issue 21 asks: retrained for each tuning source left out (on the
/// written development set, the other tuning sources and, if asked, the synthetic variants), scored on
/// that source beside the rules. The held-out sources are read only by <see cref="HeldOut"/>, once.
/// </summary>
internal sealed class ConductModelFolds
{
    /// <summary>The thresholds tried for each label, lowest first.</summary>
    public static readonly double[] Grid = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

    private static readonly ConductExplanation Explanation = new("字词：{0}", "words: {0}");

    private readonly string _root;

    public ConductModelFolds(string root)
    {
        _root = root;
        var conduct = Path.Combine(root, "data", "conduct");
        if (!Directory.Exists(Path.Combine(conduct, "corpus")))
        {
            throw new DirectoryNotFoundException("Run from the repository's root: " + conduct + " has no corpus.");
        }

        Rules = ConductDataReader.Load(conduct);
        var split = File.ReadLines(Path.Combine(conduct, "corpus", "sources.jsonl"))
            .Select(l => JsonNode.Parse(l)!)
            .ToDictionary(n => n["source"]!.GetValue<string>(), n => n["split"]!.GetValue<string>(), StringComparer.Ordinal);
        Dev = [.. File.ReadLines(Path.Combine(root, "tests", "DebtShield.Core.Tests", "Conduct", "dev-set.jsonl")).Where(l => l.Length > 0).Select(l => Read(JsonNode.Parse(l)!, null))];
        var real = File.ReadLines(Path.Combine(conduct, "corpus", "messages.jsonl")).Where(l => l.Length > 0)
            .Select(l => { var n = JsonNode.Parse(l)!; return Read(n, n["source"]!.GetValue<string>()); }).ToList();
        Tuning = [.. real.Where(r => split[r.Source!] == "tuning")];
        HeldOutMessages = [.. real.Where(r => split[r.Source!] == "held_out")];
        Synthetic = [.. ConductSyntheticSet.Make(conduct).Select(v => new Labelled(v.Text, Rules.Normalize(v.Text).Text, v.Recipient == "borrower" ? Recipient.Borrower : Recipient.ThirdParty, [.. v.Labels], "synthetic"))];
        Classes = new NgramWordClasses([.. ClassNames.Select(name => (name, (IReadOnlyList<string>)[.. LexiconClasses(conduct)[name].Select(w => Rules.Normalize(w).Text)]))]);
    }

    /// <summary>
    /// The lexicon's classes the model reads as one symbol: the circles, the acts of telling and their tenses,
    /// the conditions, negations, the recipient's address, authorities and personal data — the guide's
    /// classes of wording for the labels the rules miss most (threats of exposure, disclosures).
    /// </summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["CONTACTS", "DISCLOSE", "PUBLISH", "ONLINE", "LEARN", "TALK", "SEE", "AUDIENCE", "TOLD", "HEARD", "ACT_DONE", "LATER", "IF_NOT", "NEGATION", "THIRD_ADDRESS", "AUTHORITY", "PII", "PUBLIC_PLACE", "VEILED"];

    public ConductAnalyzer Rules { get; }

    public List<Labelled> Dev { get; }

    public List<Labelled> Tuning { get; }

    public List<Labelled> HeldOutMessages { get; }

    public List<Labelled> Synthetic { get; }

    public NgramWordClasses Classes { get; }

    /// <summary>A labelled message, normalised as the rules see it.</summary>
    public sealed record Labelled(string Text, string Normalized, Recipient Recipient, HashSet<ConductLabel> Labels, string? Source);

    /// <summary>One scored message of a fold: its truth, the rules' labels and what the model adds at each grid threshold.</summary>
    public sealed record Scored(Labelled Message, HashSet<ConductLabel> Rules, HashSet<ConductLabel>[] Added, double[] Probabilities);

    /// <summary>How a model is trained: with the word classes or not, with the synthetic variants or not.</summary>
    public sealed record Setting(string Name, bool WithClasses, bool WithSynthetic);

    /// <summary>A model trained on <paramref name="messages"/> (and the synthetic variants, if the setting says so), every threshold 0.5.</summary>
    public NgramModel Train(Setting setting, IEnumerable<Labelled> messages, ConductExplanation? explanation = null) =>
        NgramModel.Train(
            [.. messages.Concat(setting.WithSynthetic ? Synthetic : []).Select(e => (e.Normalized, (IReadOnlySet<ConductLabel>)e.Labels))],
            0.5,
            explanation ?? Explanation,
            classes: setting.WithClasses ? Classes : null);

    /// <summary>Leave one tuning source out: each tuning message scored by a model that never saw its source.</summary>
    public List<Scored> LeaveOneTuningSourceOut(Setting setting)
    {
        var scored = new List<Scored>();
        foreach (var source in Tuning.Select(t => t.Source).Distinct())
        {
            var model = Train(setting, Dev.Concat(Tuning.Where(t => t.Source != source)));
            scored.AddRange(Score(model, Tuning.Where(t => t.Source == source)));
        }

        return scored;
    }

    /// <summary>The held-out sources scored by a model trained on the development set and every tuning source.</summary>
    public List<Scored> HeldOut(Setting setting) => Score(Train(setting, Dev.Concat(Tuning)), HeldOutMessages);

    private List<Scored> Score(NgramModel model, IEnumerable<Labelled> messages)
    {
        var analyzers = Grid.Select(t => new ConductAnalyzer(Rules.Rules, Rules.Policy, model.WithThresholds([.. NgramModel.ScoredLabels.Select(_ => t)]))).ToArray();
        var scored = new List<Scored>();
        foreach (var m in messages)
        {
            var rules = TextLabels(Rules.Analyze(m.Text, m.Recipient).Labels);
            var added = analyzers.Select(a => TextLabels(a.Analyze(m.Text, m.Recipient).Labels).Where(l => l.IsAbusive() && !rules.Contains(l)).ToHashSet()).ToArray();
            scored.Add(new Scored(m, rules, added, model.Score(m.Normalized)));
        }

        return scored;
    }

    /// <summary>
    /// For each label, the lowest threshold of the grid at which the model, over <paramref name="scored"/>,
    /// adds no wrong label of it (nor at any higher threshold): the most the model may find where it has
    /// found nothing wrong. Off (never) where it adds a wrong one even at the highest.
    /// </summary>
    public static double[] ChooseThresholds(List<Scored> scored)
    {
        var thresholds = new double[NgramModel.ScoredLabels.Count];
        for (var l = 0; l < thresholds.Length; l++)
        {
            var label = NgramModel.ScoredLabels[l];
            thresholds[l] = double.PositiveInfinity;
            for (var g = Grid.Length - 1; g >= 0 && !scored.Exists(s => s.Added[g].Contains(label) && !s.Message.Labels.Contains(label)); g--)
            {
                thresholds[l] = Grid[g];
            }
        }

        return thresholds;
    }

    /// <summary>
    /// The same folds with the model heard only where the rules found no abuse (issue 21, s21): a message the rules
    /// already call abusive keeps the rules' labels, so the model can only add to what the rules read as harmless.
    /// </summary>
    public static List<Scored> WhereRulesFoundNoAbuse(List<Scored> scored) =>
        [.. scored.Select(s => s.Rules.Any(l => l.IsAbusive()) ? s with { Added = [.. s.Added.Select(_ => new HashSet<ConductLabel>())] } : s)];

    /// <summary>The labels of rules plus model with a threshold per label (lawful reminder withdrawn where an abuse label was added).</summary>
    public static HashSet<ConductLabel> Combined(Scored s, double[] thresholds)
    {
        var labels = new HashSet<ConductLabel>(s.Rules);
        for (var l = 0; l < thresholds.Length; l++)
        {
            var g = Array.IndexOf(Grid, thresholds[l]);
            if (g >= 0 && s.Added[g].Contains(NgramModel.ScoredLabels[l]))
            {
                labels.Add(NgramModel.ScoredLabels[l]);
            }
        }

        if (labels.Any(l => l.IsAbusive()))
        {
            labels.Remove(ConductLabel.LawfulReminder);
        }

        return labels;
    }

    /// <summary>Writes per-label counts and micro-F1 for the rules and for rules + model at the given thresholds.</summary>
    public static string Report(string title, List<Scored> scored, double[] thresholds)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{title} ({scored.Count} messages)\n");
        text.Append("label                      truth | rules tp fp fn | rules+model tp fp fn | threshold\n");
        int rtp = 0, rfp = 0, rfn = 0, btp = 0, bfp = 0, bfn = 0;
        var lawfulCalledAbuse = 0;
        foreach (var label in ConductLabels.All.Where(l => !l.IsMetadata()))
        {
            int truth = 0, tp = 0, fp = 0, fn = 0, mtp = 0, mfp = 0, mfn = 0;
            foreach (var s in scored)
            {
                var both = Combined(s, thresholds);
                var expected = s.Message.Labels.Contains(label);
                truth += expected ? 1 : 0;
                tp += expected && s.Rules.Contains(label) ? 1 : 0;
                fp += !expected && s.Rules.Contains(label) ? 1 : 0;
                fn += expected && !s.Rules.Contains(label) ? 1 : 0;
                mtp += expected && both.Contains(label) ? 1 : 0;
                mfp += !expected && both.Contains(label) ? 1 : 0;
                mfn += expected && !both.Contains(label) ? 1 : 0;
            }

            rtp += tp;
            rfp += fp;
            rfn += fn;
            btp += mtp;
            bfp += mfp;
            bfn += mfn;
            var l = NgramModel.ScoredLabels.ToList().IndexOf(label);
            var threshold = l < 0 || label == ConductLabel.LawfulReminder ? "-" : double.IsPositiveInfinity(thresholds[l]) ? "off" : thresholds[l].ToString("0.00", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{label.Id(),-26} {truth,5} | {tp,8} {fp,2} {fn,2} | {mtp,14} {mfp,2} {mfn,2} | {threshold}\n");
        }

        foreach (var s in scored.Where(s => s.Message.Labels.SetEquals([ConductLabel.LawfulReminder]) && Combined(s, thresholds).Any(l => l.IsAbusive())))
        {
            lawfulCalledAbuse++;
            text.Append(CultureInfo.InvariantCulture, $"  lawful reminder called abuse: {s.Message.Source} {s.Message.Text} [{string.Join(", ", Combined(s, thresholds).Select(l => l.Id()))}]\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"micro-F1 rules {F1(rtp, rfp, rfn):F3} (tp {rtp}, fp {rfp}, fn {rfn}); rules+model {F1(btp, bfp, bfn):F3} (tp {btp}, fp {bfp}, fn {bfn}); lawful reminders called abuse {lawfulCalledAbuse}\n");
        return text.ToString();
    }

    /// <summary>
    /// Item 1 of the issue's model section: per label, what the model alone (at <paramref name="threshold"/>)
    /// finds that the rules miss, what the rules find that it misses, and its wrong labels.
    /// </summary>
    public static string Compare(List<Scored> scored, double threshold, bool examples)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"model alone at {threshold:0.00} against the rules, per label: model-only right | rules-only right | model wrong | rules wrong | model alone right\n");
        for (var l = 0; l < NgramModel.ScoredLabels.Count; l++)
        {
            var label = NgramModel.ScoredLabels[l];
            var modelOnly = scored.Where(s => s.Probabilities[l] >= threshold && !s.Rules.Contains(label) && s.Message.Labels.Contains(label)).ToList();
            var rulesOnly = scored.Where(s => s.Probabilities[l] < threshold && s.Rules.Contains(label) && s.Message.Labels.Contains(label)).ToList();
            var modelWrong = scored.Where(s => s.Probabilities[l] >= threshold && !s.Message.Labels.Contains(label)).ToList();
            var rulesWrong = scored.Where(s => s.Rules.Contains(label) && !s.Message.Labels.Contains(label)).ToList();
            var modelRight = scored.Count(s => s.Probabilities[l] >= threshold && s.Message.Labels.Contains(label));
            text.Append(CultureInfo.InvariantCulture, $"{label.Id(),-26} {modelOnly.Count,4} | {rulesOnly.Count,4} | {modelWrong.Count,4} | {rulesWrong.Count,4} | {modelRight,4}\n");
            if (examples)
            {
                foreach (var s in modelOnly)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    + model only: {s.Message.Source} {Cut(s.Message.Text)}\n");
                }

                foreach (var s in modelWrong)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    - model wrong: {s.Message.Source} {Cut(s.Message.Text)} [{string.Join(", ", s.Message.Labels.Select(x => x.Id()))}]\n");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The thresholds chosen for each source without that source (from the other sources' fold scores),
    /// so the figure does not score the choice on the messages it was made from.
    /// </summary>
    public static string NestedReport(string title, List<Scored> scored)
    {
        var combined = new List<Scored>();
        var perSource = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var source in scored.Select(s => s.Message.Source!).Distinct())
        {
            perSource[source] = ChooseThresholds([.. scored.Where(s => s.Message.Source != source)]);
        }

        // Report takes one threshold vector: give each message the vector chosen without its source by
        // rewriting its additions to that vector's, then report at a vector every label reads as "as given".
        foreach (var s in scored)
        {
            var thresholds = perSource[s.Message.Source!];
            var added = Grid.Select(_ => new HashSet<ConductLabel>()).ToArray();
            for (var l = 0; l < thresholds.Length; l++)
            {
                var g = Array.IndexOf(Grid, thresholds[l]);
                if (g >= 0 && s.Added[g].Contains(NgramModel.ScoredLabels[l]))
                {
                    added[0].Add(NgramModel.ScoredLabels[l]);
                }
            }

            combined.Add(s with { Added = added });
        }

        return Report(title, combined, [.. NgramModel.ScoredLabels.Select(_ => Grid[0])]);
    }

    private static string Cut(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static double F1(int tp, int fp, int fn) => 2.0 * tp / ((2.0 * tp) + fp + fn);

    private static HashSet<ConductLabel> TextLabels(IEnumerable<ConductLabel> labels) => [.. labels.Where(l => !l.IsMetadata())];

    private static Dictionary<string, IReadOnlyList<string>> LexiconClasses(string conduct) =>
        ConductSyntheticSet.ReadClasses(Path.Combine(conduct, "lexicon.txt"));

    private Labelled Read(JsonNode node, string? source)
    {
        var text = node["text"]!.GetValue<string>();
        var recipient = Vocabularies.Recipients.Parse(node["recipient"]?.GetValue<string>()) ?? Recipient.Unknown;
        var labels = node["labels"]!.AsArray()
            .Select(l => ConductLabels.TryParse(l!.GetValue<string>(), out var label) ? label : throw new FormatException("unknown label in " + _root + ": " + node.ToJsonString()))
            .ToHashSet();
        return new Labelled(text, Rules.Normalize(text).Text, recipient, labels, source);
    }
}
