using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DebtShield.App.ExportEvidence;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Cases;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Data.Cases;
using DebtShield.Data.Evidence;
using DebtShield.Tests.Shared;
using static DebtShield.App.Tests.Evidence.EvidenceUseCaseTests;

namespace DebtShield.App.Tests.Evidence;

/// <summary>Issue 22: what the chain covers, the head kept apart, retractions, and a bundle that proves itself.</summary>
public sealed class EvidenceIntegrityTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly string SmsBackup = Path.Combine(RepositoryPaths.Root, "samples", "sms-backup.xml");

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Verify_LastEntriesDeletedAndHeadRewrittenWithSql_IsCaughtByTheKeptHead(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var kept = (await VerifyEvidence.VerifyCaseAsync(ledger, null)).Head;
        var third = (await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Items[2].Entry.Hash.Hex;

        Execute(test, "DELETE FROM evidence_entries WHERE sequence > 3");
        Execute(test, $"UPDATE cases SET evidence_count = 3, evidence_head = '{third}'");
        var alone = await VerifyEvidence.VerifyCaseAsync(ledger, null);
        var against = await VerifyEvidence.VerifyAsync(ledger, null, kept);
        var earlier = await VerifyEvidence.VerifyAsync(ledger, null, new ChainHead(3, ContentHash.Parse(third)));

        Assert.True(alone.Verification.IsIntact);
        Assert.Equal(ChainBreakKind.KeptHeadMismatch, against.Verification.Break?.Kind);
        Assert.Equal(5, against.Verification.Break?.Sequence);
        Assert.True(earlier.Verification.IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Verify_LabelsStrippedWithSql_BreaksAtThatEntry(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var labelled = (await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Items.First(i => i.Labels.Contains(ConductLabel.ThreatExposure)).Entry.Sequence;

        Execute(test, $"UPDATE evidence_entries SET labels = '', findings = '[]' WHERE sequence = {labelled}");
        var check = await VerifyEvidence.VerifyCaseAsync(ledger, null);

        Assert.Equal(new ChainBreak(labelled, labelled, ChainBreakKind.ContentChanged), check.Verification.Break);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Verify_AChannelNoMemberIsStoredAs_BreaksAtThatEntryAsUnreadable(string provider)
    {
        // Given a chain whose second entry's channel was edited to a value no version stores
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        Execute(test, "UPDATE evidence_entries SET channel = 'Fax' WHERE sequence = 2");

        // When the chain is verified
        var check = await VerifyEvidence.VerifyCaseAsync(ledger, null);

        // Then it breaks there, as for any entry that does not read, rather than failing
        Assert.Equal(new ChainBreak(2, 2, ChainBreakKind.ContentChanged), check.Verification.Break);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Append_ClockSetBack_RecordsNoEarlierThanTheLastEntry(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);

        var entry = await RecordIncident.AddAsync(ledger, null, new ManualIncident(IncidentChannel.Visit, new DateTimeOffset(2019, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)), null, "上门"), new FixedClock(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var check = await VerifyEvidence.VerifyCaseAsync(ledger, null);

        Assert.Equal(Clock.GetUtcNow(), entry.RecordedAt);
        Assert.True(check.Verification.IsIntact, check.Verification.Break?.ToString());
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Verify_FormatOneEntriesOfAnOlderLedger_VerifyAsBeforeAndNewEntriesFollowInFormatTwo(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ledger.WriteAsync(async (context, token) =>
        {
            var stored = new StoredCase { Id = Guid.CreateVersion7(), CreatedAt = Clock.GetUtcNow() };
            stored.WriteProfile(new CaseProfile("旧账本", null, null, null, null), ledger.Cipher);
            context.Cases.Add(stored);
            await context.SaveChangesAsync(token);
            var head = ChainHead.Empty;
            var rows = new List<StoredEvidenceEntry>();
            for (var i = 1; i <= 3; i++)
            {
                var incident = new Incident(IncidentChannel.Sms, IncidentDirection.Received, new DateTimeOffset(2026, 11, i, 21, 0, 0, TimeSpan.FromHours(8)), "17000001234", Recipient.Borrower, "不还钱就爆你通讯录 " + i, "old.xml");
                var hash = ContentHash.Of(EvidenceRecord.Entry(i, Clock.GetUtcNow(), null, incident, head.Hash));
                var entry = new EvidenceEntry(i, Clock.GetUtcNow(), null, incident, head.Hash, hash, Format: 1, Reading: new EvidenceReading("conduct-old", ["threat_exposure"], []));
                rows.Add(StoredEvidenceEntry.Of(stored.Id, entry, ledger.Cipher));
                head = ChainHead.After(entry);
            }

            await context.InsertEvidenceAsync(rows, token);
            stored.EvidenceCount = head.Count;
            stored.EvidenceHead = head.Hash.Hex;
            return 0;
        });
        Assert.Equal(3, Scalar(test, "SELECT COUNT(*) FROM evidence_entries WHERE record_format = 1"));

        var before = await VerifyEvidence.VerifyCaseAsync(ledger, null);
        Execute(test, "UPDATE evidence_entries SET labels = '' WHERE sequence = 2");
        var stripped = await VerifyEvidence.VerifyCaseAsync(ledger, null);
        var added = await RecordIncident.AddAsync(ledger, null, new ManualIncident(IncidentChannel.Visit, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8)), null, "上门"), Clock);
        var after = await VerifyEvidence.VerifyCaseAsync(ledger, null);

        Assert.Equal((true, 3), (before.Verification.IsIntact, before.Verification.FormatOneEntries));
        Assert.True(stripped.Verification.IsIntact);
        Assert.Equal((4, 2), (added.Sequence, added.Format));
        Assert.Equal((true, 3, 4), (after.Verification.IsIntact, after.Verification.FormatOneEntries, after.Head.Count));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Retract_AnEntry_LeavesListsAndFiguresKeepsTheChainAndTheBundleRecordsIt(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var (_, before) = await ReviewEvidence.ReviewEvidence.StatisticsAsync(ledger, null);
        var target = (await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Items.First(i => i.Labels.Contains(ConductLabel.ThreatExposure)).Entry.Sequence;

        var retraction = await RetractEvidence.RetractAsync(ledger, null, target, "这是快递短信，不是催收", Clock);
        var listed = await ReviewEvidence.ReviewEvidence.ListAsync(ledger, null, new EvidenceFilter());
        var all = await ReviewEvidence.ReviewEvidence.ListAsync(ledger, null, new EvidenceFilter(IncludeSuperseded: true));
        var page = await EvidencePages.ReadAsync(ledger, null, new EvidenceFilter(), 1, 50);
        var (_, after) = await ReviewEvidence.ReviewEvidence.StatisticsAsync(ledger, null);
        var check = await VerifyEvidence.VerifyCaseAsync(ledger, null);

        Assert.Equal((6, (int?)target, true), (retraction.Sequence, retraction.Supersedes, retraction.IsRetraction));
        Assert.DoesNotContain(listed.Items, i => i.Entry.Sequence == target || i.Entry.IsRetraction);
        Assert.DoesNotContain(page.Items, i => i.Entry.Sequence == target || i.Entry.IsRetraction);
        Assert.Equal(4, listed.Items.Count);
        Assert.Equal(4, page.Total);
        Assert.Equal(6, all.Items.Count);
        Assert.Equal(before.Incidents - 1, after.Incidents);
        Assert.True(check.Verification.IsIntact);
        Assert.Equal(6, check.Head.Count);

        var zip = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".zip");
        try
        {
            await ExportEvidenceBundle.WriteAsync(ledger, null, zip, Clock);
            using var archive = ZipFile.OpenRead(zip);
            var record = Read(archive, "entries/000006.txt");
            var timeline = Read(archive, "timeline.html");
            Assert.Contains("\nkind retraction\n", record, StringComparison.Ordinal);
            Assert.Contains("这是快递短信，不是催收", record, StringComparison.Ordinal);
            Assert.Contains("说明第 " + target + " 条不是证据", timeline, StringComparison.Ordinal);
            Assert.Contains("\"retraction\": true", Read(archive, "manifest.json"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(zip);
        }

        await Assert.ThrowsAsync<RequestRefusedException>(() => RetractEvidence.RetractAsync(ledger, null, target, "再撤一次", Clock));
        await Assert.ThrowsAsync<RequestRefusedException>(() => RetractEvidence.RetractAsync(ledger, null, 6, "撤回撤回", Clock));
        await Assert.ThrowsAsync<RequestRefusedException>(() => RetractEvidence.RetractAsync(ledger, null, 99, "没有这条", Clock));
        await Assert.ThrowsAsync<RequestRefusedException>(() => RetractEvidence.RetractAsync(ledger, null, 1, " ", Clock));
    }

    [Fact]
    public async Task Export_Sha256SumsCoversEveryFile_AndSha256sumCatchesAnEditedTimeline()
    {
        using var test = TestLedgers.CreateMigrated("sqlite");
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var folder = Directory.CreateTempSubdirectory("bundle-").FullName;
        try
        {
            var zip = Path.Combine(folder, "evidence.zip");
            var summary = await ExportEvidenceBundle.WriteAsync(ledger, null, zip, Clock);
            var unzipped = Path.Combine(folder, "out");
            ZipFile.ExtractToDirectory(zip, unzipped);
            var sums = File.ReadAllLines(Path.Combine(unzipped, "SHA256SUMS"));
            var listed = sums.Select(l => l[66..]).Order(StringComparer.Ordinal).ToList();
            var files = Directory.EnumerateFiles(unzipped, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(unzipped, f).Replace('\\', '/')).Where(f => f != "SHA256SUMS").Order(StringComparer.Ordinal).ToList();

            Assert.Equal(files, listed);
            Assert.Contains("timeline.html", listed);
            Assert.Contains("manifest.json", listed);
            Assert.Contains("verify.txt", listed);
            Assert.Equal(ContentHash.Of(File.ReadAllBytes(Path.Combine(unzipped, "SHA256SUMS"))), summary.Sums);
            Assert.Equal(0, Sha256sumCheck(unzipped));

            File.AppendAllText(Path.Combine(unzipped, "timeline.html"), "<p>改过</p>");
            Assert.NotEqual(0, Sha256sumCheck(unzipped));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Import_AUtf8CsvWithOneBadByte_StoresNothingAndTheRepairedFileIsImportedOnce(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        var csv = "时间,号码,方向,类型,内容\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"2026-11-03 21:{i:00},17000001234,收,短信,你欠的钱再不还就去你单位找你 {i}\n"));
        var folder = Directory.CreateTempSubdirectory("csv-").FullName;
        try
        {
            var damaged = Path.Combine(folder, "damaged.csv");
            var repaired = Path.Combine(folder, "repaired.csv");
            File.WriteAllBytes(damaged, [.. Encoding.UTF8.GetBytes(csv), 0xE4]);
            File.WriteAllText(repaired, csv);
            var choices = new PhoneBackupChoices(["17000001234"]);

            await Assert.ThrowsAsync<RequestRefusedException>(() => ImportPhoneBackup.ImportAsync(ledger, null, damaged, choices, Clock));
            Assert.Equal(0, Scalar(test, "SELECT COUNT(*) FROM evidence_entries"));
            var first = await ImportPhoneBackup.ImportAsync(ledger, null, repaired, choices, Clock);
            var second = await ImportPhoneBackup.ImportAsync(ledger, null, repaired, choices, Clock);

            Assert.Equal((50, 0, 50), (first.Added, second.Added, second.AlreadyKept));
            Assert.Equal(50, Scalar(test, "SELECT COUNT(*) FROM evidence_entries WHERE text LIKE '你欠的钱再不还%'"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Read(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The exit code of <c>sha256sum -c SHA256SUMS</c> in <paramref name="folder"/>.</summary>
    internal static int Sha256sumCheck(string folder)
    {
        using var process = Process.Start(new ProcessStartInfo("sha256sum", ["-c", "--quiet", "SHA256SUMS"]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
