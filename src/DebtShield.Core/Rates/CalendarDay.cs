namespace DebtShield.Core.Rates;

/// <summary>
/// A date taken apart once into its day number and its calendar parts, for the counts of
/// calendar months that rate conventions make for every payment of every loan of a batch
/// (Appendix J's months back, a repayment period's months forward).
/// </summary>
/// <remarks>
/// A step of whole months then needs only arithmetic on day numbers: no <see cref="DateOnly"/>
/// made, checked and taken apart again for every step. The day of a step is kept, or clamped to
/// the shorter month's last day, as <see cref="DateOnly.AddMonths"/> does; tests hold both counts
/// to <see cref="DateOnly.AddMonths"/>.
/// </remarks>
internal readonly struct CalendarDay
{
    public CalendarDay(DateOnly date)
    {
        date.Deconstruct(out var year, out var month, out var day);
        Number = date.DayNumber;
        Year = year;
        Month = month;
        Day = day;
        MonthIndex = (year * 12) + month - 1;
        MonthLength = DateTime.DaysInMonth(year, month);
    }

    /// <summary>Days since 1 January of year 1, as <see cref="DateOnly.DayNumber"/> counts them.</summary>
    public int Number { get; }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The date's month counted from January of year 0: year × 12 + month − 1, so that months subtract.</summary>
    public int MonthIndex { get; }

    public int Day { get; }

    /// <summary>The days of the date's month.</summary>
    public int MonthLength { get; }

    /// <summary>True on the last day of a month.</summary>
    public bool IsMonthEnd => Day == MonthLength;

    /// <summary>
    /// Takes each of <paramref name="dates"/> apart into <paramref name="days"/>: a schedule's due
    /// dates taken apart once for every count its rates make of them (issue 27).
    /// </summary>
    public static void OfEach(ReadOnlySpan<DateOnly> dates, Span<CalendarDay> days)
    {
        for (var i = 0; i < dates.Length; i++)
        {
            days[i] = new CalendarDay(dates[i]);
        }
    }

    /// <summary><see cref="OfEach(ReadOnlySpan{DateOnly}, Span{CalendarDay})"/> of a caller's list (the public doors of Reg Z).</summary>
    public static void OfEach(IReadOnlyList<DateOnly> dates, Span<CalendarDay> days)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            days[i] = new CalendarDay(dates[i]);
        }
    }

    /// <summary>The days of the month after the one at <paramref name="monthIndex"/> (<see cref="MonthIndex"/>).</summary>
    public static int LengthOfMonthAfter(int monthIndex) => DateTime.DaysInMonth((monthIndex + 1) / 12, ((monthIndex + 1) % 12) + 1);

    /// <summary>The days of the month before the one at <paramref name="monthIndex"/> (<see cref="MonthIndex"/>).</summary>
    public static int LengthOfMonthBefore(int monthIndex) => DateTime.DaysInMonth((monthIndex - 1) / 12, ((monthIndex - 1) % 12) + 1);

    /// <summary>
    /// The day number of the date <paramref name="months"/> calendar months later (earlier when
    /// negative), as <see cref="DateOnly.AddMonths"/> finds it, for a date that stays within the
    /// calendar.
    /// </summary>
    public int NumberAfterMonths(int months) => NumberOfDayInMonth((Year * 12) + Month - 1 + months, Day);

    /// <summary>
    /// The day number of day <paramref name="day"/> of the month at <paramref name="monthIndex"/>
    /// (year × 12 + month − 1), or of that month's last day when it is shorter.
    /// </summary>
    public static int NumberOfDayInMonth(int monthIndex, int day)
    {
        var year = monthIndex / 12;
        var month = (monthIndex % 12) + 1;
        return NumberOf(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    /// <summary>
    /// The <see cref="DateOnly.DayNumber"/> of a date known to exist, from the days of the years
    /// and months before it (Gregorian leap years).
    /// </summary>
    public static int NumberOf(int year, int month, int day)
    {
        var yearsBefore = year - 1;
        var leapDay = month > 2 && DateTime.IsLeapYear(year) ? 1 : 0;
        return (yearsBefore * 365) + (yearsBefore / 4) - (yearsBefore / 100) + (yearsBefore / 400)
            + DaysBeforeMonth[month - 1] + leapDay + day - 1;
    }

    /// <summary>The days of a common year before the first of each month.</summary>
    private static ReadOnlySpan<short> DaysBeforeMonth => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
}
