using System.Globalization;
using DebtShield.Core.Rates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Rates;

/// <summary>
/// Appendix J's count of months back from the later date, held to its definition by
/// <see cref="DateOnly.AddMonths"/>: however the count is made fast, every unit that counts in
/// months measures the same whole periods and fraction.
/// </summary>
public sealed class UnitPeriodMeasureTests
{
    [Property(MaxTest = 2000)]
    public Property Measure_AnyTwoDatesInMonthUnits_CountsAsAddMonthsDefinesIt()
    {
        // Starts over ten years (month ends and leap days among them), spans from a day to six years.
        var cases = from start in Gen.Choose(0, 3652)
                    from days in Gen.Choose(0, 6 * 366)
                    select (first: new DateOnly(2019, 1, 1).AddDays(start), days);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var to = c.first.AddDays(c.days);
            var (months, leftover) = MonthsBackByAddMonths(c.first, to);
            return UnitPeriod.Months(1).Measure(c.first, to) == Split((30 * months) + leftover, 30)
                && UnitPeriod.Months(3).Measure(c.first, to) == Split((30 * months) + leftover, 90)
                && UnitPeriod.Semimonth.Measure(c.first, to) == Split((30 * months) + leftover, 15)
                && UnitPeriod.Months(12).Measure(c.first, to) == YearsByAddMonths(c.first, to);
        });
    }

    [Property(MaxTest = 500)]
    public Property Measure_WholeSchedule_GivesEachDateAsMeasuredAlone()
    {
        // Schedules of up to 24 payments, gaps from none to 400 days, in every kind of unit.
        var units = new[] { UnitPeriod.Days(1), UnitPeriod.Days(10), UnitPeriod.Weeks(2), UnitPeriod.Semimonth, UnitPeriod.Months(1), UnitPeriod.Months(6), UnitPeriod.Months(12) };
        var cases = from start in Gen.Choose(0, 3652)
                    from count in Gen.Choose(1, 24)
                    from gaps in Gen.ArrayOf(Gen.Choose(0, 400), count)
                    from unit in Gen.Elements(units)
                    select (advance: new DateOnly(2019, 1, 1).AddDays(start), gaps, unit);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var dates = new List<DateOnly>();
            var date = c.advance;
            foreach (var gap in c.gaps)
            {
                date = date.AddDays(gap);
                dates.Add(date);
            }

            var whole = new double[dates.Count];
            var fractions = new double[dates.Count];
            c.unit.Measure(c.advance, dates, whole, fractions);

            return dates.Select((d, k) => c.unit.Measure(c.advance, d) == ((int)whole[k], fractions[k])).All(same => same);
        });
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", 1, 0)] // a month from the 31st ends on February's last day
    [InlineData("2024-01-30", "2024-02-29", 1, 0)]
    [InlineData("2025-01-29", "2025-02-28", 1, 0)] // February's last day reaches back to any later day of January
    [InlineData("2025-02-28", "2025-03-28", 1, 0)]
    [InlineData("2025-02-28", "2025-03-31", 1, 0)] // and March's last day reaches back to February's
    [InlineData("2025-03-31", "2025-04-29", 0, 29)]
    public void Measure_MonthEnds_CountAsAppendixJCountsThem(string from, string to, int whole, int days)
    {
        var measured = UnitPeriod.Months(1).Measure(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));

        Assert.Equal((whole, days / 30.0), measured);
    }

    private static (int Whole, double Fraction) Split(int count, int perUnit) => (count / perUnit, (double)(count % perUnit) / perUnit);

    /// <summary>The count as Appendix J words it, one <see cref="DateOnly.AddMonths"/> at a time.</summary>
    private static (int Months, int Days) MonthsBackByAddMonths(DateOnly from, DateOnly to)
    {
        for (var months = ((to.Year - from.Year) * 12) + to.Month - from.Month; months > 0; months--)
        {
            var reached = StepBackByAddMonths(to, months, from);
            if (reached >= from)
            {
                return (months, reached.DayNumber - from.DayNumber);
            }
        }

        return (0, to.DayNumber - from.DayNumber);
    }

    private static DateOnly StepBackByAddMonths(DateOnly to, int months, DateOnly from)
    {
        var reached = to.AddMonths(-months);
        var toIsMonthEnd = to.Day == DateTime.DaysInMonth(to.Year, to.Month);
        return toIsMonthEnd && from > reached && from.Year == reached.Year && from.Month == reached.Month ? from : reached;
    }

    private static (int Whole, double Fraction) YearsByAddMonths(DateOnly from, DateOnly to)
    {
        var (months, leftoverDays) = MonthsBackByAddMonths(from, to);
        var years = months / 12;
        if (leftoverDays == 0)
        {
            return (years, months % 12 / 12.0);
        }

        var yearsBack = years == 0 ? to : StepBackByAddMonths(to, 12 * years, from);
        var fraction = (double)(yearsBack.DayNumber - from.DayNumber) / 365;
        return fraction >= 1 ? (years + 1, fraction - 1) : (years, fraction);
    }
}
