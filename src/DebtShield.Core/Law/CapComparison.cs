using DebtShield.Core.Loans;
using DebtShield.Core.Rates;

namespace DebtShield.Core.Law;

/// <summary>
/// Whether a loan's schedule charges more than an annual rate line, decided exactly: the
/// schedule is discounted at the line's own per-period rate, in <see cref="decimal"/>, and it
/// exceeds the line only when it is worth more than the principal basis even after a fen is taken
/// off every instalment.
/// </summary>
/// <remarks>
/// <para>
/// Comparing a solved IRR with the line in floating point says "13.8% exceeds 13.8%" whenever the
/// solver's last digit or a lender's rounding lands on the wrong side. A lender states every
/// instalment to the fen, so an instalment computed at exactly the line may carry up to a fen of
/// rounding up; only a schedule that stays above the line without that fen exceeds it.
/// </para>
/// <para>
/// The per-period rate is the line divided the way the rate is stated: a monthly schedule
/// compares at line ÷ 12 (a month rate × 12 is the annual rate, as courts read "月利率 1.15%" as
/// 13.8%), whatever the month's length; a schedule of <c>d</c>-day periods at line × d ÷ the days
/// of the year. Whether a day rate is annualised over 365 or 360 days is not settled in the
/// sources we hold, so the caller can ask both ways and say so when the answers differ.
/// </para>
/// </remarks>
public static class CapComparison
{
    /// <summary>The rounding a schedule's stated amounts may carry: one fen per instalment.</summary>
    public static readonly Money RoundingPerInstalment = new(0.01m);

    /// <summary>A discount factor beyond which the largest amount a loan may hold is worth nothing today.</summary>
    private const decimal Negligible = Loan.LargestAmount * 1e8m;

    /// <summary>
    /// The period a line is divided into for <paramref name="loan"/>: the schedule's own, except
    /// that a single repayment a whole number of calendar months out compares by the month when
    /// the loan states a month rate (a one-month loan at 1.15% a month is at 13.8% in February as
    /// in March); stated per day or per year, or not stated, it compares by its days.
    /// </summary>
    /// <param name="loan">The loan.</param>
    /// <param name="schedulePeriod">The schedule's repayment period (<see cref="TrueCost.Period"/>).</param>
    public static RepaymentPeriod PeriodFor(Loan loan, RepaymentPeriod schedulePeriod)
    {
        ArgumentNullException.ThrowIfNull(loan);
        if (schedulePeriod.IsCalendarMonth || loan.DueDates.Length != 1 || loan.Advertised?.Per != RatePer.Month)
        {
            return schedulePeriod;
        }

        var months = RepaymentPeriod.CalendarMonth.Between(loan.ContractDate, loan.FinalDueDate);
        return months >= 1 && months == Math.Floor(months) ? RepaymentPeriod.CalendarMonth : schedulePeriod;
    }

