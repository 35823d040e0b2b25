using DebtShield.Core.Law;
using DebtShield.Core.Lenders;
using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Lenders;

public sealed class LenderDirectoryTests
{
    private static LicensedInstitution Entry(string name, LenderKind kind, params string[] aliases) =>
        new(name, kind, aliases, [], [], FactStatus.Secondary, ["L1"]);

    private static readonly LenderDirectory Directory = new(
        "test",
        new DateOnly(2026, 11, 28),
        [
            Entry("招联消费金融股份有限公司", LenderKind.ConsumerFinance, "招联消金"),
            Entry("平安银行股份有限公司", LenderKind.Bank, "平安银行"),
        ],
        [new InstitutionKind("microloan", LenderKind.Microloan, ["小额贷款", "小贷"], [], "小额贷款公司", "microloan company", "", "")]);

    [Theory]
    [InlineData("招联消费金融股份有限公司")]
    [InlineData("招联消费金融有限公司")]
    [InlineData("招联消费金融")]
    [InlineData("招联消金")]
    [InlineData(" 招联 消费金融（股份有限公司）")]
    public void Match_FullShortAndSuffixedNames_Match(string name)
    {
        var match = Directory.Match(name);

        Assert.Equal("招联消费金融股份有限公司", match.Institution!.Name);
        Assert.Equal(LenderKind.ConsumerFinance, match.LenderKind);
    }

    [Theory]
    [InlineData("招联金融服务有限公司")]
    [InlineData("招联")]
    [InlineData("平安普惠")]
    [InlineData("平安银行信用卡中心代理")]
    [InlineData("")]
    public void Match_NearMisses_AreUnknown(string name)
    {
        var match = Directory.Match(name);

        Assert.Null(match.Institution);
        Assert.Equal(LenderKind.Unknown, match.LenderKind);
    }

    [Fact]
    public void Match_CloseName_IsSuggestedNeverMatched()
    {
        var match = Directory.Match("招联消费金融服务");

        Assert.Null(match.Institution);
        Assert.Equal("招联消费金融股份有限公司", Assert.Single(match.Suggestions).Name);
    }

    [Fact]
    public void Match_NameWithMicroloanWords_GivesAHintNotAKind()
    {
        var match = Directory.Match("某某网络小额贷款有限公司");

        Assert.Equal("microloan", Assert.Single(match.NameHints).Id);
        Assert.Equal(LenderKind.Unknown, match.LenderKind);
    }

    [Fact]
    public void Constructor_TwoInstitutionsSharingAName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LenderDirectory(
            "test",
            default,
            [Entry("甲消费金融有限公司", LenderKind.ConsumerFinance, "甲消金"), Entry("甲消费金融股份有限公司", LenderKind.ConsumerFinance)],
            []));
    }

    [Theory]
    [InlineData("ＡＢＣ银行股份有限公司", "abc银行")]
    [InlineData("马上消金", "马上消费金融")]
    [InlineData("公司", "公司")]
    public void Key_OfAName_IsItsNormalisedForm(string name, string key)
    {
        Assert.Equal(key, LenderName.Key(name));
    }
}
