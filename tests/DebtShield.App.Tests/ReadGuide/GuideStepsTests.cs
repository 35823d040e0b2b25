using System.Globalization;
using DebtShield.App.ReadGuide;

namespace DebtShield.App.Tests.ReadGuide;

public sealed class GuideStepsTests
{
    [Theory]
    [MemberData(nameof(ReadGuideTests.TopicsInEveryLanguage), MemberType = typeof(ReadGuideTests))]
    public void Read_ForTheWeb_LinksEveryStepToItsPageAndNamesNoCommand(string language, string topic)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

        var web = App.ReadGuide.ReadGuide.Read(topic, GuideReader.Web).Markdown;
        var terminal = App.ReadGuide.ReadGuide.Read(topic).Markdown;

        Assert.DoesNotContain("debtshield", web, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", web, StringComparison.Ordinal);
        Assert.Equal(CountOf(terminal, "`debtshield "), CountOf(web, "](/") - CountOf(web, "](" + App.ReadGuide.ReadGuide.PicturePath) - CountOf(terminal, "](/"));
    }

    [Fact]
    public void Read_TalkToLenderInChinese_SendsTheWebReaderToTheLoansAndBudgetPagesAndTheTerminalReaderToTheCommands()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        var web = App.ReadGuide.ReadGuide.Read("talk-to-lender", GuideReader.Web).Markdown;
        var terminal = App.ReadGuide.ReadGuide.Read("talk-to-lender").Markdown;

        Assert.Contains("用 [“借款”页](/loans) 算出依法应还的金额，用 [“还款计划”页的收支表](/plan#budget) 算出", web, StringComparison.Ordinal);
        Assert.Contains("[指南《", web, StringComparison.Ordinal);
        Assert.Contains("用 `debtshield check` 算出依法应还的金额，用 `debtshield budget set` 算出", terminal, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