    /// <summary>
    /// True when <paramref name="loan"/>'s schedule, measured in <paramref name="period"/>s,
    /// charges more than <paramref name="annualLine"/> on the principal basis.
    /// </summary>
    /// <param name="loan">The loan.</param>
    /// <param name="period">The period to divide the line into (<see cref="PeriodFor"/>).</param>
    /// <param name="annualLine">The line as an annual simple fraction (0.138).</param>
    /// <param name="daysPerYear">For a period of days: 365 (the product's default) or 360.</param>
    public static bool Exceeds(Loan loan, RepaymentPeriod period, decimal annualLine, int daysPerYear = 365)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return Exceeds(new ScheduleInPeriods(loan, period), annualLine, daysPerYear);
    }

    /// <summary>
    /// <see cref="Exceeds(Loan, RepaymentPeriod, decimal, int)"/> over a schedule measured once: the
    /// legal check compares one loan with three or four lines.
    /// </summary>
    internal static bool Exceeds(ScheduleInPeriods schedule, decimal annualLine, int daysPerYear = 365)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(annualLine);
        var period = schedule.Period;
        var perPeriod = period.IsCalendarMonth ? annualLine / 12 : annualLine * period.Days / daysPerYear;
        return Screen(schedule, (double)perPeriod) ?? ExceedsExactly(schedule.Loan, period, perPeriod);
    }

    /// <summary>
    /// The same discounting in <see cref="double"/>: it settles every schedule whose worth is
    /// clear of the principal basis by more than floating point could err (a millionth of a fen
    /// on the largest loan, many times the rounding of a few hundred terms), and leaves the near
    /// ties, where only the exact sum can tell, to <see cref="ExceedsExactly"/>. Decimal division
    /// made the exact sum most of the comparison's cost, run three or four times a loan (issue 27).
    /// </summary>
    /// <returns>Whether the schedule exceeds the line, or <see langword="null"/> when it is too close to tell.</returns>
    private static bool? Screen(ScheduleInPeriods schedule, double perPeriod)
    {
        var growth = 1 + perPeriod;
        var present = 0.0;
        var whole = 0;
        var grown = 1.0;
        var distances = schedule.Periods;
        var amounts = schedule.Amounts;
        for (var i = 0; i < distances.Length; i++)
        {
            var periods = distances[i];
            if (grown > (double)Negligible)
            {
                break;
            }

            var reached = (int)Math.Floor(periods + 1e-9);
            for (; whole < reached; whole++)
            {
                grown *= growth;
            }

            var fraction = periods - reached;
            var factor = fraction > 1e-9 ? grown * Math.Pow(growth, fraction) : grown;
            var amount = amounts[i];
            if (amount > 0)
            {
                present += amount / factor;
            }
        }

        var basis = schedule.Loan.PrincipalBasis.ToDouble();
        var margin = (1e-9 * (Math.Abs(present) + basis)) + 1e-6;
        if (!double.IsFinite(present) || Math.Abs(present - basis) <= margin)
        {
            return null;
        }

        return present > basis;
    }

    /// <summary>The comparison in <see cref="decimal"/>, for schedules worth too nearly the principal basis for <see cref="Screen"/>.</summary>
    private static bool ExceedsExactly(Loan loan, RepaymentPeriod period, decimal perPeriod)
    {
        var growth = 1 + perPeriod;
        var present = 0m;
        var whole = 0;
        var grown = 1m;
        var (dueDates, totals) = (loan.DueDates, loan.InstalmentTotals);
        for (var i = 0; i < dueDates.Length; i++)
        {
            // Due dates are in order, so the whole periods only grow: one product per period in all.
            var periods = period.Between(loan.ContractDate, dueDates[i]);
            if (grown > Negligible)
            {
                // Anything due this far out is worth less than a millionth of a fen today.
                break;
            }

            var reached = (int)Math.Floor(periods + 1e-9);
            for (; whole < reached; whole++)
            {
                grown *= growth;
            }

            var fraction = periods - reached;
            var factor = fraction > 1e-9 ? grown * (decimal)Math.Pow((double)growth, fraction) : grown;
            var amount = totals[i].Yuan - RoundingPerInstalment.Yuan;
            if (amount > 0)
            {
                present += amount / factor;
            }
        }

        return present > loan.PrincipalBasis.Yuan;
    }
}

/// <summary>
/// A loan's schedule measured once in the period its lines are divided into: each due date's
/// distance from the contract date in periods, and each instalment less its fen of rounding, in
/// <see cref="double"/>, as <see cref="CapComparison"/>'s screen reads them.
/// </summary>
/// <remarks>
/// They are the same figures for every line the loan is compared with, and the legal check
/// compares a loan with three or four (its views' caps, 24%, 36%); counting the months between
/// dates again for each was a large part of a comparison's cost (issue 27).
/// </remarks>
internal sealed class ScheduleInPeriods
{
    private readonly double[] _periods;
    private readonly int _periodsFrom;

    /// <summary>Measures <paramref name="loan"/>'s schedule in <paramref name="period"/>s.</summary>
    public ScheduleInPeriods(Loan loan, RepaymentPeriod period)
        : this(loan, period, null)
    {
    }

    /// <summary>
    /// Measures the schedule of <paramref name="cost"/>'s loan in <paramref name="period"/>s, taking
    /// the distances the true cost has measured when it is the period the cost is measured in (all
    /// but a one-instalment loan compared by the month): the same figures, counted once a loan.
    /// </summary>
    public ScheduleInPeriods(TrueCost cost, RepaymentPeriod period)
        : this(cost.Loan, period, period == cost.Period ? cost.FlowPeriods : null)
    {
    }

    private ScheduleInPeriods(Loan loan, RepaymentPeriod period, double[]? measured)
    {
        Loan = loan;
        Period = period;
        var (dueDates, totals) = (loan.DueDates, loan.InstalmentTotals);
        Amounts = new double[dueDates.Length];
        for (var i = 0; i < dueDates.Length; i++)
        {
            Amounts[i] = (totals[i] - CapComparison.RoundingPerInstalment).ToDouble();
        }

        if (measured is not null)
        {
            // The true cost's distances, read where they are (after the money arriving), not copied.
            (_periods, _periodsFrom) = (measured, 1);
            return;
        }

        _periods = new double[dueDates.Length];
        for (var i = 0; i < dueDates.Length; i++)
        {
            _periods[i] = period.Between(loan.ContractDate, dueDates[i]);
        }
    }

    /// <summary>The loan measured.</summary>
    public Loan Loan { get; }

    /// <summary>The period a line is divided into (<see cref="CapComparison.PeriodFor"/>).</summary>
    public RepaymentPeriod Period { get; }

    /// <summary>Each due date's distance from the contract date, in periods.</summary>
    public ReadOnlySpan<double> Periods => _periods.AsSpan(_periodsFrom, Amounts.Length);

    /// <summary>Each instalment's total less <see cref="CapComparison.RoundingPerInstalment"/>.</summary>
    public double[] Amounts { get; }
}
