using DebtShield.Core.Loans;
using DebtShield.Import.LoanFiles;

namespace DebtShield.Import.Tests.LoanFiles;

/// <summary>Every lender kind is read back from its wire id and from each Chinese name a door offers.</summary>
public sealed class LenderKindNamesTests
{
    public static TheoryData<LenderKind> Kinds() => [.. Enum.GetValues<LenderKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parse_OfAKindsWireId_InAnyCase_IsThatKind(LenderKind kind)
    {
        var id = LenderKindNames.Name(kind);

        Assert.Equal(kind, LenderKindNames.Parse(id));
        Assert.Equal(kind, LenderKindNames.Parse(id.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("网贷平台", LenderKind.OnlinePlatform)] // the CLI's prompt and its error offer these six
    [InlineData("银行", LenderKind.Bank)]
    [InlineData("消费金融公司", LenderKind.ConsumerFinance)]
    [InlineData("小额贷款公司", LenderKind.Microloan)]
    [InlineData("民间借贷", LenderKind.PrivateIndividual)]
    [InlineData("未知", LenderKind.Unknown)]
    [InlineData("个人", LenderKind.PrivateIndividual)] // the web form's names
    [InlineData("不清楚", LenderKind.Unknown)]
    [InlineData("网络借贷平台", LenderKind.OnlinePlatform)] // the documents' name
    [InlineData("职业放贷人", LenderKind.UnlicensedLender)] // the prompt's and the web form's name
    [InlineData("未取得放贷资格的职业放贷人", LenderKind.UnlicensedLender)] // the documents' name
    public void Parse_OfAChineseNameADoorOffers_IsItsKind(string name, LenderKind kind) =>
        Assert.Equal(kind, LenderKindNames.Parse(name));

    [Theory]
    [InlineData("")]
    [InlineData("platform")]
    [InlineData("网贷")]
    public void Parse_OfAnUnknownName_IsNull(string name) => Assert.Null(LenderKindNames.Parse(name));
}
