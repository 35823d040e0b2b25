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
        var days = dueDates.Length <= 256 ? stackalloc CalendarDay[dueDates.Length] : new CalendarDay[dueDates.Length];
        CalendarDay.OfEach(dueDates, days);
        return Of(new CalendarDay(contractDate), days);
    }

    /// <summary>
    /// <see cref="Of(DateOnly, IReadOnlyList{DateOnly})"/> of due dates already taken apart, as a
    /// loan's cost takes them apart once for its period and its measures (issue 27).
    /// </summary>
    internal static RepaymentPeriod Of(in CalendarDay contractDate, ReadOnlySpan<CalendarDay> dueDates)
    {
        ArgumentOutOfRangeException.ThrowIfZero(dueDates.Length);
        if (dueDates.Length == 1)
        {
            return OfDays(dueDates[0].Number - contractDate.Number);
        }

        // Most schedules are monthly: count that first, so the usual loan allocates nothing here.
        var monthly = 0;
        for (var i = 1; i < dueDates.Length; i++)
        {
            if (IsOneMonthApart(dueDates[i - 1], dueDates[i]))
            {
                monthly++;
            }
        }

        if (monthly * 2 >= dueDates.Length - 1)
        {
            return CalendarMonth;
        }

        var gaps = new Dictionary<int, int>();
        for (var i = 1; i < dueDates.Length; i++)
        {
            var gap = dueDates[i].Number - dueDates[i - 1].Number;
            gaps[gap] = gaps.GetValueOrDefault(gap) + 1;
        }

        var common = gaps.OrderByDescending(g => g.Value).ThenBy(g => g.Key).First().Key;
        return OfDays(common);
    }

    /// <summary>How many of these periods lie between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public double Between(DateOnly from, DateOnly to) => IsCalendarMonth
        ? MonthsBetween(new CalendarDay(from), new CalendarDay(to))
        : (double)(to.DayNumber - from.DayNumber) / Days;

    /// <summary>
    /// <see cref="Between"/> from <paramref name="from"/> to each of <paramref name="dates"/>, into
    /// <paramref name="periods"/>: a schedule's flows measured with the start taken apart once.
    /// </summary>
    internal void Measure(DateOnly from, ReadOnlySpan<DateOnly> dates, Span<double> periods)
    {
        var days = dates.Length <= 256 ? stackalloc CalendarDay[dates.Length] : new CalendarDay[dates.Length];
        CalendarDay.OfEach(dates, days);
        Measure(new CalendarDay(from), days, periods);
    }

    /// <summary>
    /// <see cref="Measure(DateOnly, ReadOnlySpan{DateOnly}, Span{double})"/> of dates already taken
    /// apart: every loan of a batch is measured so, with the dates its period was chosen from.
    /// </summary>
    internal void Measure(in CalendarDay from, ReadOnlySpan<CalendarDay> dates, Span<double> periods)
    {
        if (!IsCalendarMonth)
        {
            for (var i = 0; i < dates.Length; i++)
            {
                periods[i] = (double)(dates[i].Number - from.Number) / Days;
            }

            return;
        }

        for (var i = 0; i < dates.Length; i++)
        {
            periods[i] = MonthsBetween(from, dates[i]);
        }
    }

    /// <summary>
    /// Whole calendar months from <paramref name="start"/> to <paramref name="to"/> as
    /// <see cref="DateOnly.AddMonths"/> steps them (the most that do not pass <paramref name="to"/>),
    /// plus the days left over / 30.
    /// </summary>
    /// <remarks>
    /// Forward, the count of months between the two calendar months lands in <paramref name="to"/>'s
    /// own month, on <paramref name="start"/>'s day or that month's last day: when that is not past
    /// <paramref name="to"/> it is the count, and the leftover is the days between in that one month;
    /// otherwise one month fewer lands in the month before, never past <paramref name="to"/>. Found
    /// so from the dates' parts, with no day number made for a step (issue 27); tests hold it to the
    /// convention's words, one <see cref="DateOnly.AddMonths"/> at a time.
    /// </remarks>
    private static double MonthsBetween(in CalendarDay start, in CalendarDay to)
    {
        var months = to.MonthIndex - start.MonthIndex;
        if (months <= 0)
        {
            return months + ((to.Number - start.NumberAfterMonths(months)) / 30.0);
        }

        var landed = Math.Min(start.Day, to.MonthLength);
        if (landed <= to.Day)
        {
            return months + ((to.Day - landed) / 30.0);
        }

        var before = CalendarDay.LengthOfMonthBefore(to.MonthIndex);
        return months - 1 + ((to.Day + before - Math.Min(start.Day, before)) / 30.0);
    }

    private static bool IsOneMonthApart(in CalendarDay earlier, in CalendarDay later)
    {
        if (later.MonthIndex != earlier.MonthIndex + 1)
        {
            return false;
        }

        return later.Day == earlier.Day
            || (earlier.Day >= 28 && later.Day >= 28 && (earlier.IsMonthEnd || later.IsMonthEnd));
    }
}
