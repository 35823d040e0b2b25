namespace DebtShield.Core.Tests.ChineseForms;

public sealed class ChineseDateTests
{
    [Fact]
    public void Format_Date_WritesYearMonthDayWithoutLeadingZeros() =>
        Assert.Equal("2026年3月5日", ChineseDate.Format(new DateOnly(2026, 3, 5)));

    [Fact]
    public void Format_Instant_IsReadInChinaStandardTime() =>
        Assert.Equal("2026年11月29日 05:30", ChineseDate.Format(new DateTimeOffset(2026, 11, 28, 21, 30, 0, TimeSpan.Zero)));
}
