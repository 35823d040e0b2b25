using System.Net;
using System.Text.Json;
using DebtShield.Tests.Shared;
using DebtShield.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary>
/// A route that throws (registered by the test, not the app) answers a program with a problem
/// document and a person with the problem page, in both modes, and leaves a "failed" audit line
/// naming the case the request was about.
/// </summary>
public sealed class FailingRouteTests
{
    private const string Secret = "不该出现在回答里的内部细节";

    private static void MapFailing(WebApplication app)
    {
        app.MapGet("/api/v1/test/fail", string () => throw new InvalidOperationException(Secret));
        app.MapGet("/test/fail", string () => throw new InvalidOperationException(Secret));
    }

    [Fact]
    public async Task Request_RouteThrowsInLocalMode_ProblemDocumentForApiAndPageForBrowser()
    {
        await using var app = await RunningApp.StartAsync(demo: true, map: MapFailing);

        var (api, page) = await AskBothAsync(app.Client, "");

        await AssertAnswersAsync(api, page);
    }

    [Fact]
    public async Task Request_RouteThrowsInMultiUserMode_ProblemDocumentPageAndFailedAuditLineWithTheCase()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, map: MapFailing);
        await app.AddAccountAsync("alice@example.org", Roles.Borrower);
        var (alice, _) = await app.LoginAsync("alice@example.org");
        var mine = await MultiUserApp.OpenCaseAsync(alice, "甲的案件");

        var (api, page) = await AskBothAsync(alice, "?case=" + mine);

        await AssertAnswersAsync(api, page);
        await using var scope = app.Services.CreateAsyncScope();
        var lines = await scope.ServiceProvider.GetRequiredService<AccountsContext>().AuditEntries
            .Where(e => e.Route == "/api/v1/test/fail" || e.Route == "/test/fail").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [("/api/v1/test/fail", AuditTerms.Failed, (Guid?)mine, 500), ("/test/fail", AuditTerms.Failed, mine, 500)],
            lines.Select(l => (l.Route, l.Outcome, l.CaseId, l.Status ?? 0)));
    }

    private static async Task<(HttpResponseMessage Api, HttpResponseMessage Page)> AskBothAsync(HttpClient client, string query)
    {
        var api = await client.GetAsync("/api/v1/test/fail" + query);
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/test/fail" + query);
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        return (api, await client.SendAsync(browser));
    }

    private static async Task AssertAnswersAsync(HttpResponseMessage api, HttpResponseMessage page)
    {
        var problem = await api.Content.ReadAsStringAsync();
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, JsonDocument.Parse(problem).RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("出了点问题", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        Assert.All([problem, html], body =>
        {
            Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        });
    }
}
