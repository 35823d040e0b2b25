using DebtShield.Core.Evidence;

namespace DebtShield.Core.Tests.Evidence;

public sealed class PhoneNumberListTests
{
    [Theory]
    [InlineData("171 9876 0000", new[] { "17198760000" })]
    [InlineData("+86 171-9876-0000", new[] { "17198760000" })]
    [InlineData("0086 171 9876 0000", new[] { "17198760000" })]
    [InlineData("13800138000 13900139000", new[] { "13800138000", "13900139000" })]
    [InlineData("138 0013 8000 139 0013 9000", new[] { "13800138000", "13900139000" })]
    [InlineData("95188，138-0013-8000\n010 1234 5678", new[] { "95188", "13800138000", "01012345678" })]
    [InlineData("+86 10 1234 5678; 0086 21 1234 5678、0755-1234-5678", new[] { "01012345678", "02112345678", "075512345678" })]
    [InlineData("  ", new string[0])]
    public void ParseList_EveryWrittenForm_GivesOneNormalisedNumberEach(string typed, string[] expected) =>
        Assert.Equal(expected, PhoneNumber.ParseList(typed));

    [Theory]
    [InlineData("+86 10 1234 5678", "01012345678")]
    [InlineData("010-1234-5678", "01012345678")]
    [InlineData("+44 20 7946 0000", "+442079460000")]
    [InlineData("+8", "+8")]
    public void Normalize_ALandlineWithTheCountryCode_IsTheNumberDialledAtHome(string typed, string expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(typed));
}
