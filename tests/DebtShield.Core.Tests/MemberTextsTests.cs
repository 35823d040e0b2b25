using System.Globalization;
using System.Resources;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Tests;

/// <summary>
/// A member's words are found under the key its table spells out (or its wire id), so a renamed
/// member keeps them; a table that leaves a member out, or gives two members one key, is refused
/// when it is made rather than when a person meets the missing sentence.
/// </summary>
public sealed class MemberTextsTests
{
    private static readonly ResourceManager Names = new("DebtShield.Core.Resources.TermNames", typeof(Money).Assembly);
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Text_OfEachMember_IsTheResourceUnderItsSpelledOutKeyInTheGivenLanguage()
    {
        var texts = new MemberTexts<RatePer>(Names, (RatePer.Day, "RatePer_day"), (RatePer.Month, "RatePer_month"), (RatePer.Year, "RatePer_year"));

        Assert.Equal("月", texts.Text(RatePer.Month, Chinese));
        Assert.Equal("month", texts.Text(RatePer.Month, English));
        Assert.Equal([("Day", "RatePer_day"), ("Month", "RatePer_month"), ("Year", "RatePer_year")], texts.Keys);
    }

    [Fact]
    public void ByWireId_EveryMember_IsKeyedByThePrefixAndItsWireIdNotItsName()
    {
        var texts = MemberTexts.ByWireId<LenderKind>(Names, "LenderKind_", Vocabularies.LenderKinds.Ids);

        Assert.Equal("LenderKind_online_platform", texts.Keys.Single(k => k.Member == nameof(LenderKind.OnlinePlatform)).Key);
        Assert.Equal("网贷平台", texts.Text(LenderKind.OnlinePlatform, Chinese));
    }

    [Fact]
    public void Constructor_AMemberLeftOut_IsRefusedNamingIt()
    {
        var refused = Assert.Throws<ArgumentException>(() => new MemberTexts<RatePer>(Names, (RatePer.Day, "RatePer_day"), (RatePer.Month, "RatePer_month")));

        Assert.Contains("Year", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TwoMembersUnderOneKey_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new MemberTexts<RatePer>(Names, (RatePer.Day, "RatePer_day"), (RatePer.Month, "RatePer_day"), (RatePer.Year, "RatePer_year")));

    [Fact]
    public void Text_OfAMemberListedWithoutWords_IsRefusedAndHasSaysSo()
    {
        var texts = new MemberTexts<RatePer>(Names, (RatePer.Day, null), (RatePer.Month, "RatePer_month"), (RatePer.Year, "RatePer_year"));

        Assert.False(texts.Has(RatePer.Day));
        Assert.True(texts.Has(RatePer.Year));
        Assert.Throws<ArgumentOutOfRangeException>(() => texts.Text(RatePer.Day, English));
        Assert.Throws<ArgumentOutOfRangeException>(() => texts.Text((RatePer)99, English));
    }
}
