using System.Data.Common;
using DebtShield.App.ExportEvidence;
using DebtShield.App.Ledgers;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Data;
using DebtShield.Data.Backups;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DebtShield.App.Tests.Evidence;

public sealed class EvidenceUseCaseTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly string SmsBackup = Path.Combine(RepositoryPaths.Root, "samples", "sms-backup.xml");
    private static readonly string CallsBackup = Path.Combine(RepositoryPaths.Root, "samples", "calls-backup.xml");

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ImportPhoneBackup_Twice_AddsNothingTheSecondTimeAndNeverStoresOtherNumbers(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);

        var first = await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var second = await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var view = await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null);

        Assert.Equal((6, 5, 0, 1), (first.Read, first.Added, first.AlreadyKept, first.Skipped));
        Assert.Equal(["16500009999", "17000001234"], first.FlaggedNumbers);
        Assert.Equal((0, 5), (second.Added, second.AlreadyKept));
        Assert.Equal(5, view.Head.Count);
        Assert.DoesNotContain(view.Items, i => i.Entry.Incident.Counterpart == "13900000000");
        Assert.Equal(0, Scalar(test, "SELECT COUNT(*) FROM evidence_entries WHERE counterpart = '13900000000'"));
        Assert.Contains(view.Items, i => i.Entry.Incident.Direction == IncidentDirection.Sent && i.Labels.Count == 0 && i.AnalyzerVersion is null);
        var threat = view.Items.Single(i => i.Entry.Incident.Text!.StartsWith("今天下午6点前不还", StringComparison.Ordinal));
        Assert.Equal([ConductLabel.ThreatExposure, ConductLabel.OffHours], threat.Labels);
        Assert.StartsWith("conduct-", threat.AnalyzerVersion, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ImportPhoneBackup_CallsFromANumberFlaggedEarlier_AreKeptAndTheFourthAnsweredOfADayIsTooFrequent(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);

        var calls = await ImportPhoneBackup.ImportAsync(ledger, null, CallsBackup, new PhoneBackupChoices([]), Clock);
        var (_, statistics) = await ReviewEvidence.ReviewEvidence.StatisticsAsync(ledger, null);
        var view = await ReviewEvidence.ReviewEvidence.ListAsync(ledger, null, new EvidenceFilter(Label: ConductLabel.ExcessiveFrequency));

        Assert.Equal((5, 1), (calls.Added, calls.Skipped));
        var breach = Assert.Single(statistics.FrequencyBreaches);
        Assert.Equal(("17000001234", 4, 3), (breach.Counterpart, breach.Count, breach.Limit));
        var fourth = Assert.Single(view.Items);
        Assert.Equal(new DateTimeOffset(2025, 11, 4, 11, 0, 0, TimeSpan.FromHours(8)), fourth.Entry.Incident.Time);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ImportPhoneBackup_SevenTextsIn59MinutesOrOneAt2318_AreFloodingOrOffHours(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        var start = new DateTimeOffset(2025, 11, 5, 14, 0, 0, TimeSpan.FromHours(8));
        var texts = new[] { 0, 9, 18, 27, 36, 45, 59 }.Select(m => (start.AddMinutes(m), m == 0 ? "不还钱就把你的欠款发给你通讯录里所有人。" : "看到回电话。"))
            .Append((new DateTimeOffset(2025, 11, 5, 23, 18, 0, TimeSpan.FromHours(8)), "在吗？"));
        var backup = Path.Combine(Path.GetTempPath(), $"debtshield-flood-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(backup, "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"8\">\n"
            + string.Concat(texts.Select(t => $"  <sms protocol=\"0\" address=\"17000005555\" date=\"{t.Item1.ToUnixTimeMilliseconds()}\" type=\"1\" body=\"{t.Item2}\" read=\"1\" status=\"-1\" />\n"))
            + "</smses>\n");

        try
        {
            await ImportPhoneBackup.ImportAsync(ledger, null, backup, new PhoneBackupChoices([]), Clock);
        }
        finally
        {
            File.Delete(backup);
        }

        var view = await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null);
        var flooded = view.Items.Where(i => i.Labels.Contains(ConductLabel.ExcessiveFrequency)).Select(i => i.Entry.Incident.Time).ToList();
        Assert.Equal([start.AddMinutes(36), start.AddMinutes(45), start.AddMinutes(59)], flooded);
        var night = view.Items.Single(i => i.Entry.Incident.Text == "在吗？");
        Assert.Equal([ConductLabel.OffHours], night.Labels);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Verify_AStoredTextEdited_BreaksAtThatEntry(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        Assert.True((await VerifyEvidence.VerifyAsync(ledger, null)).Single().Verification.IsIntact);

        Execute(test, "UPDATE evidence_entries SET text = '我们会按法律程序处理' WHERE sequence = 2");
        var check = (await VerifyEvidence.VerifyAsync(ledger, null)).Single();

        Assert.Equal(new ChainBreak(2, 2, ChainBreakKind.ContentChanged), check.Verification.Break);
        await Assert.ThrowsAsync<RequestRefusedException>(() => ExportEvidenceBundle.WriteAsync(ledger, null, Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".zip"), Clock));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Verify_ARowOrTheLastRowDeleted_IsFound(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);

        Execute(test, "DELETE FROM evidence_entries WHERE sequence = 5");
        var last = (await VerifyEvidence.VerifyAsync(ledger, null)).Single().Verification.Break;
        Execute(test, "DELETE FROM evidence_entries WHERE sequence = 3");
        var middle = (await VerifyEvidence.VerifyAsync(ledger, null)).Single().Verification.Break;

        Assert.Equal(ChainBreakKind.HeadMismatch, last!.Kind);
        Assert.Equal(new ChainBreak(4, 3, ChainBreakKind.OutOfSequence), middle);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Verify_AChangedAttachment_IsFound(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var mms = (await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Items.Single(i => i.Entry.Incident.Channel == IncidentChannel.Mms);
        var hash = Assert.Single(mms.Entry.Incident.Attachments);

        if (test.Location.FilePath is { } file)
        {
            File.WriteAllBytes(Path.Combine(file + ".attachments", hash.Hex[..2], hash.Hex), [1, 2, 3]);
        }
        else
        {
            Execute(test, $"UPDATE attachments SET content = decode('010203', 'hex') WHERE hash = '{hash.Hex}'");
        }

        var check = (await VerifyEvidence.VerifyAsync(ledger, null)).Single();

        Assert.Equal(new ChainBreak(mms.Entry.Sequence, mms.Entry.Sequence, ChainBreakKind.AttachmentChanged), check.Verification.Break);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Correct_AnEntry_SupersedesItAndBothStayInTheChain(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        var time = new DateTimeOffset(2026, 11, 5, 21, 40, 0, TimeSpan.FromHours(8));
        await RecordIncident.AddAsync(ledger, null, new ManualIncident(IncidentChannel.Sms, time, "17000001234", "你同事欠钱不还", "同事小李"), Clock);

        var correction = await RecordIncident.AddAsync(ledger, null, new ManualIncident(IncidentChannel.Sms, time, "17000001234", "你同事欠钱不还", "同事小王", Corrects: 1), Clock);
        var current = await ReviewEvidence.ReviewEvidence.ListAsync(ledger, null, new EvidenceFilter());
        var all = await ReviewEvidence.ReviewEvidence.ListAsync(ledger, null, new EvidenceFilter(IncludeSuperseded: true));

        Assert.Equal((2, (int?)1), (correction.Sequence, correction.Supersedes));
        Assert.Equal("同事小王", Assert.Single(current.Items).Entry.Incident.ContactName);
        Assert.Equal((int?)2, all.Items[0].SupersededBy);
        Assert.Contains(ConductLabel.ThirdPartyContact, current.Items[0].Labels);
        await Assert.ThrowsAsync<RequestRefusedException>(() => RecordIncident.AddAsync(ledger, null, new ManualIncident(IncidentChannel.Sms, time, null, "x", Corrects: 9), Clock));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ContactsPhone_InAProtectedLedger_IsKeptOnlySealed(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        var report = new ManualIncident(IncidentChannel.Sms, DateTimeOffset.UnixEpoch.AddYears(56), "17000001234", "你同事欠钱不还", "同事小王", "13912345678");
        await Assert.ThrowsAsync<RequestRefusedException>(() => RecordIncident.AddAsync(ledger, null, report with { ContactPhone = "13912345678" }, Clock));
        await RecordIncident.AddAsync(ledger, null, report with { ContactPhone = null }, Clock);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);

        await LedgerAdministration.ProtectAtCostAsync(ledger, "长长的密码 2026", new KeyDerivationCost(1024, 1, 1), Clock);
        var reopened = await Data.Ledger.OpenAsync(test.Location, () => "长长的密码 2026", null);
        await RecordIncident.AddAsync(reopened, null, report, Clock);

        Assert.Equal(0, Scalar(test, "SELECT COUNT(*) FROM evidence_entries WHERE text NOT LIKE 'v1:%' OR contact_phone NOT LIKE 'v1:%' OR contact_name NOT LIKE 'v1:%'"));
        Assert.Equal(1, Scalar(test, "SELECT COUNT(*) FROM evidence_entries WHERE contact_phone LIKE 'v1:%'"));
        Assert.True((await VerifyEvidence.VerifyAsync(reopened, null)).Single().Verification.IsIntact);
        var view = await ReviewEvidence.ReviewEvidence.LoadAsync(reopened, null);
        Assert.Equal("13912345678", view.Items[^1].Entry.Incident.ContactPhone);
        var mms = view.Items.Single(i => i.Entry.Incident.Channel == IncidentChannel.Mms).Entry.Incident;
        Assert.Equal("看看这张图，明天发到你家族群。", mms.Text);
        var picture = Assert.Single(mms.Attachments);

        // The picture stored before protection is sealed now, in its file or its row, under its keyed
        // name: the stored bytes no longer hash to its content hash.
        var name = reopened.Cipher.AttachmentName(picture).Hex;
        Assert.NotEqual(picture.Hex, name);
        byte[] stored;
        if (test.Location.FilePath is { } file)
        {
            stored = File.ReadAllBytes(Path.Combine(file + ".attachments", name[..2], name));
        }
        else
        {
            using var connection = Connect(test);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT content FROM attachments WHERE hash = '{name}'";
            stored = Assert.IsType<byte[]>(command.ExecuteScalar());
        }

        Assert.NotEqual(picture, ContentHash.Of(stored));
    }

    [Theory]
    [InlineData("sqlite", "postgresql")]
    [InlineData("postgresql", "sqlite")]
    public async Task Restore_OnTheOtherProvider_KeepsTheChainAndTheAttachments(string from, string to)
    {
        using var source = TestLedgers.CreateMigrated(from);
        using var target = TestLedgers.Create(to);
        var ledger = await OpenAsync(source);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var backup = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".backup");
        try
        {
            await LedgerBackup.WriteAsync(ledger, backup, Clock);
            await LedgerBackup.RestoreAsync(target.Location, backup);
        }
        finally
        {
            File.Delete(backup);
        }

        var restored = await OpenAsync(target);
        var check = (await VerifyEvidence.VerifyAsync(restored, null)).Single();

        Assert.True(check.Verification.IsIntact, check.Verification.Break?.ToString());
        Assert.Equal(5, check.Head.Count);
        Assert.Equal((await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Head, check.Head);
    }

    internal static Task<Data.Ledger> OpenAsync(TestLedger test) => Data.Ledger.OpenAsync(test.Location, () => null, null);

    internal static DbConnection Connect(TestLedger test)
    {
        DbConnection connection = test.Location.Provider == LedgerProvider.Sqlite
            ? new SqliteConnection(test.Location.ConnectionString)
            : new NpgsqlConnection(test.Location.ConnectionString);
        connection.Open();
        return connection;
    }

    internal static void Execute(TestLedger test, string sql)
    {
        using var connection = Connect(test);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(command.ExecuteNonQuery() > 0, sql);
    }

    internal static long Scalar(TestLedger test, string sql)
    {
        using var connection = Connect(test);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
