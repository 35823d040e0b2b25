using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DebtShield.App.ExportEvidence;
using DebtShield.App.Ledgers;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Evidence;
using DebtShield.Data;
using DebtShield.Data.Evidence;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using static DebtShield.App.Tests.Evidence.EvidenceUseCaseTests;

namespace DebtShield.App.Tests.Evidence;

/// <summary>
/// Issue 22 item 5: once a ledger is protected, nothing it stores names an attachment by the plain
/// SHA-256 of its content (a known picture could be confirmed against a copied file), while the
/// chain, the bundle and <c>SHA256SUMS</c> keep the plain hash a third party checks.
/// </summary>
public sealed class KeyedAttachmentTests
{
    private const string Passphrase = "长长的密码 2026";
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly KeyDerivationCost Light = new(1024, 1, 1);
    private static readonly byte[] Picture = [0x89, .. "PNG\r\n\u001a\n"u8, .. Encoding.ASCII.GetBytes("催收发来的照片 " + new string('p', 3000))];
    private static readonly string PlainHash = Convert.ToHexStringLower(SHA256.HashData(Picture));

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Protect_AttachmentStoredBefore_IsStoredUnderAKeyedNameAndTheBundleStillVerifies(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        using var folder = new TemporaryFolder();
        var picture = folder.Write("photo.png", Picture);
        var ledger = await OpenAsync(test);
        await RecordIncident.AddAsync(ledger, null, Photo("照片", picture), Clock);
        Assert.NotEmpty(PlainNames(test));

        Assert.True(await LedgerAdministration.ProtectAtCostAsync(ledger, Passphrase, Light, Clock));

        Assert.Empty(PlainNames(test));
        Assert.Equal(1, Scalar(test, "SELECT COUNT(*) FROM attachments"));
        var reopened = await Ledger.OpenAsync(test.Location, () => Passphrase, null);
        var check = await VerifyEvidence.VerifyCaseAsync(reopened, null);
        Assert.True(check.Verification.IsIntact, check.Verification.Break?.ToString());

        // The same picture attached again is recognised: still one attachment, stored once.
        await RecordIncident.AddAsync(reopened, null, Photo("同一张照片又发了一次", picture), Clock);
        Assert.Equal(1, Scalar(test, "SELECT COUNT(*) FROM attachments"));
        if (test.Location.FilePath is not null)
        {
            Assert.Single(StoredFiles(test));
        }

        Assert.Empty(PlainNames(test));

        var zip = folder.PathOf("evidence.zip");
        await ExportEvidenceBundle.WriteAsync(reopened, null, zip, Clock);
        var unzipped = folder.PathOf("out");
        ZipFile.ExtractToDirectory(zip, unzipped);
        Assert.Equal(Picture, File.ReadAllBytes(Path.Combine(unzipped, "attachments", PlainHash + ".png")));
        Assert.Contains(PlainHash + "  attachments/" + PlainHash + ".png", File.ReadAllLines(Path.Combine(unzipped, "SHA256SUMS")));
        Assert.Equal(0, EvidenceIntegrityTests.Sha256sumCheck(unzipped));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Open_ProtectedBeforeNamesWereKeyed_MovesAttachmentsToKeyedNamesAndStillVerifies(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        using var folder = new TemporaryFolder();
        var ledger = await OpenAsync(test);
        Assert.True(await LedgerAdministration.ProtectAtCostAsync(ledger, Passphrase, Light, Clock));
        await RecordIncident.AddAsync(ledger, null, Photo("照片", folder.Write("photo.png", Picture)), Clock);
        var keyed = ledger.Cipher.AttachmentName(ContentHash.Parse(PlainHash)).Hex;

        // What a ledger protected before issue 22 held: the row (and file) under the plain hash,
        // the content sealed for that name, the entry's list plain; the migration marked it unfinished.
        var sealedForPlainName = ledger.Cipher.Seal(Picture, "attachments:" + PlainHash);
        if (test.Location.FilePath is not null)
        {
            var attachments = AttachmentStore.FolderOf(test.Location)!;
            File.Delete(Path.Combine(attachments, keyed[..2], keyed));
            Directory.CreateDirectory(Path.Combine(attachments, PlainHash[..2]));
            File.WriteAllBytes(Path.Combine(attachments, PlainHash[..2], PlainHash), sealedForPlainName);
            Execute(test, $"UPDATE attachments SET hash = '{PlainHash}'");
            Execute(test, "UPDATE protection SET finish_pending = 1");
        }
        else
        {
            Execute(test, $"UPDATE attachments SET hash = '{PlainHash}', content = decode('{Convert.ToHexStringLower(sealedForPlainName)}', 'hex')");
            Execute(test, "UPDATE protection SET finish_pending = TRUE");
        }

        Execute(test, $"UPDATE evidence_entries SET attachments = '{PlainHash}' WHERE attachments <> ''");
        Assert.NotEmpty(PlainNames(test));

        var reopened = await Ledger.OpenAsync(test.Location, () => Passphrase, null);

        Assert.Empty(PlainNames(test));
        Assert.Equal(0, Scalar(test, "SELECT COUNT(*) FROM protection WHERE finish_pending"));
        var check = await VerifyEvidence.VerifyCaseAsync(reopened, null);
        Assert.True(check.Verification.IsIntact, check.Verification.Break?.ToString());
        var store = new AttachmentStore(reopened);
        Assert.Equal(Picture, await reopened.ReadAsync((context, token) => store.GetAsync(context, ContentHash.Parse(PlainHash), token)));
    }

    private static ManualIncident Photo(string text, string picture) =>
        new(IncidentChannel.Sms, new DateTimeOffset(2026, 11, 5, 21, 40, 0, TimeSpan.FromHours(8)), "17000001234", text, Attachments: [picture]);

    /// <summary>Every place the ledger stores the picture's plain SHA-256: row keys, entries' lists, file names.</summary>
    private static List<string> PlainNames(TestLedger test)
    {
        var found = new List<string>();
        if (Scalar(test, $"SELECT COUNT(*) FROM attachments WHERE hash = '{PlainHash}'") > 0)
        {
            found.Add("attachments.hash");
        }

        if (Scalar(test, $"SELECT COUNT(*) FROM evidence_entries WHERE attachments LIKE '%{PlainHash}%'") > 0)
        {
            found.Add("evidence_entries.attachments");
        }

        found.AddRange(StoredFiles(test).Where(f => f.Contains(PlainHash, StringComparison.Ordinal)));
        return found;
    }

    private static string[] StoredFiles(TestLedger test) =>
        AttachmentStore.FolderOf(test.Location) is { } attachments && Directory.Exists(attachments)
            ? Directory.GetFiles(attachments, "*", SearchOption.AllDirectories)
            : [];

    private sealed class TemporaryFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("keyed-attachments-").FullName;

        public string PathOf(string name) => Path.Combine(_path, name);

        public string Write(string name, byte[] content)
        {
            File.WriteAllBytes(PathOf(name), content);
            return PathOf(name);
        }

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
