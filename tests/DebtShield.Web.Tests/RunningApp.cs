using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DebtShield.Tests.Shared;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary>
/// The real web app on a free loopback port over a fresh ledger, spoken to over real HTTP with a
/// browser-like client (cookies kept, redirects not followed so the tests can see them).
/// </summary>
internal sealed partial class RunningApp : IAsyncDisposable
{
    private readonly TestLedger ledger;
    private readonly WebApplication app;

    private RunningApp(TestLedger ledger, WebApplication app, Uri address)
    {
        this.ledger = ledger;
        this.app = app;
        Address = address;
        // A request that asks "Expect: 100-continue" (the upload-limit tests) waits for the server's
        // answer as long as a browser would, not the handler's default second, after which a loaded
        // machine's client starts sending a body the server has already refused.
        Client = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = address };
    }

    /// <summary>The cookies <see cref="Client"/> holds (its antiforgery cookie, its language), for a request sent another way.</summary>
    public CookieContainer Cookies { get; } = new();

    public Uri Address { get; }

    public HttpClient Client { get; }

    public TestLedger Ledger => ledger;

    public IServiceProvider Services => app.Services;

    /// <summary>
    /// Starts the app; with <paramref name="demo"/> the demo case is loaded first; <paramref name="map"/> adds the test's own routes.
    /// The ledger is copied from a migrated template on either provider (the app's start-up migration is the CLI's and Data's
    /// tests' concern); with <paramref name="empty"/> it is a new, empty file or database that the app's start migrates.
    /// </summary>
    /// <paramref name="phoneAddress"/> is where the phone listener would serve; <paramref name="time"/> replaces the system's clock;
    /// <paramref name="configure"/> adds the test's own services before the app is built.
    public static async Task<RunningApp> StartAsync(bool demo = true, string provider = "sqlite", Func<TestLedger, Task>? prepare = null, Action<WebApplication>? map = null, IPAddress? phoneAddress = null, TimeProvider? time = null, bool empty = false, Action<WebApplicationBuilder>? configure = null)
    {
        var ledger = (provider, empty) switch
        {
            (_, true) => TestLedgers.Create(provider),
            ("postgresql", false) => TestLedgers.CreateMigratedPostgreSql(),
            _ => TestLedgers.CreateMigratedSqlite(),
        };
        if (prepare is not null)
        {
            await prepare(ledger);
        }

        var options = new WebOptions(ledger.Location, [new Uri("http://127.0.0.1:0")], demo, null) { PhoneAddress = phoneAddress };
        var app = WebHost.Build(options, time ?? TimeProvider.System, configure);
        map?.Invoke(app);
        if (!await WebHost.StartAsync(app, options))
        {
            throw new InvalidOperationException("The app did not open its ledger.");
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(ledger, app, new Uri(address));
    }

    /// <summary>The id of the case titled <paramref name="title"/>, as the case list gives it (what <c>?case=</c> takes).</summary>
    public async Task<Guid> CaseIdAsync(string title)
    {
        var cases = await Client.GetFromJsonAsync<JsonElement>("/api/v1/cases");
        return cases.EnumerateArray().Single(c => c.GetProperty("title").GetString() == title).GetProperty("id").GetGuid();
    }

    /// <summary>The page's text and its antiforgery token.</summary>
    public async Task<(string Html, string Token)> FormAsync(string path)
    {
        var html = await Client.GetStringAsync(path);
        var token = Token().Match(html);
        Assert.True(token.Success, "no antiforgery token on " + path);
        return (html, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    /// <summary>Posts a form with the page's token, as a browser would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, token) = await FormAsync(page);
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await Client.PostAsync(action, content);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        ledger.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex Token();
}
