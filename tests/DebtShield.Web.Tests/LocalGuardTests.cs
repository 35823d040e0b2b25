using System.Net;
using DebtShield.App.Ledgers;
using DebtShield.Data;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary>
/// The local app has no login, so it must be reachable from this computer only: by a loopback
/// name at its own port (not a rebound web name), on loopback addresses only, and its passphrase
/// may not be guessed at speed. The tests that only read the demo case on SQLite share one app over
/// it (<see cref="SharedDemoApp"/>), each from a browser of its own; the others start their own.
/// </summary>
public sealed class LocalGuardTests(SharedDemoApp demoApp) : IClassFixture<SharedDemoApp>
{
    [Fact]
    public async Task CheckAsync_ForeignHostOnEveryRoute_GetsNothing()
    {
        await using var app = demoApp.App.NewBrowser();
        var demo = await app.CaseIdAsync(App.Demo.LoadDemo.Title);
        var paths = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/').Replace("{id}", "x", StringComparison.Ordinal).Replace("{topic}", "scams", StringComparison.Ordinal)
                .Replace("{door}", "contacts", StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{secret}", "x", StringComparison.Ordinal))
            .Append("/site.css")
            .Distinct()
            .ToList();
        Assert.Contains("/api/v1/loans", paths);
        var port = app.Address.Port;

        foreach (var path in paths)
        {
            foreach (var host in new[] { "evil.example:" + port, "evil.example", "127.0.0.1.evil.example:" + port, "localhost:" + (port + 1) })
            {
                foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
                {
                    using var request = new HttpRequestMessage(method, path + "?case=" + demo);
                    request.Headers.Host = host;
                    using var response = await app.Client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, method + " " + path + " as " + host + " → " + (int)response.StatusCode);
                    Assert.Equal("这个地址不是本机的债盾。", body);
                }
            }
        }

        using var local = new HttpRequestMessage(HttpMethod.Get, "/api/v1/loans");
        local.Headers.Host = "localhost:" + port;
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(local)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/loans")).StatusCode);
    }

    [Theory]
    [InlineData("localhost:5080", 5080, true)]
    [InlineData("127.0.0.1:5080", 5080, true)]
    [InlineData("[::1]:5080", 5080, true)]
    [InlineData("127.0.0.1", 80, true)]
    [InlineData("127.0.0.1:5081", 5080, false)]
    [InlineData("[::ffff:127.0.0.1]:5080", 5080, false)]
    [InlineData("rebound.example:5080", 5080, false)]
    [InlineData("localhost.example:5080", 5080, false)]
    public void IsLoopbackName_HostHeader_OnlyLoopbackAtTheBoundPort(string host, int port, bool expected) =>
        Assert.Equal(expected, LoopbackHost.IsLoopbackName(HostString.FromUriComponent(host), "http", port));

    [Fact]
    public void CheckBound_AnyAddressNotLoopback_IsNamed()
    {
        Assert.Null(LoopbackHost.CheckBound(["http://127.0.0.1:5080", "http://[::1]:5080", "http://localhost:5080"]));
        Assert.Contains("0.0.0.0", LoopbackHost.CheckBound(["http://127.0.0.1:5080", "http://0.0.0.0:5080"]), StringComparison.Ordinal);
        Assert.Contains("[::]", LoopbackHost.CheckBound(["http://[::]:5080"]), StringComparison.Ordinal);
        Assert.NotNull(LoopbackHost.CheckBound(["http://*:5080"]));
    }

    [Fact]
    public void Parse_IPv4MappedLoopback_IsRefusedInOneLine()
    {
        var mapped = WebOptions.Parse(["--urls", "http://[::ffff:127.0.0.1]:5080", "--db", "/tmp/ledger.db"], null);

        Assert.NotNull(mapped.Problem);
        Assert.DoesNotContain('\n', mapped.Problem);
    }

    [Fact]
    public async Task StartAsync_KestrelSettingsListeningOnEveryAddress_StopsInLocalMode()
    {
        using var ledger = TestLedgers.CreateSqlite();
        var options = new WebOptions(ledger.Location, [new Uri("http://127.0.0.1:0")], false, null);
        var app = WebHost.Build(options, TimeProvider.System, builder => builder.Configuration["Kestrel:Endpoints:Open:Url"] = "http://0.0.0.0:0");
        await using (app)
        {
            Assert.False(await WebHost.StartAsync(app, options));
        }
    }

    [Fact]
    public async Task StartAsync_HttpsWithoutCertificate_IsAOneLineRefusal()
    {
        using var ledger = TestLedgers.CreateSqlite();
        var options = new WebOptions(ledger.Location, [new Uri("https://localhost:0")], false, null);
        var app = WebHost.Build(options, TimeProvider.System);
        await using (app)
        {
            Assert.False(await WebHost.StartAsync(app, options));
        }
    }

    [Fact]
    public async Task Unlock_WrongGuessesInARow_MakeTheAddressWaitEvenForTheRightOne()
    {
        const string Passphrase = "长长的密码 2026";
        await using var app = await RunningApp.StartAsync(demo: false, prepare: async test =>
        {
            var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
            await LedgerAdministration.ProtectAtCostAsync(ledger, Passphrase, new KeyDerivationCost(1024, 1, 1), TimeProvider.System);
        });

        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < GuessThrottle.FreeGuesses + 1; i++)
        {
            wrong.Add((await app.PostFormAsync("/unlock", "/unlock", [new("Passphrase", "不对的密码-" + i)])).StatusCode);
        }

        var right = await app.PostFormAsync("/unlock", "/unlock", [new("Passphrase", Passphrase)]);

        Assert.All(wrong, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(int.Parse(right.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("秒后再试", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client.GetAsync("/loans")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Problem_EveryFailedRequest_IsAPageForPeopleAndAProblemDocumentForPrograms(string provider)
    {
        await using var app = provider == "sqlite" ? demoApp.App.NewBrowser() : await RunningApp.StartAsync(demo: true, provider: provider);
        using var problemJson = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        problemJson.Headers.Accept.ParseAdd("application/problem+json");

        var page = await app.Client.GetAsync("/no-such-page");
        var apiMissing = await app.Client.GetAsync("/api/v1/no-such-route");
        var asked = await app.Client.SendAsync(problemJson);
        var twice = await app.Client.GetAsync("/loans?case=a&case=b");
        using var text = new StringContent("标题", System.Text.Encoding.UTF8, "text/plain");
        var wrongType = await app.Client.PostAsync("/api/v1/cases", text);
        var english = await app.Client.GetAsync("/no-such-page?lang=en"); // last: the choice is remembered

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("找不到这个页面", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        Assert.Contains("?lang=en", html, StringComparison.Ordinal);
        Assert.Contains("Page not found", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("这个请求无法完成", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var (response, status) in new[] { (apiMissing, HttpStatusCode.NotFound), (asked, HttpStatusCode.NotFound), (wrongType, HttpStatusCode.UnsupportedMediaType) })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)status, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task OpenAsync_SqliteLedger_EveryFileIsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows has no Unix modes; the ledger's folder ACL is the user profile's.
        }

        await using var app = await RunningApp.StartAsync(demo: true, empty: true);
        var file = app.Ledger.Location.FilePath!;

        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + ".lock" })
        {
            Assert.True(File.Exists(path), path);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(30, 900)]
    public void WaitAfter_WrongGuessesInARow_GrowsAndIsCapped(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), GuessThrottle.WaitAfter(failures));
}
