using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DebtShield.App.Demo;
using DebtShield.Tests.Shared;
using DebtShield.Web.Hosting;
using DebtShield.Web.Phone;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary>
/// The phone listener on a second loopback address (127.0.0.2 standing for the computer's LAN
/// address), spoken to over real TLS by real HTTP clients that each play one device on the Wi-Fi:
/// only a phone that opened a fresh pairing link gets anything, and it gets everything the
/// computer gets.
/// </summary>
public sealed partial class PhonePairingTests
{
    private static readonly IPAddress Lan = IPAddress.Parse("127.0.0.2");

    private static readonly string DemoTitle = LoadDemo.Title;

    [Fact]
    public async Task Gate_UnpairedDevice_GetsOnlyTheNeedsPairingPage()
    {
        await using var phone = await PhoneApp.StartAsync();
        var demo = await phone.App.CaseIdAsync(DemoTitle);
        var feed = await FeedPathAsync(phone.App, demo);
        using var stranger = phone.Device();

        foreach (var path in new[] { "/", "/loans?case=" + demo, "/evidence?case=" + demo, "/plan?case=" + demo, "/api/v1/loans", "/api/v1/cases", "/phone", "/cases", "/site.css", feed, feed + "?phone=x", "/pair/", "/pair/not-a-token" })
        {
            using var response = await stranger.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, path + " → " + (int)response.StatusCode);
            Assert.Contains("需要配对", body, StringComparison.Ordinal);
            Assert.Contains("Pairing needed", body, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoTitle, body, StringComparison.Ordinal);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        }

