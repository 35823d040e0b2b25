using DebtShield.Core.Loans;

namespace DebtShield.Core.Law;

/// <summary>
/// What is owed on a day under a given annual rate: simple interest on the outstanding
/// principal, payments applied to interest first and then to principal (unless the parties
/// applied a payment to principal: then to principal first, the rest in the usual order), a
/// payment beyond both counted as overpaid.
/// </summary>
/// <remarks>
/// Principal, payments and the running balance are exact decimals; each stretch of interest is
/// computed in binary floating point (a rate over 365 has no exact decimal form anyway, and this
/// keeps the account fast) to about 15 significant digits, far below a fen on any amount the
/// product accepts. The result is rounded to the fen (half away from zero,
/// <see cref="Money.RoundToFen"/>) only at the end, as a court judgment states it. Interest does
/// not accrue on an overpaid (negative) principal.
/// <para>
/// A stretch may carry a band above its rate that the law does not enforce but lets the lender
/// keep once paid (the 24%–36% band of the 2015 rules, Arts 26 and 31, for interest before
/// 2020-08-20). A payment goes to enforceable interest first, then to the band accrued so far,
/// then to principal; band interest left unpaid is simply not owed.
/// </para>
/// </remarks>
/// <param name="PrincipalOutstanding">Principal still owed; zero when overpaid.</param>
/// <param name="InterestDue">Interest accrued and not yet paid.</param>
/// <param name="Paid">Every payment up to the day.</param>
/// <param name="Overpaid">What was paid beyond all principal and interest; zero otherwise.</param>
public sealed record LawfulBalance(Money PrincipalOutstanding, Money InterestDue, Money Paid, Money Overpaid)
{
    /// <summary>
    /// Interest in a kept-if-paid band that was paid and stays with the lender: part of
    /// <see cref="Paid"/> that reduced neither interest due nor principal. Zero when no stretch has a band.
    /// </summary>
    public Money Retained { get; init; }

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
        ArgumentNullException.ThrowIfNull(rates);
        return Compute(principal, start, payments, asOf, [.. rates.Select(r => new AccrualRate(r.From, r.Annual))], dayCount);
    }

    /// <summary>
    /// Runs the account from <paramref name="start"/> to <paramref name="asOf"/>, with stretches
    /// that may carry a kept-if-paid band.
    /// </summary>
    /// <param name="principal">The principal at the start (the principal basis).</param>
    /// <param name="start">The contract date.</param>
    /// <param name="payments">Payments in date order; those after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The day the balance is wanted for.</param>
    /// <param name="rates">Stretches of accrual, each applying from its date until the next one's; the first from <paramref name="start"/>.</param>
    /// <param name="dayCount">How days turn into a fraction of a year.</param>
    public static LawfulBalance Compute(
        Money principal,
        DateOnly start,
        IReadOnlyList<Payment> payments,
        DateOnly asOf,
        IReadOnlyList<AccrualRate> rates,
        DayCount dayCount)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(rates);
        var paymentColumn = payments as Payment[] ?? [.. payments];
        var stretches = rates as AccrualRate[] ?? [.. rates];
        return Compute(principal, start, new ReadOnlySpan<Payment>(paymentColumn), asOf, new ReadOnlySpan<AccrualRate>(stretches), dayCount);
    }

    /// <summary>
    /// Runs the account over the loan's own payment column and stretches held on the caller's
    /// stack: the legal check runs it two to five times a loan (issue 27), without a list or an
    /// interface call a payment.
    /// </summary>
    internal static LawfulBalance Compute(
        Money principal,
        DateOnly start,
        ReadOnlySpan<Payment> payments,
        DateOnly asOf,
        scoped ReadOnlySpan<AccrualRate> rates,
        DayCount dayCount)
    {
        // A loan has one to three stretches: their day rates live on the stack.
        Span<double> rateStorage = rates.Length <= 8 ? stackalloc double[16] : new double[2 * rates.Length];
        var daily = rateStorage[..rates.Length];
        var bandDaily = rateStorage.Slice(rates.Length, rates.Length);
        var hasBand = false;
        for (var i = 0; i < daily.Length; i++)
        {
            daily[i] = (double)rates[i].Annual / dayCount.DaysPerYear();
            bandDaily[i] = (double)rates[i].KeptIfPaid / dayCount.DaysPerYear();
            hasBand |= bandDaily[i] != 0;
        }

        var owed = principal.Yuan;
        var interest = 0m;
        var band = 0m;
        var retained = 0m;
        var paid = 0m;
        var day = start;
        for (var p = 0; p < payments.Length; p++)
        {
            var payment = payments[p];
            if (payment.Date > asOf)
            {
                break;
            }

            interest += Accrue(owed, day, payment.Date, rates, daily);
            if (hasBand)
            {
                // Without a kept-if-paid band it accrues nothing, and adding that nothing is skipped.
                band += Accrue(owed, day, payment.Date, rates, bandDaily);
            }

            day = payment.Date > day ? payment.Date : day;
            var amount = payment.Amount.Yuan;
            paid += amount;
            if (payment.AppliesTo == PaymentTarget.Principal && owed > 0m)
            {
                // The parties' designation: principal falls today; interest already run stays due.
                var toPrincipal = Math.Min(amount, owed);
                owed -= toPrincipal;
                amount -= toPrincipal;
            }

            var toInterest = Math.Min(amount, interest);
            interest -= toInterest;
            var toBand = Math.Min(amount - toInterest, band);
            band -= toBand;
            retained += toBand;
            owed -= amount - toInterest - toBand;
        }

        interest += Accrue(owed, day, asOf, rates, daily);
        return new LawfulBalance(
            new Money(Math.Max(owed, 0m)).RoundToFen(),
            new Money(interest).RoundToFen(),
            new Money(paid).RoundToFen(),
            new Money(Math.Max(-owed, 0m)).RoundToFen())
        {
            Retained = new Money(retained).RoundToFen(),
        };
    }

    private static decimal Accrue(decimal owed, DateOnly from, DateOnly to, scoped ReadOnlySpan<AccrualRate> rates, ReadOnlySpan<double> daily)
    {
        if (owed <= 0m || to <= from)
        {
            return 0m;
        }

        var interest = 0.0;
        var principal = (double)owed;
        for (var i = 0; i < rates.Length; i++)
        {
            if (daily[i] == 0)
            {
                continue;
            }

            var segmentStart = i == 0 ? DateOnly.MinValue : rates[i].From;
            var segmentEnd = i + 1 < rates.Length ? rates[i + 1].From : DateOnly.MaxValue;
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

/// <summary>One stretch of lawful accrual.</summary>
/// <param name="From">The first day the stretch applies.</param>
/// <param name="Annual">The enforceable annual simple rate: interest at it is owed.</param>
/// <param name="KeptIfPaid">
/// An annual band above <paramref name="Annual"/> the law does not enforce but lets the lender keep
/// once paid (2015 rules Art 31); zero for none.
/// </param>
public readonly record struct AccrualRate(DateOnly From, decimal Annual, decimal KeptIfPaid = 0m);

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
