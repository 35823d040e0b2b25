using System.Net;
using DebtShield.App.Cases;
using DebtShield.App.Demo;
using DebtShield.App.Ledgers;
using DebtShield.App.ListLoans;
using DebtShield.Core;
using DebtShield.Tests.Shared;
using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;
using DebtShield.Web.Pages;
using DebtShield.Web.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary>
/// The worked example, opened from the empty ledger's first page in a throwaway ledger of its own
/// (<see cref="ExampleLedger"/>). The two tests that leave the borrower's ledger empty share one app
/// over it (<see cref="SharedApp"/>), each from a browser of its own (the example is a browser's
/// choice, kept in its cookie); the test of the app's stop and the multi-user one start their own.
/// </summary>
public sealed class ExampleLedgerTests(SharedApp emptyLedger) : IClassFixture<SharedApp>
{
    private static readonly string Demo = LoadDemo.Title;

    [Fact]
    public async Task Example_FollowedFromAnEmptyLedger_ShowsTheDemoFiguresOnEveryPageAndLeavesTheLedgerEmpty()
    {
        // Given a borrower's empty ledger, and the demo's lawful total worked out on a ledger of its own
        var expected = await DemoLawfulTotalAsync();
        await using var app = emptyLedger.App.NewBrowser();
        var empty = await app.Client.GetStringAsync("/");
        Assert.Contains("href=\"/example\"", empty, StringComparison.Ordinal);
        Assert.Contains(WebText.Example_Offer, empty, StringComparison.Ordinal);

        // When they follow the link and open the example
        var explained = await app.Client.GetStringAsync("/example");
        var opened = await app.PostFormAsync("/example", "/example", []);

        // Then every page is the example's, marked as such, with the demo's figure on the first page
        Assert.Contains(WebText.Example_Open, explained, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var first = await app.Client.GetStringAsync("/");
        Assert.Contains(Demo, first, StringComparison.Ordinal);
        Assert.Contains("<dd>" + expected + "</dd>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/example\">", first, StringComparison.Ordinal);
        foreach (var page in new[] { "/", "/loans", "/evidence", "/plan", "/documents", "/cases", "/borrow", "/guide" })
        {
            var html = await app.Client.GetStringAsync(page);
            Assert.Contains(WebText.Example_Banner, html, StringComparison.Ordinal);
            Assert.Contains("<title>" + WebText.Example_Title + " · ", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/calendar/", await app.Client.GetStringAsync("/plan"), StringComparison.Ordinal);

        // When they go back to their own ledger
        var back = await app.PostFormAsync("/example", "/example?handler=Leave", []);
        var own = await app.Client.GetStringAsync("/");

        // Then it is as empty as before: nothing of the example was written to it
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Contains(WebText.Dash_Empty, own, StringComparison.Ordinal);
        Assert.DoesNotContain(WebText.Example_Banner, own, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo, own, StringComparison.Ordinal);
        Assert.Empty(await CaseBook.ListAsync(await app.Services.GetRequiredService<LedgerGate>().OpenAsync()));
    }

    [Fact]
    public async Task Example_WhenTheAppStops_ItsLedgerFolderIsDeleted()
    {
        // Given a browser that opened the example
        string folder;
        await using (var app = await RunningApp.StartAsync(demo: false))
        {
            await app.PostFormAsync("/example", "/example", []);
            Assert.Contains(Demo, await app.Client.GetStringAsync("/loans"), StringComparison.Ordinal);
            folder = Path.GetDirectoryName(app.Services.GetRequiredService<ExampleLedger>().Gate.Location.FilePath)!;
            Assert.True(File.Exists(Path.Combine(folder, "example.db")));
        }

        // Then the app's stop deleted it with everything in it
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Example_AskedWithoutTheFormsToken_IsRefusedAndShowsNothing()
    {
        // Given another site's page that posts to the example's address
        await using var app = emptyLedger.App.NewBrowser();
        using var forged = new FormUrlEncodedContent([]);

        // When the borrower's browser sends it
        var answer = await app.Client.PostAsync("/example", forged);

        // Then nothing changes: the borrower still sees their own empty ledger
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.DoesNotContain(WebText.Example_Banner, await app.Client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Example_InMultiUserMode_IsNeitherOfferedNorShownEvenWithItsCookie()
    {
        // Given an organisation's server and a logged-in account whose browser carries the example's cookie
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location);
        await app.AddAccountAsync("worker@example.org", Roles.CaseWorker);
        var (worker, cookies) = await app.LoginAsync("worker@example.org");
        cookies.Add(app.Address, new Cookie(ExampleLedger.Cookie, "1"));

        // When it asks for the example, and for its cases
        var page = await worker.GetAsync("/example");
        var cases = await worker.GetStringAsync("/cases");

        // Then there is no example, and its pages are the server's
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(WebText.Example_Banner, cases, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/example\"", cases, StringComparison.Ordinal);
    }

    private static async Task<string> DemoLawfulTotalAsync()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await LedgerAccess.OpenAsync(test.Location, () => null, _ => { });
        await LoadDemo.RunAsync(ledger, TimeProvider.System);
        var list = await ListLoans.ListAsync(ledger, CaseReference.Only, ChinaStandardTime.Today(TimeProvider.System), default);
        return Figures.YuanRange(list.Totals.LawfulTotalDue, list.Totals.LawfulMostDue);
    }
}
