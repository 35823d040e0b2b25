using DebtShield.Core.Cases;

namespace DebtShield.Core.Tests.Cases;

public sealed class CaseProfileTests
{
    [Fact]
    public void Constructor_TextWithSurroundingSpace_IsTrimmed()
    {
        var profile = new CaseProfile("  我的网贷 ", " 张三 ", " 13800000000", "110101199001011234 ", " 第一行\n第二行 ");

        Assert.Equal("我的网贷", profile.Title);
        Assert.Equal("张三", profile.BorrowerName);
        Assert.Equal("13800000000", profile.BorrowerPhone);
        Assert.Equal("110101199001011234", profile.BorrowerIdNumber);
        Assert.Equal("第一行\n第二行", profile.Notes);
    }

    [Fact]
    public void Constructor_BlankOptionalText_IsAbsent()
    {
        var profile = new CaseProfile("我的网贷", " ", "", "\t", "\n");

        Assert.Null(profile.BorrowerName);
        Assert.Null(profile.BorrowerPhone);
        Assert.Null(profile.BorrowerIdNumber);
        Assert.Null(profile.Notes);
        Assert.Equal(new CaseProfile("我的网贷"), profile);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankTitle_IsRefused(string title)
    {
        Assert.Throws<ArgumentException>(() => new CaseProfile(title));
    }
}
