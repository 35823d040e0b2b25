using DebtShield.App.RecordLoans;
using DebtShield.Core;

namespace DebtShield.App.Tests.Ledgers;

/// <summary>The equal-instalment schedule that the CLI's options and prompt and the web form share.</summary>
public sealed class EqualInstalmentsTests
{
    [Fact]
    public void Schedule_FromTheLastDayOfAMonth_KeepsThatDayWhereTheMonthHasIt()
    {
        var schedule = EqualInstalments.Schedule(4, new Money(1034.50m), new DateOnly(2026, 1, 31));

        Assert.Equal(
            [new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30)],
            schedule.Select(i => i.DueDate));
        Assert.All(schedule, i => Assert.Equal(new Money(1034.50m), i.Total));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    [InlineData(-1, false)]
    public void IsCount_FromOneToFiftyYearsOfMonths_IsTrue(int count, bool expected) =>
        Assert.Equal(expected, EqualInstalments.IsCount(count));

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public void Schedule_CountOutOfBounds_Throws(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EqualInstalments.Schedule(count, new Money(100m), new DateOnly(2026, 1, 5)));

    [Fact]
    public void Schedule_LargestCount_EndsFiftyYearsOn()
    {
        var schedule = EqualInstalments.Schedule(EqualInstalments.LargestCount, new Money(100m), new DateOnly(2026, 1, 5));

        Assert.Equal(600, schedule.Count);
        Assert.Equal(new DateOnly(2075, 12, 5), schedule[^1].DueDate);
    }
}
