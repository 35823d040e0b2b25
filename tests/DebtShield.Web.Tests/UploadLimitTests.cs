using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DebtShield.Web.Hosting;

namespace DebtShield.Web.Tests;

/// <summary>
/// One upload limit for the real host (Kestrel on a loopback port): a phone backup of tens of
/// megabytes goes through the API and the page's form alike, and a body over the limit is answered
/// 413 with the limit in words, a problem document for a program and the problem page for a person.
/// </summary>
/// <remarks>
/// The bodies over the limit are announced with <c>Expect: 100-continue</c>, as curl and most
/// programs send large bodies: the answer comes before a byte is sent, so no test here sends
/// 512 MB; a chunked body, which must be read past the limit, is <see cref="ChunkedUploadLimitTests"/>'.
/// The tests share one app (<see cref="SharedApp"/>), each on a case of its own that its every request
/// names, and the forty-megabyte backup is written once for the class.
/// </remarks>
public sealed class UploadLimitTests(SharedApp shared) : IClassFixture<SharedApp>
{
    internal const string Collector = "17000001234";

    [Fact]
    public async Task ApiImport_FortyMegabyteBackup_ImportedNotRefused()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        var (backup, read) = LargeBackup.Value;
        Assert.True(backup.Length > 40_000_000, "the backup is " + backup.Length + " bytes");
        using var content = new ByteArrayContent(backup);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var response = await app.Client.PostAsync("/api/v1/evidence/import?file=sms.xml&collector=" + Collector, content);
        using var import = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((read, 3), (import.RootElement.GetProperty("read").GetInt32(), import.RootElement.GetProperty("added").GetInt32()));
    }

    [Fact]
    public async Task PageImport_FortyMegabyteBackup_ImportedNotRefused()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        var backup = LargeBackup.Value.Bytes;
        var (_, token) = await app.FormAsync("/evidence");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(backup), "backup", "sms.xml" },
            { new StringContent(Collector), "Collectors" },
        };

        var response = await app.Client.PostAsync("/evidence?handler=Import", form);
        using var evidence = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(3, evidence.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ApiImport_BodyOverTheLimit_413ProblemDocumentNamingTheLimitAndNothingStored()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/evidence/import?file=sms.xml&collector=" + Collector)
        {
            Content = new ZeroContent(UploadLimit.Bytes + 1, "application/octet-stream"),
        };
        request.Headers.ExpectContinue = true;

        var response = await app.Client.SendAsync(request);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var evidence = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(413, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("最多 512 MB", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, evidence.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PageImport_FormOverTheLimit_413PageNamingTheLimit()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        var (_, token) = await app.FormAsync("/evidence");
        using var file = new ZeroContent(UploadLimit.Bytes, "text/xml");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "backup", "sms.xml" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/evidence?handler=Import") { Content = form };
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.ExpectContinue = true;

        var response = await app.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("文件太大", html, StringComparison.Ordinal);
        Assert.Contains("最多 512 MB", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A backup of 10,000 texts from numbers that are not collectors (about 4 KB each, as long
    /// messages are) and three from the collector: over 40 MB.
    /// </summary>
    private static readonly Lazy<(byte[] Bytes, int Read)> LargeBackup = new(WriteLargeBackup);

    /// <summary>Writes <see cref="LargeBackup"/> and counts its texts, once a test process: the tests only read it.</summary>
    private static (byte[] Bytes, int Read) WriteLargeBackup()
    {
        var xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses>\n");
        var filler = string.Concat(Enumerable.Repeat("周末回家吃饭吗？记得带上伞，天气预报说有雨。", 64));
        for (var i = 0; i < 10_000; i++)
        {
            xml.Append("<sms address=\"139").Append((i % 50).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\" date=\"").Append(1762171200000L + (i * 60_000L)).Append("\" type=\"1\" body=\"").Append(filler).Append("\" />\n");
        }

        for (var i = 0; i < 3; i++)
        {
            xml.Append("<sms address=\"").Append(Collector).Append("\" date=\"").Append(1762171200000L + (i * 3_600_000L))
                .Append("\" type=\"1\" body=\"第").Append(i + 1).Append("次通知：不还钱就把你的欠款信息发给你通讯录里所有人\" />\n");
        }

        return (Encoding.UTF8.GetBytes(xml.Append("</smses>\n").ToString()), 10_003);
    }

    /// <summary>A body of <c>length</c> zero bytes, announced with its length and made only as it is sent.</summary>
    private sealed class ZeroContent : HttpContent
    {
        private readonly long length;

        public ZeroContent(long length, string mediaType)
        {
            this.length = length;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[1 << 20];
            for (var sent = 0L; sent < length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = this.length;
            return true;
        }
    }
}
