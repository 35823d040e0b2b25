using DebtShield.Core.Rates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Rates;

/// <summary>
/// A schedule repays by calendar months when at least half its gaps are one calendar month apart
/// (the same day of the next month, or month ends of both): however fast the gaps are judged, every
/// schedule gets the period the convention's words give it.
/// </summary>
public sealed class RepaymentPeriodOfTests
{
    [Property(MaxTest = 2000)]
    public Property Of_MonthlyAndIrregularSchedules_IsCalendarMonthExactlyWhenHalfTheGapsAreOneMonth()
    {
        // Schedules from a contract date over ten years: monthly from a day near a month's end,
        // with some dates moved by a few days, or gaps of 7 to 35 days.
        var cases = from start in Gen.Choose(0, 3652)
                    from count in Gen.Choose(2, 24)
                    from monthly in Gen.Elements(true, false)
                    from shifts in Gen.ArrayOf(Gen.Choose(0, 27).Select(s => s < 21 ? 0 : s - 24), count)
                    from gaps in Gen.ArrayOf(Gen.Choose(7, 35), count)
                    select (contract: new DateOnly(2019, 1, 1).AddDays(start), count, monthly, shifts, gaps);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var dates = new List<DateOnly>();
            var last = c.contract;
            for (var k = 0; k < c.count; k++)
            {
                var next = c.monthly ? c.contract.AddMonths(k + 1).AddDays(c.shifts[k]) : last.AddDays(c.gaps[k]);
                if (next <= last)
                {
                    next = last.AddDays(1);
                }

                dates.Add(next);
                last = next;
            }

            var period = RepaymentPeriod.Of(c.contract, dates);
            return period.IsCalendarMonth == (2 * MonthGaps(dates) >= dates.Count - 1);
        });
    }

    /// <summary>The gaps one calendar month apart, as the convention words it, property by property.</summary>
    private static int MonthGaps(List<DateOnly> dates)
    {
        var count = 0;
        for (var i = 1; i < dates.Count; i++)
        {
            var (earlier, later) = (dates[i - 1], dates[i]);
            var oneMonthOn = (later.Year * 12) + later.Month == (earlier.Year * 12) + earlier.Month + 1;
            var monthEnd = IsMonthEnd(earlier) || IsMonthEnd(later);
            if (oneMonthOn && (later.Day == earlier.Day || (earlier.Day >= 28 && later.Day >= 28 && monthEnd)))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsMonthEnd(DateOnly date) => date.Day == DateTime.DaysInMonth(date.Year, date.Month);
}
