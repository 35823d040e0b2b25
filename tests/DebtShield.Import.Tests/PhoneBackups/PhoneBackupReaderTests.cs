using System.Text;
using DebtShield.Core.Evidence;
using DebtShield.Core.Reading;
using DebtShield.Import.PhoneBackups;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.PhoneBackups;

public sealed class PhoneBackupReaderTests
{
    internal static string Sample(string name) => Path.Combine(RepositoryPaths.Root, "samples", name);

    internal static (PhoneBackupReader Reader, List<PhoneRecord> Records) ReadAll(byte[] bytes)
    {
        var (reader, records) = PhoneBackupReader.Read(new MemoryStream(bytes));
        return (reader, records.ToList());
    }

    private static (PhoneBackupReader Reader, List<PhoneRecord> Records) ReadAll(string text) => ReadAll(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Read_TheSampleSmsBackup_GivesMessagesWithDirectionTimeAndNormalisedNumberAndPassesOverDrafts()
    {
        var (reader, records) = ReadAll(File.ReadAllBytes(Sample("sms-backup.xml")));

        Assert.Equal(6, records.Count);
        Assert.Empty(reader.Problems);
        Assert.Null(reader.Break);
        var first = records[0];
        Assert.Equal((IncidentChannel.Sms, IncidentDirection.Received, "17000001234"), (first.Channel, first.Direction, first.Number));
        Assert.Equal(new DateTimeOffset(2025, 11, 3, 20, 0, 0, TimeSpan.FromHours(8)), first.Time);
        Assert.Equal(IncidentDirection.Sent, records[3].Direction);
        Assert.DoesNotContain(records, r => r.Text == "draft never sent");
    }

    [Fact]
    public void Read_AnMms_TakesItsTextPartAndItsPictureAndTheSenderFromTheFromAddress()
    {
        var (_, records) = ReadAll(File.ReadAllBytes(Sample("sms-backup.xml")));

        var mms = records[^1];
        Assert.Equal(IncidentChannel.Mms, mms.Channel);
        Assert.Equal("看看这张图，明天发到你家族群。", mms.Text);
        Assert.Equal("16500009999", mms.Number);
        var picture = Assert.Single(mms.Attachments);
        Assert.Equal("image/png", picture.MediaType);
        Assert.Equal((byte)0x89, picture.Content[0]);
    }

    [Fact]
    public void Read_TheSampleCallLog_GivesOutcomesAndDurations()
    {
        var (_, records) = ReadAll(File.ReadAllBytes(Sample("calls-backup.xml")));

        Assert.Equal(6, records.Count);
        Assert.All(records, r => Assert.Equal(IncidentChannel.Call, r.Channel));
        Assert.Equal((CallOutcome?)CallOutcome.Answered, records[0].Outcome);
        Assert.Equal(TimeSpan.FromSeconds(35), records[0].Duration);
        Assert.Equal((CallOutcome?)CallOutcome.Missed, records[4].Outcome);
    }

    [Fact]
    public void Read_ATruncatedBackup_GivesTheWholeRecordsBeforeTheBreakAndItsLineAndByte()
    {
        var text = "<?xml version='1.0' encoding='UTF-8'?>\n<smses count=\"3\">\n"
            + "  <sms address=\"1\" date=\"1762171200000\" type=\"1\" body=\"第一条\" />\n"
            + "  <sms address=\"1\" date=\"1762171300000\" type=\"1\" body=\"第二条\" />\n"
            + "  <sms address=\"1\" date=\"1762171400000\" type=\"1\" body=\"第三条被截";
        var bytes = Encoding.UTF8.GetBytes(text);

        var (reader, records) = ReadAll(bytes);

        Assert.Equal(["第一条", "第二条"], records.Select(r => r.Text));
        var broken = Assert.IsType<ReadingProblem>(reader.Break);
        Assert.Equal(5, broken.Location.Line);
        var lineStart = Encoding.UTF8.GetByteCount(text[..(text.LastIndexOf('\n') + 1)]);
        Assert.InRange(broken.Location.ByteOffset!.Value, lineStart, bytes.Length);
    }

    [Fact]
    public void Read_ABrokenElementInTheMiddle_KeepsWhatCameBeforeIt()
    {
        var text = "<smses>\n<sms address=\"1\" date=\"1762171200000\" type=\"1\" body=\"好\" />\n<sms address=\"1\" date=\"1 type=\"1\" body=\"坏\" />\n<sms address=\"1\" date=\"1762171400000\" type=\"1\" body=\"后\" />\n</smses>";

        var (reader, records) = ReadAll(text);

        Assert.Equal(["好"], records.Select(r => r.Text));
        var broken = Assert.IsType<ReadingProblem>(reader.Break);
        Assert.Equal(3, broken.Location.Line);
        Assert.Contains("中断", broken.Message, StringComparison.Ordinal); // in the borrower's words, not the XML parser's English
        var lineThree = Encoding.UTF8.GetByteCount(text[..text.IndexOf("<sms address=\"1\" date=\"1 ", StringComparison.Ordinal)]);
        var lineFour = Encoding.UTF8.GetByteCount(text[..text.IndexOf("<sms address=\"1\" date=\"1762171400000", StringComparison.Ordinal)]);
        Assert.InRange(broken.Location.ByteOffset!.Value, lineThree + 1, lineFour - 1);
    }

    [Fact]
    public void Read_ARecordWithAnUnreadableDate_IsSkippedAndNamedAndTheOthersAreRead()
    {
        var (reader, records) = ReadAll("<smses>\n<sms address=\"1\" date=\"yesterday\" type=\"1\" body=\"a\" />\n<sms address=\"1\" date=\"1762171200000\" type=\"1\" body=\"b\" />\n</smses>");

        Assert.Equal(["b"], records.Select(r => r.Text));
        var problem = Assert.Single(reader.Problems);
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("yesterday", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmojiWrittenAsSurrogateReferences_ComeOutAsTheEmoji()
    {
        var (_, records) = ReadAll("<smses><sms address=\"1\" date=\"1762171200000\" type=\"1\" body=\"&#55357;&#56832;\" /></smses>");

        Assert.Equal("😀", records[0].Text);
    }

    [Theory]
    [InlineData("<html><body>hi</body></html>", "<html>")]
    [InlineData("<!DOCTYPE smses [<!ENTITY x \"y\">]><smses/>", "XML")]
    [InlineData("<smses", "XML")]
    public void Read_AFileThatIsNotABackup_IsRefusedWithAClearMessage(string text, string mentioned)
    {
        var error = Assert.Throws<PhoneBackupException>(() => ReadAll(text));

        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "PNG")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16 }, "JPEG")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "PDF")]
    [InlineData(new byte[] { 0x74, 0x69, 0x6D, 0x65, 0, 0x01 }, "二进制")]
    public void Read_AnImageOrOtherBinaryFile_IsRefusedNamingWhatItIsInsteadOfReadAsACsvHeader(byte[] bytes, string named)
    {
        var error = Assert.Throws<PhoneBackupException>(() => ReadAll(bytes));

        Assert.Contains("不是手机备份文件，而是 " + named + " 文件", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThePhoneRecordCsvWithChineseHeaders_ReadsMessagesAndCallsAndNamesABadRow()
    {
        var csv = "时间,号码,方向,类型,内容,结果,时长\n"
            + "2026-11-03 21:43,170 0000 1234,收,短信,你同事欠钱不还,,\n"
            + "2026-11-04 23:10,17000001234,来电,电话,,未接,0\n"
            + "2026-13-40 10:00,17000001234,收,短信,坏的时间,,\n";

        var (reader, records) = ReadAll(csv);

        Assert.Equal(2, records.Count);
        Assert.Equal(("17000001234", new DateTimeOffset(2026, 11, 3, 21, 43, 0, TimeSpan.FromHours(8))), (records[0].Number, records[0].Time));
        Assert.Equal((CallOutcome?)CallOutcome.Missed, records[1].Outcome);
        var problem = Assert.Single(reader.Problems);
        Assert.Equal(4, problem.Location.Line);
        Assert.StartsWith("time:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThePhoneRecordCsv_TakesTheOutcomesAndDirectionsAsTheEvidencePagesNameThem()
    {
        // Given the words the evidence pages and the timeline show (已接通, 已拦截, 语音留言), one
        // of them in another letter case, and a call with no outcome written
        var csv = "时间,号码,方向,类型,内容,结果,时长\n"
            + "2026-11-04 23:10,17000001234,收到,电话,,已接通,30\n"
            + "2026-11-04 23:11,17000001234,收到,电话,,已拦截,0\n"
            + "2026-11-04 23:12,17000001234,RECEIVED,电话,,语音留言,0\n"
            + "2026-11-04 23:13,17000001234,发出,电话,,Voicemail,0\n"
            + "2026-11-04 23:14,17000001234,in,电话,,,0\n";

        // When the file is read
        var (reader, records) = ReadAll(csv);

        // Then every row reads, each as the vocabulary names it
        Assert.Empty(reader.Problems);
        Assert.Equal(
            [CallOutcome.Answered, CallOutcome.Blocked, CallOutcome.Voicemail, CallOutcome.Voicemail, CallOutcome.Answered],
            records.Select(r => r.Outcome!.Value));
        Assert.Equal(
            [IncidentDirection.Received, IncidentDirection.Received, IncidentDirection.Received, IncidentDirection.Sent, IncidentDirection.Received],
            records.Select(r => r.Direction));
    }

    [Fact]
    public void Read_ACsvWithAnUnknownColumn_IsRefusedNamingIt()
    {
        var error = Assert.Throws<PhoneBackupException>(() => ReadAll("time,direction,channel,金额\n"));

        Assert.Contains("金额", error.Message, StringComparison.Ordinal);
    }

    private static string FiftyMessages() =>
        "时间,号码,方向,类型,内容\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"2026-11-03 21:{i:00},17000001234,收,短信,不还钱就把你的事发给你通讯录里的每一个人 {i}\n"));

    [Fact]
    public void Read_AUtf8CsvWithOneBadByteAtItsEnd_IsRefusedNamingTheLineAndByteInsteadOfReadAsGb18030()
    {
        var good = Encoding.UTF8.GetBytes(FiftyMessages());
        byte[] damaged = [.. good, 0xE4, (byte)'\n'];

        var error = Assert.Throws<PhoneBackupException>(() => ReadAll(damaged));

        Assert.Contains("第 52 行（第 " + good.Length + " 字节）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AUtf8CsvWithAByteOrderMarkAndABadByte_IsRefused()
    {
        byte[] damaged = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("时间,号码,方向,类型,内容\n2026-11-03 21:43,170,收,短信,你好"), 0xFF, (byte)'\n'];

        Assert.Throws<PhoneBackupException>(() => ReadAll(damaged));
    }

    [Fact]
    public void Read_AGb18030Csv_IsStillReadAsGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(FiftyMessages());

        var (_, records) = ReadAll(bytes);

        Assert.Equal(50, records.Count);
        Assert.Equal("不还钱就把你的事发给你通讯录里的每一个人 49", records[^1].Text);
    }
}
