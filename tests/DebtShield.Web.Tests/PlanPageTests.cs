using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DebtShield.Web.Tests;

/// <summary>
/// The plan page for someone not yet late: the budget typed once is kept and used by the plan and
/// the negotiation letter; the plan says month by month whom to pay, warns where a licensed lender
/// gets less than its contract asks, and keeps what is overdue apart from what falls due this week.
/// The class's tests share one running app, each on a new case of its own.
/// </summary>
public sealed class PlanPageTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task Budget_SavedOnThePlanPage_IsKeptAndUsedByThePlanAndTheNegotiationLetterLeavesNoBlankTheLedgerCanFill()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await AddLoanAsync(app, "安心借-1", "安心借", "online_platform", Today.AddMonths(-1), "3000", 6, "540", Today.AddDays(5));

        var saved = await app.PostFormAsync("/plan", "/plan?handler=Budget", [
            new("Monthly.Income[0].Name", "工资"), new("Monthly.Income[0].Amount", "6000"),
            new("Monthly.Expenses[0].Name", "房租"), new("Monthly.Expenses[0].Amount", "1500"),
            new("Monthly.Expenses[1].Name", "伙食"), new("Monthly.Expenses[1].Amount", "500"),
            new("Monthly.Expenses[2].Name", ""), new("Monthly.Expenses[2].Amount", "")]);
        var page = await app.Client.GetStringAsync("/plan");
        using var plan = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/plan"));
        var letter = await LetterAsync(app);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("每月收入 ¥6,000.00 − 必要开支 ¥2,000.00 = 可用于还款 ¥4,000.00", page, StringComparison.Ordinal);
        Assert.Contains("value=\"房租\"", page, StringComparison.Ordinal);
        Assert.Contains("按你保存的收支计算", page, StringComparison.Ordinal);
        Assert.Equal(4000m, plan.RootElement.GetProperty("budget").GetDecimal());
        Assert.Contains("我每月收入约6,000.00元", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("请填写：每月能还的金额", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("请填写：还款期数", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_WithAnAmountThatDoesNotRead_IsRefusedNamingItsRowAndKeepsTheStoredBudget()
    {
        await using var app = await shared.App.OnNewCaseAsync();

        var refused = await app.PostFormAsync("/plan", "/plan?handler=Budget", [new("Monthly.Income[0].Name", "工资"), new("Monthly.Income[0].Amount", "-5000")]);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("“收入 · 工资”必须大于 0，填的是“-5000”", html, StringComparison.Ordinal);
        Assert.Contains("还没有填写收支", await app.Client.GetStringAsync("/plan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_FirstMonth_NamesTheLoanDueAndWarnsWhereALicensedLenderGetsLessThanItsContract()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        // 12 × 1,200 on 10,000 is about 35% a year: a consumer finance company may charge at most 24%.
        await AddLoanAsync(app, "消金-1", "某消费金融", "consumer_finance", Today.AddDays(-20), "10000", 12, "1200", Today.AddDays(10));
        // 1,000 a month covers the lawful instalment (about 946 at 24%) but not the contract's 1,200.
        await app.PostFormAsync("/plan", "/plan?handler=Budget", [new("Monthly.Income[0].Name", "工资"), new("Monthly.Income[0].Amount", "1000")]);

        var page = WebUtility.HtmlDecode(await app.Client.GetStringAsync("/plan"));
        using var plan = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/plan"));

        var first = plan.RootElement.GetProperty("byMonth")[0].GetProperty("payments")[0];
        Assert.Equal("消金-1", first.GetProperty("loanId").GetString());
        Assert.Equal(Today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first.GetProperty("date").GetString());
        Assert.True(first.GetProperty("amount").GetDecimal() < 1200m);
        Assert.Contains(Today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 付给 某消费金融（消金-1）", page, StringComparison.Ordinal);
        Assert.Contains("某消费金融是持牌机构，可能按逾期上报征信", page, StringComparison.Ordinal);
        Assert.DoesNotContain("optimal", page, StringComparison.Ordinal);
        Assert.Contains("雪崩：多出来的钱先还真实年化利率最高的借款", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DueSoon_OnThePlanPage_ListsOnlyTheNextSevenDaysAndWhatIsOverdueApart()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        // Due 2 months and 10 days ago, then monthly: the last one passed 10 days ago, the next is 3 weeks away.
        await AddLoanAsync(app, "早-1", "早贷", "online_platform", Today.AddMonths(-3), "3000", 6, "600", Today.AddMonths(-2).AddDays(-10));
        await AddLoanAsync(app, "近-1", "近贷", "online_platform", Today.AddDays(-25), "3000", 6, "600", Today.AddDays(3));

        var page = await app.Client.GetStringAsync("/plan");
        var soon = Between(page, "未来 7 天到期", "已经逾期的还款");
        var overdue = Between(page, "已经逾期的还款", "下载还款日历");

        Assert.Contains("近-1", soon, StringComparison.Ordinal);
        Assert.DoesNotContain("早-1", soon, StringComparison.Ordinal);
        Assert.Contains("早-1", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("近-1", overdue, StringComparison.Ordinal);
    }

    private static string Between(string html, string from, string to)
    {
        var start = html.LastIndexOf(from, StringComparison.Ordinal);
        return html[start..html.IndexOf(to, start, StringComparison.Ordinal)];
    }

    private static async Task AddLoanAsync(RunningApp app, string id, string lender, string kind, DateOnly contract, string principal, int count, string amount, DateOnly firstDue)
    {
        var response = await app.PostFormAsync("/loans", "/loans?handler=Add", new Dictionary<string, string>
        {
            ["Form.Id"] = id,
            ["Form.Lender"] = lender,
            ["Form.Kind"] = kind,
            ["Form.ContractDate"] = contract.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Form.Principal"] = principal,
            ["Instalments"] = count.ToString(CultureInfo.InvariantCulture),
            ["Form.Amount"] = amount,
            ["Form.FirstDue"] = firstDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<string> LetterAsync(RunningApp app)
    {
        var response = await app.Client.PostAsJsonAsync("/api/v1/documents/negotiation-letter?format=md", new Dictionary<string, string>
        {
            ["borrower.name"] = "张三",
            ["borrower.phone"] = "13800000000",
            ["hardship"] = "收入减少",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
