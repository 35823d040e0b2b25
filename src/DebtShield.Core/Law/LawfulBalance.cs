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
        var paymentColumn = new PaymentEntry[payments.Count];
        for (var i = 0; i < paymentColumn.Length; i++)
        {
            paymentColumn[i] = PaymentEntry.Of(payments[i]);
        }

        var stretches = rates as AccrualRate[] ?? [.. rates];
        return Compute(principal, start, new ReadOnlySpan<PaymentEntry>(paymentColumn), asOf, new ReadOnlySpan<AccrualRate>(stretches), dayCount);
    }

    /// <summary>
    /// Runs the account over the loan's own payment column and stretches held on the caller's
    /// stack: the legal check runs it two to five times a loan (issue 27), without a list or an
    /// interface call a payment.
    /// </summary>
    internal static LawfulBalance Compute(
        Money principal,
        DateOnly start,
        ReadOnlySpan<PaymentEntry> payments,
        DateOnly asOf,
        scoped ReadOnlySpan<AccrualRate> rates,
        DayCount dayCount) =>
        Compute(principal, start, payments, asOf, rates, dayCount, soFar: null);

    /// <summary>
    /// Runs the account as <see cref="Compute(Money, DateOnly, ReadOnlySpan{PaymentEntry}, DateOnly, ReadOnlySpan{AccrualRate}, DayCount)"/>
    /// does, and keeps it as it stood once the payments up to <paramref name="keepThrough"/> were
    /// applied: the legal check runs the contract's account first, and a view whose stretches accrue
    /// alike with the contract's up to that day (the licensed line above the contract's rate, until
    /// the arrears began) goes on from there instead of applying the same payments again (issue 27).
    /// </summary>
    /// <param name="principal">The principal at the start (the principal basis).</param>
    /// <param name="start">The contract date.</param>
    /// <param name="payments">Payments in date order; those after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The day the balance is wanted for.</param>
    /// <param name="rates">Stretches of accrual, each applying from its date until the next one's; the first from <paramref name="start"/>.</param>
    /// <param name="dayCount">How days turn into a fraction of a year.</param>
    /// <param name="keepThrough">The day to keep the account at (the day the arrears began, or the as-of day); the as-of day when later.</param>
    internal static (LawfulBalance Balance, AccountSoFar SoFar) ComputeAndKeep(
        Money principal,
        DateOnly start,
        ReadOnlySpan<PaymentEntry> payments,
        DateOnly asOf,
        AccrualRate[] rates,
        DayCount dayCount,
        DateOnly keepThrough)
    {
        var daily = new double[2 * rates.Length];
        var hasBand = DayRates(rates, dayCount, daily.AsSpan(0, rates.Length), daily.AsSpan(rates.Length));
        var account = new Account(principal.Yuan, start);
        var through = keepThrough < asOf ? keepThrough : asOf;
        Apply(ref account, payments, through, rates, daily.AsSpan(0, rates.Length), daily.AsSpan(rates.Length), hasBand);
        var soFar = new AccountSoFar(account, through, rates, daily, hasBand);
        Apply(ref account, payments, asOf, rates, daily.AsSpan(0, rates.Length), daily.AsSpan(rates.Length), hasBand);
        return (Close(in account, asOf, rates, daily.AsSpan(0, rates.Length)), soFar);
    }

    /// <summary>
    /// <see cref="Compute(Money, DateOnly, ReadOnlySpan{PaymentEntry}, DateOnly, ReadOnlySpan{AccrualRate}, DayCount)"/>,
    /// going on from <paramref name="soFar"/> (an account of the same loan and day count) where
    /// <paramref name="rates"/> accrue alike with its stretches up to its day: the same answer to
    /// the last digit, the shared payments having gone through the same operations in the same order.
    /// </summary>
    internal static LawfulBalance Compute(
        Money principal,
        DateOnly start,
        ReadOnlySpan<PaymentEntry> payments,
        DateOnly asOf,
        scoped ReadOnlySpan<AccrualRate> rates,
        DayCount dayCount,
        AccountSoFar? soFar)
    {
        // A loan has one to three stretches: their day rates live on the stack.
        Span<double> storage = rates.Length <= 8 ? stackalloc double[16] : new double[2 * rates.Length];
        var daily = storage[..rates.Length];
        var bandDaily = storage.Slice(rates.Length, rates.Length);
        var hasBand = DayRates(rates, dayCount, daily, bandDaily);
        var account = soFar is { } from && from.GoesOnWith(rates, daily, bandDaily, hasBand) ? from.Account : new Account(principal.Yuan, start);
        Apply(ref account, payments, asOf, rates, daily, bandDaily, hasBand);
        return Close(in account, asOf, rates, daily);
    }

    /// <summary>
    /// Runs two accounts of one loan whose stretches accrue alike up to a day, applying the payments
    /// up to that day once for both: an overdue account with the agreed terms and the same account
    /// at the cap differ only from the day the arrears began, and a batch's overdue loans have made
    /// most of their payments by then (issue 27). The first goes on from <paramref name="soFar"/>
    /// where its stretches accrue alike with that account's up to its day. The answers are those of
    /// two runs of
    /// <see cref="Compute(Money, DateOnly, ReadOnlySpan{PaymentEntry}, DateOnly, ReadOnlySpan{AccrualRate}, DayCount)"/>,
    /// to the last digit: the shared payments go through the same operations in the same order.
    /// </summary>
    internal static (LawfulBalance First, LawfulBalance Second) ComputeBoth(
        Money principal,
        DateOnly start,
        ReadOnlySpan<PaymentEntry> payments,
        DateOnly asOf,
        scoped ReadOnlySpan<AccrualRate> first,
        scoped ReadOnlySpan<AccrualRate> second,
        DayCount dayCount,
        AccountSoFar? soFar = null)
    {
        Span<double> firstStorage = first.Length <= 8 ? stackalloc double[16] : new double[2 * first.Length];
        Span<double> secondStorage = second.Length <= 8 ? stackalloc double[16] : new double[2 * second.Length];
        var firstDaily = firstStorage[..first.Length];
        var firstBandDaily = firstStorage.Slice(first.Length, first.Length);
        var secondDaily = secondStorage[..second.Length];
        var secondBandDaily = secondStorage.Slice(second.Length, second.Length);
        var firstHasBand = DayRates(first, dayCount, firstDaily, firstBandDaily);
        var secondHasBand = DayRates(second, dayCount, secondDaily, secondBandDaily);

        var fresh = new Account(principal.Yuan, start);
        var firstAccount = fresh;
        var kept = DateOnly.MinValue;
        if (soFar is { } from && from.GoesOnWith(first, firstDaily, firstBandDaily, firstHasBand))
        {
            firstAccount = from.Account;
            kept = from.Through;
        }

        var secondAccount = fresh;
        if (firstHasBand == secondHasBand && AlikeThrough(first, firstDaily, firstBandDaily, second, secondDaily, secondBandDaily) is { } alike && kept <= alike)
        {
            // The first has applied nothing past the day the two part: the second starts from it there.
            Apply(ref firstAccount, payments, alike < asOf ? alike : asOf, first, firstDaily, firstBandDaily, firstHasBand);
            secondAccount = firstAccount;
        }

        Apply(ref firstAccount, payments, asOf, first, firstDaily, firstBandDaily, firstHasBand);
        Apply(ref secondAccount, payments, asOf, second, secondDaily, secondBandDaily, secondHasBand);
        return (Close(in firstAccount, asOf, first, firstDaily), Close(in secondAccount, asOf, second, secondDaily));
    }

    /// <summary>Each stretch's day rate and kept-if-paid band's day rate; whether any stretch has a band.</summary>
    private static bool DayRates(scoped ReadOnlySpan<AccrualRate> rates, DayCount dayCount, Span<double> daily, Span<double> bandDaily)
    {
        var hasBand = false;
        for (var i = 0; i < daily.Length; i++)
        {
            daily[i] = (double)rates[i].Annual / dayCount.DaysPerYear();
            bandDaily[i] = (double)rates[i].KeptIfPaid / dayCount.DaysPerYear();
            hasBand |= bandDaily[i] != 0;
        }

        return hasBand;
    }

    /// <summary>
    /// The last day up to which two sets of stretches accrue the same interest over any interval
    /// (their leading stretches equal, every later one starting on or after it), or
    /// <see langword="null"/> when they differ from the first.
    /// </summary>
    private static DateOnly? AlikeThrough(
        scoped ReadOnlySpan<AccrualRate> first,
        ReadOnlySpan<double> firstDaily,
        ReadOnlySpan<double> firstBandDaily,
        scoped ReadOnlySpan<AccrualRate> second,
        ReadOnlySpan<double> secondDaily,
        ReadOnlySpan<double> secondBandDaily)
    {
        var same = 0;
        while (same < first.Length && same < second.Length && first[same].From == second[same].From
            && firstDaily[same] == secondDaily[same] && firstBandDaily[same] == secondBandDaily[same])
        {
            same++;
        }

        if (same == 0)
        {
            return null;
        }

        var firstEnd = same < first.Length ? first[same].From : DateOnly.MaxValue;
        var secondEnd = same < second.Length ? second[same].From : DateOnly.MaxValue;
        var through = firstEnd < secondEnd ? firstEnd : secondEnd;
        for (var i = same; i < first.Length; i++)
        {
            if (first[i].From < through)
            {
                return null;
            }
        }

        for (var i = same; i < second.Length; i++)
        {
            if (second[i].From < through)
            {
                return null;
            }
        }

        return through;
    }

    /// <summary>Applies the payments from the next one not yet applied through <paramref name="through"/>.</summary>
    private static void Apply(
        ref Account account,
        ReadOnlySpan<PaymentEntry> payments,
        DateOnly through,
        scoped ReadOnlySpan<AccrualRate> rates,
        ReadOnlySpan<double> daily,
        ReadOnlySpan<double> bandDaily,
        bool hasBand)
    {
        var (owed, interest, band, retained, paid, day) = (account.Owed, account.Interest, account.Band, account.Retained, account.Paid, account.Day);
        var p = account.Applied;
        for (; p < payments.Length; p++)
        {
            var payment = payments[p];
            if (payment.Date > through)
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
            if (!hasBand)
            {
                // Without a band nothing is kept: the rest goes to principal, with none of the band's
                // arithmetic on zeros (the same exact decimals, a third of a payment's cost; issue 27).
                owed -= amount - toInterest;
                continue;
            }

            var toBand = Math.Min(amount - toInterest, band);
            band -= toBand;
            retained += toBand;
            owed -= amount - toInterest - toBand;
        }

        account = new Account(owed, day) { Interest = interest, Band = band, Retained = retained, Paid = paid, Applied = p };
    }

    /// <summary>The balance on <paramref name="asOf"/>: interest run to the day, each figure rounded to the fen.</summary>
    private static LawfulBalance Close(in Account account, DateOnly asOf, scoped ReadOnlySpan<AccrualRate> rates, ReadOnlySpan<double> daily)
    {
        var owed = account.Owed;
        var interest = account.Interest + Accrue(owed, account.Day, asOf, rates, daily);
        return new LawfulBalance(
            new Money(Math.Max(owed, 0m)).RoundToFen(),
            new Money(interest).RoundToFen(),
            new Money(account.Paid).RoundToFen(),
            new Money(Math.Max(-owed, 0m)).RoundToFen())
        {
            Retained = new Money(account.Retained).RoundToFen(),
        };
    }

    private static decimal Accrue(decimal owed, DateOnly from, DateOnly to, scoped ReadOnlySpan<AccrualRate> rates, ReadOnlySpan<double> daily)
    {
        if (owed <= 0m || to <= from)
        {
            return 0m;
        }

        var principal = (double)owed;
        if (rates.Length == 1)
        {
            // One stretch, as the contract's account and a loan's views before its arrears run: the
            // same product the loop forms (0 + x is x for the x ≥ 0 it adds), without its clamping.
            return (decimal)(principal * daily[0] * (to.DayNumber - from.DayNumber));
        }

        var interest = 0.0;
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

    /// <summary>
    /// An account kept as it stood once the payments up to <see cref="Through"/> were applied, with
    /// the stretches it accrued at: another account of the same loan whose stretches accrue alike
    /// with these up to that day stands there exactly as this one did
    /// (<see cref="ComputeAndKeep"/>).
    /// </summary>
    internal readonly struct AccountSoFar
    {
        private readonly AccrualRate[] _rates;
        private readonly double[] _daily;
        private readonly bool _hasBand;

        internal AccountSoFar(Account account, DateOnly through, AccrualRate[] rates, double[] daily, bool hasBand)
        {
            Account = account;
            Through = through;
            _rates = rates;
            _daily = daily;
            _hasBand = hasBand;
        }

        /// <summary>The account once the payments up to <see cref="Through"/> were applied.</summary>
        internal Account Account { get; }

        /// <summary>The last day whose payments the account has applied.</summary>
        internal DateOnly Through { get; }

        /// <summary>
        /// Whether an account at <paramref name="rates"/> stands where this one does: its stretches
        /// accrue alike with this one's at least through <see cref="Through"/>, and it has a
        /// kept-if-paid band exactly when this one has (the band's arithmetic is skipped without one).
        /// </summary>
        internal bool GoesOnWith(scoped ReadOnlySpan<AccrualRate> rates, ReadOnlySpan<double> daily, ReadOnlySpan<double> bandDaily, bool hasBand) =>
            hasBand == _hasBand
            && AlikeThrough(_rates, _daily.AsSpan(0, _rates.Length), _daily.AsSpan(_rates.Length), rates, daily, bandDaily) is { } alike
            && Through <= alike;
    }

    /// <summary>
    /// An account part-way through its payments: what is owed, the enforceable interest and the band
    /// accrued and not yet paid, what the band kept and what was paid, the day interest has run to and
    /// how many payments were applied. A value, so that two accounts can part from one.
    /// </summary>
    /// <param name="Owed">Principal owed; negative when overpaid.</param>
    /// <param name="Day">The day interest has run to.</param>
    internal readonly record struct Account(decimal Owed, DateOnly Day)
    {
        public decimal Interest { get; init; }

        public decimal Band { get; init; }

        public decimal Retained { get; init; }

        public decimal Paid { get; init; }

        public int Applied { get; init; }
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