        using var post = await stranger.PostAsync("/evidence?handler=Import&case=" + demo, new StringContent("x"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Pair_FreshLink_GivesAStrictHttpOnlyCookieAndEveryPage()
    {
        await using var phone = await PhoneApp.StartAsync();
        var demo = await phone.App.CaseIdAsync(DemoTitle);
        using var device = phone.Device();

        using var paired = await device.GetAsync(phone.NewLink());
        var cookie = paired.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PhoneGate.Cookie + "=", StringComparison.Ordinal)).ToLowerInvariant();

        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        foreach (var path in new[] { "/?case=" + demo, "/loans?case=" + demo, "/evidence?case=" + demo, "/plan?case=" + demo })
        {
            var page = await device.GetStringAsync(path);
            Assert.True(page.Contains(DemoTitle, StringComparison.Ordinal), path + " shows no case: " + page[..Math.Min(page.Length, 3000)]);
            Assert.DoesNotContain("href=\"/phone\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("协商还款申请书", await device.GetStringAsync("/documents?case=" + demo), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await device.GetAsync("/phone")).StatusCode);
        var listed = Assert.Single(phone.Pairings.List());
        Assert.Equal(PhoneApp.UserAgent, listed.UserAgent);
    }

    [Fact]
    public async Task Pair_LinkOpenedTwice_SecondDeviceGetsNothing()
    {
        await using var phone = await PhoneApp.StartAsync();
        var link = phone.NewLink();
        using var first = phone.Device();
        using var second = phone.Device();

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(link)).StatusCode);
        using var replayed = await second.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, replayed.StatusCode);
        Assert.False(replayed.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Forbidden, (await second.GetAsync("/api/v1/loans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/loans")).StatusCode);
        Assert.Single(phone.Pairings.List());
    }

    [Fact]
    public async Task Gate_ForgedCookie_GetsNothing()
    {
        await using var phone = await PhoneApp.StartAsync();
        using var paired = phone.Device();
        await paired.GetAsync(phone.NewLink());
        var genuine = phone.CookieOf(paired);

        // A value of the right shape, and the genuine one altered in its last character.
        var forgeries = new[] { Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'), genuine[..^1] + (genuine[^1] == 'A' ? 'B' : 'A'), "" };
        foreach (var forged in forgeries)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/loans");
            request.Headers.Add("Cookie", PhoneGate.Cookie + "=" + forged);
            using var stranger = phone.Device();
            using var response = await stranger.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task Revoke_FromTheComputersPage_EndsThatPhoneOnItsNextRequestOnly()
    {
        await using var phone = await PhoneApp.StartAsync();
        using var lost = phone.Device();
        using var kept = phone.Device();
        await lost.GetAsync(phone.NewLink());
        await kept.GetAsync(phone.NewLink());
        var lostCookie = phone.CookieOf(lost);
        var target = phone.Pairings.Find(lostCookie)!;

        var page = await phone.App.Client.GetStringAsync("/phone");
        Assert.Contains(PhoneApp.UserAgent, page, StringComparison.Ordinal);
        using var revoked = await phone.App.PostFormAsync("/phone", "/phone?handler=Revoke&pairing=" + target.Id, []);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lost.GetAsync("/api/v1/loans")).StatusCode);
        using var replayed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/loans");
        replayed.Headers.Add("Cookie", PhoneGate.Cookie + "=" + lostCookie);
        using var other = phone.Device();
        Assert.Equal(HttpStatusCode.Forbidden, (await other.SendAsync(replayed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/v1/loans")).StatusCode);
    }

    [Fact]
    public async Task Gate_ExpiredPairingAndExpiredLink_GetNothing()
    {
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        await using var phone = await PhoneApp.StartAsync(clock);
        using var paired = phone.Device();
        await paired.GetAsync(phone.NewLink());
        var unused = phone.NewLink();
        Assert.Equal(HttpStatusCode.OK, (await paired.GetAsync("/api/v1/loans")).StatusCode);

        clock.Advance(PhonePairings.LinkLifetime + TimeSpan.FromSeconds(1));
        using var late = phone.Device();
        Assert.Equal(HttpStatusCode.Forbidden, (await late.GetAsync(unused)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await paired.GetAsync("/api/v1/loans")).StatusCode);

        clock.Advance(PhonePairings.Lifetime);
        Assert.Equal(HttpStatusCode.Forbidden, (await paired.GetAsync("/api/v1/loans")).StatusCode);
        Assert.Empty(phone.Pairings.List());
    }

    [Fact]
    public async Task Gate_ForeignHost_GetsNothingEvenWhenPaired()
    {
        await using var phone = await PhoneApp.StartAsync();
        using var paired = phone.Device();
        await paired.GetAsync(phone.NewLink());
        var port = phone.Address.Port;

        foreach (var host in new[] { "evil.example:" + port, "127.0.0.1:" + port, "localhost:" + port, "127.0.0.2:" + (port + 1), "127.0.0.2", "[::ffff:127.0.0.2]:" + port })
        {
            foreach (var path in new[] { "/api/v1/loans", "/", phone.NewLink().PathAndQuery })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Host = host;
                using var response = await paired.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, host + path + " → " + (int)response.StatusCode);
                Assert.Equal("这个地址不是本机的债盾。", await response.Content.ReadAsStringAsync());
            }
        }

        // The loopback listener keeps its own rule: the phone listener's name is not its name.
        using var crossed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/loans");
        crossed.Headers.Host = phone.Address.Authority;
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.App.Client.SendAsync(crossed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.App.Client.GetAsync(phone.NewLink().PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Evidence_PairedPhone_UploadsABackupThroughThePage()
    {
        await using var phone = await PhoneApp.StartAsync(demo: false);
        using var device = phone.Device();
        await device.GetAsync(phone.NewLink());
        var html = await device.GetStringAsync("/evidence");
        var token = WebUtility.HtmlDecode(RunningApp.Token().Match(html).Groups[1].Value);
        var backup = EvidencePageTests.Backup(("17000001234", new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(8)), "不还钱就把你的照片发给你通讯录里的每一个人"));
        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(backup));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "backup", "sms.xml" },
            { new StringContent("17000001234"), "Collectors" },
        };

        using var response = await device.PostAsync("/evidence?handler=Import", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var evidence = System.Text.Json.JsonDocument.Parse(await phone.App.Client.GetStringAsync("/api/v1/evidence"));
        Assert.Equal(1, evidence.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CalendarFeed_PhonesSubscription_WorksWithoutTheCookieUntilUnpaired()
    {
        await using var phone = await PhoneApp.StartAsync();
        var demo = await phone.App.CaseIdAsync(DemoTitle);
        using var device = phone.Device();
        await device.GetAsync(phone.NewLink());

        var plan = await device.GetStringAsync("/plan?case=" + demo);
        var address = new Uri(WebUtility.HtmlDecode(FeedAddress().Match(plan).Groups[1].Value));
        Assert.Equal(phone.Address.Authority, address.Authority);
        using var calendarApp = phone.Device();
        using var feed = await calendarApp.GetAsync(address.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.StartsWith("BEGIN:VCALENDAR", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await calendarApp.GetAsync(address.AbsolutePath)).StatusCode);
        Assert.True(phone.Pairings.Revoke(phone.Pairings.List().Single().Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await calendarApp.GetAsync(address.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Stop_FromThePage_ClosesTheListenerAndEndsEveryPairing()
    {
        await using var phone = await PhoneApp.StartAsync();
        using var device = phone.Device();
        await device.GetAsync(phone.NewLink());
        var cookie = phone.CookieOf(device);

        using var stopped = await phone.App.PostFormAsync("/phone", "/phone?handler=Stop", []);

        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Null(phone.Listener.Address);
        await Assert.ThrowsAsync<HttpRequestException>(() => device.GetAsync("/api/v1/loans"));
        Assert.Null(phone.Pairings.Find(cookie));
        Assert.Contains("手机访问没有开启", await phone.App.Client.GetStringAsync("/phone"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FromThePage_ShowsTheQrTheLinkAndTheServedCertificatesFingerprint()
    {
        await using var app = await RunningApp.StartAsync(phoneAddress: Lan);

        using var started = await app.PostFormAsync("/phone", "/phone?handler=Start", []);
        var page = await started.Content.ReadAsStringAsync();
        var listener = app.Services.GetRequiredService<PhoneListener>();
        var link = new Uri(WebUtility.HtmlDecode(ShownLink().Match(page).Groups[1].Value));
        string? served = null;
        using var device = new HttpClient(new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => (served = Fingerprint(certificate!)) is not null,
        });

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var svg = Encoding.UTF8.GetString(Convert.FromBase64String(WebUtility.HtmlDecode(QrImage().Match(page).Groups[1].Value)));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.True(svg.Length > 2000, "an SVG too small to hold a QR code: " + svg);
        Assert.Equal(listener.Address!.Authority, link.Authority);
        Assert.Equal(HttpStatusCode.OK, (await device.GetAsync(link)).StatusCode);
        Assert.Contains(served!, page, StringComparison.Ordinal);
        Assert.Equal(listener.Fingerprint, served);
    }

    private static async Task<string> FeedPathAsync(RunningApp app, Guid demo) =>
        new Uri(WebUtility.HtmlDecode(FeedAddress().Match(await app.Client.GetStringAsync("/plan?case=" + demo)).Groups[1].Value)).AbsolutePath;

    private static string Fingerprint(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        string.Join(':', Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(pair => new string(pair)));

    [GeneratedRegex("<code>(https?://[^<]+/calendar/[^<]+)</code>")]
    private static partial Regex FeedAddress();

    [GeneratedRegex("<img class=\"pairing\" src=\"data:image/svg(?:\\+|&#x2B;)xml;base64,([^\"]+)\"")]
    private static partial Regex QrImage();

    [GeneratedRegex("<code>(https://[^<]+/pair/[^<]+)</code>")]
    private static partial Regex ShownLink();

    /// <summary>The app with its phone listener running on 127.0.0.2, and devices that trust exactly the certificate it serves.</summary>
    private sealed class PhoneApp : IAsyncDisposable
    {
        public const string UserAgent = "Mozilla/5.0 (Linux; Android 14; Test phone) Mobile";

        private readonly Dictionary<HttpClient, CookieContainer> jars = [];

        private PhoneApp(RunningApp app) => App = app;

        public RunningApp App { get; }

        public PhoneListener Listener => App.Services.GetRequiredService<PhoneListener>();

        public PhonePairings Pairings => App.Services.GetRequiredService<PhonePairings>();

        public Uri Address => Listener.Address!;

        public static async Task<PhoneApp> StartAsync(TimeProvider? time = null, bool demo = true)
        {
            var app = await RunningApp.StartAsync(demo: demo, phoneAddress: Lan, time: time);
            Assert.Null(await app.Services.GetRequiredService<PhoneListener>().StartAsync());
            return new PhoneApp(app);
        }

        public Uri NewLink() => Listener.PairingLink(Pairings.Offer());

        /// <summary>A device on the Wi-Fi: its own cookies, and a browser that accepts only the listener's certificate.</summary>
        public HttpClient Device()
        {
            var expected = Listener.Fingerprint;
            var jar = new CookieContainer();
            var client = new HttpClient(new HttpClientHandler
            {
                CookieContainer = jar,
                AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && Fingerprint(certificate) == expected,
            })
            { BaseAddress = Address };
            client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            jars[client] = jar;
            return client;
        }

        /// <summary>The pairing cookie a device holds.</summary>
        public string CookieOf(HttpClient device) => jars[device].GetCookies(Address)[PhoneGate.Cookie]?.Value ?? throw new InvalidOperationException("The device is not paired.");

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
