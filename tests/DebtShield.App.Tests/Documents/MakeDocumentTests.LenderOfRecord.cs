using DebtShield.App.MakeDocument;

namespace DebtShield.App.Tests.Documents;

/// <summary>
/// A platform's loan (the demo's 极速借App, kind online_platform) in every document that states
/// figures: the private-lending cap is never stated as a fact; both views are given as conditions,
/// each with its own provisions, and the document says the lender of record decides and how to find it.
/// </summary>
public sealed partial class MakeDocumentTests
{
    [Theory]
    [InlineData("regulator-complaint")]
    [InlineData("negotiation-letter")]
    public async Task WriteAsync_APlatformLoan_StatesBothCapsAsConditionsAndHowToFindTheLenderOfRecord(string kind)
    {
        var path = demo.File(kind + "-lender-of-record.md");

        await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest(kind, null, Lender, path), Clock);
        var text = Flat(await File.ReadAllTextAsync(path));

        var ifPrivate = text.IndexOf("若合同上的出借人（资金方）不是持牌金融机构，按民间借贷计算", StringComparison.Ordinal);
        var ifLicensed = text.IndexOf("若合同上的出借人（资金方）是银行、消费金融公司等持牌金融机构", StringComparison.Ordinal);
        Assert.True(ifPrivate >= 0 && ifLicensed > ifPrivate, text);
        Assert.Contains("征信报告里这笔贷款的放款机构", text, StringComparison.Ordinal);
        // No unconditional "the rate exceeds the cap": the single-view sentence is not used.
        Assert.DoesNotMatch("年化利率为[0-9.]+%，(未)?超过", text);
        Assert.Contains("年化利率超过4×一年期LPR", text[ifPrivate..ifLicensed], StringComparison.Ordinal);
        // The licensed 24% line's authority is cited in the licensed view only, never behind the private cap.
        Assert.DoesNotContain("法发〔2017〕22号", text[ifPrivate..ifLicensed], StringComparison.Ordinal);
        Assert.Contains("法发〔2017〕22号", text[ifLicensed..], StringComparison.Ordinal);
        // Art 27 (interest rolled into principal) fits only a rollover, which the demo's loans do not show.
        Assert.DoesNotContain("第二十七条", text, StringComparison.Ordinal);
    }
}
