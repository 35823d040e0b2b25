using DebtShield.Core.Loans;

namespace DebtShield.Core.Law;

/// <summary>
/// What is owed on a day under a given annual rate: simple interest on the outstanding
/// principal, payments applied to interest first and then to principal, a payment beyond both
/// counted as overpaid.
/// </summary>
/// <remarks>
/// Principal, payments and the running balance are exact decimals; each stretch of interest is
/// computed in binary floating point (a rate over 365 has no exact decimal form anyway, and this
/// keeps the account fast) to about 15 significant digits, far below a fen on any amount the
/// product accepts. The result is rounded to the fen (half away from zero,
/// <see cref="Money.RoundToFen"/>) only at the end, as a court judgment states it. Interest does
/// not accrue on an overpaid (negative) principal.
/// </remarks>
/// <param name="PrincipalOutstanding">Principal still owed; zero when overpaid.</param>
/// <param name="InterestDue">Interest accrued and not yet paid.</param>
/// <param name="Paid">Every payment up to the day.</param>
/// <param name="Overpaid">What was paid beyond all principal and interest; zero otherwise.</param>
public sealed record LawfulBalance(Money PrincipalOutstanding, Money InterestDue, Money Paid, Money Overpaid)
{
    /// <summary>Principal and interest owed; negative when the borrower has overpaid.</summary>
    public Money TotalDue => PrincipalOutstanding + InterestDue - Overpaid;

    /// <summary>
    /// Runs the account from <paramref name="start"/> to <paramref name="asOf"/>.
    /// </summary>
    /// <param name="principal">The principal at the start (the principal basis).</param>
    /// <param name="start">The contract date.</param>
    /// <param name="payments">Payments in date order; those after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The day the balance is wanted for.</param>
    /// <param name="rates">Annual rates, each applying from its date until the next one's; the first from <paramref name="start"/>.</param>
    /// <param name="dayCount">How days turn into a fraction of a year.</param>
    public static LawfulBalance Compute(
        Money principal,
        DateOnly start,
        IReadOnlyList<Payment> payments,
        DateOnly asOf,
        IReadOnlyList<(DateOnly From, decimal Annual)> rates,
        DayCount dayCount)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(rates);
        var daily = new double[rates.Count];
        for (var i = 0; i < daily.Length; i++)
        {
            daily[i] = (double)rates[i].Annual / dayCount.DaysPerYear();
        }

        var owed = principal.Yuan;
        var interest = 0m;
        var paid = 0m;
        var day = start;
        foreach (var payment in payments)
        {
            if (payment.Date > asOf)
            {
                break;
            }

            interest += Accrue(owed, day, payment.Date, rates, daily);
            day = payment.Date > day ? payment.Date : day;
            var amount = payment.Amount.Yuan;
            paid += amount;
            var toInterest = Math.Min(amount, interest);
            interest -= toInterest;
            owed -= amount - toInterest;
        }

        interest += Accrue(owed, day, asOf, rates, daily);
        return new LawfulBalance(
            new Money(Math.Max(owed, 0m)).RoundToFen(),
            new Money(interest).RoundToFen(),
            new Money(paid).RoundToFen(),
            new Money(Math.Max(-owed, 0m)).RoundToFen());
    }

    private static decimal Accrue(decimal owed, DateOnly from, DateOnly to, IReadOnlyList<(DateOnly From, decimal Annual)> rates, double[] daily)
    {
        if (owed <= 0m || to <= from)
        {
            return 0m;
        }

        var interest = 0.0;
        var principal = (double)owed;
        for (var i = 0; i < rates.Count; i++)
        {
            var segmentStart = i == 0 ? DateOnly.MinValue : rates[i].From;
            var segmentEnd = i + 1 < rates.Count ? rates[i + 1].From : DateOnly.MaxValue;
            var a = from > segmentStart ? from : segmentStart;
            var b = to < segmentEnd ? to : segmentEnd;
            if (b > a)
            {
                interest += principal * daily[i] * (b.DayNumber - a.DayNumber);
            }
        }

        return (decimal)interest;
    }
}

/// <summary>How days of interest turn into a fraction of a year.</summary>
public enum DayCount
{
    /// <summary>Actual days over 365: the default, and what Chinese courts usually compute with.</summary>
    Actual365,

    /// <summary>Actual days over 360: some contracts say so.</summary>
    Actual360,
}

/// <summary>The number of days in a year for each <see cref="DayCount"/>.</summary>
public static class DayCountExtensions
{
    /// <summary>365 or 360.</summary>
    public static int DaysPerYear(this DayCount dayCount) => dayCount switch
    {
        DayCount.Actual365 => 365,
        DayCount.Actual360 => 360,
    };
}
