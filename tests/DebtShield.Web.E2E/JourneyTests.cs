using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DebtShield.App.ListLoans;
using DebtShield.Core;
using DebtShield.Tests.Shared;
using DebtShield.Web.Hosting;
using DebtShield.Web.Pages;
using DebtShield.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DebtShield.Web.E2E;

/// <summary>
/// Journeys from an empty ledger at 360 px, driving only the web UI, each ending on the figure the
/// person came for. Every step's clicks, fields filled and server time are written to
/// <c>artifacts/e2e/journeys.tsv</c> (the figures in docs/benchmarks.md).
/// </summary>
public sealed class JourneyTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>The app's clock, stopped when the class starts: a journey that runs across midnight in China still sees one day.</summary>
    private static readonly FixedClock Clock = new(DateTimeOffset.UtcNow);

    private static readonly DateOnly Today = ChinaStandardTime.Today(Clock);

    [Fact]
    public async Task ContactsMessaged_RecordsLoansAndPayments_TheLawfulTotalIsTheAppsLoanListTotal()
    {
        await using var app = await RunningApp.StartAsync(demo: false, time: Clock);
        await using var walk = await Walk.StartAsync(chromium, "contacts");

        await walk.Step("door", 1, 0, async page =>
        {
            await page.GotoAsync(app.Address.ToString(), Walk.Loaded);
            await page.GetByText("我已经被爆通讯录了").ClickAsync();
            await Walk.ReachedAsync(page, "**/start/contacts", parsed: true);
        });
        await walk.Step("to-loans", 1, 0, async page =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "去看借款" }).ClickAsync();
            await Walk.ReachedAsync(page, "**/loans");
        });
        await walk.Step("add-loan", 1, 8, page => AddLoanAsync(page, "速借-1", "速借", "5000", "4500", Today.AddMonths(-5), 6, "1000", Today.AddMonths(-4)));
        await walk.Step("paste-screen", 2, 6, async page =>
        {
            await page.Locator("summary", new() { HasText = "粘贴还款计划" }).ClickAsync();
            var paste = page.Locator("form[action*='handler=Paste']");
            await paste.Locator("input[name='Form.Id']").FillAsync("安心借-1");
            await paste.Locator("input[name='Form.Lender']").FillAsync("安心借");
            await paste.Locator("select[name='Form.Kind']").SelectOptionAsync("microloan");
            await paste.Locator("input[name='Form.ContractDate']").FillAsync(Day(Today.AddMonths(-3)));
            await paste.Locator("input[name='Form.Principal']").FillAsync("3600");
            await paste.Locator("textarea[name='Pasted']").FillAsync(string.Join('\n', Enumerable.Range(1, 6).Select(i =>
                $"第{i}期 {Day(Today.AddMonths(-3 + i))} 应还 680.00 {(i <= 2 ? "已还" : "待还")}")));
            await paste.Locator("button[type='submit']").ClickAsync();
            await page.WaitForSelectorAsync(".notice");
            Assert.Contains("2 期标为已还", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        });
        for (var i = 1; i <= 4; i++)
        {
            var instalment = i;
            await walk.Step("payment-" + i, 3, 1, async page =>
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "速借-1" }).First.ClickAsync();
                await Walk.ReachedAsync(page, "**/loans/*");
                var form = page.Locator("form[action*='handler=Payment']");
                await form.Locator("input[name='Payment.Date']").FillAsync(Day(Today.AddMonths(-5 + instalment)));
                await form.Locator("select[name='Payment.Instalment']").SelectOptionAsync(instalment.ToString(CultureInfo.InvariantCulture));
                await form.Locator("button[type='submit']").ClickAsync();
                await page.WaitForSelectorAsync(".notice");
                await page.GetByRole(AriaRole.Link, new() { Name = "← 借款" }).ClickAsync();
                await Walk.ReachedAsync(page, "**/loans");
            });
        }

        var shown = await TotalShownAsync(walk.Page);
        var ledger = await app.Services.GetRequiredService<LedgerGate>().OpenAsync(default);
        var list = await ListLoans.ListAsync(ledger, null, Today);
        Assert.Equal(Figures.YuanRange(list.Totals.LawfulTotalDue, list.Totals.LawfulMostDue), shown);
        Assert.Equal(4000m + 1360m, list.Loans.Sum(l => l.Paid));
        Assert.DoesNotContain(list.Loans, l => l.Id == "速借-1" && l.DaysOverdue is > 0);
        await walk.AssertFitsAsync();

        await EvidenceStepsAsync(app, walk);
    }

    /// <summary>
    /// The frightened borrower's evidence: her backup holds a threat (kept because it is flagged), a
    /// courier's text from a number she named by mistake, and seven texts in one hour from a
    /// collector she did not name. She reads why the threat is unlawful, marks the unnamed number,
    /// withdraws the courier's text as not evidence, and checks the chain.
    /// </summary>
    private static async Task EvidenceStepsAsync(RunningApp app, Walk walk)
    {
        var day = new DateTimeOffset(Today.AddDays(-2).ToDateTime(new TimeOnly(14, 0)), ChinaStandardTime.Offset);
        var messages = new List<(string Number, DateTimeOffset Time, string Text)>
        {
            ("17000001234", day.AddHours(-4), "不还钱就把你的欠款信息发给你通讯录里所有人"),
            ("13800001111", day.AddHours(-3), "您的快递已到驿站，请凭取件码取件"),
        };
        messages.AddRange(Enumerable.Range(0, 7).Select(i => ("+86 171 9876 0000", day.AddMinutes(i * 9), "您好，您在本平台的借款已逾期，请今天处理，第" + (i + 1) + "次提醒")));
        var backup = new System.Text.StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"9\">\n");
        foreach (var (number, time, text) in messages)
        {
            backup.Append(CultureInfo.InvariantCulture, $"<sms address=\"{number}\" date=\"{time.ToUnixTimeMilliseconds()}\" type=\"1\" body=\"{text}\" readable_date=\"\" contact_name=\"\" />\n");
        }

        backup.Append("</smses>\n");
        await walk.Step("evidence-import", 2, 2, async page =>
        {
            await page.Locator("header nav a[href*='/evidence']").ClickAsync();
            await Walk.ReachedAsync(page, "**/evidence");
            var form = page.Locator("form[action*='handler=Import']");
            await form.Locator("input[name='backup']").SetInputFilesAsync(new FilePayload { Name = "sms.xml", MimeType = "text/xml", Buffer = System.Text.Encoding.UTF8.GetBytes(backup.ToString()) });
            await form.Locator("input[name='Collectors']").FillAsync("138 0000 1111");
            await form.Locator("button[type='submit']").ClickAsync();
            await page.WaitForSelectorAsync(".notice");
        });
        await walk.Step("why", 0, 0, async page =>
        {
            var reason = page.Locator("li.reason", new() { HasText = "威胁爆通讯录" }).First;
            Assert.Contains("威胁把欠款告诉通讯录联系人", await reason.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("通讯录", await reason.Locator("mark").First.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("依据：", await reason.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("/guide/today", await reason.Locator("a.todo").GetAttributeAsync("href"));
        });
        await walk.Step("mark-collector", 1, 0, async page =>
        {
            var number = page.Locator("li.skipped-number", new() { HasText = "17198760000" });
            Assert.Contains("短信 7 条", await number.InnerTextAsync(), StringComparison.Ordinal);
            await number.GetByRole(AriaRole.Button, new() { Name = "标为催收号码" }).ClickAsync();
            await page.WaitForSelectorAsync(".notice");
            Assert.Contains("从同一个文件保存了 7 条", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(7, await page.Locator("ol.timeline li.incident", new() { HasText = "次提醒" }).CountAsync());
        });
        await walk.Step("retract", 2, 1, async page =>
        {
            var courier = page.Locator("ol.timeline li.incident", new() { HasText = "快递" });
            await courier.Locator("summary", new() { HasText = "不是证据" }).ClickAsync();
            await courier.Locator("input[name='reason']").FillAsync("这是快递短信，不是催收");
            await courier.Locator("button[type='submit']").ClickAsync();
            await page.WaitForSelectorAsync(".notice");
            Assert.Equal(0, await page.Locator("ol.timeline li.incident", new() { HasText = "快递" }).CountAsync());
        });
        await walk.Step("verify", 1, 0, async page =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "立即核对" }).ClickAsync();
            await page.WaitForSelectorAsync(".notice");
            Assert.Contains("证据链完整", await page.Locator("#chain-status").InnerTextAsync(), StringComparison.Ordinal);
        });
        await walk.AssertFitsAsync();
    }

    [Fact]
    public async Task NotYetLate_RecordsPaymentsAndABudget_ThePlanNamesTheLoanDueFirstAndTheLetterHasNoBlankTheLedgerFills()
    {
        await using var app = await RunningApp.StartAsync(demo: false, time: Clock);
        await using var walk = await Walk.StartAsync(chromium, "not-yet-late");

        await walk.Step("door", 2, 0, async page =>
        {
            await page.GotoAsync(app.Address.ToString(), Walk.Loaded);
            await page.GetByText("我快要逾期了").ClickAsync();
            await Walk.ReachedAsync(page, "**/start/overdue", parsed: true);
            await page.GetByRole(AriaRole.Link, new() { Name = "去看借款" }).ClickAsync();
            await Walk.ReachedAsync(page, "**/loans");
        });
        await walk.Step("add-anxin", 1, 8, page => AddLoanAsync(page, "安心借-1", "安心借", "6000", null, Today.AddMonths(-2).AddDays(4), 6, "1100", Today.AddMonths(-1).AddDays(4)));
        await walk.Step("add-jisu", 2, 8, async page =>
        {
            await page.Locator("summary", new() { HasText = "添加一笔借款" }).ClickAsync();
            await AddLoanAsync(page, "极速借-1", "极速借", "3000", null, Today.AddMonths(-1).AddDays(9), 3, "1050", Today.AddDays(9));
        });
        await walk.Step("payment", 3, 1, async page =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "安心借-1" }).First.ClickAsync();
            await Walk.ReachedAsync(page, "**/loans/*");
            var form = page.Locator("form[action*='handler=Payment']");
            await form.Locator("input[name='Payment.Date']").FillAsync(Day(Today.AddMonths(-1).AddDays(4)));
            await form.Locator("input[name='Payment.Amount']").FillAsync("1100");
            await form.Locator("button[type='submit']").ClickAsync();
            await page.WaitForSelectorAsync(".notice");
        });
        await walk.Step("budget", 2, 6, async page =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "还款计划" }).First.ClickAsync();
            await Walk.ReachedAsync(page, "**/plan");
            var form = page.Locator("form[action*='handler=Budget']");
            await form.Locator("input[name='Monthly.Income[0].Name']").FillAsync("工资");
            await form.Locator("input[name='Monthly.Income[0].Amount']").FillAsync("7000");
            await form.Locator("input[name='Monthly.Expenses[0].Name']").FillAsync("房租");
            await form.Locator("input[name='Monthly.Expenses[0].Amount']").FillAsync("1800");
            await form.Locator("input[name='Monthly.Expenses[1].Name']").FillAsync("伙食");
            await form.Locator("input[name='Monthly.Expenses[1].Amount']").FillAsync("1200");
            await form.Locator("button[type='submit']").ClickAsync();
            await page.WaitForSelectorAsync(".notice");
        });

        // 安心借's second instalment falls due in 4 days, 极速借's first in 9: this month pays 安心借 first.
        var first = await walk.Page.Locator("ol.months > li.month").First.Locator("ul > li").First.InnerTextAsync();
        Assert.Contains("付给 安心借（安心借-1）", first, StringComparison.Ordinal);
        Assert.Contains("可用于还款 ¥4,000.00", await walk.Page.Locator("#budget").TextContentAsync(), StringComparison.Ordinal);

        string letter = "";
        await walk.Step("letter", 3, 3, async page =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "文书" }).First.ClickAsync();
            await Walk.ReachedAsync(page, "**/documents");
            await page.GetByRole(AriaRole.Link, new() { Name = "协商还款申请书" }).ClickAsync();
            await Walk.ReachedAsync(page, "**/documents?kind=*");
            var form = page.Locator("form.stack");
            await form.Locator("select[name='Lender']").SelectOptionAsync("安心借");
            await form.Locator("input[name='Facts[borrower.name]']").FillAsync("李四");
            await form.Locator("input[name='Facts[borrower.phone]']").FillAsync("13900000000");
            await form.Locator("input[name='Facts[hardship]']").FillAsync("工资降低");
            await form.Locator("select[name='Format']").SelectOptionAsync("md");
            var download = await page.RunAndWaitForDownloadAsync(() => form.Locator("button[type='submit']").ClickAsync());
            letter = await File.ReadAllTextAsync(await download.PathAsync());
        });

        Assert.DoesNotContain("请填写", letter, StringComparison.Ordinal);
        Assert.Contains("我每月收入约7,000.00元", letter, StringComparison.Ordinal);
        await walk.AssertFitsAsync();
    }

    /// <summary>The lawful total the loans page shows in its footer.</summary>
    internal static async Task<string> TotalShownAsync(IPage page) =>
        (await page.Locator("table.loans tfoot td.num").InnerTextAsync()).Trim();

    /// <summary>Fills and sends the loans page's form for a loan of equal instalments.</summary>
    internal static async Task AddLoanAsync(IPage page, string id, string lender, string principal, string? received, DateOnly contract, int count, string amount, DateOnly firstDue)
    {
        var add = page.Locator("form[action*='handler=Add']");
        await add.Locator("input[name='Form.Id']").FillAsync(id);
        await add.Locator("input[name='Form.Lender']").FillAsync(lender);
        await add.Locator("input[name='Form.ContractDate']").FillAsync(Day(contract));
        await add.Locator("input[name='Form.Principal']").FillAsync(principal);
        if (received is not null)
        {
            await add.Locator("input[name='Form.Received']").FillAsync(received);
        }

        await add.Locator("input[name='Instalments']").FillAsync(count.ToString(CultureInfo.InvariantCulture));
        await add.Locator("input[name='Form.Amount']").FillAsync(amount);
        await add.Locator("input[name='Form.FirstDue']").FillAsync(Day(firstDue));
        await add.Locator("button[type='submit']").ClickAsync();
        await page.WaitForSelectorAsync(".notice");
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A browser at 360 × 780 over a running app, timing each step and counting its clicks and fields.</summary>
internal sealed class Walk : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 120_000 };

    private readonly IBrowserContext context;
    private readonly string journey;
    private readonly List<string> lines = [];
    private TimeSpan server;

    private Walk(IBrowserContext context, IPage page, string journey)
    {
        this.context = context;
        this.journey = journey;
        Page = page;
        page.RequestFinished += (_, request) =>
        {
            var timing = request.Timing;
            if (timing.ResponseStart > 0 && timing.RequestStart > 0)
            {
                server += TimeSpan.FromMilliseconds(timing.ResponseStart - timing.RequestStart);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>A fresh window (no cookies) of the class's browser at <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static async Task<Walk> StartAsync(ChromiumFixture chromium, string journey, int width = 360, int height = 780)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        var context = await chromium.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        return new Walk(context, page, journey);
    }

    /// <summary>Runs a step, recording the clicks and fields it takes and the server's time to first byte over its requests.</summary>
    public async Task Step(string name, int clicks, int fields, Func<IPage, Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        server = TimeSpan.Zero;
        var wall = Stopwatch.StartNew();
        await step(Page);
        lines.Add(string.Join('\t', journey, name, clicks, fields, server.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture), wall.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Signs in through the login page as <paramref name="email"/> and waits to leave it: for the
    /// next page's document, not its load event, which a loaded machine delays past any limit.
    /// </summary>
    public async Task SignInAsync(Uri address, string email, string password)
    {
        await Page.GotoAsync(new Uri(address, "/account/login").ToString(), Loaded);
        await Page.FillAsync("input[name=Email]", email);
        await Page.FillAsync("input[name=Password]", password);
        await Page.ClickAsync("main form button[type=submit]");
        await ReachedAsync(Page, url => !url.Contains("/account/login", StringComparison.Ordinal), parsed: true);
    }

    /// <summary>
    /// Waits until the page's address matches <paramref name="glob"/> (<c>**</c> any text, <c>*</c>
    /// any text without a slash), and with <paramref name="parsed"/> until its document is parsed.
    /// </summary>
    /// <remarks>
    /// Not <see cref="IPage.WaitForURLAsync(string, PageWaitForURLOptions?)"/>: called after the click
    /// that navigates, it finds the address already there when the answer was quick and then waits
    /// for a load event that may have come and gone, until its time runs out (seen in the plain-clone
    /// runs of 2026-12-05). The address is the client's own record of the last navigation, so polling
    /// it cannot miss one; a page that must be parsed is asked for its ready state, which survives
    /// the navigation.
    /// </remarks>
    public static Task ReachedAsync(IPage page, string glob, bool parsed = false)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var pattern = new Regex("^" + Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
        return ReachedAsync(page, pattern.IsMatch, parsed);
    }

    /// <summary>Waits until <paramref name="at"/> holds for the page's address, and with <paramref name="parsed"/> until its document is parsed.</summary>
    public static async Task ReachedAsync(IPage page, Func<string, bool> at, bool parsed = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(at);
        var waited = Stopwatch.StartNew();
        while (!at(page.Url))
        {
            Assert.True(waited.Elapsed < Patience, "the page did not leave " + page.Url);
            await Task.Delay(25);
        }

        if (parsed)
        {
            await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new() { Timeout = (float)Patience.TotalMilliseconds });
        }
    }

    /// <summary>The current page is no wider than the window.</summary>
    public async Task AssertFitsAsync() =>
        Assert.False(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), Page.Url + " is wider than the window");

    public async ValueTask DisposeAsync()
    {
        var folder = Environment.GetEnvironmentVariable("DEBTSHIELD_ARTIFACTS") is { Length: > 0 } given ? given : Path.Combine(RepositoryPaths.Root, "artifacts", "e2e");
        Directory.CreateDirectory(folder);
        await File.AppendAllLinesAsync(Path.Combine(folder, "journeys.tsv"), lines);
        await context.DisposeAsync();
    }
}
