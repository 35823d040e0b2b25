using System.Text.Json.Nodes;
using DebtShield.Core.Conduct;
using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests.Conduct;

/// <summary>
/// <see cref="ConductAnalyzer.AddFrequency"/> against <see cref="ConductAnalyzer.Analyze(ConductMessage)"/>:
/// a batch analyses a counted line without its count and adds the count afterwards, so the two
/// must agree on every label and finding, in order, for every count a line can have.
/// </summary>
public sealed class AddFrequencyTests
{
    private static ConductAnalyzer Analyzer => ConductData.Analyzer;

    [Fact]
    public void AddFrequency_EveryCountOfEveryDevSetMessage_EqualsTheAnalysisWithTheCount()
    {
        // Given every text of the development set and the shared examples, sent to each kind of
        // recipient, by day and by night, by a known collector or not, on each channel.
        var texts = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Core.Tests", "Conduct", "dev-set.jsonl"))
            .Concat(File.ReadLines(Path.Combine(RepositoryPaths.TestVectors, "conduct", "examples.jsonl")))
            .Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!["text"]!.GetValue<string>())
            .Append(string.Empty)
            .ToList();
        var day = new DateTimeOffset(2026, 11, 28, 10, 0, 0, ChinaStandardTime.Offset);
        var night = new DateTimeOffset(2026, 11, 28, 23, 30, 0, ChinaStandardTime.Offset);
        var compared = 0;
        var added = 0;
        foreach (var text in texts)
        {
            foreach (var recipient in new[] { Recipient.Unknown, Recipient.Borrower, Recipient.ThirdParty })
            {
                foreach (var (time, collector, channel) in from t in new[] { day, night }
                                                           from c in new[] { false, true }
                                                           from ch in new[] { ContactChannel.Message, ContactChannel.Call, ContactChannel.UnansweredCall }
                                                           select (t, c, ch))
                {
                    var uncounted = new ConductMessage(text, recipient, time, channel, FromCollector: collector);
                    var without = Analyzer.Analyze(uncounted);
                    for (var count = 1; count <= 8; count++)
                    {
                        var counted = channel == ContactChannel.Message
                            ? uncounted with { MessagesThisHour = count }
                            : uncounted with { ContactNumberToday = count };

                        // When the count is added to the analysis made without it
                        var result = Analyzer.AddFrequency(without, counted);

                        // Then it is the analysis made with it
                        var expected = Analyzer.Analyze(counted);
                        Assert.Equal(expected.Labels, result.Labels);
                        Assert.Equal(expected.Findings, result.Findings);
                        Assert.Equal(ReferenceEquals(result, without), !expected.Labels.Contains(ConductLabel.ExcessiveFrequency));
                        compared++;
                        added += expected.Labels.Contains(ConductLabel.ExcessiveFrequency) ? 1 : 0;
                    }
                }
            }
        }

        // Both sides of every limit were reached: a test that never adds the finding proves nothing.
        Assert.True(added > compared / 10 && added < compared, $"{added} of {compared} comparisons added the finding");
    }

    [Fact]
    public void AddFrequency_FindingsThatTieInTheSort_ReadsTheMessageAgain()
    {
        // Given an analysis whose two findings tie (same label, same place): their order after the
        // finding is added cannot be known from the analysis alone.
        var message = new ConductMessage("您本期应还1,200元，请按时还款。", Recipient.Borrower, new DateTimeOffset(2026, 11, 28, 10, 0, 0, ChinaStandardTime.Offset), ContactChannel.Call);
        var read = Analyzer.Analyze(message);
        var finding = Assert.Single(read.Findings);
        var tied = new ConductAnalysis(read.Labels, [finding, finding with { Rule = finding.Rule + ".copy" }]);

        // When a call beyond the day's limit is added to it
        var result = Analyzer.AddFrequency(tied, message with { ContactNumberToday = 9 });

        // Then the message is analysed again with its count, as Analyze gives it.
        var expected = Analyzer.Analyze(message with { ContactNumberToday = 9 });
        Assert.Equal(expected.Findings, result.Findings);
        Assert.Equal([ConductLabel.LawfulReminder, ConductLabel.ExcessiveFrequency], result.Labels);
    }
}
