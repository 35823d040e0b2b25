using System.Text.Json.Nodes;
using DebtShield.Core.Conduct;
using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests.Conduct;

/// <summary>
/// <see cref="ConductAnalyzer.Read"/> completed by <see cref="ConductAnalyzer.Analyze(ConductReading, ConductMessage)"/>
/// against <see cref="ConductAnalyzer.Analyze(ConductMessage)"/>: a batch reads a counted line's words on any core and
/// completes it with its count in input order, so the two must agree on every label and finding, in order, for every
/// count a line can have.
/// </summary>
public sealed class ConductReadingTests
{
    private static ConductAnalyzer Analyzer => ConductData.Analyzer;

    [Fact]
    public void Analyze_ReadingCompletedWithEveryCount_EqualsTheAnalysisOfTheCountedMessage()
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
        var beyond = 0;
        var tied = 0;
        foreach (var text in texts)
        {
            foreach (var recipient in new[] { Recipient.Unknown, Recipient.Borrower, Recipient.ThirdParty })
            {
                // When its words are read once, without a time or a count
                var reading = Analyzer.Read(new ConductMessage(text, recipient));
                foreach (var (time, collector, channel) in from t in new[] { day, night }
                                                           from c in new[] { false, true }
                                                           from ch in new[] { ContactChannel.Message, ContactChannel.Call, ContactChannel.UnansweredCall }
                                                           select (t, c, ch))
                {
                    var uncounted = new ConductMessage(text, recipient, time, channel, FromCollector: collector);
                    for (var count = 0; count <= 8; count++)
                    {
                        var counted = count == 0 ? uncounted
                            : channel == ContactChannel.Message ? uncounted with { MessagesThisHour = count }
                            : uncounted with { ContactNumberToday = count };

                        // and completed with the time and the count
                        var result = Analyzer.Analyze(reading, counted);

                        // Then it is the analysis of the counted message, finding for finding, in order.
                        var expected = Analyzer.Analyze(counted);
                        Assert.Equal(expected.Labels, result.Labels);
                        Assert.Equal(expected.Findings, result.Findings);
                        compared++;
                        beyond += expected.Labels.Contains(ConductLabel.ExcessiveFrequency) ? 1 : 0;
                        tied += expected.Findings.Where(f => f.Start is not null).GroupBy(f => (f.Label, f.Start)).Any(g => g.Count() > 1) ? 1 : 0;
                    }
                }
            }
        }

        // Both sides of every limit were reached, and findings that tie in the analysis's order were among them:
        // a comparison that never adds the frequency finding, or never sorts a tie, proves little.
        Assert.True(beyond > compared / 10 && beyond < compared, $"{beyond} of {compared} comparisons were beyond a limit");
        Assert.True(tied > 0, "no analysis had two findings of one label at one place");
    }

    [Fact]
    public void Analyze_ReadingCompletedTwice_GivesTheSameAnalysisBothTimes()
    {
        // Given the reading of a threat to the borrower's contacts
        var message = new ConductMessage("再不还钱就通知你的家人和同事，让你社死！", Recipient.Borrower, new DateTimeOffset(2026, 11, 28, 23, 30, 0, ChinaStandardTime.Offset));
        var reading = Analyzer.Read(message);

        // When it is completed beyond the hour's limit, then within it
        var beyondLimit = Analyzer.Analyze(reading, message with { MessagesThisHour = 9 });
        var withinLimit = Analyzer.Analyze(reading, message with { MessagesThisHour = 1 });

        // Then the first completion left the reading as it was.
        Assert.Equal(Analyzer.Analyze(message with { MessagesThisHour = 9 }).Findings, beyondLimit.Findings);
        Assert.Equal(Analyzer.Analyze(message with { MessagesThisHour = 1 }).Findings, withinLimit.Findings);
        Assert.Contains(ConductLabel.ExcessiveFrequency, beyondLimit.Labels);
        Assert.DoesNotContain(ConductLabel.ExcessiveFrequency, withinLimit.Labels);
    }

    [Fact]
    public void Analyze_ReadingOfAnotherTextOrRecipient_IsRefused()
    {
        // Given the reading of a message to the borrower
        var reading = Analyzer.Read(new ConductMessage("今天必须还款，否则通知你的家人。", Recipient.Borrower));

        // When it is completed with another text, or the same text to someone else, then it is refused.
        Assert.Throws<ArgumentException>(() => Analyzer.Analyze(reading, new ConductMessage("今天必须还款。", Recipient.Borrower)));
        Assert.Throws<ArgumentException>(() => Analyzer.Analyze(reading, new ConductMessage("今天必须还款，否则通知你的家人。", Recipient.ThirdParty)));
    }
}
