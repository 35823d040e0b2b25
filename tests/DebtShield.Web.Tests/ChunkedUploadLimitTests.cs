using System.Text;
using System.Text.Json;
using DebtShield.Web.Hosting;
using Xunit.Abstractions;

namespace DebtShield.Web.Tests;

/// <summary>
/// A chunked body (no length announced) over the upload limit, sent as curl sends it: it can only
/// be refused once it has been read past the limit, so these tests do send 512 MiB and more (12 s
/// over loopback on the shared, loaded test machine, 2026-12-05), and check that it is answered 413,
/// that nothing is kept, and that the server's live heap stays bounded meanwhile. Both are refused, so
/// they share one app over an empty ledger (<see cref="SharedApp"/>), each from a browser of its own,
/// and each still asserts that the ledger holds no evidence.
/// </summary>
/// <remarks>
/// The heap measured is the whole test process's, and a spool folder is anyone's: these tests run
/// in a collection of their own, alone, so that no other test's allocations or uploads count.
/// </remarks>
[Collection(nameof(ChunkedUploadLimitTests))]
public sealed class ChunkedUploadLimitTests(SharedApp emptyLedger, ITestOutputHelper output) : IClassFixture<SharedApp>
{
    /// <summary>How much more than the limit the chunked tests offer to send.</summary>
    private const long Overshoot = 16L * 1024 * 1024;

    /// <summary>How far the test process's live managed heap (the app's and the client's) may grow while a body over the limit is sent.</summary>
    private const long HeapBound = 16L * 1024 * 1024;

    [Fact]
    public async Task ApiImport_ChunkedBodyOverTheLimit_413WithHeapBoundedAndNothingKept()
    {
        await using var app = emptyLedger.App.NewBrowser();
        var body = new GeneratedBody(UploadLimit.Bytes + Overshoot);
        var spools = Spools();

        var (answer, heapGrowth) = await WatchHeapAsync(() => ChunkedUpload.SendAsync(app.Address,
            $"POST /api/v1/evidence/import?lang=en&file=sms.xml&collector={UploadLimitTests.Collector} HTTP/1.1\r\nHost: {app.Address.Authority}\r\nContent-Type: application/octet-stream", body));
        using var problem = JsonDocument.Parse(answer.Body);
        using var evidence = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));

        Assert.Equal(413, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(413, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("at most 512 MB", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        output.WriteLine($"{answer.Sent} bytes sent before the answer; the live heap grew by at most {heapGrowth} bytes");
        Assert.True(answer.Sent > UploadLimit.Bytes, $"only {answer.Sent} bytes were sent: the limit was not reached");
        Assert.True(heapGrowth < HeapBound, $"the live heap grew by {heapGrowth} bytes while {answer.Sent} were sent");
        Assert.Equal(0, evidence.RootElement.GetProperty("total").GetInt32());
        Assert.Empty(Spools().Except(spools));
    }

    [Fact]
    public async Task PageImport_ChunkedFormOverTheLimit_413PageWithHeapBoundedAndNothingKept()
    {
        await using var app = emptyLedger.App.NewBrowser();
        var (_, token) = await app.FormAsync("/evidence");
        const string boundary = "----debtshield-chunked";
        var body = new GeneratedBody(UploadLimit.Bytes + Overshoot, Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"backup\"; filename=\"sms.xml\"\r\nContent-Type: text/xml\r\n\r\n"));
        var spools = Spools();

        var (answer, heapGrowth) = await WatchHeapAsync(() => ChunkedUpload.SendAsync(app.Address,
            $"POST /evidence?handler=Import HTTP/1.1\r\nHost: {app.Address.Authority}\r\nAccept: text/html\r\n"
            + $"Cookie: {app.Cookies.GetCookieHeader(app.Address)}\r\nContent-Type: multipart/form-data; boundary={boundary}", body));
        using var evidence = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));

        Assert.Equal(413, answer.Status);
        Assert.Equal("text/html", answer.ContentType);
        Assert.Contains("文件太大", answer.Body, StringComparison.Ordinal);
        Assert.Contains("最多 512 MB", answer.Body, StringComparison.Ordinal);
        output.WriteLine($"{answer.Sent} bytes sent before the answer; the live heap grew by at most {heapGrowth} bytes");
        Assert.True(answer.Sent > UploadLimit.Bytes, $"only {answer.Sent} bytes were sent: the limit was not reached");
        Assert.True(heapGrowth < HeapBound, $"the live heap grew by {heapGrowth} bytes while {answer.Sent} were sent");
        Assert.Equal(0, evidence.RootElement.GetProperty("total").GetInt32());
        Assert.Empty(Spools().Except(spools));
    }

    /// <summary>
    /// Runs <paramref name="send"/> while measuring, every 50 ms after a full collection, how far the
    /// live managed heap has grown since it started: a body held in memory would show as its size.
    /// </summary>
    private static async Task<(T Result, long HeapGrowth)> WatchHeapAsync<T>(Func<Task<T>> send)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var result = await send();
        await done.CancelAsync();
        await watch;
        return (result, peak - baseline);
    }

    /// <summary>The sealed spools' folders in the temporary folder now.</summary>
    private static HashSet<string> Spools() =>
        [.. Directory.EnumerateDirectories(Path.GetTempPath(), DebtShield.App.Input.SealedSpool.FolderPrefix + "*")];

    /// <summary>
    /// A body of <c>length</c> bytes of XML-ish filler made only as it is read, with no length a
    /// sender could announce (so it goes chunked), counting what was read.
    /// </summary>
    private sealed class GeneratedBody(long length, byte[]? prefix = null) : Stream
    {
        private static readonly byte[] Filler = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<sms body=\"x\" />\n", 4096)));

        /// <summary>How many bytes were read from it (the prefix, then the filler).</summary>
        public long Sent { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var source = prefix is not null && Sent < prefix.Length ? prefix.AsSpan((int)Sent) : Filler;
            var size = (int)Math.Min(Math.Min(buffer.Length, source.Length), length - Sent);
            source[..size].CopyTo(buffer);
            Sent += size;
            return size;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>The collection of <see cref="ChunkedUploadLimitTests"/>, run when no other test runs.</summary>
[CollectionDefinition(nameof(ChunkedUploadLimitTests), DisableParallelization = true)]
public sealed class ChunkedUploadLimitTestsRunAlone;
