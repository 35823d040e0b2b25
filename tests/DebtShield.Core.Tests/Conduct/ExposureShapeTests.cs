using DebtShield.Core.Conduct;

namespace DebtShield.Core.Tests.Conduct;

/// <summary>
/// Threats of exposure by their general shape (issue 21, s26), written from the labelling guide's definition of
/// <c>threat_exposure</c>, not from corpus texts: a condition or a deadline, then telling, sending, showing or posting, then
/// a circle of people or a public place — in simplified and traditional characters, Cantonese, and pinyin initials. Every
/// sentence is invented for these tests; each of the threats got no exposure label before.
/// </summary>
public sealed class ExposureShapeTests
{
    private static IReadOnlyList<string> Labels(string text) => ConductData.TextLabels(ConductData.Analyzer.Analyze(text, Recipient.Borrower));

    /// <summary>The circle named in words the class lacked: the neighbours, the whole workplace, the estate's owners.</summary>
    [Theory]
    [InlineData("不还的话后果就是你的左邻右舍都会知道你欠钱不还")]
    [InlineData("你的事很快就会传遍你们整个单位")]
    [InlineData("你的事很快就會傳遍你們整個單位")]
    [InlineData("今天不还款，你们小区的业主都会知道")]
    public void Analyze_CircleInWordsTheClassLacked_IsThreatOfExposure(string text) =>
        Assert.Equal(["threat_exposure"], Labels(text));

    /// <summary>Posted as a public notice, trending online, a street poster, made famous in a circle or a place.</summary>
    [Theory]
    [InlineData("不还就在你们家族群里公示")]
    [InlineData("不還就在你們家族群裡公示")]
    [InlineData("逾期超过三天将在网上公示你的欠款信息")]
    [InlineData("不还就让你上热搜")]
    [InlineData("你唔還錢，我哋就喺你公司樓下貼街招")]
    [InlineData("明天就让你在公司出名")]
    public void Analyze_PostedOrMadeFamous_IsThreatOfExposure(string text) =>
        Assert.Contains("threat_exposure", Labels(text));

    /// <summary>The circle shown the debt, or told it will see it; the circle's number said to be held ready.</summary>
    [Theory]
    [InlineData("不还就发你老婆看看")]
    [InlineData("还不还？不还的话你们公司的人明天就能看到你的光荣事迹")]
    [InlineData("我们已经准备好了你家人的电话，今天不还就打")]
    [InlineData("你们村支书的电话我们已经有了，看着办")]
    public void Analyze_CircleShownOrItsNumberHeld_IsThreatOfExposure(string text) =>
        Assert.Equal(["threat_exposure"], Labels(text));

    /// <summary>The circle and the feed in pinyin initials, as 通讯录 is in txl.</summary>
    [Theory]
    [InlineData("不还就把你的事发到pyq")]
    [InlineData("再不還就發到PYQ")]
    [InlineData("不还就让你jr都知道")]
    [InlineData("不还就发你lp看看")]
    [InlineData("今天不还就发给你ld")]
    [InlineData("不还就找你bm聊聊")]
    public void Analyze_CircleInPinyinInitials_IsThreatOfExposure(string text) =>
        Assert.Equal(["threat_exposure"], Labels(text));

    /// <summary>
    /// Lawful reminders in the same words: a lender's published rates (公示), a bill seen in the app, a plan or the money
    /// held ready, and the LG brand, which is no husband (lg is not read as 老公).
    /// </summary>
    [Theory]
    [InlineData("费率已在官网公示，本期应还500元，请按时还款")]
    [InlineData("本平台费率公示在网站首页，如有异议请联系客服")]
    [InlineData("您本期账单已出，在app里就能看到，请按时还款")]
    [InlineData("您的还款计划已经有了，请按期还款")]
    [InlineData("请在还款日前准备好还款资金，本期应还1200元")]
    [InlineData("LG手机用户请通过app还款，本期应还500元")]
    public void Analyze_ReminderInTheSameWords_IsLawful(string text) =>
        Assert.Equal(["lawful_reminder"], Labels(text));
}
