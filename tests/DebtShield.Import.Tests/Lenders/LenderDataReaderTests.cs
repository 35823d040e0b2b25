using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Import.Lenders;

namespace DebtShield.Import.Tests.Lenders;

/// <summary>The shipped reference list: what matches, and near misses that must not.</summary>
public sealed class LenderDataReaderTests
{
    private static readonly Core.Lenders.LenderDirectory Directory = LenderDataReader.Directory;

    [Fact]
    public void Directory_AsShipped_HasTheThirtyOneConsumerFinanceCompaniesAndNoVerifiedEntry()
    {
        Assert.Equal(31, Directory.Institutions.Count(i => i.Kind == LenderKind.ConsumerFinance));
        Assert.DoesNotContain(Directory.Institutions, i => i.Status == FactStatus.Verified);
        Assert.All(Directory.Institutions.SelectMany(i => i.Sources), id => Assert.True(LenderDataReader.Sources.ContainsKey(id), id));
    }

    [Theory]
    [InlineData("招联消费金融股份有限公司", "招联消费金融股份有限公司", LenderKind.ConsumerFinance)]
    [InlineData("招联消金", "招联消费金融股份有限公司", LenderKind.ConsumerFinance)]
    [InlineData("好期贷", "招联消费金融股份有限公司", LenderKind.ConsumerFinance)]
    [InlineData("马上消费金融有限公司", "马上消费金融股份有限公司", LenderKind.ConsumerFinance)]
    [InlineData("捷信消费金融有限公司", "天津京东消费金融有限公司", LenderKind.ConsumerFinance)]
    [InlineData("重庆蚂蚁消费金融有限公司", "重庆蚂蚁消费金融有限公司", LenderKind.ConsumerFinance)]
    [InlineData("中国工商银行", "中国工商银行股份有限公司", LenderKind.Bank)]
    [InlineData("微众银行", "深圳前海微众银行股份有限公司", LenderKind.Bank)]
    public void Match_ListedNames_Match(string name, string institution, LenderKind kind)
    {
        var match = Directory.Match(name);

        Assert.Equal(institution, match.Institution?.Name);
        Assert.Equal(kind, match.LenderKind);
    }

    [Theory]
    [InlineData("招联金融服务有限公司")]
    [InlineData("马上金融")]
    [InlineData("平安普惠")]
    [InlineData("京东金融")]
    [InlineData("蚂蚁借呗")]
    [InlineData("借呗")]
    [InlineData("捷信")]
    [InlineData("中银")]
    [InlineData("中国银行保险")]
    [InlineData("兴业消费金融服务有限公司")]
    [InlineData("小米金融")]
    [InlineData("某某网络小额贷款有限公司")]
    public void Match_NearMisses_AreUnknown(string name)
    {
        var match = Directory.Match(name);

        Assert.Null(match.Institution);
        Assert.Equal(LenderKind.Unknown, match.LenderKind);
    }
}
