using DebtShield.Web.Tests;
using Microsoft.Playwright;

namespace DebtShield.Web.E2E;

/// <summary>
/// A person about to borrow, on a phone-sized window in a real Chromium: pastes the advert as the
/// app shows it, is asked in words for what it does not say, answers in the form, and reads the
/// verdict with the real rate and the legal line for each kind of lender.
/// </summary>
public sealed class BorrowJourneyTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Borrower_PastingAnAdvertAt360Px_AnswersTheQuestionsAndReadsTheVerdict()
    {
        await using var app = await RunningApp.StartAsync(demo: false);
        await using var context = await chromium.NewContextAsync(360, 780);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);

        await page.GotoAsync(new Uri(app.Address, "/borrow").ToString(), BorrowerWalkTests.Loaded);
        await page.Locator("textarea[name='Offer']").FillAsync("最高可借20万\n借1000元每天只需0.5元\n3分钟到账");
        await page.GetByRole(AriaRole.Button, new() { Name = "算一算" }).ClickAsync();
        await page.WaitForSelectorAsync("#facts");
        var questions = await page.Locator("#facts .question").AllInnerTextsAsync();
        Assert.Contains(questions, q => q.StartsWith("借多少钱？", StringComparison.Ordinal));
        Assert.Contains(questions, q => q.StartsWith("借多久？", StringComparison.Ordinal));
        var asked = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("--", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("debtshield", asked, StringComparison.Ordinal);
        Assert.Equal("0.05", await page.Locator("input[name='RatePercent']").InputValueAsync());
        await BorrowerWalkTests.Shot(page, 360, "borrow-1-asked");

        await page.Locator("input[name='Amount']").FillAsync("1000");
        await page.Locator("input[name='TermCount']").FillAsync("30");
        await page.Locator("select[name='TermUnit']").SelectOptionAsync("days");
        await page.GetByRole(AriaRole.Button, new() { Name = "算一算" }).ClickAsync();
        await page.WaitForSelectorAsync("#verdict");

        var verdict = await page.Locator("#verdict").InnerTextAsync();
        Assert.Contains("18.25%", verdict, StringComparison.Ordinal);
        Assert.Contains("民间借贷", verdict, StringComparison.Ordinal);
        Assert.Contains("持牌金融机构", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("debtshield", verdict, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#facts .question").CountAsync());
        await BorrowerWalkTests.Shot(page, 360, "borrow-2-verdict");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the borrow page is wider than the window");
    }
}
