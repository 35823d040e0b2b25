using System.Security.Cryptography;
using System.Text;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;

namespace DebtShield.Core.Tests.Evidence;

public sealed class EvidenceChainTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 28, 16, 0, 0, TimeSpan.Zero);

    internal static Incident Sms(string text, int minute = 0, string number = "17000001234") =>
        new(IncidentChannel.Sms, IncidentDirection.Received, new DateTimeOffset(2026, 11, 3, 21, minute, 0, ChinaStandardTime.Offset), number, Recipient.Borrower, text, "test");

    private static List<EvidenceEntry> Chain(int count)
    {
        var entries = new List<EvidenceEntry>();
        var head = ChainHead.Empty;
        for (var i = 0; i < count; i++)
        {
            var entry = EvidenceChain.Append(head, Sms("第 " + i + " 条", i), Recorded);
            entries.Add(entry);
            head = ChainHead.After(entry);
        }

        return entries;
    }

    [Fact]
    public void Append_FirstEntry_LinksToGenesisAndHashesItsRecord()
    {
        var entry = EvidenceChain.Append(ChainHead.Empty, Sms("今天不还就爆你通讯录"), Recorded);

        Assert.Equal(1, entry.Sequence);
        Assert.Equal(ContentHash.Genesis, entry.Previous);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(entry.Record())), entry.Hash.Hex);
    }

    [Fact]
    public void Record_Serialised_IsTheDocumentedCanonicalForm()
    {
        var incident = new Incident(
            IncidentChannel.Sms, IncidentDirection.Received, new DateTimeOffset(2026, 11, 3, 21, 43, 0, ChinaStandardTime.Offset),
            "17000001234", Recipient.ThirdParty, "你同事欠钱\n不还", "sms.xml", "同事小王", attachments: [ContentHash.Of("png"u8)]);

        var record = Encoding.UTF8.GetString(EvidenceRecord.Entry(3, Recorded, 1, incident, ContentHash.Genesis));

        Assert.Equal(
            "debtshield-evidence 1\nsequence 3\nrecorded 2026-11-28T16:00:00.000Z\nsupersedes 1\nchannel sms\ndirection received\n"
            + "time 2026-11-03T13:43:00.000Z\noutcome -\nduration -\nrecipient third_party\ncounterpart 11 17000001234\ncontact 12 同事小王\n"
            + "contact-phone 0\ntext 22 你同事欠钱\n不还\nattachment " + ContentHash.Of("png"u8).Hex + "\nprevious " + new string('0', 64) + "\n",
            record);
    }

    private static readonly EvidenceReading Threat = new("conduct-0123456789ab", ["threat"], [new RecordedFinding("threat", 4, 9, "threat-1")], 0.8125, TimeEstimated: true);

    [Fact]
    public void Record_FormatTwo_CoversKindSourceAndReading()
    {
        var entry = EvidenceChain.Append(ChainHead.Empty, Sms("今天不还就爆你通讯录"), Recorded, reading: Threat);

        var record = Encoding.UTF8.GetString(entry.Record());

        Assert.Equal(2, entry.Format);
        Assert.Equal(
            "debtshield-evidence 2\nsequence 1\nrecorded 2026-11-28T16:00:00.000Z\nsupersedes -\nkind incident\nchannel sms\ndirection received\n"
            + "time 2026-11-03T13:00:00.000Z\noutcome -\nduration -\nrecipient borrower\ncounterpart 11 17000001234\ncontact 0\ncontact-phone 0\n"
            + "text 30 今天不还就爆你通讯录\nsource 4 test\nanalyzer 20 conduct-0123456789ab\nlabel 6 threat\nfinding 6 threat 4 9 8 threat-1\n"
            + "read-confidence 0.8125\ntime-estimated yes\nprevious " + new string('0', 64) + "\n",
            record);
    }

    [Fact]
    public void Verify_StrippedLabelsOfAFormatTwoEntry_BreakAtThatEntry()
    {
        var first = EvidenceChain.Append(ChainHead.Empty, Sms("今天不还就爆你通讯录"), Recorded, reading: Threat);
        var second = EvidenceChain.Append(ChainHead.After(first), Sms("第二条", 1), Recorded);

        var result = EvidenceChain.Verify([first with { Reading = EvidenceReading.None }, second], ChainHead.After(second));

        Assert.Equal(new ChainBreak(1, 1, ChainBreakKind.ContentChanged), result.Break);
    }

    [Theory]
    [InlineData("source")]
    [InlineData("confidence")]
    [InlineData("estimate")]
    public void Verify_AnyChangedReadingOfAFormatTwoEntry_Breaks(string changed)
    {
        var entry = EvidenceChain.Append(ChainHead.Empty, Sms("今天不还就爆你通讯录"), Recorded, reading: Threat);
        var edited = changed switch
        {
            "source" => entry with { Incident = new Incident(IncidentChannel.Sms, IncidentDirection.Received, entry.Incident.Time, "17000001234", Recipient.Borrower, "今天不还就爆你通讯录", "other.xml") },
            "confidence" => entry with { Reading = Threat with { ReadConfidence = 0.99 } },
            _ => entry with { Reading = Threat with { TimeEstimated = false } },
        };

        Assert.Equal(ChainBreakKind.ContentChanged, EvidenceChain.Verify([edited], ChainHead.After(entry)).Break?.Kind);
    }

    [Fact]
    public void Verify_AFormatOneEntry_VerifiesAsBeforeAndIsCounted()
    {
        var incident = Sms("旧的记录");
        var hash = ContentHash.Of(EvidenceRecord.Entry(1, Recorded, null, incident, ContentHash.Genesis));
        var old = new EvidenceEntry(1, Recorded, null, incident, ContentHash.Genesis, hash, Format: 1, Reading: Threat);
        var next = EvidenceChain.Append(ChainHead.After(old), Sms("新的记录", 1), Recorded.AddDays(1), reading: Threat);

        var result = EvidenceChain.Verify([old with { Reading = EvidenceReading.None }, next], ChainHead.After(next));

        Assert.True(result.IsIntact);
        Assert.Equal(1, result.FormatOneEntries);
    }

    [Fact]
    public void Verify_AnEntryRecordedBeforeTheOneAheadOfIt_IsABackdatedEntry()
    {
        var first = EvidenceChain.Append(ChainHead.Empty, Sms("2026 年记下的"), Recorded);
        var backdated = EvidenceChain.Append(ChainHead.After(first), Sms("说是 2020 年记下的", 1), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var result = EvidenceChain.Verify([first, backdated], ChainHead.After(backdated));

        Assert.Equal(new ChainBreak(2, 2, ChainBreakKind.RecordedBackwards), result.Break);
    }

    [Fact]
    public void Retract_AnEarlierEntry_IsAChainedRetractionOfIt()
    {
        var first = EvidenceChain.Append(ChainHead.Empty, Sms("快递到了，请取件"), Recorded);

        var retraction = EvidenceChain.Retract(ChainHead.After(first), 1, "这是快递短信，不是催收", Recorded.AddMinutes(1));

        Assert.True(retraction.IsRetraction);
        Assert.Equal(1, retraction.Supersedes);
        Assert.Equal("这是快递短信，不是催收", retraction.Incident.Text);
        Assert.Contains("\nkind retraction\n", Encoding.UTF8.GetString(retraction.Record()), StringComparison.Ordinal);
        Assert.True(EvidenceChain.Verify([first, retraction], ChainHead.After(retraction)).IsIntact);
        Assert.Equal(ChainBreakKind.ContentChanged, EvidenceChain.Verify([first, retraction with { IsRetraction = false }], ChainHead.After(retraction)).Break?.Kind);
        Assert.Throws<ArgumentException>(() => EvidenceChain.Retract(ChainHead.After(first), 2, "理由", Recorded));
    }

    [Fact]
    public void Verify_AnUntouchedChain_IsIntact()
    {
        var entries = Chain(5);

        var result = EvidenceChain.Verify(entries, ChainHead.After(entries[^1]));

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.IntactEntries);
    }

    [Fact]
    public void Verify_AChangedText_BreaksAtThatEntry()
    {
        var entries = Chain(5);
        var head = ChainHead.After(entries[^1]);
        entries[2] = entries[2] with { Incident = Sms("改过的内容", 2) };

        var result = EvidenceChain.Verify(entries, head);

        Assert.Equal(new ChainBreak(3, 3, ChainBreakKind.ContentChanged), result.Break);
        Assert.Equal(2, result.IntactEntries);
    }

    [Fact]
    public void Verify_ARemovedEntry_BreaksWhereItWas()
    {
        var entries = Chain(5);
        var head = ChainHead.After(entries[^1]);
        entries.RemoveAt(1);

        var result = EvidenceChain.Verify(entries, head);

        Assert.Equal(new ChainBreak(3, 2, ChainBreakKind.OutOfSequence), result.Break);
    }

    [Fact]
    public void Verify_TwoEntriesSwappedWithTheirNumbers_BreaksAtTheFirst()
    {
        var entries = Chain(5);
        var head = ChainHead.After(entries[^1]);
        (entries[1], entries[2]) = (entries[2] with { Sequence = 2 }, entries[1] with { Sequence = 3 });

        var result = EvidenceChain.Verify(entries, head);

        Assert.Equal(2, result.Break!.Position);
        Assert.Equal(ChainBreakKind.LinkBroken, result.Break.Kind);
    }

    [Fact]
    public void Verify_TheLastEntryRemoved_IsCaughtByTheHead()
    {
        var entries = Chain(5);
        var head = ChainHead.After(entries[^1]);
        entries.RemoveAt(4);

        var result = EvidenceChain.Verify(entries, head);

        Assert.Equal(ChainBreakKind.HeadMismatch, result.Break!.Kind);
        Assert.Equal(5, result.Break.Position);
    }

    [Fact]
    public void Verify_AnAttachmentThatNoLongerHolds_BreaksAtItsEntry()
    {
        var picture = ContentHash.Of("picture"u8);
        var first = EvidenceChain.Append(ChainHead.Empty, Sms("看这张图"), Recorded);
        var second = EvidenceChain.Append(
            ChainHead.After(first),
            new Incident(IncidentChannel.Mms, IncidentDirection.Received, first.Incident.Time, "17000001234", Recipient.Borrower, null, "test", attachments: [picture]),
            Recorded);

        var result = EvidenceChain.Verify([first, second], ChainHead.After(second), hash => hash != picture);

        Assert.Equal(new ChainBreak(2, 2, ChainBreakKind.AttachmentChanged), result.Break);
    }

    [Fact]
    public void Append_ACorrectionOfALaterEntry_IsRefused()
    {
        var first = EvidenceChain.Append(ChainHead.Empty, Sms("原文"), Recorded);

        Assert.Throws<ArgumentException>(() => EvidenceChain.Append(ChainHead.After(first), Sms("更正"), Recorded, supersedes: 2));
    }

    [Fact]
    public void Fingerprint_OtherSourceOrTimeZone_IsTheSame()
    {
        var utc = new Incident(IncidentChannel.Sms, IncidentDirection.Received, new DateTimeOffset(2026, 11, 3, 13, 0, 0, TimeSpan.Zero), "1", Recipient.Borrower, "x", "a.xml");
        var china = new Incident(IncidentChannel.Sms, IncidentDirection.Received, new DateTimeOffset(2026, 11, 3, 21, 0, 0, ChinaStandardTime.Offset), "1", Recipient.Borrower, "x", "b.csv");

        Assert.Equal(EvidenceRecord.Fingerprint(utc), EvidenceRecord.Fingerprint(china));
        Assert.Equal(utc, china);
        Assert.NotEqual(EvidenceRecord.Fingerprint(utc), EvidenceRecord.Fingerprint(Sms("y")));
    }
}
