using System.Text.RegularExpressions;
using DebtShield.App.Cases;
using DebtShield.App.ListLoans;
using DebtShield.Core;
using DebtShield.Tests.Shared;
using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;
using DebtShield.Web.Pages;
using DebtShield.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DebtShield.Web.E2E;

/// <summary>
/// The third journey: a legal-aid organisation on one multi-user server (real PostgreSQL), starting
/// with nothing but its admin account. The admin opens the account of a case worker and a borrower's
/// case, hands the case over by picking both from lists, and gives up his own access; the case worker
/// signs in, records the borrower's loan and a payment, and reads the lawful total. Driven only through
/// the web UI at 360 px; clicks, fields and server time per step go to <c>artifacts/e2e/journeys.tsv</c>.
/// </summary>
public sealed partial class CaseWorkerJourneyTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Admin = "root@example.org";
    private const string Worker = "wang@example.org";
    private const string Colleague = "zhao@example.org";
    private const string Borrower = "陈某（2026 年 12 月来访）";

    /// <summary>The app's clock, stopped when the class starts: a journey that runs across midnight in China still sees one day.</summary>
    private static readonly FixedClock Clock = new(DateTimeOffset.UtcNow);

    private static readonly DateOnly Today = ChinaStandardTime.Today(Clock);

    [Fact]
    public async Task CaseWorker_GivenACasePickedFromTheList_RecordsLoanAndPaymentSeesTheAppsTotalAndNeverAColleaguesCase()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, demo: false, time: Clock);
        await app.AddAccountAsync(Admin, Roles.Admin);
        await using var desk = await Walk.StartAsync(chromium, "case-worker-admin");
        var admin = desk.Page;

        await desk.Step("sign-in", 1, 2, _ => desk.SignInAsync(app.Address, Admin, MultiUserApp.Password));
        await desk.Step("worker-accounts", 3, 4, async page =>
        {
            await page.Locator("header nav a[href='/admin']").ClickAsync();
            await Walk.ReachedAsync(page, "**/admin");
            foreach (var email in new[] { Worker, Colleague })
            {
                var form = page.Locator("form[action*='handler=Create']");
                await form.Locator("input[name='Email']").FillAsync(email);
                await form.Locator("input[name='Password']").FillAsync(MultiUserApp.Password);
                await form.Locator("button[type='submit']").ClickAsync();
                Assert.Contains("个案工作者", await NoticeAsync(page, email), StringComparison.Ordinal);
            }
        });
        await desk.Step("open-case", 2, 1, async page =>
        {
            await page.Locator("header nav a[href='/cases']").ClickAsync();
            await Walk.ReachedAsync(page, "**/cases");
            await page.Locator("main form input[name='Title']").FillAsync(Borrower);
            await page.Locator("main form button[type='submit']").ClickAsync();
            await page.WaitForSelectorAsync(".notice");
        });
        var caseId = await app.CaseIdAsync(Borrower);
        await desk.Step("assign", 2, 2, async page =>
        {
            await page.Locator("header nav a[href='/admin']").ClickAsync();
            await Walk.ReachedAsync(page, "**/admin");
            Assert.Contains($"已把案件“{Borrower}”分配给 {Worker}", await AssignAsync(page, Worker, give: true), StringComparison.Ordinal);
        });
        await desk.Step("hand-over", 1, 2, async page =>
        {
            Assert.Contains($"已取消 {Admin} 对案件“{Borrower}”的访问", await AssignAsync(page, Admin, give: false), StringComparison.Ordinal);
            var account = page.Locator("ul.cases li", new() { HasText = Admin });
            Assert.Contains("（没有分配案件）", await account.InnerTextAsync(), StringComparison.Ordinal);
        });
        await desk.AssertFitsAsync();

        await using var colleague = await Walk.StartAsync(chromium, "case-worker-colleague");
        await colleague.SignInAsync(app.Address, Colleague, MultiUserApp.Password);
        await Walk.ReachedAsync(colleague.Page, "**/cases"); // no case yet: signing in leads to the case list
        await colleague.Page.Locator("main form input[name='Title']").FillAsync("赵某经手的案件");
        await colleague.Page.Locator("main form button[type='submit']").ClickAsync();
        await colleague.Page.WaitForSelectorAsync(".notice");
        var colleaguesLoans = await colleague.Page.Locator("ul.cases a", new() { HasText = "借款" }).GetAttributeAsync("href");

        await using var walk = await Walk.StartAsync(chromium, "case-worker");
        var contract = Today.AddMonths(-4);
        await walk.Step("sign-in", 1, 2, _ => walk.SignInAsync(app.Address, Worker, MultiUserApp.Password));
        await walk.Step("open-case", 2, 0, async page =>
        {
            await page.Locator("header nav a[href='/cases']").ClickAsync();
            await Walk.ReachedAsync(page, "**/cases");
            var listed = page.Locator("ul.cases li");
            Assert.Equal(1, await listed.CountAsync());
            await listed.GetByRole(AriaRole.Link, new() { Name = "借款", Exact = true }).ClickAsync();
            await Walk.ReachedAsync(page, "**/loans?case=" + caseId);
        });
        await walk.Step("add-loan", 1, 8, page => JourneyTests.AddLoanAsync(page, "闪电贷-1", "闪电贷", "8000", "7200", contract, 6, "1600", contract.AddMonths(1)));
        await walk.Step("payment", 3, 2, async page =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "闪电贷-1" }).First.ClickAsync();
            await Walk.ReachedAsync(page, "**/loans/*");
            var form = page.Locator("form[action*='handler=Payment']");
            await form.Locator("input[name='Payment.Date']").FillAsync(JourneyTests.Day(contract.AddMonths(1)));
            await form.Locator("select[name='Payment.Instalment']").SelectOptionAsync("1");
            await form.Locator("button[type='submit']").ClickAsync();
            await page.WaitForSelectorAsync(".notice");
            await walk.AssertFitsAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "← 借款" }).ClickAsync();
            await Walk.ReachedAsync(page, "**/loans?case=" + caseId);
        });

        var shown = await JourneyTests.TotalShownAsync(walk.Page);
        var list = await ListLoans.ListAsync(await app.Services.GetRequiredService<LedgerGate>().OpenAsync(default), CaseReference.ById(caseId), Today);
        Assert.Equal(Figures.YuanRange(list.Totals.LawfulTotalDue, list.Totals.LawfulMostDue), shown);
        Assert.Equal(1600m, Assert.Single(list.Loans).Paid);
        await walk.AssertFitsAsync();

        await walk.Step("colleagues-case", 0, 0, async page =>
        {
            var response = await page.GotoAsync(new Uri(app.Address, colleaguesLoans!).ToString(), Walk.Loaded);
            Assert.Equal(404, response!.Status);
            Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type"), StringComparison.Ordinal);
            Assert.Equal("找不到这个页面", await page.Locator("main h1").InnerTextAsync());
            Assert.Equal(1, await page.Locator("main a[href='/cases']").CountAsync());
            Assert.DoesNotContain("赵某经手的案件", await page.ContentAsync(), StringComparison.Ordinal);
        });
        await walk.AssertFitsAsync();

        await desk.Step("audit", 2, 1, async page =>
        {
            await page.Locator("main a[href='/admin/audit']").ClickAsync();
            await Walk.ReachedAsync(page, "**/admin/audit");
            await page.Locator("select[name='about']").SelectOptionAsync(caseId.ToString());
            await page.Locator("main form button[type='submit']").ClickAsync();
            await Walk.ReachedAsync(page, url => url.Contains("about=", StringComparison.Ordinal));
        });
        var lines = admin.Locator("table.cards tbody tr", new() { HasText = Worker });
        Assert.True(await lines.CountAsync() >= 4);
        Assert.Contains("已允许", await lines.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await admin.Locator("table.cards tbody tr", new() { HasText = Colleague }).CountAsync());
        await desk.AssertFitsAsync();
        await AssertWordedAsync(admin, "/admin/audit");
        await admin.Locator("main a[href='/admin']").ClickAsync();
        await Walk.ReachedAsync(admin, "**/admin");
        await admin.WaitForSelectorAsync("ul.cases");
        await desk.AssertFitsAsync();
        await AssertWordedAsync(admin, "/admin");
    }

    /// <summary>Gives (or takes away) the borrower's case, picking the account and the case from the admin page's lists; returns the notice.</summary>
    private static async Task<string> AssignAsync(IPage page, string email, bool give)
    {
        var form = page.Locator("form[action*='handler=Assign']");
        await form.Locator("select[name='Email']").SelectOptionAsync(email);
        await form.Locator("select[name='CaseToAssign']").SelectOptionAsync(new SelectOptionValue { Label = await form.Locator("option", new() { HasText = Borrower }).InnerTextAsync() });
        await form.Locator($"button[name='Give'][value='{(give ? "true" : "false")}']").ClickAsync();
        return await NoticeAsync(page, email);
    }

    /// <summary>The notice the page shows after a form about <paramref name="email"/> (not an earlier form's notice still on the page).</summary>
    private static async Task<string> NoticeAsync(IPage page, string email)
    {
        var notice = page.Locator(".notice", new() { HasText = email });
        await notice.WaitForAsync();
        return await notice.InnerTextAsync();
    }

    /// <summary>The page's Chinese text (addresses in <c>code</c> left out) names roles, actions and outcomes in words, not ids.</summary>
    private static async Task AssertWordedAsync(IPage page, string where)
    {
        var text = await page.EvaluateAsync<string>("() => { const body = document.body.cloneNode(true); body.querySelectorAll('code, script, style').forEach(e => e.remove()); return body.textContent; }");
        var ids = PageSweepTests.Leaks().Matches(text).Concat(Ids().Matches(text)).Select(m => m.Value).Distinct().ToList();
        Assert.True(ids.Count == 0, where + ": " + string.Join(", ", ids));
    }

    /// <summary>The audit log's own English ids, beyond the sweep's list.</summary>
    [GeneratedRegex(@"\b(?:read|change|refused|failed|throttled|login)\b")]
    private static partial Regex Ids();
}
