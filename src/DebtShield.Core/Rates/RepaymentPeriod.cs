namespace DebtShield.Core.Rates;

/// <summary>
/// The period a schedule repays by: a calendar month or a number of days. It decides what
/// "per period" means in a per-period IRR and how many periods make a year.
/// </summary>
/// <remarks>
/// Conventions (those of the published test vectors): a schedule of calendar months has 12
/// periods a year; any other period of d days has 365 / d; a single repayment makes one period
/// of the whole term. Dates are measured from the contract date: a date a whole number of
/// calendar months later (month-end dates clamp to the shorter month's last day) is that many
/// periods; leftover days count as days / 30 of a month, or days / d of a d-day period.
/// </remarks>
public readonly record struct RepaymentPeriod
{
    private RepaymentPeriod(int days) => Days = days;

    /// <summary>A calendar month.</summary>
    public static RepaymentPeriod CalendarMonth { get; } = new(0);

    /// <summary>A period of <paramref name="days"/> days.</summary>
    public static RepaymentPeriod OfDays(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new RepaymentPeriod(days);
    }

    /// <summary>True for a calendar month.</summary>
    public bool IsCalendarMonth => Days == 0;

    /// <summary>The period's length in days; 0 for a calendar month.</summary>
    public int Days { get; }

    /// <summary>How many such periods make a year.</summary>
    public double PerYear => IsCalendarMonth ? 12 : 365.0 / Days;

    /// <summary>
    /// The period of a schedule: the term itself for a single repayment; a calendar month when at
    /// least half the gaps between due dates are one calendar month; otherwise the most common gap
    /// in days (the shorter on a tie).
    /// </summary>
    public static RepaymentPeriod Of(DateOnly contractDate, IReadOnlyList<DateOnly> dueDates)
    {
        ArgumentNullException.ThrowIfNull(dueDates);
        return Of(contractDate, dueDates as DateOnly[] ?? [.. dueDates]);
    }

    /// <summary>
    /// <see cref="Of(DateOnly, IReadOnlyList{DateOnly})"/> of a schedule's column of due dates, read
    /// without an interface call a date (a loan's own column, or a batch line's).
    /// </summary>
    internal static RepaymentPeriod Of(DateOnly contractDate, ReadOnlySpan<DateOnly> dueDates)
    {
        ArgumentOutOfRangeException.ThrowIfZero(dueDates.Length);
        if (dueDates.Length == 1)
        {
            return OfDays(dueDates[0].DayNumber - contractDate.DayNumber);
        }

        // Most schedules are monthly: count that first, so the usual loan allocates nothing here.
        // Each date is taken apart once (its Year, Month and Day would each take it apart again).
        var monthly = 0;
        dueDates[0].Deconstruct(out var year, out var month, out var day);
        for (var i = 1; i < dueDates.Length; i++)
        {
            dueDates[i].Deconstruct(out var laterYear, out var laterMonth, out var laterDay);
            if (IsOneMonthApart(year, month, day, laterYear, laterMonth, laterDay))
            {
                monthly++;
            }

            (year, month, day) = (laterYear, laterMonth, laterDay);
        }

        if (monthly * 2 >= dueDates.Length - 1)
        {
            return CalendarMonth;
        }

        var gaps = new Dictionary<int, int>();
        for (var i = 1; i < dueDates.Length; i++)
        {
            var gap = dueDates[i].DayNumber - dueDates[i - 1].DayNumber;
            gaps[gap] = gaps.GetValueOrDefault(gap) + 1;
        }

        var common = gaps.OrderByDescending(g => g.Value).ThenBy(g => g.Key).First().Key;
        return OfDays(common);
    }

    /// <summary>How many of these periods lie between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public double Between(DateOnly from, DateOnly to) => IsCalendarMonth
        ? MonthsBetween(new CalendarDay(from), to)
        : (double)(to.DayNumber - from.DayNumber) / Days;

    /// <summary>
    /// <see cref="Between"/> from <paramref name="from"/> to each of <paramref name="dates"/>, into
    /// <paramref name="periods"/>: a schedule's flows measured with the start taken apart once
    /// (every loan of a batch is measured so).
    /// </summary>
    internal void Measure(DateOnly from, ReadOnlySpan<DateOnly> dates, Span<double> periods)
    {
        if (!IsCalendarMonth)
        {
            for (var i = 0; i < dates.Length; i++)
            {
                periods[i] = (double)(dates[i].DayNumber - from.DayNumber) / Days;
            }

            return;
        }

        var start = new CalendarDay(from);
        for (var i = 0; i < dates.Length; i++)
        {
            periods[i] = MonthsBetween(start, dates[i]);
        }
    }

    private static double MonthsBetween(in CalendarDay start, DateOnly to)
    {
        // The dates are taken apart once and the months stepped on day numbers, as
        // DateOnly.AddMonths would step them.
        to.Deconstruct(out var toYear, out var toMonth, out _);
        var end = to.DayNumber;
        var months = ((toYear - start.Year) * 12) + toMonth - start.Month;
        while (months > 0 && start.NumberAfterMonths(months) > end)
        {
            months--;
        }

        var leftover = end - start.NumberAfterMonths(months);
        return months + (leftover / 30.0);
    }

    private static bool IsOneMonthApart(int year, int month, int day, int laterYear, int laterMonth, int laterDay)
    {
        if ((laterYear * 12) + laterMonth != (year * 12) + month + 1)
        {
            return false;
        }

        return laterDay == day
            || (day >= 28 && laterDay >= 28 && (day == DateTime.DaysInMonth(year, month) || laterDay == DateTime.DaysInMonth(laterYear, laterMonth)));
    }
}
