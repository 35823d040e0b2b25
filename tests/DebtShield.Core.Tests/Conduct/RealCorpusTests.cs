using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DebtShield.Core.Conduct;
using DebtShield.Core.Vocabulary;
using DebtShield.Tests.Shared;
using Xunit.Abstractions;

namespace DebtShield.Core.Tests.Conduct;

/// <summary>
/// The analyser on the real corpus (<c>data/conduct/corpus</c>), split by source: the rules were
/// tuned on the tuning sources only; the held-out sources were fixed before any tuning and their
/// misses never looked at, so their figures predict what a borrower will see.
/// </summary>
public sealed class RealCorpusTests(ITestOutputHelper output)
{
    private static readonly string CorpusFolder = RepositoryPaths.Data("conduct", "corpus");

    /// <summary>The sources marked <c>held_out</c> in <c>sources.jsonl</c>: chosen on 2026-12-05 before any tuning, every other source by id.</summary>
    private static readonly HashSet<string> HeldOutSources = File.ReadLines(Path.Combine(CorpusFolder, "sources.jsonl"))
        .Select(l => JsonNode.Parse(l)!).Where(n => n["split"]!.GetValue<string>() == "held_out")
        .Select(n => n["source"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    private static readonly string[] TextLabelIds = [.. ConductLabels.All.Where(l => !l.IsMetadata()).Select(l => l.Id())];

    [Fact]
    public void Corpus_Provenance_EveryMessageHasAKnownSourceAndItsLabelPasses()
    {
        var sources = File.ReadLines(Path.Combine(CorpusFolder, "sources.jsonl"))
            .Select(l => JsonNode.Parse(l)!["source"]!.GetValue<string>()).ToHashSet();
        var messages = Read();

        Assert.True(messages.Count >= 40);
        Assert.All(messages, m => Assert.Contains(m.Source, sources));
        Assert.All(messages, m => Assert.All(m.Labels, l => Assert.Contains(l, TextLabelIds)));
        Assert.Equal(messages.Count, messages.Select(m => m.Text).Distinct().Count());

        // A message labelled twice takes the label both passes agree on, and where they differ the
        // decision and its reason are written in disagreements.md; so is the lead's decision where an agreed
        // label is overruled to keep one script's wording labelled one way (m399, as m153). A message the blind
        // second pass has not reached yet (labels_b null, README: single-labelled) carries its first pass unchanged.
        var decided = File.ReadAllText(Path.Combine(CorpusFolder, "disagreements.md"));
        var twice = messages.Where(m => m.SecondPass is not null).ToList();
        Assert.All(twice.Where(m => m.FirstPass.SetEquals(m.SecondPass!)), m => Assert.True(m.Labels.SetEquals(m.FirstPass) || decided.Contains("| " + m.Id + " |", StringComparison.Ordinal), m.Id));
        Assert.All(twice.Where(m => !m.FirstPass.SetEquals(m.SecondPass!)), m => Assert.Contains("| " + m.Id + " |", decided, StringComparison.Ordinal));
        Assert.All(messages.Where(m => m.SecondPass is null), m => Assert.True(m.Labels.SetEquals(m.FirstPass), m.Id));
    }

    [Fact]
    public void Corpus_LawfulReminders_CarryNoAbusiveLabel()
    {
        var lawful = Read().Where(m => m.Labels.SetEquals(["lawful_reminder"])).ToList();

        Assert.True(lawful.Count >= 15);
        Assert.All(lawful, m => Assert.DoesNotContain(Analyze(m), l => ConductLabels.TryParse(l, out var label) && label.IsAbusive()));
    }

    /// <summary>
    /// A threat the rules miss must not come out as a lawful reminder (the lead's decision, issue 21). As
    /// if every abusive rule missed, the lawful reminder's rule alone reads the tuning side's messages that
    /// are not lawful reminders: the ones with a reminder's words must carry a sign of the pressure or the
    /// legal step the labelling guide names (<c>{PRESSURE}</c>, <c>{CONTACTS}</c>, <c>{VEILED}</c>) and so
    /// get no label. Before the signs, 4 of them came out lawful (m114, m182, m286, m313). Tuning side only:
    /// the held-out side stays unseen.
    /// </summary>
    [Fact]
    public void Corpus_TuningSideWithEveryAbusiveRuleRemoved_CallsNoThreatALawfulReminder()
    {
        var lawfulRuleOnly = ConductData.LawfulReminderRuleOnly;
        var tuning = Read().Where(m => !HeldOutSources.Contains(m.Source)).ToList();

        var calledLawful = tuning.Where(m => !m.Labels.SetEquals(["lawful_reminder"]))
            .Where(m => lawfulRuleOnly.Analyze(m.Text, m.Recipient).Labels.Contains(ConductLabel.LawfulReminder))
            .Select(m => m.Id).ToList();
        var keptLawful = tuning.Count(m => m.Labels.SetEquals(["lawful_reminder"]) && lawfulRuleOnly.Analyze(m.Text, m.Recipient).Labels.Contains(ConductLabel.LawfulReminder));
        output.WriteLine($"tuning side: {keptLawful} of {tuning.Count(m => m.Labels.SetEquals(["lawful_reminder"]))} lawful reminders read as lawful by their rule alone");

        Assert.Empty(calledLawful);
    }

    [Fact]
    public void Corpus_HeldOutSources_LabelNothingThatIsNotThere()
    {
        var heldOut = Read().Where(m => HeldOutSources.Contains(m.Source)).ToList();
        output.WriteLine(Report("held-out sources, all", heldOut.Count, Score(heldOut)));
        var single = heldOut.Where(m => m.SecondPass is null).ToList();
        output.WriteLine(Report("held-out sources, single-labelled (pass B pending)", single.Count, Score(single)));

        // The gate below covers the messages labelled twice: a single pass's labels are one reader's,
        // so the new messages are reported beside them until the blind second pass settles theirs.
        heldOut = [.. heldOut.Where(m => m.SecondPass is not null)];
        var figures = Score(heldOut);
        output.WriteLine(Report("held-out sources, labelled twice", heldOut.Count, figures));
        var tuning = Read().Where(m => !HeldOutSources.Contains(m.Source)).ToList();
        output.WriteLine(Report("tuning sources", tuning.Count, Score(tuning)));
        foreach (var missed in tuning.Where(m => !Analyze(m).SetEquals(m.Labels)))
        {
            // Only the tuning sources' differences are shown: the held-out ones stay unseen.
            output.WriteLine($"tuning difference: {missed.Text} expected [{string.Join(", ", missed.Labels)}] found [{string.Join(", ", Analyze(missed))}]");
        }

        // The issue's recall and F1 targets are not met on unseen sources (docs/benchmarks.md says by
        // how much); what holds, and must keep holding, is precision on the abusive labels: nothing
        // abusive labelled that is not there.
        var abusive = figures.PerLabel.Where(p => ConductLabels.TryParse(p.Key, out var label) && label.IsAbusive()).Select(p => p.Value).ToList();
        var falseAbusive = abusive.Sum(v => v.Fp);
        var trueAbusive = abusive.Sum(v => v.Tp);
        Assert.True(trueAbusive / (double)(trueAbusive + falseAbusive) >= 0.95, $"{falseAbusive} false abusive labels");

        // A threat the analyser misses can come out as a "lawful reminder", which tells a borrower a
        // threat is lawful. On the held-out messages that happened 3 times in 59 when the first
        // independent second pass was merged, 4 times in 84 when the third search's was, and 5 times
        // in 136 when the fifth search's was (2026-12-05); 6 times in 185 with the eighth search's
        // messages, and 3 once a reminder needed no sign of pressure (2026-12-06, issue 21). The misses
        // stay unseen, and the count may only go down for this corpus.
        Assert.True(figures.PerLabel["lawful_reminder"].Fp <= 3, $"{figures.PerLabel["lawful_reminder"].Fp} messages wrongly called lawful reminders");
    }

    private static List<CorpusMessage> Read() =>
        [.. File.ReadLines(Path.Combine(CorpusFolder, "messages.jsonl")).Where(l => l.Length > 0).Select(CorpusMessage.Parse)];

    private static HashSet<string> Analyze(CorpusMessage message) =>
        ConductData.TextLabels(ConductData.Analyzer.Analyze(message.Text, message.Recipient)).ToHashSet();

    private static Figures Score(List<CorpusMessage> messages)
    {
        var perLabel = new Dictionary<string, (int Tp, int Fp, int Fn)>();
        foreach (var message in messages)
        {
            var actual = Analyze(message);
            foreach (var label in TextLabelIds)
            {
                var (tp, fp, fn) = perLabel.GetValueOrDefault(label);
                var expected = message.Labels.Contains(label);
                var found = actual.Contains(label);
                perLabel[label] = (tp + (expected && found ? 1 : 0), fp + (!expected && found ? 1 : 0), fn + (expected && !found ? 1 : 0));
            }
        }

        int tps = perLabel.Values.Sum(v => v.Tp), fps = perLabel.Values.Sum(v => v.Fp), fns = perLabel.Values.Sum(v => v.Fn);
        return new Figures(perLabel, 2.0 * tps / ((2.0 * tps) + fps + fns));
    }

    private static string Report(string title, int count, Figures figures)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{title}: {count} messages, micro-F1 {figures.MicroF1:F3}\n");
        foreach (var (label, (tp, fp, fn)) in figures.PerLabel.Where(p => p.Value.Tp + p.Value.Fn + p.Value.Fp > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {label}: expected {tp + fn}, found {tp}, false {fp}, recall {(tp + fn == 0 ? double.NaN : tp / (double)(tp + fn)):F2}\n");
        }

        return text.ToString();
    }

    private sealed record Figures(Dictionary<string, (int Tp, int Fp, int Fn)> PerLabel, double MicroF1);

    /// <summary>
    /// One corpus line: <see cref="FirstPass"/> is <c>labels_a</c>, <see cref="SecondPass"/> the blind second pass's
    /// <c>labels_b</c> (null until that pass is made).
    /// </summary>
    private sealed record CorpusMessage(string Id, string Source, string Text, Recipient Recipient, HashSet<string> Labels, HashSet<string> FirstPass, HashSet<string>? SecondPass)
    {
        public static CorpusMessage Parse(string line)
        {
            var node = JsonNode.Parse(line)!;
            var recipient = Vocabularies.Recipients.Parse(node["recipient"]!.GetValue<string>())
                ?? throw new FormatException("a corpus line's recipient is none of the vocabulary's words: " + line);
            return new CorpusMessage(
                node["id"]!.GetValue<string>(),
                node["source"]!.GetValue<string>(),
                node["text"]!.GetValue<string>(),
                recipient,
                node["labels"]!.AsArray().Select(l => l!.GetValue<string>()).ToHashSet(),
                node["labels_a"]!.AsArray().Select(l => l!.GetValue<string>()).ToHashSet(),
                (node["labels_b"] as JsonArray)?.Select(l => l!.GetValue<string>()).ToHashSet());
        }
    }
}
