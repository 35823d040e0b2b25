using System.Text;
using DebtShield.Core.Evidence;
using DebtShield.Import.PhoneBackups;
using DebtShield.Tests.Shared.PhoneBackups;

namespace DebtShield.Import.Tests.PhoneBackups;

public sealed class IphoneRecordReaderTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 3, 21, 43, 5, TimeSpan.FromHours(8));

    private static (IphoneRecordReader Reader, List<PhoneRecord> Records) ReadAll(string path)
    {
        using var backup = IphoneBackup.Open(path);
        var (reader, records) = IphoneRecordReader.Read(backup);
        return (reader, records.Select(reader.WithAttachments).ToList());
    }

    [Fact]
    public void Read_Messages_GivesSenderDirectionAndTimeInEitherAppleUnitAndTheChannelOfTheService()
    {
        using var builder = new IphoneBackupBuilder();
        builder.Message("+86 170-0000-1234", Evening, "今天不还就联系你通讯录");
        builder.Message("17000001234", Evening.AddMinutes(1), "我下周还", fromMe: true, seconds: true);
        builder.Message("someone@icloud.com", Evening.AddMinutes(2), "iMessage 里的话", service: "iMessage");

        var (reader, records) = ReadAll(builder.Build());

        Assert.Empty(reader.Problems);
        Assert.Empty(reader.Damage);
        Assert.Equal(
            [
                (1L, IncidentChannel.Sms, IncidentDirection.Received, Evening, "17000001234", "今天不还就联系你通讯录"),
                (2L, IncidentChannel.Sms, IncidentDirection.Sent, Evening.AddMinutes(1), "17000001234", "我下周还"),
                (3L, IncidentChannel.Chat, IncidentDirection.Received, Evening.AddMinutes(2), "someone@icloud.com", "iMessage 里的话"),
            ],
            records.Select(r => (r.Line, r.Channel, r.Direction, r.Time, r.Number, r.Text)));
        Assert.Equal(TimeSpan.FromHours(8), records[0].Time.Offset);
    }

    [Fact]
    public void Read_AMessageWhoseTextIsOnlyInAttributedBody_TakesTheTextFromThere()
    {
        using var builder = new IphoneBackupBuilder();
        var long_ = string.Concat(Enumerable.Repeat("逾期第三天，再不处理就上门。", 12));
        builder.Message("17000001234", Evening, null, attributedBody: IphoneBackupBuilder.AttributedBody("明天发到你家族群"));
        builder.Message("17000001234", Evening, "", attributedBody: IphoneBackupBuilder.AttributedBody(long_));

        var (_, records) = ReadAll(builder.Build());

        Assert.Equal(["明天发到你家族群", long_], records.Select(r => r.Text));
    }

    [Fact]
    public void Read_ASentMessageWithoutHandle_TakesTheNumberOfItsOneToOneChatAndFailedMessagesArePassedOver()
    {
        using var builder = new IphoneBackupBuilder();
        builder.Message(null, Evening, "请停止骚扰我的家人", fromMe: true, groupWith: "95000111");
        builder.Message("95000111", Evening, "never delivered", fromMe: true, error: 4);

        var (_, records) = ReadAll(builder.Build());

        var sent = Assert.Single(records);
        Assert.Equal(("95000111", IncidentDirection.Sent), (sent.Number, sent.Direction));
    }

    [Fact]
    public void Read_AMessageWithAPicture_IsAnMmsCarryingTheFileFromTheMediaDomainAndAMissingFileIsLeftOut()
    {
        using var builder = new IphoneBackupBuilder();
        var picture = "\u0089PNG fake picture"u8.ToArray();
        var withPicture = builder.Message("16500009999", Evening, "\uFFFC看看这张图");
        builder.Attachment(withPicture, "IMG_0001.PNG", "image/png", picture);
        var inCloud = builder.Message("16500009999", Evening, "\uFFFC");
        builder.Attachment(inCloud, "IMG_0002.JPG", "image/jpeg", [1, 2, 3], inBackup: false);

        var (_, records) = ReadAll(builder.Build());

        Assert.Equal(IncidentChannel.Mms, records[0].Channel);
        Assert.Equal("看看这张图", records[0].Text);
        var file = Assert.Single(records[0].Attachments);
        Assert.Equal(("image/png", "IMG_0001.PNG"), (file.MediaType, file.FileName));
        Assert.Equal(picture, file.Content);
        Assert.Equal((IncidentChannel.Mms, (string?)null), (records[1].Channel, records[1].Text));
        Assert.Empty(records[1].Attachments);
    }

    [Fact]
    public void Read_Calls_GivesDirectionOutcomeAndDurationWhateverTheAddressIsStoredAs()
    {
        using var builder = new IphoneBackupBuilder();
        builder.Call("95000111", Evening, 35.4);
        builder.Call("95000111", Evening.AddHours(1), 0, answered: false);
        builder.Call("17000001234", Evening.AddHours(2), 0, outgoing: true, addressAsBlob: true);

        var (_, records) = ReadAll(builder.Build(withMessages: false));

        Assert.Equal(
            [
                (IncidentDirection.Received, CallOutcome.Answered, TimeSpan.FromSeconds(35), "95000111", Evening),
                (IncidentDirection.Received, CallOutcome.Missed, TimeSpan.Zero, "95000111", Evening.AddHours(1)),
                (IncidentDirection.Sent, CallOutcome.Missed, TimeSpan.Zero, "17000001234", Evening.AddHours(2)),
            ],
            records.Select(r => (r.Direction, r.Outcome!.Value, r.Duration!.Value, r.Number!, r.Time)));
        Assert.All(records, r => Assert.Equal(IncidentChannel.Call, r.Channel));
    }

    [Fact]
    public void Read_AZippedBackup_ReadsTheSameAsTheFolder()
    {
        using var builder = new IphoneBackupBuilder();
        var id = builder.Message("16500009999", Evening, "看图");
        builder.Attachment(id, "a.png", "image/png", [9, 8, 7]);
        builder.Call("95000111", Evening, 12);
        var folder = builder.Build();
        var zip = builder.Zip();
        try
        {
            Assert.True(IphoneBackup.IsBackup(zip));
            var fromZip = ReadAll(zip).Records;
            var fromFolder = ReadAll(folder).Records;

            Assert.Equal(2, fromZip.Count);
            Assert.Equal(fromFolder.Select(r => (r.Line, r.Time, r.Text, r.Number)), fromZip.Select(r => (r.Line, r.Time, r.Text, r.Number)));
            Assert.Equal(new byte[] { 9, 8, 7 }, Assert.Single(fromZip[0].Attachments).Content);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void Open_AnEncryptedBackup_IsRefusedWithHowToMakeAnUnencryptedOne()
    {
        using var builder = new IphoneBackupBuilder(encrypted: true);
        var folder = builder.Build();

        var refusal = Assert.Throws<PhoneBackupException>(() => IphoneBackup.Open(folder));

        Assert.Contains("加密本地备份", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AnEncryptedBackupWithABinaryManifest_IsRefusedAndAnUnencryptedOneIsNot()
    {
        using var builder = new IphoneBackupBuilder();
        var folder = builder.Build();
        File.WriteAllBytes(Path.Combine(folder, "Manifest.plist"), BinaryPlist(encrypted: true));
        Assert.Throws<PhoneBackupException>(() => IphoneBackup.Open(folder));

        File.WriteAllBytes(Path.Combine(folder, "Manifest.plist"), BinaryPlist(encrypted: false));
        using var backup = IphoneBackup.Open(folder);
    }

    [Fact]
    public void Open_AFolderThatIsNoBackup_IsRefusedAndIsBackupSaysNo()
    {
        var folder = Directory.CreateTempSubdirectory("not-a-backup-").FullName;
        try
        {
            Assert.False(IphoneBackup.IsBackup(folder));
            Assert.Throws<PhoneBackupException>(() => IphoneBackup.Open(folder));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Read_ADamagedMessagesDatabase_GivesTheMessagesBeforeTheDamageStillReadsTheCallsAndSaysWhere()
    {
        using var builder = new IphoneBackupBuilder();
        builder.Messages(3000, i => ("17000001234", Evening.AddMinutes(i), "第 " + i + " 条：" + new string('催', 60)));
        builder.Call("95000111", Evening, 10);
        builder.Build();
        var sms = builder.PathOf("HomeDomain", "Library/SMS/sms.db");
        var bytes = File.ReadAllBytes(sms);
        var before = Hash(sms);
        // Scribble over a page in the second half of the file: its b-tree page header no longer makes sense.
        var page = 4096 * ((bytes.Length / 4096) - 3);
        Array.Fill(bytes, (byte)0xFF, page, 64);
        File.WriteAllBytes(sms, bytes);
        var damaged = Hash(sms);

        var (reader, records) = ReadAll(builder.Folder);

        var damage = Assert.Single(reader.Damage);
        Assert.Contains("sms.db", damage.Location.Database, StringComparison.Ordinal);
        Assert.InRange(damage.Location.RecordsRead!.Value, 1, 2999);
        Assert.Equal(damage.Location.RecordsRead + 1, records.Count);
        Assert.Equal(Enumerable.Range(1, damage.Location.RecordsRead!.Value).Select(i => (long)i), records.Where(r => r.Channel != IncidentChannel.Call).Select(r => r.Line));
        Assert.Equal(IncidentChannel.Call, records[^1].Channel);
        Assert.NotEqual(before, damaged);
        Assert.Equal(damaged, Hash(sms)); // read, never written
    }

    [Fact]
    public void Read_AMessagesFileThatIsNoDatabase_IsDamageWithNothingRead()
    {
        using var builder = new IphoneBackupBuilder();
        builder.Message("17000001234", Evening, "x");
        builder.Build();
        File.WriteAllText(builder.PathOf("HomeDomain", "Library/SMS/sms.db"), "this is not a database at all, just some text long enough");

        var (reader, records) = ReadAll(builder.Folder);

        Assert.Empty(records);
        Assert.Equal(0, Assert.Single(reader.Damage).Location.RecordsRead);
    }

    [Fact]
    public void Read_ABackupWithNeitherDatabase_IsRefused()
    {
        using var builder = new IphoneBackupBuilder();
        using var backup = IphoneBackup.Open(builder.Build(withMessages: false, withCalls: false));

        Assert.Throws<PhoneBackupException>(() => IphoneRecordReader.Read(backup));
    }

    [Fact]
    public void AttributedBodyText_WithoutTheStringMarker_IsNull()
    {
        Assert.Null(IphoneRecordReader.AttributedBodyText(Encoding.UTF8.GetBytes("streamtyped NSAttributedString")));
        Assert.Null(IphoneRecordReader.AttributedBodyText([.. "NSString"u8, 0x01, 0x2B, 0x20, 0x41]));
    }

    /// <summary>{ "IsEncrypted": flag } as a binary property list, laid out by hand from Apple's format.</summary>
    private static byte[] BinaryPlist(bool encrypted)
    {
        var bytes = new List<byte>("bplist00"u8.ToArray());
        bytes.AddRange([0xD1, 0x01, 0x02]); // object 0 at 8: a dictionary of one entry, key object 1, value object 2
        bytes.Add(0x5B); // object 1 at 11: an ASCII string of 11 characters
        bytes.AddRange("IsEncrypted"u8.ToArray());
        bytes.Add(encrypted ? (byte)0x09 : (byte)0x08); // object 2 at 23
        bytes.AddRange([8, 11, 23]); // the offset table, at 24
        bytes.AddRange(new byte[6]);
        bytes.AddRange([1, 1]); // offset and reference widths
        bytes.AddRange([0, 0, 0, 0, 0, 0, 0, 3]); // three objects
        bytes.AddRange([0, 0, 0, 0, 0, 0, 0, 0]); // the top one is object 0
        bytes.AddRange([0, 0, 0, 0, 0, 0, 0, 24]); // where the offset table starts
        return [.. bytes];
    }

    private static string Hash(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
