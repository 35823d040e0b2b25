using System.Globalization;

namespace DebtShield.Core.Rates;

/// <summary>
/// The unit-period of US Regulation Z, Appendix J: the interval the actuarial APR compounds over,
/// and the rule for counting whole and fractional unit-periods between two dates.
/// </summary>
/// <remarks>
/// <para>
/// Appendix J does not count time in actual days throughout: it counts whole calendar months back
/// from the later date and treats every month as 30 days, counts semimonths as 15 of those days,
/// and counts weeks and days exactly. A rate computed with any other count can differ from the
/// disclosed APR in the second decimal (the published example (c)(4)(ii) gives 7.30% this way and
/// 7.33% with actual days), so the counting rules live here, with the unit they belong to.
/// </para>
/// <para>
/// <see cref="Days(int)"/> and <see cref="Weeks(int)"/> differ only in how many fit in a year:
/// 365 / days for a unit of days, 52 / weeks for a unit of weeks, as paragraph (b)(5)(iv) says. A
/// weekly schedule therefore uses <c>Weeks(1)</c> (52 a year), while a single payment due 7 days
/// after the advance uses <c>Days(7)</c> (365 / 7 a year, paragraph (b)(5)(vii)).
/// </para>
/// </remarks>
public sealed record UnitPeriod
{
    private const int DaysPerAppendixJMonth = 30;
    private const int DaysPerSemimonth = 15;
    private const int DaysPerYear = 365;

    // Every unit there can be, made once: Reg Z chooses one for each period of every loan of a batch.
    private static readonly UnitPeriod[] DaysUnits = [.. Enumerable.Range(1, DaysPerYear).Select(n => new UnitPeriod(UnitPeriodKind.Days, n))];
    private static readonly UnitPeriod[] WeeksUnits = [.. Enumerable.Range(1, 52).Select(n => new UnitPeriod(UnitPeriodKind.Weeks, n))];
    private static readonly UnitPeriod[] MonthsUnits = [.. Enumerable.Range(1, 12).Select(n => new UnitPeriod(UnitPeriodKind.Months, n))];

    private UnitPeriod(UnitPeriodKind kind, int length)
    {
        Kind = kind;
        Length = length;
        PerYear = kind switch
        {
            UnitPeriodKind.Days => (double)DaysPerYear / length,
            UnitPeriodKind.Weeks => 52.0 / length,
            UnitPeriodKind.Semimonth => 24,
            UnitPeriodKind.Months => 12.0 / length,
        };
    }

    /// <summary>Whether the unit is counted in days, weeks, semimonths or calendar months.</summary>
    public UnitPeriodKind Kind { get; }

    /// <summary>How many days, weeks or months make one unit-period; 1 for a semimonth.</summary>
    public int Length { get; }

    /// <summary>
    /// The number of unit-periods in a year, by which Appendix J multiplies the rate per
    /// unit-period to get the APR (a nominal rate, not a compounded one).
    /// </summary>
    public double PerYear { get; }

    /// <summary>A semimonth: half a month of 30 days, 24 a year.</summary>
    public static UnitPeriod Semimonth { get; } = new(UnitPeriodKind.Semimonth, 1);

