using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DebtShield.App.Cases;
using DebtShield.Data;
using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary>
/// One node of the multi-user app on a free loopback port over a PostgreSQL ledger (which it does
/// not own: two nodes can share one), with a browser-like client per person.
/// </summary>
internal sealed class MultiUserApp : IAsyncDisposable
{
    public const string Password = "一个足够长的测试密码-42";

    /// <summary>The PBKDF2 iterations of a node started without the product's hashing.</summary>
    public const int TestHashIterations = 1;

    private readonly WebApplication app;
    private readonly List<HttpClient> clients = [];

    private MultiUserApp(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>
    /// Starts a node; <paramref name="map"/> adds the test's own routes to the app's; <paramref name="time"/> replaces the system's clock.
    /// Its passwords are hashed with one PBKDF2 iteration (<see cref="TestHashIterations"/>) unless <paramref name="productHashing"/>:
    /// the product's 100,000 of HMAC-SHA512 (about 0.05 s of CPU) are paid at every account made, login and wrong guess, and these tests
    /// are about sessions, cases and routes, not the hash's strength. The tests that take <paramref name="productHashing"/>
    /// sign in through the product's own setting.
    /// </summary>
    public static async Task<MultiUserApp> StartAsync(LedgerLocation ledger, bool demo = false, IReadOnlyList<IPAddress>? proxies = null, Action<WebApplication>? map = null, TimeProvider? time = null, bool productHashing = false)
    {
        var options = new WebOptions(ledger, [new Uri("http://127.0.0.1:0")], demo, null) { MultiUser = true, Proxies = proxies ?? [] };
        var app = WebHost.Build(options, time ?? TimeProvider.System, productHashing ? null : builder => builder.Services.Configure<PasswordHasherOptions>(hashing => hashing.IterationCount = TestHashIterations));
        map?.Invoke(app);
        Assert.True(await WebHost.StartAsync(app, options));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MultiUserApp(app, new Uri(address));
    }

    /// <summary>Creates an account (as an admin would) with <see cref="Password"/>.</summary>
    public async Task AddAccountAsync(string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await AccountDesk.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), email, Password, role);
    }

    /// <summary>Lets an account see the case titled <paramref name="caseTitle"/> (one case on the server has it); returns the case's id.</summary>
    public async Task<Guid> AssignAsync(string email, string caseTitle)
    {
        var id = await CaseIdAsync(caseTitle);
        await using var scope = app.Services.CreateAsyncScope();
        await AccountDesk.AssignAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), scope.ServiceProvider.GetRequiredService<AccountsContext>(), await app.Services.GetRequiredService<LedgerGate>().OpenAsync(), new Assignment(email, id), give: true, default);
        return id;
    }

    /// <summary>The id of the one case on the server titled <paramref name="title"/>.</summary>
    public async Task<Guid> CaseIdAsync(string title) =>
        Assert.Single(await CaseBook.ListAsync(await app.Services.GetRequiredService<LedgerGate>().OpenAsync()), c => c.Profile.Title == title).Id;

    /// <summary>A fresh client with no cookies.</summary>
    public HttpClient Anonymous(CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };
        clients.Add(client);
        return client;
    }

    /// <summary>A client logged in as <paramref name="email"/>, and its cookies.</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies)> LoginAsync(string email, string password = Password)
    {
        var cookies = new CookieContainer();
        var client = Anonymous(cookies);
        var response = await TryLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, cookies);
    }

    /// <summary>Posts the login form as a browser would.</summary>
    public static async Task<HttpResponseMessage> TryLoginAsync(HttpClient client, string email, string password)
    {
        var token = await TokenAsync(client, "/account/login");
        using var form = new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__RequestVerificationToken", token)]);
        return await client.PostAsync("/account/login", form);
    }

    /// <summary>The antiforgery token of a page's form.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = RunningApp.Token().Match(html);
        Assert.True(match.Success, "no antiforgery token on " + path);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Opens a case through the API as the client's account; returns its id.</summary>
    public static async Task<Guid> OpenCaseAsync(HttpClient client, string title)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { title });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("/api/v1/loans?case=" + id, response.Headers.Location?.OriginalString);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        clients.ForEach(c => c.Dispose());
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
