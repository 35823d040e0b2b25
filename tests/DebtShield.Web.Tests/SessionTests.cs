using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DebtShield.App.Cases;
using DebtShield.Tests.Shared;
using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary>
/// Multi-user sessions end when they should, at once: a role change, a new password, a removal or
/// a logout is felt by the account's very next request from any copy of its cookie. Logins do not
/// tell which accounts exist, and guessing slows the guesser, not the account. Calendar addresses
/// belong to an assignment and can be replaced or withdrawn.
/// </summary>
public sealed partial class SessionTests
{
    private static readonly string Demo = App.Demo.LoadDemo.Title;

    [Fact]
    public async Task Sessions_RoleChangePasswordResetRemovalAndLogout_EndOtherSessionsAtOnce()
    {
        // An empty database, which the node's start migrates: the one multi-user start here that does.
        using var ledger = TestLedgers.CreatePostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, demo: true);
        await app.AddAccountAsync("root@example.org", Roles.Admin);
        await app.AddAccountAsync("deputy@example.org", Roles.Admin);
        await app.AddAccountAsync("reset@example.org", Roles.CaseWorker);
        await app.AddAccountAsync("gone@example.org", Roles.CaseWorker);
        await app.AddAccountAsync("leaving@example.org", Roles.CaseWorker);
        var demoId = await app.AssignAsync("reset@example.org", Demo);
        var (root, _) = await app.LoginAsync("root@example.org");
        var (deputy, _) = await app.LoginAsync("deputy@example.org");
        var (reset, _) = await app.LoginAsync("reset@example.org");
        var (gone, _) = await app.LoginAsync("gone@example.org");
        var (leaving, leavingCookies) = await app.LoginAsync("leaving@example.org");
        var copied = app.Anonymous(Copy(leavingCookies, app.Address));
        var demo = "/api/v1/loans?case=" + demoId;
        Assert.Equal(HttpStatusCode.OK, (await deputy.GetAsync("/api/v1/admin/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reset.GetAsync(demo)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/api/v1/cases")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsJsonAsync("/api/v1/admin/accounts/role", new { email = "deputy@example.org", role = Roles.Borrower })).StatusCode);
        var demoted = await deputy.PostAsJsonAsync("/api/v1/admin/accounts", new { email = "new-admin@example.org", password = MultiUserApp.Password, role = Roles.Admin });
        Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsJsonAsync("/api/v1/admin/accounts/password", new { email = "reset@example.org", password = "换了一个新的长密码-2026" })).StatusCode);
        var afterReset = await reset.GetAsync(demo);
        Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsJsonAsync("/api/v1/admin/accounts/remove", new { email = "gone@example.org" })).StatusCode);
        var afterRemoval = await gone.PostAsJsonAsync("/api/v1/cases", new { title = "孤儿案件" });
        var token = await MultiUserApp.TokenAsync(leaving, "/cases");
        using var logout = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, (await leaving.PostAsync("/account/logout", logout)).StatusCode);
        var afterLogout = await copied.GetAsync("/api/v1/cases");

        Assert.True(demoted.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, "demoted admin: " + demoted.StatusCode);
        Assert.DoesNotContain("new-admin@example.org", await root.GetStringAsync("/api/v1/admin/accounts"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRemoval.StatusCode);
        Assert.DoesNotContain("孤儿案件", (await CaseBook.ListAsync(await app.Services.GetRequiredService<LedgerGate>().OpenAsync())).Select(c => c.Profile.Title));
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task Login_UnknownAndKnownAccounts_GetTheSameAnswerAndOnlyTheGuessingAddressWaits()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, proxies: [IPAddress.Loopback]);
        await app.AddAccountAsync("alice@example.org", Roles.Borrower);
        HttpClient From(string address)
        {
            var client = app.Anonymous();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return client;
        }

        var (guesser, owner) = (From("203.0.113.9"), From("203.0.113.10"));
        var known = await MultiUserApp.TryLoginAsync(guesser, "alice@example.org", "错误的密码-1");
        var unknown = await MultiUserApp.TryLoginAsync(guesser, "nobody@example.org", "错误的密码-2");
        var third = await MultiUserApp.TryLoginAsync(guesser, "alice@example.org", "错误的密码-3");
        var rightButWaiting = await MultiUserApp.TryLoginAsync(guesser, "alice@example.org", MultiUserApp.Password);
        var ownerElsewhere = await MultiUserApp.TryLoginAsync(owner, "alice@example.org", MultiUserApp.Password);

        Assert.Equal(HttpStatusCode.BadRequest, known.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(Problem(await known.Content.ReadAsStringAsync()), Problem(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButWaiting.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ownerElsewhere.StatusCode);
    }

    [Fact]
    public async Task CalendarFeed_TiedToTheAssignment_IsIssuedReplacedWithdrawnAndEndsWithIt()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location);
        await app.AddAccountAsync("root@example.org", Roles.Admin);
        await app.AddAccountAsync("worker@example.org", Roles.CaseWorker);
        var (root, _) = await app.LoginAsync("root@example.org");

        // A case without loans: what is tested is the feed's address, not its dates, and the plan
        // page searches a case with loans for its optimal plan at every view (nine views here,
        // about 11 s of CPU over the demo case).
        var caseId = await MultiUserApp.OpenCaseAsync(root, "乙的案件");
        Assert.Equal(caseId, await app.AssignAsync("worker@example.org", "乙的案件"));
        var (worker, _) = await app.LoginAsync("worker@example.org");
        var plan = "/plan?case=" + caseId;
        var calendar = app.Anonymous();
        async Task<string?> FeedAsync() => Feed().Match(await worker.GetStringAsync(plan)) is { Success: true } m ? m.Groups[1].Value : null;
        async Task<HttpStatusCode> PostAsync(string handler)
        {
            var token = await MultiUserApp.TokenAsync(worker, plan);
            using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            return (await worker.PostAsync("/plan?handler=" + handler + "&case=" + caseId, form)).StatusCode;
        }

        var none = await FeedAsync();
        Assert.Equal(HttpStatusCode.Redirect, await PostAsync("Feed"));
        var first = await FeedAsync();
        var firstServed = (await calendar.GetAsync(first)).StatusCode;
        Assert.Equal(HttpStatusCode.Redirect, await PostAsync("Feed"));
        var second = await FeedAsync();
        var (firstAfterRotation, secondServed) = ((await calendar.GetAsync(first)).StatusCode, (await calendar.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await PostAsync("Feed&withdraw=true"));
        var (afterWithdrawal, shownAfterWithdrawal) = ((await calendar.GetAsync(second)).StatusCode, await FeedAsync());
        Assert.Equal(HttpStatusCode.Redirect, await PostAsync("Feed"));
        var third = await FeedAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsJsonAsync("/api/v1/admin/assignments/remove", new { email = "worker@example.org", @case = caseId })).StatusCode);
        var afterUnassignment = (await calendar.GetAsync(third)).StatusCode;

        Assert.Null(none);
        Assert.Equal(HttpStatusCode.OK, firstServed);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, firstAfterRotation);
        Assert.Equal(HttpStatusCode.OK, secondServed);
        Assert.Equal(HttpStatusCode.NotFound, afterWithdrawal);
        Assert.Null(shownAfterWithdrawal);
        Assert.Equal(HttpStatusCode.NotFound, afterUnassignment);
    }

    private static CookieContainer Copy(CookieContainer cookies, Uri to)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
        {
            copy.Add(to, new Cookie(cookie.Name, cookie.Value));
        }

        return copy;
    }

    private static string Problem(string html) => ProblemLine().Match(html).Groups[1].Value;

    [GeneratedRegex("<p class=\"problem\"[^>]*>([^<]*)</p>")]
    private static partial Regex ProblemLine();

    [GeneratedRegex("(/calendar/[A-Za-z0-9_-]+\\.ics)")]
    private static partial Regex Feed();
}
