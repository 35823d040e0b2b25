using System.IO.Compression;
using System.Text;
using DebtShield.App.Demo;
using DebtShield.App.Downloads;
using DebtShield.App.ExportEvidence;
using DebtShield.App.MakeDocument;
using DebtShield.Core;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.Downloads;

/// <summary>
/// What the hosts send and take without a file on disk: the evidence bundle and the documents as
/// <see cref="Download"/>s written into a stream that, like a response body, cannot seek and takes
/// asynchronous writes only; and an uploaded loan file read from a stream.
/// </summary>
public sealed class DownloadTests : IAsyncLifetime
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private readonly TestLedger test = TestLedgers.CreateMigratedSqlite();
    private readonly string folder = Directory.CreateTempSubdirectory("debtshield-downloads-").FullName;
    private Data.Ledger ledger = null!;

    public async Task InitializeAsync()
    {
        ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        await LoadDemo.RunAsync(ledger, Clock);
    }

    public Task DisposeAsync()
    {
        test.Dispose();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BundleDownload_WrittenAsynchronouslyToAStreamThatCannotSeek_HoldsWhatTheFileHolds()
    {
        var file = Path.Combine(folder, "bundle.zip");
        await ExportEvidenceBundle.WriteAsync(ledger, null, file, Clock);

        var download = await ExportEvidenceBundle.DownloadAsync(ledger, null, Clock);
        var sent = await SendAsync(download);

        Assert.Equal("debtshield-evidence-20261128-1000.zip", download.FileName);
        Assert.Equal("application/zip", download.MediaType);
        Assert.Equal(Entries(await File.ReadAllBytesAsync(file)), Entries(sent));
    }

    [Fact]
    public async Task BundleDownload_CaseWithoutEvidence_IsRefusedBeforeAnythingIsSent()
    {
        using var empty = TestLedgers.CreateMigratedSqlite();
        var open = await Data.Ledger.OpenAsync(empty.Location, () => null, null);

        await Assert.ThrowsAsync<RequestRefusedException>(() => ExportEvidenceBundle.DownloadAsync(open, null, Clock));
    }

    [Theory]
    [InlineData("md", "text/markdown; charset=utf-8")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task DocumentDownload_WrittenAsynchronouslyToAStreamThatCannotSeek_IsTheFileTheCommandWrites(string format, string mediaType)
    {
        var file = Path.Combine(folder, "notice." + format);
        var facts = new Dictionary<string, string> { ["borrower.name"] = " 小王 ", ["borrower.phone"] = "  " };
        await MakeDocument.MakeDocument.WriteAsync(ledger, new DocumentRequest("contacts-notice", null, null, file, new Dictionary<string, string> { ["borrower.name"] = "小王" }), Clock);

        var download = await MakeDocument.MakeDocument.DownloadAsync(ledger, DocumentRequest.ForDownload("contacts-notice", null, " ", format, facts), Clock);
        var sent = await SendAsync(download);

        Assert.Equal("contacts-notice." + format, download.FileName);
        Assert.Equal(mediaType, download.MediaType);
        if (format == "md")
        {
            Assert.Equal(await File.ReadAllTextAsync(file), Encoding.UTF8.GetString(sent));
        }
        else
        {
            // The package's properties part is named afresh each time; the letter is the document part.
            Assert.Equal(Part(await File.ReadAllBytesAsync(file), "word/document.xml"), Part(sent, "word/document.xml"));
        }
    }

    [Theory]
    [InlineData("exe")]
    [InlineData("")]
    public async Task DocumentDownload_FormatTheAppDoesNotWrite_IsRefusedNamingIt(string format)
    {
        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() =>
            MakeDocument.MakeDocument.DownloadAsync(ledger, DocumentRequest.ForDownload("contacts-notice", null, null, format, null), Clock));

        Assert.Contains("docx", refusal.Message, StringComparison.Ordinal);
        Assert.Matches("(“|\")" + format + "(”|\")", refusal.Message);
    }

    [Fact]
    public async Task ImportAsync_TableWithABadRow_IsRefusedWholeNamingTheFileAndRow()
    {
        var before = (await ListLoans.ListLoans.ListAsync(ledger, null, ChinaStandardTime.Today(Clock))).Loans.Count;
        var table = "loan,lender,lender_kind,contract_date,principal,due_date,total\n"
            + "新借款,某平台,online_platform,2026-01-05,3000,2026-02-05,1100\n"
            + "新借款,某平台,online_platform,2026-01-05,3000,2026-13-05,1100\n";
        using var upload = new MemoryStream(Encoding.UTF8.GetBytes(table));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => ImportLoans.ImportLoans.ImportAsync(ledger, null, upload, "上传.csv", Clock));

        Assert.Matches(@"上传\.csv (第 3 行|row 3)", refusal.Message);
        Assert.Equal(before, (await ListLoans.ListLoans.ListAsync(ledger, null, ChinaStandardTime.Today(Clock))).Loans.Count);
    }

    private static async Task<byte[]> SendAsync(Download download)
    {
        using var body = new ResponseBody();
        await download.WriteToAsync(body);
        return body.ToArray();
    }

    private static string Part(byte[] zip, string name) => Entries(zip).Single(e => e.Name == name).Content;

    /// <summary>Every entry of a zip (a bundle, a DOCX) by name, with its bytes.</summary>
    private static List<(string Name, string Content)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e =>
        {
            using var content = new MemoryStream();
            using (var stream = e.Open())
            {
                stream.CopyTo(content);
            }

            return (e.FullName, Convert.ToHexString(content.ToArray()));
        })];
    }

    /// <summary>A stream like Kestrel's response body: it cannot seek or read, and refuses synchronous writes.</summary>
    private sealed class ResponseBody : Stream
    {
        private readonly MemoryStream written = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] ToArray() => written.ToArray();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => written.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => written.WriteAsync(buffer, offset, count, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are not allowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous flushes are not allowed.");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                written.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
