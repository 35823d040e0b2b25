using DebtShield.App.RecordEvidence;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Screenshots;
using DebtShield.Import.Screenshots;
using DebtShield.Tests.Screenshots;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.Evidence;

/// <summary>
/// The whole screenshot import on painted chat screenshots: real Tesseract, real SQLite and
/// PostgreSQL. The texts are painted in Noto Sans CJK, so what comes back can be compared with
/// what was painted.
/// </summary>
/// <remarks>
/// The painted conversation is read once for the class (<see cref="PaintedConversation"/>): the
/// tests that only need what it reads append that reading, as <see cref="ImportScreenshots.ImportAsync"/>
/// does after its own <see cref="ImportScreenshots.ReadAsync"/>. On each provider the import end
/// to end still runs in <see cref="ImportScreenshots_TheSameImageTwiceOrAnOverlappingScreenshot_AddsNoDuplicates"/>
/// (its second import reads the scrolled screenshot and skips the one already kept); the contact's
/// phone, the refusals and the bill page go through it on SQLite.
/// </remarks>
public sealed class ScreenshotImportTests(ScreenshotImportTests.PaintedConversation painted) : IClassFixture<ScreenshotImportTests.PaintedConversation>, IDisposable
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    internal static readonly ChatItem[] Conversation =
    [
        new ChatStamp("昨天 21:43"),
        new ChatBubble(false, "您好，您在我司的借款已逾期3天，当前应还金额2180元，请尽快还款。"),
        new ChatBubble(true, "请不要联系我的家人，我会和你们协商。"),
        new ChatStamp("今天 08:15"),
        new ChatBubble(false, "今天下午6点前不还，我们就把你的欠款信息发给你通讯录里所有人，让大家都知道你是什么人。"),
        new ChatBubble(false, "老赖，你全家都不得好死，骗子一个。"),
    ];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("debtshield-screens-");

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ImportScreenshots_EachBubble_BecomesAnIncidentWithItsSideStampedTimeLabelsAndTheScreenshot(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);

        var result = await ImportScreenshots.AppendAsync(ledger, null, painted.ScreenshotAlone, null, null, Clock);
        var items = (await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Items;

        var screenshot = Assert.Single(result.Screenshots);
        Assert.Equal((ScreenshotOutcome.Added, "催收王经理", 4, 4), (screenshot.Outcome, screenshot.Conversation, screenshot.Messages, screenshot.Added));
        Assert.Equal(
            [
                (IncidentDirection.Received, new DateTimeOffset(2026, 11, 3, 21, 43, 0, China)),
                (IncidentDirection.Sent, new DateTimeOffset(2026, 11, 3, 21, 43, 0, China)),
                (IncidentDirection.Received, new DateTimeOffset(2026, 11, 4, 8, 15, 0, China)),
                (IncidentDirection.Received, new DateTimeOffset(2026, 11, 4, 8, 15, 0, China)),
            ],
            items.Select(i => (i.Entry.Incident.Direction, i.Entry.Incident.Time)));
        Assert.All(items, i => Assert.Equal((IncidentChannel.Chat, "催收王经理", Recipient.Borrower), (i.Entry.Incident.Channel, i.Entry.Incident.Counterpart, i.Entry.Incident.Recipient)));
        Assert.All(items, i => Assert.Equal([ContentHash.Of(File.ReadAllBytes(painted.Screenshot))], i.Entry.Incident.Attachments));
        var bubbles = Conversation.OfType<ChatBubble>().ToArray();
        for (var i = 0; i < bubbles.Length; i++)
        {
            Assert.True(CharacterAccuracy(bubbles[i].Text, items[i].Entry.Incident.Text!) >= 0.90, $"bubble {i}: painted {bubbles[i].Text}, read {items[i].Entry.Incident.Text}");
            Assert.InRange(items[i].ReadConfidence!.Value, 0.80, 1.0);
        }

        Assert.Contains(ConductLabel.ThreatExposure, items[2].Labels);
        Assert.Contains(ConductLabel.Insult, items[3].Labels);
        Assert.Empty(items[1].Labels);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ImportScreenshots_TheSameImageTwiceOrAnOverlappingScreenshot_AddsNoDuplicates(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        var scrolled = Write("Screenshot_20261104-211000.png", ChatScreenshotPainter.Paint("催收王经理", [.. Conversation[2..], new ChatBubble(false, "最后通知：明天联系你的单位领导。")]));

        // The first import: the screenshot and its copy as one import read them (the class's reading).
        var once = await ImportScreenshots.AppendAsync(ledger, null, painted.ScreenshotAndCopy, null, null, Clock);
        // The second, end to end: the screenshot is already kept (not read again), the scrolled one is read.
        var again = await ImportScreenshots.ImportAsync(ledger, null, ImportScreenshots.Files([painted.Screenshot, scrolled]), null, Clock);
        var items = (await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Items;

        Assert.Equal([(ScreenshotOutcome.Added, 4), (ScreenshotOutcome.CopyInImport, 0)], once.Screenshots.Select(s => (s.Outcome, s.Added)));
        Assert.Equal([(ScreenshotOutcome.AlreadyImported, 0), (ScreenshotOutcome.Added, 1)], again.Screenshots.Select(s => (s.Outcome, s.Added)));
        Assert.Equal(5, items.Count);
        var last = items[^1];
        Assert.StartsWith("最后通知", last.Entry.Incident.Text, StringComparison.Ordinal);
        Assert.Equal((new DateTimeOffset(2026, 11, 4, 8, 15, 0, China), false), (last.Entry.Incident.Time, last.TimeEstimated));
    }

    [Fact]
    public void ReadAsync_AScreenshotAndItsCopyUnderAnotherName_ReadsTheFirstAndSettlesTheCopyUnread()
    {
        // Given the screenshot and its byte-for-byte copy, read in one import (the class's reading)
        var readings = painted.ScreenshotAndCopy.Screenshots;

        // Then the first is read as alone, and the copy is named for it with no bubble read or to confirm
        Assert.Equal(
            (ScreenshotOutcome.NothingNew, "催收王经理", 4),
            (readings[0].Result.Outcome, readings[0].Result.Conversation, readings[0].Messages.Count));
        Assert.Equal(
            new ScreenshotResult("copy-of-first.png", ScreenshotOutcome.CopyInImport, null, 0, 0, 0, null) { CopyOf = "Screenshot_20261104-210500.png" },
            readings[1].Result);
        Assert.Empty(readings[1].Messages);
    }

    [Fact]
    public async Task ImportScreenshots_FromAContactsPhone_RecordsItReceivedByThatContactAndDatesAMessageAboveEveryStampByTheCapture()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        var file = Write("Screenshot_20261105-093000.png", ChatScreenshotPainter.Paint("17000001234", [new ChatBubble(false, "你同事张三欠我们平台5000元不还，请转告他。")]));

        await ImportScreenshots.ImportAsync(ledger, null, ImportScreenshots.Files([file]), "同事小王", Clock);
        var item = Assert.Single((await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Items);

        var incident = item.Entry.Incident;
        Assert.Equal(
            (IncidentChannel.Sms, "17000001234", Recipient.ThirdParty, "同事小王", new DateTimeOffset(2026, 11, 5, 9, 30, 0, China), true),
            (incident.Channel, incident.Counterpart, incident.Recipient, incident.ContactName, incident.Time, item.TimeEstimated));
        Assert.Contains(ConductLabel.ThirdPartyContact, item.Labels);
    }

    [Fact]
    public async Task ImportScreenshots_NoImageATruncatedPngOrNoChatText_IsRefusedByNameAndStoresNothing()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        var whole = ChatScreenshotPainter.Paint("催收王经理", Conversation);
        var files = new[]
        {
            Write("notes.png", "这不是图片"u8.ToArray()),
            Write("truncated.png", whole[..(whole.Length / 2)]),
            Write("empty-chat.png", ChatScreenshotPainter.Paint("", [])),
        };

        var result = await ImportScreenshots.ImportAsync(ledger, null, ImportScreenshots.Files(files), null, Clock);

        Assert.All(result.Screenshots, s => Assert.Equal(ScreenshotOutcome.Refused, s.Outcome));
        Assert.Equal(3, result.Refused);
        Assert.All(result.Screenshots, s => Assert.StartsWith(s.Name, s.Problem, StringComparison.Ordinal));
        Assert.Equal(3, result.Screenshots.Select(s => s.Problem![s.Name.Length..]).Distinct().Count());
        Assert.Contains("IncompleteInput", result.Screenshots[1].Problem, StringComparison.Ordinal);
        Assert.Equal(0, (await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Head.Count);
        Assert.False(Directory.Exists(test.DbArgument + ".attachments") && Directory.EnumerateFiles(test.DbArgument + ".attachments", "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task ImportAsync_BillPageAndLandscapeImage_AreRefusedAsNotAChatAndNothingIsStored()
    {
        // Given a lender's bill page and a chat painted landscape
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        var files = new[]
        {
            Write("bill.png", BillPagePainter.Paint()),
            Write("landscape.png", ChatScreenshotPainter.Paint("催收王经理", Conversation, width: 2400, height: 1080)),
        };

        // When they are imported
        var result = await ImportScreenshots.ImportAsync(ledger, null, ImportScreenshots.Files(files), null, Clock);

        // Then each is refused as not a chat, with the sign that showed it, and nothing is stored
        Assert.All(result.Screenshots, s => Assert.Equal(ScreenshotOutcome.Refused, s.Outcome));
        Assert.Contains("看起来不是聊天截图", result.Screenshots[0].Problem, StringComparison.Ordinal);
        Assert.Contains("图片是横向的", result.Screenshots[1].Problem, StringComparison.Ordinal);
        Assert.Equal(0, (await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Head.Count);
    }

    [Fact]
    public async Task AppendAsync_OnlyChosenBubbles_AppendsThoseAndNothingElse()
    {
        // Given a chat screenshot read (the class's reading, on a ledger of its own) and nothing yet stored
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        var readings = painted.ScreenshotAlone;
        var stored = painted.StoredByReading;

        // When only the third bubble is chosen
        var result = await ImportScreenshots.AppendAsync(ledger, null, readings, (screenshot, bubble) => screenshot == 0 && bubble == 2, null, Clock);
        var kept = await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null);

        // Then reading stored nothing, and only that bubble became an entry
        Assert.Equal(0, stored);
        Assert.Equal(4, readings.Screenshots[0].Messages.Count);
        Assert.Equal(1, result.Added);
        Assert.Equal(readings.Screenshots[0].Messages[2].Text, Assert.Single(kept.Items).Entry.Incident.Text);
    }

    [Fact]
    public async Task AppendAsync_ABubbleFoundButUnread_IsNeverStoredThoughEveryBubbleIsKept()
    {
        // Given a screenshot read into a bubble with text and one found whose text could not be read
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        byte[] content = [1, 2, 3];
        var sent = new DateTimeOffset(2026, 11, 4, 21, 0, 0, Core.ChinaStandardTime.Offset);
        ChatMessage[] messages =
        [
            new(IncidentDirection.Received, "今天必须还款", sent, MessageTimeBasis.Stamp, 0.95, new PixelBox(30, 370, 400, 104)),
            new(IncidentDirection.Sent, "", sent, MessageTimeBasis.Stamp, 0, new PixelBox(700, 490, 300, 104), ReadDoubts.Unread),
        ];
        var reading = new ScreenshotReading("image/png", 1080, 2400, new CaptureTime(sent, CaptureTimeSource.FileTime), new ChatReading("催收王经理", messages), 0.6, []);
        var result = new ScreenshotResult("shot.png", ScreenshotOutcome.NothingNew, "催收王经理", 1, 0, 0, null) { Unread = 1 };
        var readings = new ScreenshotReadings([new ScreenshotFile("shot.png", sent, () => content)], [new ImportScreenshots.Read(result, reading, ContentHash.Of(content))]);

        // When every bubble is kept (the preview's keep-all, or the command line's import)
        var import = await ImportScreenshots.AppendAsync(ledger, null, readings, null, null, Clock);
        var kept = await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null);

        // Then only the bubble with text is stored, and the unread one is counted, not written as empty text
        Assert.Equal(1, import.Added);
        Assert.Equal(1, import.Unread);
        Assert.Equal("今天必须还款", Assert.Single(kept.Items).Entry.Incident.Text);
    }

    /// <summary>1 minus the edit distance over the painted length, spaces ignored.</summary>
    internal static double CharacterAccuracy(string painted, string read)
    {
        var a = painted.Replace(" ", "", StringComparison.Ordinal);
        return 1 - (Core.EditDistance.Of(a, read.Replace(" ", "", StringComparison.Ordinal)) / (double)a.Length);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>
    /// The painted conversation and a byte-for-byte copy of it, read together once by
    /// <see cref="ImportScreenshots.ReadAsync"/> (real Tesseract) on an empty SQLite ledger, which the
    /// reading leaves empty. The import reads the copy's image once, as the first file, so the class
    /// reads the conversation once instead of seven times (the first import on both providers, the
    /// duplicate test's two copies on both, the chosen bubble). The files stay until the class ends:
    /// appending reads each again and checks it is the image that was read.
    /// </summary>
    public sealed class PaintedConversation : IAsyncLifetime
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("debtshield-screens-read-");

        /// <summary>The conversation's screenshot, named as a phone names one.</summary>
        public string Screenshot { get; private set; } = "";

        /// <summary>The screenshot and its copy as one import reads them.</summary>
        public ScreenshotReadings ScreenshotAndCopy { get; private set; } = null!;

        /// <summary>The screenshot's reading alone, as an import of it alone reads it.</summary>
        public ScreenshotReadings ScreenshotAlone { get; private set; } = null!;

        /// <summary>The evidence entries in the ledger the reading was made on, after it.</summary>
        public int StoredByReading { get; private set; } = -1;

        public async Task InitializeAsync()
        {
            Screenshot = Path.Combine(_folder.FullName, "Screenshot_20261104-210500.png");
            await File.WriteAllBytesAsync(Screenshot, ChatScreenshotPainter.Paint("催收王经理", Conversation));
            var copy = Path.Combine(_folder.FullName, "copy-of-first.png");
            File.Copy(Screenshot, copy);

            using var test = TestLedgers.CreateMigratedSqlite();
            var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
            ScreenshotAndCopy = await ImportScreenshots.ReadAsync(ledger, null, ImportScreenshots.Files([Screenshot, copy]));
            ScreenshotAlone = new ScreenshotReadings([ScreenshotAndCopy.Files[0]], [ScreenshotAndCopy.Reads[0]]);
            StoredByReading = (await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Head.Count;
        }

        public Task DisposeAsync()
        {
            _folder.Delete(recursive: true);
            return Task.CompletedTask;
        }
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
