using System.Net;
using System.Text.Json;
using DebtShield.Web.Pages;

namespace DebtShield.Web.Tests;

/// <summary>
/// The loan page does to a loan what the CLI does: payments, corrections, removal, pasting a
/// repayment screen again; refusals name the form's own field and say why. The class's tests share
/// one running app, each on a new case of its own.
/// </summary>
public sealed class LoanPageTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly Dictionary<string, string> Loan = new()
    {
        ["Form.Id"] = "速借-1",
        ["Form.Lender"] = "速借",
        ["Form.Kind"] = "online_platform",
        ["Form.ContractDate"] = "2026-01-05",
        ["Form.Principal"] = "5000",
        ["Form.Received"] = "4500",
        ["Instalments"] = "6",
        ["Form.Amount"] = "950",
        ["Form.FirstDue"] = "2026-02-05",
    };

    /// <summary>A bank loan overdue since 2026-01-15, its rate below the cap.</summary>
    private static readonly Dictionary<string, string> BankLoan = new(Loan)
    {
        ["Form.Id"] = "银行贷",
        ["Form.Lender"] = "某银行",
        ["Form.Kind"] = "bank",
        ["Form.ContractDate"] = "2025-12-15",
        ["Form.Principal"] = "10000",
        ["Form.Received"] = "10000",
        ["Instalments"] = "12",
        ["Form.Amount"] = "860",
        ["Form.FirstDue"] = "2026-01-15",
    };

    private const string Screen = "第1期 2026-02-05 应还 950.00 已还\n第2期 2026-03-05 应还 950.00 已结清\n第3期 2026-04-05 应还 950.00 待还\n第4期 2026-05-05 应还 950.00 待还";

    private static readonly Dictionary<string, string> PastedFacts = new()
    {
        ["Form.Id"] = "安心借-1",
        ["Form.Lender"] = "安心借",
        ["Form.Kind"] = "microloan",
        ["Form.ContractDate"] = "2026-01-05",
        ["Form.Principal"] = "3600",
    };

    [Fact]
    public async Task Payment_RecordedOnTheLoanPage_IsWhatTheApiReportsAsPaidAndLowersTheLawfulTotal()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await app.PostFormAsync("/loans", "/loans?handler=Add", Loan);
        var before = await LoanAsync(app, "速借-1");

        var response = await app.PostFormAsync(Page("速借-1"), Page("速借-1") + "?handler=Payment", [new("Payment.Date", "2026-02-05"), new("Payment.Amount", "950")]);
        var byInstalment = await app.PostFormAsync(Page("速借-1"), Page("速借-1") + "?handler=Payment", [new("Payment.Date", "2026-03-05"), new("Payment.Instalment", "2")]);
        var after = await LoanAsync(app, "速借-1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byInstalment.StatusCode);
        Assert.Equal(0m, before.GetProperty("paid").GetDecimal());
        Assert.Equal(1900m, after.GetProperty("paid").GetDecimal());
        Assert.Equal(2, after.GetProperty("payments").GetInt32());
        Assert.True(after.GetProperty("lawfulTotalDue").GetDecimal() < before.GetProperty("lawfulTotalDue").GetDecimal());
        Assert.Contains("已记下还款：2026-03-05 还了 ¥950.00", await app.Client.GetStringAsync(Page("速借-1")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_AppliedToPrincipalOnTheLoanPage_IsKeptAndShownAndLeavesLessLawfullyOwedThanTheLawsOrder()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await app.PostFormAsync("/loans", "/loans?handler=Add", Loan);
        await app.PostFormAsync("/loans", "/loans?handler=Add", new Dictionary<string, string>(Loan) { ["Form.Id"] = "速借-2" });

        var designated = await app.PostFormAsync(Page("速借-1"), Page("速借-1") + "?handler=Payment", [new("Payment.Date", "2026-02-05"), new("Payment.Amount", "950"), new("Payment.AppliesTo", "principal")]);
        await app.PostFormAsync(Page("速借-2"), Page("速借-2") + "?handler=Payment", [new("Payment.Date", "2026-02-05"), new("Payment.Amount", "950"), new("Payment.AppliesTo", "")]);
        var unknown = await app.PostFormAsync(Page("速借-2"), Page("速借-2") + "?handler=Payment", [new("Payment.Date", "2026-02-06"), new("Payment.Amount", "10"), new("Payment.AppliesTo", "penalty")]);
        var page = WebUtility.HtmlDecode(await app.Client.GetStringAsync(Page("速借-1")));

        Assert.Equal(HttpStatusCode.Redirect, designated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("“这笔钱抵充什么”只能选列表中的一项。", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, (await LoanAsync(app, "速借-2")).GetProperty("payments").GetInt32());
        Assert.Contains("¥950.00 · 还本金", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"principal\">还本金</option>", page, StringComparison.Ordinal);

        // Interest of the first month stays owed but no longer runs on the 950 from 2026-02-05.
        Assert.True((await LoanAsync(app, "速借-1")).GetProperty("lawfulTotalDue").GetDecimal() < (await LoanAsync(app, "速借-2")).GetProperty("lawfulTotalDue").GetDecimal());
    }

    [Fact]
    public async Task LoansAndLoanPage_OverdueLoanBelowItsCap_ShowTheLawfulRangeNotItsLowEnd()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await app.PostFormAsync("/loans", "/loans?handler=Add", BankLoan);
        var loan = await LoanAsync(app, "银行贷");
        var low = loan.GetProperty("lawfulTotalDue").GetDecimal();
        var most = loan.GetProperty("lawfulMostDue").GetDecimal();
        var range = Figures.Yuan(low) + " 至 " + Figures.Yuan(most);

        Assert.True(most > low);
        Assert.Contains(range, WebUtility.HtmlDecode(await app.Client.GetStringAsync("/loans")), StringComparison.Ordinal);
        Assert.Contains(range, WebUtility.HtmlDecode(await app.Client.GetStringAsync(Page("银行贷"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loan_AddedWithItsOverdueTerms_KeepsThemAndShowsOneLawfulFigureNotARange()
    {
        // The bank loan above, overdue since 2026-01-15, with what its contract agrees for late payment.
        await using var app = await shared.App.OnNewCaseAsync();
        var form = new Dictionary<string, string>(BankLoan)
        {
            ["Form.OverdueRate"] = "0.05%",
            ["Form.OverduePer"] = "day",
            ["Form.Penalty"] = "200",
            ["Form.OverdueFees"] = "50",
        };

        var page = WebUtility.HtmlDecode(await app.Client.GetStringAsync("/loans"));
        var refused = await app.PostFormAsync("/loans", "/loans?handler=Add", new Dictionary<string, string>(form) { ["Form.OverdueRate"] = "百分之五" });
        await app.PostFormAsync("/loans", "/loans?handler=Add", form);

        Assert.Contains("合同对逾期的约定", page, StringComparison.Ordinal);
        Assert.DoesNotContain("overdueTerms", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("“逾期利率”填的是“百分之五”，不是利率", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var loan = await LoanAsync(app, "银行贷");
        Assert.True(loan.GetProperty("lawfulTotalDue").GetDecimal() > 10_000m, "overdue: more than the principal is lawfully owed");
        Assert.Equal(JsonValueKind.Null, loan.GetProperty("lawfulMostDue").ValueKind); // one figure, not a range
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(app.Ledger.Location.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT overdue_terms_known || '|' || overdue_rate_value || '|' || overdue_rate_per || '|' || overdue_penalty_amount || '|' || overdue_other_fees || '|' || IFNULL(overdue_penalty_per_day, '-') FROM loans WHERE upper(case_id) = upper($case)";
        command.Parameters.AddWithValue("$case", app.CaseId.ToString());
        Assert.Equal("1|0.0005|Day|200.0|50.0|-", await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("2099-01-01", "950", "“还款日期”是 2099-01-01，晚于今天")]
    [InlineData("2026-02-05", "-5000", "“还款金额（元）”必须大于 0，填的是“-5000”")]
    [InlineData("2026-02-05", "0", "“还款金额（元）”必须大于 0，填的是“0”")]
    [InlineData("2026-02-05", "五百", "“还款金额（元）”填的是“五百”，不是金额")]
    [InlineData("2025-12-31", "950", "“还款日期”是 2025-12-31，早于这笔借款的合同日期 2026-01-05")]
    [InlineData("2月5日", "950", "“还款日期”填的是“2月5日”，不是日期")]
    public async Task Payment_ThatCannotHaveBeenMade_IsRefusedWithTheFieldsLabelAndTheReasonAndNothingIsStored(string date, string amount, string reason)
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await app.PostFormAsync("/loans", "/loans?handler=Add", Loan);

        var response = await app.PostFormAsync(Page("速借-1"), Page("速借-1") + "?handler=Payment", [new("Payment.Date", date), new("Payment.Amount", amount)]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains("value=\"" + amount + "\"", html, StringComparison.Ordinal);
        Assert.Equal(0, (await LoanAsync(app, "速借-1")).GetProperty("payments").GetInt32());
    }

    [Theory]
    [InlineData("Form.ContractDate", "2099-01-01", "“合同日期”是 2099-01-01，晚于今天")]
    [InlineData("Form.Principal", "-5000", "“合同金额（元）”必须大于 0，填的是“-5000”")]
    [InlineData("Instalments", "0 期", "“期数”填的是“0 期”：应是 1 到 600 之间的整数")]
    [InlineData("Form.FirstDue", "2026-01-01", "第 1 期：第一期还款日必须晚于合同日期")]
    public async Task Loan_AddedWithAFactThatCannotBe_IsRefusedWithTheFieldsLabelAndTheReasonAndNothingIsStored(string field, string value, string reason)
    {
        await using var app = await shared.App.OnNewCaseAsync();

        var response = await app.PostFormAsync("/loans", "/loans?handler=Add", new Dictionary<string, string>(Loan) { [field] = value });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.DoesNotContain("schedule[", html, StringComparison.Ordinal);
        using var api = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/loans"));
        Assert.Equal(0, api.RootElement.GetProperty("loans").GetArrayLength());
    }

    [Fact]
    public async Task Edit_ALoansFacts_CorrectsThemKeepsThePaymentsAndFollowsARename()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await app.PostFormAsync("/loans", "/loans?handler=Add", Loan);
        await app.PostFormAsync(Page("速借-1"), Page("速借-1") + "?handler=Payment", [new("Payment.Date", "2026-02-05"), new("Payment.Amount", "950")]);

        var response = await app.PostFormAsync(Page("速借-1"), Page("速借-1") + "?handler=Edit", [
            new("Edit.Id", "速借-旧"), new("Edit.Lender", "速借"), new("Edit.Kind", "microloan"), new("Edit.ContractDate", "2026-01-06"),
            new("Edit.Principal", "5200"), new("Edit.Received", "4500")]);
        var edited = await LoanAsync(app, "速借-旧");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/loans/速借-旧?case=" + app.CaseId, WebUtility.UrlDecode(response.Headers.Location!.OriginalString));
        Assert.Equal((5200m, "microloan", "2026-01-06", 1, 6), (edited.GetProperty("principal").GetDecimal(), edited.GetProperty("lenderKind").GetString(), edited.GetProperty("contractDate").GetString(), edited.GetProperty("payments").GetInt32(), edited.GetProperty("instalments").GetInt32()));
    }

    [Fact]
    public async Task LoanPage_ShowsTheStoredOverdueTerms_AndItsCorrectionFormChangesThem()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await app.PostFormAsync("/loans", "/loans?handler=Add", new Dictionary<string, string>(BankLoan)
        {
            ["Form.OverdueRate"] = "0.05%",
            ["Form.OverduePer"] = "day",
            ["Form.Penalty"] = "200",
            ["Form.OverdueFees"] = "50",
        });

        var agreed = WebUtility.HtmlDecode(await app.Client.GetStringAsync(Page("银行贷")));
        var response = await app.PostFormAsync(Page("银行贷"), Page("银行贷") + "?handler=Edit", [
            new("Edit.Id", "银行贷"), new("Edit.Lender", "某银行"), new("Edit.Kind", "bank"), new("Edit.ContractDate", "2025-12-15"),
            new("Edit.Principal", "10000"), new("Edit.NoOverdueTerms", "true")]);
        var none = WebUtility.HtmlDecode(await app.Client.GetStringAsync(Page("银行贷")));

        Assert.Contains("逾期日利率 0.05%；违约金 ¥200.00；其他费用 ¥50.00", agreed, StringComparison.Ordinal);
        Assert.Contains("name=\"Edit.OverdueRate\" value=\"0.0005\"", agreed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("没有约定逾期利率、违约金或其他费用", none, StringComparison.Ordinal);
        Assert.DoesNotContain("逾期日利率", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_WithoutOrWithTheConfirmation_KeepsTheLoanOrRemovesIt()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await app.PostFormAsync("/loans", "/loans?handler=Add", Loan);

        var page = await app.Client.GetStringAsync(Page("速借-1"));
        var unconfirmed = await app.PostFormAsync(Page("速借-1"), Page("速借-1") + "?handler=Remove", []);
        var kept = await ListAsync(app);
        var confirmed = await app.PostFormAsync(Page("速借-1"), Page("速借-1") + "?handler=Remove", [new("RemoveConfirmed", "true")]);

        Assert.Contains("将删除借款“速借-1”（速借）及其 6 期还款计划、0 笔还款记录", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal(1, kept.GetArrayLength());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(0, (await ListAsync(app)).GetArrayLength());
        Assert.Contains("已删除借款“速借-1”", await app.Client.GetStringAsync("/loans"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paste_PaidRowsThenTheSameScreenAgain_ArePaymentsThenChangeNothingAndSaySo()
    {
        await using var app = await shared.App.OnNewCaseAsync();

        var first = await app.PostFormAsync("/loans", "/loans?handler=Paste", PastedFacts.Append(new("Pasted", Screen)));
        var firstNotice = await app.Client.GetStringAsync("/loans");
        var again = await app.PostFormAsync("/loans", "/loans?handler=Paste", PastedFacts.Append(new("Pasted", Screen)));
        var againNotice = await app.Client.GetStringAsync("/loans");
        var loan = await LoanAsync(app, "安心借-1");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("其中 2 期标为已还，已记为还款", firstNotice, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("借款“安心借-1”与账本中的完全一致，没有改动", againNotice, StringComparison.Ordinal);
        Assert.Equal(1, (await ListAsync(app)).GetArrayLength());
        Assert.Equal((2, 1900m), (loan.GetProperty("payments").GetInt32(), loan.GetProperty("paid").GetDecimal()));
    }

    [Fact]
    public async Task Paste_ALaterScreenOfTheSameLoan_ShowsTheChangesAndUpdatesOnlyOnceConfirmedWithoutCountingAPaymentTwice()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await app.PostFormAsync("/loans", "/loans?handler=Paste", PastedFacts.Append(new("Pasted", Screen)));
        var later = Screen.Replace("2026-04-05 应还 950.00 待还", "2026-04-05 应还 950.00 已还", StringComparison.Ordinal);

        var shown = await app.PostFormAsync("/loans", "/loans?handler=Paste", PastedFacts.Append(new("Pasted", later)));
        var shownHtml = await shown.Content.ReadAsStringAsync();
        var unchanged = await LoanAsync(app, "安心借-1");
        var confirmed = await app.PostFormAsync("/loans", "/loans?handler=Paste", PastedFacts.Append(new("Pasted", later)).Append(new("Confirmed", "true")));
        var updated = await LoanAsync(app, "安心借-1");

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("粘贴的内容与它不同", shownHtml, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"账本中\">2 笔，共 ¥1,900.00</td><td data-label=\"粘贴后\">3 笔，共 ¥2,850.00</td>", shownHtml, StringComparison.Ordinal);
        Assert.Equal(2, unchanged.GetProperty("payments").GetInt32());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal((3, 2850m), (updated.GetProperty("payments").GetInt32(), updated.GetProperty("paid").GetDecimal()));
        Assert.Equal(1, (await ListAsync(app)).GetArrayLength());
    }

    [Fact]
    public async Task Api_AContractDatedInTheFuture_IsRefused()
    {
        await using var app = await shared.App.OnNewCaseAsync();

        var response = await app.Client.PostAsync("/api/v1/loans", JsonContent(new { id = "未来贷", lender = "某贷", kind = "online_platform", contractDate = "2099-01-01", principal = "5000", instalments = 6, amount = "900", firstDue = "2099-02-01" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await ListAsync(app)).GetArrayLength());
    }

    private static string Page(string id) => "/loans/" + Uri.EscapeDataString(id);

    private static System.Net.Http.Json.JsonContent JsonContent<T>(T value) => System.Net.Http.Json.JsonContent.Create(value);

    private static async Task<JsonElement> ListAsync(RunningApp app)
    {
        using var api = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/loans"));
        return api.RootElement.GetProperty("loans").Clone();
    }

    private static async Task<JsonElement> LoanAsync(RunningApp app, string id) =>
        (await ListAsync(app)).EnumerateArray().Single(l => l.GetProperty("id").GetString() == id);
}
