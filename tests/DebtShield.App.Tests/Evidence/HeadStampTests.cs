using System.IO.Compression;
using System.Security.Cryptography.Pkcs;
using DebtShield.App.ExportEvidence;
using DebtShield.App.MakeDocument;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.App.StampEvidence;
using DebtShield.Core.Evidence;
using DebtShield.Data.Backups;
using DebtShield.Tests.Shared;
using DebtShield.Tests.Shared.TimeStamps;
using static DebtShield.App.Tests.Evidence.EvidenceUseCaseTests;

namespace DebtShield.App.Tests.Evidence;

/// <summary>Issue 22 item 1: an RFC 3161 time-stamp of the chain head, from a real local authority made with <c>openssl ts</c>.</summary>
public sealed class HeadStampTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly string SmsBackup = Path.Combine(RepositoryPaths.Root, "samples", "sms-backup.xml");

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Stamp_ByALocalAuthority_SendsOnlyTheHeadAndIsStoredWithTheHead(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        using var authority = LocalTimeStampAuthority.Start();
        using var http = new HttpClient();
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var head = (await VerifyEvidence.VerifyCaseAsync(ledger, null)).Head;

        var stamp = await StampEvidenceHead.StampAsync(ledger, null, authority.Address, http);
        var listed = await StampEvidenceHead.ListAsync(ledger, null);

        Assert.Equal(1, authority.Asked);
        Assert.True(Rfc3161TimestampRequest.TryDecode(authority.Requests[0], out var sent, out _));
        Assert.Equal(Convert.FromHexString(head.Hash.Hex), sent!.GetMessageHash().ToArray());
        Assert.True(sent.RequestSignerCertificate);
        Assert.NotNull(sent.GetNonce());
        Assert.True(authority.Requests[0].Length < 120, "the request holds the hash, a nonce and flags, nothing more");
        Assert.Equal(new HeadStamp(1, head.Count, head.Hash, authority.Address, stamp.StampedAt), Assert.Single(listed));
        Assert.InRange(stamp.StampedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Export_AStampedChain_BundleTokenPassesOpensslVerifyOfflineAndATamperedHeadFails()
    {
        using var test = TestLedgers.CreateMigrated("sqlite");
        using var authority = LocalTimeStampAuthority.Start();
        using var http = new HttpClient();
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var stamp = await StampEvidenceHead.StampAsync(ledger, null, authority.Address, http);
        var folder = Directory.CreateTempSubdirectory("stamped-bundle-").FullName;
        try
        {
            var zip = Path.Combine(folder, "evidence.zip");
            await ExportEvidenceBundle.WriteAsync(ledger, null, zip, Clock);
            var unzipped = Path.Combine(folder, "out");
            ZipFile.ExtractToDirectory(zip, unzipped);
            File.Copy(authority.CaCertificate, Path.Combine(unzipped, "TSA-CA.pem"));
            var record = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"entries/{stamp.Count:D6}.txt");
            var verifyText = File.ReadAllText(Path.Combine(unzipped, "verify.txt"));
            string[] byData = ["ts", "-verify", "-data", record, "-in", stamp.ReplyFile, "-CAfile", "TSA-CA.pem"];
            string[] byQuery = ["ts", "-verify", "-queryfile", stamp.RequestFile, "-in", stamp.ReplyFile, "-CAfile", "TSA-CA.pem"];

            var data = LocalTimeStampAuthority.Run(unzipped, byData);
            var query = LocalTimeStampAuthority.Run(unzipped, byQuery);
            File.AppendAllText(Path.Combine(unzipped, record), "x");
            var tampered = LocalTimeStampAuthority.Run(unzipped, byData);

            Assert.Contains("openssl " + string.Join(' ', byData), verifyText, StringComparison.Ordinal);
            Assert.Contains("openssl " + string.Join(' ', byQuery), verifyText, StringComparison.Ordinal);
            Assert.Equal(0, data.ExitCode);
            Assert.Contains("Verification: OK", data.Output, StringComparison.Ordinal);
            Assert.Equal(0, query.ExitCode);
            Assert.NotEqual(0, tampered.ExitCode);
            Assert.Contains(stamp.ReplyFile, File.ReadAllText(Path.Combine(unzipped, "SHA256SUMS")), StringComparison.Ordinal);
            Assert.Contains("加盖可信时间戳", File.ReadAllText(Path.Combine(unzipped, "timeline.html")), StringComparison.Ordinal);
            Assert.Contains("\"stamps\"", File.ReadAllText(Path.Combine(unzipped, "manifest.json")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Verify_AStampedHeadCutOffWithSql_BreaksAtTheStampedEntryEvenWhenTheStampRowIsRewrittenToFit(string provider)
    {
        // Given a stamped head of 5 entries, and the chain grown since
        using var test = TestLedgers.CreateMigrated(provider);
        using var authority = LocalTimeStampAuthority.Start();
        using var http = new HttpClient();
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var stamp = await StampEvidenceHead.StampAsync(ledger, null, authority.Address, http);
        await ImportPhoneBackup.ImportAsync(ledger, null, Path.Combine(RepositoryPaths.Root, "samples", "calls-backup.xml"), new PhoneBackupChoices([]), Clock);
        var grown = await VerifyEvidence.VerifyCaseAsync(ledger, null);

        // When the entries from 4 on are deleted and the case's head rewritten, so the chain alone holds
        Execute(test, "DELETE FROM evidence_entries WHERE sequence > 3");
        Execute(test, "UPDATE cases SET evidence_count = 3, evidence_head = (SELECT hash FROM evidence_entries WHERE sequence = 3)");
        var cut = await VerifyEvidence.VerifyCaseAsync(ledger, null);

        // and the stamp's own row is rewritten to name the new head
        Execute(test, "UPDATE head_stamps SET count = 3, head = (SELECT hash FROM evidence_entries WHERE sequence = 3)");
        var refitted = await VerifyEvidence.VerifyCaseAsync(ledger, null);

        // Then the grown chain held, and both are a break at the stamped entry
        Assert.Equal(5, stamp.Count);
        Assert.True(grown.Verification.IsIntact, grown.Verification.Break?.ToString());
        Assert.Equal(10, grown.Head.Count);
        Assert.Equal(new ChainBreak(5, 4, ChainBreakKind.StampedHeadMismatch), cut.Verification.Break);
        Assert.Equal(3, cut.Verification.IntactEntries);
        Assert.Equal(new ChainBreak(3, 3, ChainBreakKind.StampedHeadMismatch), refitted.Verification.Break);
    }

    [Theory]
    [InlineData(AuthorityConduct.WrongNonce, "随机数")]
    [InlineData(AuthorityConduct.OtherHash, "另一个哈希值")]
    public async Task Stamp_AReplyThatDoesNotAnswerTheRequest_IsRefusedAndNothingIsStored(AuthorityConduct conduct, string said)
    {
        using var test = TestLedgers.CreateMigrated("sqlite");
        using var authority = LocalTimeStampAuthority.Start(conduct);
        using var http = new HttpClient();
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => StampEvidenceHead.StampAsync(ledger, null, authority.Address, http));

        Assert.Equal(1, authority.Asked);
        Assert.Contains(said, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await StampEvidenceHead.ListAsync(ledger, null));
    }

    [Theory]
    [InlineData("zh-CN", "“拒绝（2）”，原因：不支持所用的哈希算法、机构不接受所请求的策略；机构的说明：policy 1.2.3.4.9 not accepted")]
    [InlineData("en", "\"rejection (2)\", reason: badAlg: the hash algorithm is not supported, unacceptedPolicy: the requested policy is not supported; the authority's words: policy 1.2.3.4.9 not accepted")]
    public async Task Stamp_AnAuthorityThatRefuses_SaysItsStatusAndFailInfoInWordsAndStoresNothing(string language, string said)
    {
        using var test = TestLedgers.CreateMigrated("sqlite");
        using var authority = LocalTimeStampAuthority.Start(AuthorityConduct.Refuses);
        using var http = new HttpClient();
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(language);
        RequestRefusedException refused;
        try
        {
            refused = await Assert.ThrowsAsync<RequestRefusedException>(() => StampEvidenceHead.StampAsync(ledger, null, authority.Address, http));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }

        Assert.Equal(1, authority.Asked);
        Assert.Contains(said, refused.Message, StringComparison.Ordinal);
        Assert.Contains(authority.Address, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await StampEvidenceHead.ListAsync(ledger, null));
        Assert.Equal(0L, Scalar(test, "SELECT COUNT(*) FROM head_stamps"));
    }

    [Fact]
    public async Task Stamp_ABrokenChainOrABadAddress_IsRefusedBeforeAnythingIsSent()
    {
        using var test = TestLedgers.CreateMigrated("sqlite");
        using var authority = LocalTimeStampAuthority.Start();
        using var http = new HttpClient();
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);

        var badAddress = await Assert.ThrowsAsync<RequestRefusedException>(() => StampEvidenceHead.StampAsync(ledger, null, "ftp://127.0.0.1/tsr", http));
        Execute(test, "UPDATE evidence_entries SET text = '改过' WHERE sequence = 2");
        var broken = await Assert.ThrowsAsync<RequestRefusedException>(() => StampEvidenceHead.StampAsync(ledger, null, authority.Address, http));

        Assert.Contains("ftp://127.0.0.1/tsr", badAddress.Message, StringComparison.Ordinal);
        Assert.Contains("第 2 条", broken.Message, StringComparison.Ordinal);
        Assert.Equal(0, authority.Asked);
    }

    [Fact]
    public async Task Stamp_NobodyAnswers_IsAClearRefusal()
    {
        using var test = TestLedgers.CreateMigrated("sqlite");
        using var http = new HttpClient();
        var ledger = await OpenAsync(test);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => StampEvidenceHead.StampAsync(ledger, null, $"http://127.0.0.1:{port}/tsr", http));

        Assert.Contains("无法从时间戳机构", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await StampEvidenceHead.ListAsync(ledger, null));
    }

    [Fact]
    public async Task BackupAndRestore_KeepTheStamps_AndDocumentsSayWhenTheHeadWasStamped()
    {
        using var source = TestLedgers.CreateMigrated("sqlite");
        using var target = TestLedgers.Create("sqlite");
        using var authority = LocalTimeStampAuthority.Start();
        using var http = new HttpClient();
        var ledger = await OpenAsync(source);
        await ImportPhoneBackup.ImportAsync(ledger, null, SmsBackup, new PhoneBackupChoices([]), Clock);
        var stamp = await StampEvidenceHead.StampAsync(ledger, null, authority.Address, http);
        var folder = Directory.CreateTempSubdirectory("stamp-backup-").FullName;
        try
        {
            var file = Path.Combine(folder, "ledger.backup");
            var report = Path.Combine(folder, "police.md");
            await LedgerBackup.WriteAsync(ledger, file, Clock);
            await LedgerBackup.RestoreAsync(target.Location, file);
            var restored = await StampEvidenceHead.ListAsync(await OpenAsync(target), null);
            await MakeDocument.MakeDocument.WriteAsync(ledger, new DocumentRequest("police-report", null, null, report), Clock);

            Assert.Equal(stamp, Assert.Single(restored));
            Assert.Contains($"其中第{stamp.Count}条（当时的链末端）已由时间戳机构 {authority.Address} 于", File.ReadAllText(report), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
