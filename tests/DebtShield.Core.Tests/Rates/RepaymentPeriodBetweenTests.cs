using System.Globalization;
using DebtShield.Core.Rates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Rates;

/// <summary>
/// A calendar-month period counts whole months forward from the contract date as
/// <see cref="DateOnly.AddMonths"/> steps them, and leftover days over 30: however the count is
/// made fast, every due date measures the same.
/// </summary>
public sealed class RepaymentPeriodBetweenTests
{
    [Property(MaxTest = 3000)]
    public Property Between_AnyTwoDatesInCalendarMonths_CountsAsAddMonthsDefinesIt()
    {
        // Contract dates over ten years (month ends and leap days among them), due dates from a
        // month before to six years after.
        var cases = from start in Gen.Choose(0, 3652)
                    from days in Gen.Choose(-31, 6 * 366)
                    select (contract: new DateOnly(2019, 1, 1).AddDays(start), days);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var to = c.contract.AddDays(c.days);
            return RepaymentPeriod.CalendarMonth.Between(c.contract, to) == BetweenByAddMonths(c.contract, to);
        });
    }

    [Property(MaxTest = 1000)]
    public Property Measure_WholeSchedule_GivesEachDateAsBetweenMeasuresIt()
    {
        // A contract date over ten years and up to 24 due dates after it, in calendar months and
        // in periods of 1 to 40 days.
        var cases = from start in Gen.Choose(0, 3652)
                    from count in Gen.Choose(0, 24)
                    from offsets in Gen.ArrayOf(Gen.Choose(-31, 4 * 366), count)
                    from days in Gen.Choose(0, 40)
                    select (contract: new DateOnly(2019, 1, 1).AddDays(start), offsets, days);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var period = c.days == 0 ? RepaymentPeriod.CalendarMonth : RepaymentPeriod.OfDays(c.days);
            var dates = c.offsets.Select(c.contract.AddDays).ToArray();
            var measured = new double[dates.Length];
            period.Measure(c.contract, dates, measured);
            return measured.SequenceEqual(dates.Select(d => period.Between(c.contract, d)));
        });
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", 1.0)] // the 31st plus a month is February's last day
    [InlineData("2024-01-31", "2024-02-29", 1.0)]
    [InlineData("2025-01-31", "2025-03-30", 2.0)] // two months reach 31 March, past it: one month (28 February) and 30 days
    [InlineData("2025-03-15", "2025-03-15", 0.0)]
    public void Between_MonthEnds_CountAsAddMonthsSteps(string from, string to, double periods)
    {
        var measured = RepaymentPeriod.CalendarMonth.Between(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));

        Assert.Equal(periods, measured);
    }

    /// <summary>The count as the convention words it, one <see cref="DateOnly.AddMonths"/> at a time.</summary>
    private static double BetweenByAddMonths(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        while (months > 0 && from.AddMonths(months) > to)
        {
            months--;
        }

        return months + ((to.DayNumber - from.AddMonths(months).DayNumber) / 30.0);
    }
}
