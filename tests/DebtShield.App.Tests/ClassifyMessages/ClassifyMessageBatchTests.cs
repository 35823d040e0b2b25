using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DebtShield.App.ClassifyMessages;
using DebtShield.Core.Conduct;

namespace DebtShield.App.Tests.ClassifyMessages;

public sealed class ClassifyMessageBatchTests
{
    [Fact]
    public async Task RunAsync_GoodAndBadLines_WritesOneResultPerLineInOrder()
    {
        // Given a threat, a malformed line, a blank line, a line without text, a bad recipient and a reminder.
        var input = string.Join('\n',
            """{"id":"a","text":"再不还就把你的欠款发给你通讯录里所有人","recipient":"borrower"}""",
            "{not json",
            "",
            """{"id":"c","recipient":"borrower"}""",
            """{"id":"d","text":"x","recipient":"boss"}""",
            """{"id":7,"text":"您本期应还1,200元，请按时还款。","time":"2026-11-28T23:10:00"}""");

        // When
        var (summary, output) = await Run(input);

        // Then
        Assert.Equal((2L, 3L), (summary.Messages, summary.Errors));
        Assert.Equal([1, 2, 4, 5, 6], output.Select(o => o["line"]!.GetValue<int>()));
        Assert.Equal("a", output[0]["id"]!.GetValue<string>());
        Assert.Equal(["threat_exposure"], Labels(output[0]));
        var finding = output[0]["findings"]![0]!;
        Assert.Equal("发给你通讯录", "再不还就把你的欠款发给你通讯录里所有人"[finding["start"]!.GetValue<int>()..finding["end"]!.GetValue<int>()]);
        Assert.Contains("pipl-art10", finding["citations"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.NotNull(output[1]["error"]);
        Assert.Contains("text", output[2]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("boss", output[3]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("7", output[4]["id"]!.GetValue<string>());
        Assert.Equal(["lawful_reminder", "off_hours"], Labels(output[4]));
    }

    [Fact]
    public async Task RunAsync_RecipientWrittenAsTheCorpusWritesIt_ReadsAContactAsSomeoneElse()
    {
        // Given a line in the conduct corpus's own form: the recipient a contact, not "third_party".
        var (summary, output) = await Run("""{"id":"m1","text":"请转告您的同事王某，他在本平台的欠款已逾期。","recipient":"contact"}""");

        // Then it is read and labelled as a message to someone else, not refused.
        Assert.Equal((1L, 0L), (summary.Messages, summary.Errors));
        Assert.Contains("third_party_disclosure", Labels(output[0]));
    }

    [Fact]
    public async Task RunAsync_PlainText_ClassifiesEachLine()
    {
        var (summary, output) = await Run("老赖，还钱\n\n您本期应还500元，请按时还款。\n", ClassifyInput.PlainText);

        Assert.Equal(2, summary.Messages);
        Assert.Equal(["insult"], Labels(output[0]));
        Assert.Equal(3, output[1]["line"]!.GetValue<int>());
        Assert.Equal(["lawful_reminder"], Labels(output[1]));
    }

    [Fact]
    public async Task RunAsync_ConnectedCallsAcrossChunks_FlagsTheFourthOfTheDayInInputOrder()
    {
        // 10,000 messages span several chunks analysed in parallel; calls are counted in input order.
        var lines = new List<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            lines.Add(i % 2000 == 0
                ? $$"""{"id":"{{n}}","text":"","channel":"call","from":"lender","time":"2026-11-28T10:00:00+08:00"}"""
                : $$"""{"id":"{{n}}","text":"您本期应还{{n}}元，请按时还款。"}""");
        }

        var (summary, output) = await Run(string.Join('\n', lines));

        Assert.Equal(10_000, summary.Messages);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i.ToString(CultureInfo.InvariantCulture)), output.Select(o => o["id"]!.GetValue<string>()));
        var calls = output.Where((_, i) => i % 2000 == 0).Select(o => Labels(o).Contains("excessive_frequency")).ToList();
        Assert.Equal([false, false, false, true, true], calls);
    }

    [Fact]
    public async Task RunAsync_SendersOverAndUnderTheirLimitsAcrossChunks_LabelsEachLineAsAnalysedWithItsCount()
    {
        // Given 9,000 lines over three chunks: a sender's texts and another's calls and unanswered
        // calls, each every ten minutes, so each sender passes its limit of the hour or the day.
        var start = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(8));
        var lines = new List<string>();
        for (var i = 0; i < 9_000; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var time = start.AddSeconds(200L * i).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
            var channel = (i % 3) switch { 0 => "message", 1 => "call", _ => "unanswered_call" };
            lines.Add($$"""{"id":"{{n}}","text":"您本期应还{{n}}元，请按时还款。","channel":"{{channel}}","from":"s{{i % 3}}","time":"{{time}}"}""");
        }

        // When
        var (summary, output) = await Run(string.Join('\n', lines));

        // Then every line is labelled as the analyser labels it given its count in input order.
        var analyzer = ClassifyMessage.Analyzer;
        var texts = new HourlyMessageCounter();
        var contacts = new DailyContactCounter(analyzer.Policy);
        var expected = lines.Select(text =>
        {
            var line = MessageLine.Parse(Encoding.UTF8.GetBytes(text), out _)!;
            var message = line.Message.Channel == ContactChannel.Message
                ? line.Message with { MessagesThisHour = texts.Count(line.From, line.Message.Time!.Value) }
                : line.Message with { ContactNumberToday = contacts.Count(line.From, line.Message.Time!.Value, line.Message.Channel) };
            return analyzer.Analyze(message).Labels.Select(l => l.Id()).ToArray();
        }).ToList();
        Assert.Equal(9_000, summary.Messages);
        Assert.Equal(expected, output.Select(Labels));
        Assert.Contains(output, o => Labels(o).Contains("excessive_frequency"));
        Assert.Contains(output, o => !Labels(o).Contains("excessive_frequency"));
    }

    private static string[] Labels(JsonNode node) => [.. node["labels"]!.AsArray().Select(l => l!.GetValue<string>())];

    private static async Task<(ClassifyBatchSummary Summary, List<JsonNode> Output)> Run(string input, ClassifyInput format = ClassifyInput.JsonLines)
    {
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var sink = new MemoryStream();
        var summary = await ClassifyMessageBatch.RunAsync(source, sink, format);
        var output = Encoding.UTF8.GetString(sink.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .ToList();
        return (summary, output);
    }
}
