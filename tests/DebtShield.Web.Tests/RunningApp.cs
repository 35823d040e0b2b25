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

    /// <summary>How many cases <see cref="OnNewCaseAsync"/> has opened in this test process (their titles' numbers).</summary>
    private static int casesOpened;

    /// <summary>Whether this is the app's own start (disposing stops the app) rather than a browser on one of its cases.</summary>
    private readonly bool owner;

    private RunningApp(TestLedger ledger, WebApplication app, Uri address, Guid? caseId, bool owner)
    {
        this.ledger = ledger;
        this.app = app;
        this.owner = owner;
        Address = address;
        CaseId = caseId;
        // A request that asks "Expect: 100-continue" (the upload-limit tests) waits for the server's
        // answer as long as a browser would, not the handler's default second, after which a loaded
        // machine's client starts sending a body the server has already refused.
        HttpMessageHandler handler = new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        if (caseId is { } id)
        {
            handler = new CaseNaming(id) { InnerHandler = handler };
        }

        Client = new HttpClient(handler) { BaseAddress = address };
    }

    /// <summary>The cookies <see cref="Client"/> holds (its antiforgery cookie, its language), for a request sent another way.</summary>
    public CookieContainer Cookies { get; } = new();

    public Uri Address { get; }

    public HttpClient Client { get; }

    public TestLedger Ledger => ledger;

    public IServiceProvider Services => app.Services;

    /// <summary>The case every request of <see cref="Client"/> names (<c>?case=</c>); null when it names none, as the local mode's one case needs.</summary>
    public Guid? CaseId { get; }

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
        return new RunningApp(ledger, app, new Uri(address), null, owner: true);
    }

    /// <summary>
    /// A new browser (no cookies) on this app and a new, empty case of its own, opened through the
    /// API: its <see cref="Client"/> names that case on every request, so a test sees and changes
    /// only its own case, as on an app of its own. Disposing it closes only the browser; the app
    /// runs on for the class's other tests.
    /// </summary>
    public async Task<RunningApp> OnNewCaseAsync()
    {
        var title = "测试案件 " + Interlocked.Increment(ref casesOpened).ToString(System.Globalization.CultureInfo.InvariantCulture); // a local ledger's titles differ
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Address };
        using var response = await browser.PostAsJsonAsync("/api/v1/cases", new { title });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new RunningApp(ledger, app, Address, id, owner: false);
    }

    /// <summary>
    /// A new browser (no cookies, so no language or notice of another test's) on this app, naming
    /// no case: for tests that only read a ledger of one case. Disposing it closes only the browser.
    /// </summary>
    public RunningApp NewBrowser() => new(ledger, app, Address, null, owner: false);

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
        if (!owner)
        {
            return;
        }

        await app.StopAsync();
        await app.DisposeAsync();
        ledger.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex Token();

    /// <summary>Names the test's case (<c>?case=</c>) on every request that does not name one itself, as the app's own links do.</summary>
    private sealed class CaseNaming(Guid id) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var address = new UriBuilder(request.RequestUri!);
            var query = address.Query.TrimStart('?');
            if (!query.Split('&').Any(p => p.StartsWith("case=", StringComparison.Ordinal)))
            {
                address.Query = (query.Length == 0 ? "" : query + "&") + "case=" + id.ToString("D");
                request.RequestUri = address.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>
/// One running app (local mode, a migrated SQLite ledger, empty) shared by a test class's tests (an
/// xunit class fixture), each test on a case of its own (<see cref="RunningApp.OnNewCaseAsync"/>):
/// a class of a dozen or twenty tests starts the app once instead of once a test. A warm start
/// costs the test process 0.3 s of CPU (more over the demo case, several times that cold), a new
/// case on a running app 0.06 s (docs/benchmarks.md, 2026-12-06 fifth session).
/// </summary>
public class SharedApp : IAsyncLifetime
{
    private RunningApp? app;

    /// <summary>The class's app, started before its first test.</summary>
    internal RunningApp App => app ?? throw new InvalidOperationException("The app is started by InitializeAsync.");

    /// <summary>Whether the app starts with the demo case loaded.</summary>
    protected virtual bool Demo => false;

    public async Task InitializeAsync() => app = await RunningApp.StartAsync(demo: Demo);

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

/// <summary>
/// One running app over the demo case shared by a test class's tests that only read it, each from
/// a browser of its own (<see cref="RunningApp.NewBrowser"/>); a test that changes the case starts
/// an app of its own.
/// </summary>
public sealed class SharedDemoApp : SharedApp
{
    protected override bool Demo => true;
}