    /// <summary>A unit of whole days; 365 / <paramref name="days"/> a year.</summary>
    /// <param name="days">From 1 to 365.</param>
    public static UnitPeriod Days(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, DaysPerYear);
        return DaysUnits[days - 1];
    }

    /// <summary>A unit of whole weeks; 52 / <paramref name="weeks"/> a year.</summary>
    /// <param name="weeks">From 1 to 52.</param>
    public static UnitPeriod Weeks(int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeks, 52);
        return WeeksUnits[weeks - 1];
    }

    /// <summary>A unit of whole calendar months; 12 / <paramref name="months"/> a year (12 months is a year).</summary>
    /// <param name="months">From 1 to 12.</param>
    public static UnitPeriod Months(int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(months, 12);
        return MonthsUnits[months - 1];
    }

    /// <summary>
    /// Chooses the unit-period of a single-advance transaction the way Appendix J, paragraph
    /// (b)(4), does, so that the APR does not depend on a unit the caller had to guess.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The periods are the interval from the advance to the first payment and those between
    /// successive payments (payments on the same day make no period). Each is recognised as a
    /// whole number of calendar months (a month from the 31st ends on the last day of a shorter
    /// month), a semimonth (the 1st and 16th, the 15th and the month's end, and so on), a whole
    /// number of weeks, or a number of days. The unit is the period, at most a year long, that
    /// occurs most often (more than once); of equally frequent ones, the shorter. When no period
    /// occurs twice, the unit is the standard interval (day, week, semimonth, month, or a multiple
    /// of a week or a month up to a year) nearest the average period, the shorter when two are
    /// equally near.
    /// </para>
    /// <para>
    /// With a single payment the unit is the term itself, at most a year (paragraph (b)(4)(ii)):
    /// whole months when the term is whole months (12 / months a year; the regulation also allows
    /// 365 / days, this code does not use it), otherwise its days (365 / days a year), and a year
    /// when the term is longer. When every payment falls on the advance date there is no period;
    /// the unit is then one day, and no rate exists anyway.
    /// </para>
    /// </remarks>
    /// <param name="advance">The day the amount financed is advanced: the start of the term.</param>
    /// <param name="paymentDates">The due dates, in order, none before <paramref name="advance"/>.</param>
    /// <exception cref="ArgumentException">No payment, or dates out of order or before the advance.</exception>
    public static UnitPeriod Choose(DateOnly advance, IReadOnlyList<DateOnly> paymentDates)
    {
        ArgumentNullException.ThrowIfNull(paymentDates);
        RequireSchedule(advance, paymentDates);
        var days = paymentDates.Count <= 256 ? stackalloc CalendarDay[paymentDates.Count] : new CalendarDay[paymentDates.Count];
        CalendarDay.OfEach(paymentDates, days);

        return Choose(new CalendarDay(advance), days);
    }

    /// <summary>
    /// <see cref="Choose(DateOnly, IReadOnlyList{DateOnly})"/> of a schedule known to be in order and
    /// not before the advance (a loan's), its dates taken apart once for the choice and the measures.
    /// </summary>
    internal static UnitPeriod Choose(in CalendarDay advance, ReadOnlySpan<CalendarDay> paymentDates)
    {
        if (paymentDates.Length == 1)
        {
            return ForSinglePayment(advance, paymentDates[0]);
        }

        // While every period is the same (the usual schedule) it is only counted; the counts of
        // each period are kept from the first that differs. Each date serves as the end of one
        // period and the start of the next.
        UnitPeriod? first = null;
        var firstCount = 0;
        Dictionary<UnitPeriod, int>? counts = null;
        var periods = 0;
        var previous = advance;
        for (var k = 0; k < paymentDates.Length; k++)
        {
            ref readonly var end = ref paymentDates[k];
            if (end.Number == previous.Number)
            {
                continue;
            }

            periods++;
            if (Classify(previous, end) is { } period)
            {
                if (counts is null && (first is null || first.Equals(period)))
                {
                    first = period;
                    firstCount++;
                }
                else
                {
                    counts ??= new Dictionary<UnitPeriod, int> { [first!] = firstCount };
                    counts[period] = counts.GetValueOrDefault(period) + 1;
                }
            }

            previous = end;
        }

        if (periods == 0)
        {
            return Days(1);
        }

        UnitPeriod? best = counts is null && firstCount > 1 ? first : null;
        var bestCount = counts is null ? firstCount : 1;
        foreach (var (period, count) in counts ?? Enumerable.Empty<KeyValuePair<UnitPeriod, int>>())
        {
            if (count > bestCount || (count == bestCount && best is not null && period.NominalDays < best.NominalDays))
            {
                best = period;
                bestCount = count;
            }
        }

        var averageDays = (double)(paymentDates[^1].Number - advance.Number) / periods;
        return best ?? NearestStandardInterval(averageDays);
    }

    /// <summary>
    /// Counts the whole unit-periods from <paramref name="from"/> to <paramref name="to"/> and
    /// the fraction of one left over, by paragraph (b)(5) of Appendix J: the <c>t</c> and
    /// <c>f</c> of its general equation when <paramref name="from"/> is the advance.
    /// </summary>
    /// <remarks>
    /// Months are counted back from the later date (a month back from the last day of a month
    /// reaches any later day of the earlier month), and the days left over are days of a 30-day
    /// month: for a unit of m months the fraction is (30 × leftover months + days) / (30 × m),
    /// for a semimonth the same days over 15. For a year, the leftover is months / 12 when it is
    /// whole months, else its actual days / 365. Days and weeks are counted exactly. A fraction
    /// that comes out as a whole unit (30 leftover days of a month) is carried into the count,
    /// which the equation treats identically.
    /// </remarks>
    /// <returns>The whole unit-periods and the fraction, from 0 (inclusive) to 1 (exclusive).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public (int Whole, double Fraction) Measure(DateOnly from, DateOnly to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        return Measure(new CalendarDay(from), new CalendarDay(to));
    }

    /// <summary>
    /// Measures every date of <paramref name="to"/> from <paramref name="from"/> as
    /// <see cref="Measure(DateOnly, DateOnly)"/> does: the <c>t</c> and <c>f</c> of every payment
    /// of a schedule, with the advance taken apart once for all of them.
    /// </summary>
    /// <param name="from">The advance.</param>
    /// <param name="to">The payment dates, none before <paramref name="from"/>.</param>
    /// <param name="wholePeriods">Receives each date's whole unit-periods.</param>
    /// <param name="fractions">Receives each date's fraction of a unit-period.</param>
    /// <exception cref="ArgumentException">A span is shorter than the list of dates.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date is before <paramref name="from"/>.</exception>
    public void Measure(DateOnly from, IReadOnlyList<DateOnly> to, Span<double> wholePeriods, Span<double> fractions)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (wholePeriods.Length < to.Count || fractions.Length < to.Count)
        {
            throw new ArgumentException("Every date needs room for its whole periods and its fraction.", nameof(to));
        }

        var start = new CalendarDay(from);
        for (var k = 0; k < to.Count; k++)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(to[k], from, nameof(to));
            (var whole, fractions[k]) = Measure(start, new CalendarDay(to[k]));
            wholePeriods[k] = whole;
        }
    }

    /// <summary>
    /// <see cref="Measure(DateOnly, IReadOnlyList{DateOnly}, Span{double}, Span{double})"/> of dates
    /// already taken apart, none before <paramref name="from"/> (a loan's schedule, as the unit was chosen from).
    /// </summary>
    internal void Measure(in CalendarDay from, ReadOnlySpan<CalendarDay> to, Span<double> wholePeriods, Span<double> fractions)
    {
        for (var k = 0; k < to.Length; k++)
        {
            (var whole, fractions[k]) = Measure(from, to[k]);
            wholePeriods[k] = whole;
        }
    }

    private (int Whole, double Fraction) Measure(in CalendarDay from, in CalendarDay to)
    {
        var days = to.Number - from.Number;
        switch (Kind)
        {
            case UnitPeriodKind.Days:
                return Split(days, Length);
            case UnitPeriodKind.Weeks:
                return Split(days, 7 * Length);
            case UnitPeriodKind.Semimonth:
                {
                    var (months, leftoverDays) = MonthsBack(from, to);
                    return Split((DaysPerAppendixJMonth * months) + leftoverDays, DaysPerSemimonth);
                }

            case UnitPeriodKind.Months when Length < 12:
                {
                    var (months, leftoverDays) = MonthsBack(from, to);
                    return Split((DaysPerAppendixJMonth * months) + leftoverDays, DaysPerAppendixJMonth * Length);
                }

            default:
                return MeasureYears(from, to);
        }
    }

    /// <summary>An approximate length, used only to tell which of two units is shorter.</summary>
    private double NominalDays => Kind switch
    {
        UnitPeriodKind.Days => Length,
        UnitPeriodKind.Weeks => 7 * Length,
        UnitPeriodKind.Semimonth => DaysPerYear / 24.0,
        UnitPeriodKind.Months => DaysPerYear * Length / 12.0,
    };

    private static (int Whole, double Fraction) MeasureYears(in CalendarDay from, in CalendarDay to)
    {
        var (months, leftoverDays) = MonthsBack(from, to);
        var years = months / 12;
        if (leftoverDays == 0)
        {
            return (years, months % 12 / 12.0);
        }

        // Paragraph (b)(5)(v)(B): a leftover that is not whole months is counted in actual days.
        var yearsBack = years == 0 ? to.Number : StepBack(to, 12 * years, from);
        var fraction = (double)(yearsBack - from.Number) / DaysPerYear;
        return fraction >= 1 ? (years + 1, fraction - 1) : (years, fraction);
    }

    private static (int Whole, double Fraction) Split(int count, int perUnit) =>
        (count / perUnit, (double)(count % perUnit) / perUnit);

    /// <summary>
    /// Whole calendar months counted back from <paramref name="to"/> without passing
    /// <paramref name="from"/>, and the days left between <paramref name="from"/> and where the
    /// count stopped.
    /// </summary>
    /// <remarks>
    /// Back by the count of months between the two calendar months, the step lands in
    /// <paramref name="from"/>'s own month, on <paramref name="to"/>'s day or that month's last day
    /// (or on <paramref name="from"/> itself, by <see cref="StepBack"/>'s month-end rule): when that
    /// is not before <paramref name="from"/> it is the count; otherwise one month fewer lands in the
    /// month after, which is never before it. Found so from the dates' parts, with no day number
    /// made for a step (issue 27); tests hold it to <see cref="DateOnly.AddMonths"/>.
    /// </remarks>
    private static (int Months, int Days) MonthsBack(in CalendarDay from, in CalendarDay to)
    {
        var months = to.MonthIndex - from.MonthIndex;
        if (months <= 0)
        {
            return (0, to.Number - from.Number);
        }

        var landed = Math.Min(to.Day, from.MonthLength);
        if (landed >= from.Day)
        {
            return (months, landed - from.Day);
        }

        if (to.IsMonthEnd)
        {
            return (months, 0);
        }

        if (months == 1)
        {
            return (0, to.Number - from.Number);
        }

        return (months - 1, from.MonthLength - from.Day + Math.Min(to.Day, CalendarDay.LengthOfMonthAfter(from.MonthIndex)));
    }

    /// <summary>
    /// The day number of the date <paramref name="months"/> calendar months before
    /// <paramref name="to"/>: the day is kept, or clamped to the earlier month's last day, as
    /// <see cref="DateOnly.AddMonths"/> does. When <paramref name="to"/> is a month's last day it
    /// corresponds to every later day of the earlier month too (a month from 31 January ends on
    /// 28 February), so the step lands on <paramref name="from"/> itself when
    /// <paramref name="from"/> is one of those days.
    /// </summary>
    private static int StepBack(in CalendarDay to, int months, in CalendarDay from)
    {
        var reached = to.NumberAfterMonths(-months);
        var monthIndex = (to.Year * 12) + to.Month - 1 - months;
        return to.IsMonthEnd && from.Number > reached && (from.Year * 12) + from.Month - 1 == monthIndex
            ? from.Number
            : reached;
    }

    private static UnitPeriod ForSinglePayment(in CalendarDay advance, in CalendarDay payment)
    {
        var days = payment.Number - advance.Number;
        if (days == 0)
        {
            return Days(1);
        }

        var (months, leftoverDays) = MonthsBack(advance, payment);
        if (months >= 12)
        {
            return Months(12);
        }

        if (leftoverDays == 0)
        {
            return Months(months);
        }

        return Days(Math.Min(days, DaysPerYear));
    }

    /// <summary>
    /// What kind of period runs from <paramref name="start"/> to <paramref name="end"/>, or
    /// <see langword="null"/> when it is longer than a year and so cannot be the unit.
    /// </summary>
    private static UnitPeriod? Classify(in CalendarDay start, in CalendarDay end)
    {
        var (months, leftoverDays) = MonthsBack(start, end);
        if (leftoverDays == 0 && months > 0)
        {
            return months <= 12 ? Months(months) : null;
        }

        if (IsSemimonth(start, end))
        {
            return Semimonth;
        }

        var days = end.Number - start.Number;
        if (days % 7 == 0)
        {
            return days <= 7 * 52 ? Weeks(days / 7) : null;
        }

        return days <= DaysPerYear ? Days(days) : null;
    }

    /// <summary>
    /// True when <paramref name="end"/> is the next due date of a twice-monthly schedule through
    /// <paramref name="start"/>: due on day d and d + 15 of every month (the later day moved to
    /// the month's end when the month is shorter), or on the 15th and the month's last day.
    /// </summary>
    private static bool IsSemimonth(in CalendarDay start, in CalendarDay end)
    {
        var startMonthLength = start.MonthLength;
        var sameMonth = end.Year == start.Year && end.Month == start.Month;
        var nextMonth = start.Month == 12
            ? end.Year == start.Year + 1 && end.Month == 1
            : end.Year == start.Year && end.Month == start.Month + 1;

        // First half to second half of the same month (1st → 16th; 15th → 30th, or 28 February;
        // 15th → the month's last day).
        if (sameMonth && start.Day <= 16
            && (end.Day == Math.Min(start.Day + 15, startMonthLength) || (start.Day == 15 && end.Day == startMonthLength)))
        {
            return true;
        }

        if (!nextMonth)
        {
            return false;
        }

        // Second half to the next month's first half (16th → 1st; 30th → 15th).
        if (start.Day >= 16 && end.Day == start.Day - 15)
        {
            return true;
        }

        // From a month's end, whether the schedule's later day is the 28th to the 31st or the
        // month's last day (28 February standing in for the 30th), to the next first-half day:
        // the 13th to the 16th.
        return start.Day == startMonthLength && end.Day >= 13 && end.Day <= 16;
    }

    private static UnitPeriod NearestStandardInterval(double averageDays)
    {
        var best = Days(1);
        var bestDistance = Math.Abs(averageDays - 1);
        foreach (var candidate in StandardIntervals())
        {
            var distance = Math.Abs(averageDays - candidate.NominalDays);
            if (distance < bestDistance || (distance == bestDistance && candidate.NominalDays < best.NominalDays))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static IEnumerable<UnitPeriod> StandardIntervals()
    {
        for (var weeks = 1; weeks <= 52; weeks++)
        {
            yield return Weeks(weeks);
        }

        yield return Semimonth;
        for (var months = 1; months <= 12; months++)
        {
            yield return Months(months);
        }
    }

    /// <summary>Throws unless the payments are due in order and none before the advance (with at least one).</summary>
    internal static void RequireSchedule(DateOnly advance, IReadOnlyList<DateOnly> paymentDates)
    {
        if (paymentDates.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one payment.", nameof(paymentDates));
        }

        var previous = advance;
        for (var k = 0; k < paymentDates.Count; k++)
        {
            if (paymentDates[k] < previous)
            {
                throw new ArgumentException(
                    k == 0
                        ? "The first payment is due before the advance."
                        : string.Create(
                            CultureInfo.InvariantCulture,
                            $"Payment {k + 1} is due before payment {k}; list the payments in date order."),
                    nameof(paymentDates));
            }

            previous = paymentDates[k];
        }
    }
}

/// <summary>How a <see cref="UnitPeriod"/> is counted.</summary>
public enum UnitPeriodKind
{
    /// <summary>Whole days, counted exactly; 365 / days a year.</summary>
    Days,

    /// <summary>Whole weeks, counted exactly in days; 52 / weeks a year.</summary>
    Weeks,

    /// <summary>Half a month: 15 of Appendix J's 30-day months; 24 a year.</summary>
    Semimonth,

    /// <summary>Whole calendar months counted back from the later date, leftover days over 30.</summary>
    Months,
}
