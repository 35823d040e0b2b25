using System.Collections.ObjectModel;
using System.Globalization;

namespace DebtShield.Core.Loans;

/// <summary>
/// The facts of one loan: what was contracted, what actually arrived, what the lender's schedule
/// asks for, what was paid and what was advertised. Rates and lawful balances are derived from
/// these facts on demand and never stored beside them.
/// </summary>
/// <remarks>
/// A <see cref="Loan"/> can only be obtained from <see cref="Create"/>, which checks every fact
/// and reports all problems at once, so code that holds a loan can trust it: the principal is
/// positive, no more arrived than was contracted, the upfront fees leave something in the
/// borrower's hands, the schedule repays something and its due dates follow the contract date
/// in order, and no payment predates the contract.
/// </remarks>
public sealed class Loan
{
    // The schedule as two columns, the form every rate reads; the instalments as records are made
    // from them only when asked for (a loan made from totals, as a batch line makes it, may never be).
    private readonly DateOnly[] _dueDates;
    private readonly Money[] _totals;
    private readonly PaymentEntry[] _payments;
    private IReadOnlyList<Instalment>? _schedule;
    private IReadOnlyList<Payment>? _paymentRecords;

    private Loan(
        string id,
        Lender lender,
        DateOnly contractDate,
        Money principal,
        Money received,
        UpfrontFee[] upfrontFees,
        DateOnly[] dueDates,
        Money[] totals,
        Instalment[]? schedule,
        PaymentEntry[] payments,
        AdvertisedRate? advertised,
        OverdueTerms overdueTerms,
        Money upfrontFeeTotal,
        Money scheduledTotal)
    {
        Id = id;
        Lender = lender;
        ContractDate = contractDate;
        Principal = principal;
        Received = received;
        UpfrontFees = upfrontFees.Length == 0 ? ReadOnlyCollection<UpfrontFee>.Empty : Array.AsReadOnly(upfrontFees);
        _dueDates = dueDates;
        _totals = totals;
        _schedule = schedule is null ? null : Array.AsReadOnly(schedule);
        InstalmentsChargeFees = schedule is not null && Array.Exists(schedule, i => i.Fees is { IsPositive: true });
        _payments = payments;
        Advertised = advertised;
        OverdueTerms = overdueTerms;

        // The two sums every rate and report reads, more than once a loan: a loan never changes,
        // so they are added up once, by the checks that read every amount anyway.
        UpfrontFeeTotal = upfrontFeeTotal;
        ScheduledTotal = scheduledTotal;

        // And the two figures made from them that every rate and report reads several times a
        // loan (a batch's report some dozen decimal sums a line, issue 27), made once the same way.
        UpfrontDeduction = Deducted + upfrontFeeTotal;
        PrincipalBasis = BasisOf(principal, received, upfrontFeeTotal);
    }

    /// <summary>The borrower's own name for the loan, or the file or line it came from.</summary>
    public string Id { get; }

    /// <summary>Who lent the money.</summary>
    public Lender Lender { get; }

    /// <summary>The day the money arrived.</summary>
    public DateOnly ContractDate { get; }

    /// <summary>The contract amount (合同金额), the figure the lender charges interest on.</summary>
    public Money Principal { get; }

    /// <summary>What actually arrived in the borrower's account; at most <see cref="Principal"/>.</summary>
    public Money Received { get; }

    /// <summary>Fees the borrower paid out of pocket at or before the first instalment.</summary>
    public IReadOnlyList<UpfrontFee> UpfrontFees { get; }

    /// <summary>The lender's schedule, due dates strictly after the contract date and in order.</summary>
    public IReadOnlyList<Instalment> Schedule => _schedule ?? ScheduleFromTotals();

    /// <summary>Each instalment's due date, in schedule order. Shared, never written: the loan's own column.</summary>
    internal DateOnly[] DueDates => _dueDates;

    /// <summary>Each instalment's total, in schedule order. Shared, never written: the loan's own column.</summary>
    internal Money[] InstalmentTotals => _totals;

    /// <summary>
    /// Whether an instalment states fees of its own (never for a loan made from totals): read
    /// without making the instalments a loan from totals does not hold.
    /// </summary>
    internal bool InstalmentsChargeFees { get; }

    /// <summary>What the borrower actually paid, in date order.</summary>
    public IReadOnlyList<Payment> Payments => _paymentRecords ?? PaymentsFromColumn();

    /// <summary>
    /// The payments as the loan's own column of values, for the accounts the legal check runs
    /// several times a loan (no interface call and no record a payment). Shared, never written.
    /// </summary>
    internal ReadOnlySpan<PaymentEntry> PaymentColumn => _payments;

    /// <summary>The rate the lender advertised, if the borrower knows it.</summary>
    public AdvertisedRate? Advertised { get; }

    /// <summary>What the contract agrees for late payment; <see cref="OverdueTerms.Unknown"/> unless the borrower said.</summary>
    public OverdueTerms OverdueTerms { get; }

    /// <summary>What was kept back before the money arrived (砍头息): principal minus received.</summary>
    public Money Deducted => Principal - Received;

    /// <summary>The sum of the upfront fees.</summary>
    public Money UpfrontFeeTotal { get; }

    /// <summary>
    /// The upfront deduction: what was deducted before the money arrived plus the upfront fees.
    /// </summary>
    public Money UpfrontDeduction { get; }

    /// <summary>
    /// What the borrower really had the use of at the start: the contract principal less the
    /// upfront deduction. The law treats this, not the contract amount, as the principal.
    /// </summary>
    public Money PrincipalBasis { get; }

    /// <summary>Everything the schedule asks the borrower to pay.</summary>
    public Money ScheduledTotal { get; }

    /// <summary>The last due date of the schedule.</summary>
    public DateOnly FinalDueDate => _dueDates[^1];

    /// <summary>
    /// True when <paramref name="other"/> holds the same facts: name, lender, dates, amounts (as
    /// values: 6000 and 6000.00 are the same), schedule, fees, payments and advertised rate.
    /// Importing a file twice uses this to recognise a loan it already holds.
    /// </summary>
    public bool HasSameFacts(Loan other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id
            && Lender == other.Lender
            && ContractDate == other.ContractDate
            && Principal == other.Principal
            && Received == other.Received
            && Advertised == other.Advertised
            && OverdueTerms == other.OverdueTerms
            && Schedule.SequenceEqual(other.Schedule)
            && UpfrontFees.SequenceEqual(other.UpfrontFees)
            && _payments.AsSpan().SequenceEqual(other._payments);
    }

    /// <summary>
    /// Checks the facts and creates the loan, or reports every problem found, each with the field
    /// of the loan file it concerns. Nothing here throws for bad facts: a borrower's file
    /// deserves the whole list of what to fix.
    /// </summary>
    /// <param name="id">The loan's name.</param>
    /// <param name="lender">Who lent the money.</param>
    /// <param name="contractDate">The day the money arrived.</param>
    /// <param name="principal">The contract amount.</param>
    /// <param name="received">What arrived; <see langword="null"/> means the whole principal.</param>
    /// <param name="upfrontFees">Fees paid at or before disbursement.</param>
    /// <param name="schedule">The lender's schedule.</param>
    /// <param name="payments">What was actually paid.</param>
    /// <param name="advertised">The advertised rate, if known.</param>
    /// <param name="overdueTerms">What the contract agrees for late payment; <see langword="null"/> means not known.</param>
    public static LoanCreation Create(
        string id,
        Lender lender,
        DateOnly contractDate,
        Money principal,
        Money? received,
        IEnumerable<UpfrontFee> upfrontFees,
        IEnumerable<Instalment> schedule,
        IEnumerable<Payment> payments,
        AdvertisedRate? advertised,
        OverdueTerms? overdueTerms = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(lender);
        ArgumentNullException.ThrowIfNull(upfrontFees);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(payments);

        var instalments = schedule.ToArray();
        var dueDates = new DateOnly[instalments.Length];
        var totals = new Money[instalments.Length];
        for (var i = 0; i < instalments.Length; i++)
        {
            dueDates[i] = instalments[i].DueDate;
            totals[i] = instalments[i].Total;
        }

        return Created(id, lender, contractDate, principal, received, upfrontFees.ToArray(), dueDates, totals, instalments, Entries(payments), advertised, overdueTerms);
    }

    /// <summary>
    /// <see cref="Create"/> for a schedule that gives each instalment's total only, as most lenders'
    /// apps show it: the same checks, the same loan, without an <see cref="Instalment"/> made for
    /// each line of the schedule until someone reads <see cref="Schedule"/>. A batch of millions of
    /// loans, which reads only the dates and totals, makes its loans this way.
    /// </summary>
    /// <param name="id">The loan's name.</param>
    /// <param name="lender">Who lent the money.</param>
    /// <param name="contractDate">The day the money arrived.</param>
    /// <param name="principal">The contract amount.</param>
    /// <param name="received">What arrived; <see langword="null"/> means the whole principal.</param>
    /// <param name="upfrontFees">Fees paid at or before disbursement.</param>
    /// <param name="dueDates">Each instalment's due date, in schedule order.</param>
    /// <param name="totals">Each instalment's total, in the order of <paramref name="dueDates"/>.</param>
    /// <param name="payments">What was actually paid.</param>
    /// <param name="advertised">The advertised rate, if known.</param>
    /// <exception cref="ArgumentException">The two columns differ in length.</exception>
    public static LoanCreation CreateFromTotals(
        string id,
        Lender lender,
        DateOnly contractDate,
        Money principal,
        Money? received,
        IEnumerable<UpfrontFee> upfrontFees,
        ReadOnlySpan<DateOnly> dueDates,
        ReadOnlySpan<Money> totals,
        IEnumerable<Payment> payments,
        AdvertisedRate? advertised)
    {
        CheckColumns(id, lender, upfrontFees, dueDates, totals);
        ArgumentNullException.ThrowIfNull(payments);
        return Created(id, lender, contractDate, principal, received, upfrontFees.ToArray(), dueDates.ToArray(), totals.ToArray(), null, Entries(payments), advertised, null);
    }

    /// <summary>
    /// <see cref="CreateFromTotals(string, Lender, DateOnly, Money, Money?, IEnumerable{UpfrontFee}, ReadOnlySpan{DateOnly}, ReadOnlySpan{Money}, IEnumerable{Payment}, AdvertisedRate?)"/>
    /// with the payments as two columns too, none of them designated: the same checks, the same
    /// loan, without a <see cref="Payment"/> made for each payment of a batch line until someone
    /// reads <see cref="Payments"/> (issue 27).
    /// </summary>
    /// <param name="id">The loan's name.</param>
    /// <param name="lender">Who lent the money.</param>
    /// <param name="contractDate">The day the money arrived.</param>
    /// <param name="principal">The contract amount.</param>
    /// <param name="received">What arrived; <see langword="null"/> means the whole principal.</param>
    /// <param name="upfrontFees">Fees paid at or before disbursement.</param>
    /// <param name="dueDates">Each instalment's due date, in schedule order.</param>
    /// <param name="totals">Each instalment's total, in the order of <paramref name="dueDates"/>.</param>
    /// <param name="paidOn">The day of each payment, in any order.</param>
    /// <param name="paidAmounts">What each payment was, in the order of <paramref name="paidOn"/>.</param>
    /// <param name="advertised">The advertised rate, if known.</param>
    /// <exception cref="ArgumentException">Two columns of a pair differ in length.</exception>
    public static LoanCreation CreateFromTotals(
        string id,
        Lender lender,
        DateOnly contractDate,
        Money principal,
        Money? received,
        IEnumerable<UpfrontFee> upfrontFees,
        ReadOnlySpan<DateOnly> dueDates,
        ReadOnlySpan<Money> totals,
        ReadOnlySpan<DateOnly> paidOn,
        ReadOnlySpan<Money> paidAmounts,
        AdvertisedRate? advertised)
    {
        CheckColumns(id, lender, upfrontFees, dueDates, totals);
        if (paidOn.Length != paidAmounts.Length)
        {
            throw new ArgumentException("Every payment's day needs exactly one amount.", nameof(paidAmounts));
        }

        var paid = paidOn.Length == 0 ? [] : new PaymentEntry[paidOn.Length];
        Entries(paidOn, paidAmounts, paid);
        return Created(id, lender, contractDate, principal, received, upfrontFees.ToArray(), dueDates.ToArray(), totals.ToArray(), null, paid, advertised, null);
    }

    /// <summary>
    /// Whether <see cref="CreateFromTotals(string, Lender, DateOnly, Money, Money?, IEnumerable{UpfrontFee}, ReadOnlySpan{DateOnly}, ReadOnlySpan{Money}, ReadOnlySpan{DateOnly}, ReadOnlySpan{Money}, AdvertisedRate?)"/>
    /// would make a loan of these facts, by the same checks, and the loan's
    /// <see cref="PrincipalBasis"/> when it would; nothing is made or kept. A batch asked only for
    /// the IRR needs no more of a loan than this and its schedule's columns (issue 27); a line
    /// refused here is read again the ordinary way, which words every problem.
    /// </summary>
    /// <param name="contractDate">The day the money arrived.</param>
    /// <param name="principal">The contract amount.</param>
    /// <param name="received">What arrived; <see langword="null"/> means the whole principal.</param>
    /// <param name="upfrontFees">Fees paid at or before disbursement.</param>
    /// <param name="dueDates">Each instalment's due date, in schedule order.</param>
    /// <param name="totals">Each instalment's total, in the order of <paramref name="dueDates"/>.</param>
    /// <param name="paidOn">The day of each payment, in any order.</param>
    /// <param name="paidAmounts">What each payment was, in the order of <paramref name="paidOn"/>.</param>
    /// <param name="principalBasis">The principal basis of the loan these facts make; zero when they make none.</param>
    /// <exception cref="ArgumentException">Two columns of a pair differ in length.</exception>
    public static bool HoldFromTotals(
        DateOnly contractDate,
        Money principal,
        Money? received,
        ReadOnlySpan<UpfrontFee> upfrontFees,
        ReadOnlySpan<DateOnly> dueDates,
        ReadOnlySpan<Money> totals,
        ReadOnlySpan<DateOnly> paidOn,
        ReadOnlySpan<Money> paidAmounts,
        out Money principalBasis)
    {
        principalBasis = Money.Zero;
        if (dueDates.Length != totals.Length || paidOn.Length != paidAmounts.Length)
        {
            throw new ArgumentException("Every due date needs exactly one total, and every payment's day one amount.", nameof(totals));
        }

        // The checks read each payment as an entry: on the stack for a batch line's few payments.
        const int OnTheStack = 64;
        var paid = paidOn.Length <= OnTheStack ? stackalloc PaymentEntry[paidOn.Length] : new PaymentEntry[paidOn.Length];
        Entries(paidOn, paidAmounts, paid);
        var arrived = received ?? principal;
        if (Problems(principal, arrived, upfrontFees, dueDates, totals, null, paid, contractDate, OverdueTerms.Unknown, out var upfrontFeeTotal, out _) is not null)
        {
            return false;
        }

        principalBasis = BasisOf(principal, arrived, upfrontFeeTotal);
        return true;
    }

    /// <summary>
    /// The principal basis: <paramref name="principal"/> less the upfront deduction, what was kept back
    /// (principal less <paramref name="received"/>) plus <paramref name="upfrontFeeTotal"/>; one home for a
    /// loan's <see cref="PrincipalBasis"/> and <see cref="HoldFromTotals"/>, whose IRR must match the loan's to the bit.
    /// </summary>
    private static Money BasisOf(Money principal, Money received, Money upfrontFeeTotal) =>
        principal - ((principal - received) + upfrontFeeTotal);

    /// <summary>Each payment of two columns as an entry toward no designated part, into <paramref name="entries"/>.</summary>
    private static void Entries(ReadOnlySpan<DateOnly> paidOn, ReadOnlySpan<Money> paidAmounts, Span<PaymentEntry> entries)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new PaymentEntry(paidOn[i], paidAmounts[i], PaymentTarget.Default);
        }
    }

    /// <summary>
    /// The arguments both doors from totals take alike: none missing, one total per due date. A
    /// caller's mistake, not a fact of the loan, so it throws rather than joining the problems.
    /// </summary>
    private static void CheckColumns(string id, Lender lender, IEnumerable<UpfrontFee> upfrontFees, ReadOnlySpan<DateOnly> dueDates, ReadOnlySpan<Money> totals)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(lender);
        ArgumentNullException.ThrowIfNull(upfrontFees);
        if (dueDates.Length != totals.Length)
        {
            throw new ArgumentException("Every due date needs exactly one total.", nameof(totals));
        }
    }

    /// <summary>The column of <paramref name="payments"/>.</summary>
    private static PaymentEntry[] Entries(IEnumerable<Payment> payments)
    {
        var records = payments as Payment[] ?? [.. payments];
        var entries = records.Length == 0 ? [] : new PaymentEntry[records.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = PaymentEntry.Of(records[i]);
        }

        return entries;
    }

    /// <summary>The one way in of both doors: the checks, then the loan; <paramref name="instalments"/> (with their parts) when the caller had them.</summary>
    private static LoanCreation Created(
        string id,
        Lender lender,
        DateOnly contractDate,
        Money principal,
        Money? received,
        UpfrontFee[] fees,
        DateOnly[] dueDates,
        Money[] totals,
        Instalment[]? instalments,
        PaymentEntry[] paid,
        AdvertisedRate? advertised,
        OverdueTerms? overdueTerms)
    {
        var arrived = received ?? principal;
        var terms = overdueTerms ?? OverdueTerms.Unknown;

        // A batch creates millions of valid loans: the checks make a problem list, and a field's
        // path, only for a fact that is wrong, and add up the totals the loan keeps as they read.
        var problems = Problems(principal, arrived, fees, dueDates, totals, instalments, paid, contractDate, terms, out var upfrontFeeTotal, out var scheduledTotal);
        if (problems is not null)
        {
            return new LoanCreation(null, problems);
        }

        if (!InOrder(paid))
        {
            // Same-day payments are ordered by amount and designation too, so the order never depends on how they were entered.
            Array.Sort(paid, PaymentEntry.Compare);
        }

        var loan = new Loan(id, lender, contractDate, principal, arrived, fees, dueDates, totals, instalments, paid, advertised, terms, upfrontFeeTotal, scheduledTotal);
        return new LoanCreation(loan, []);
    }

    /// <summary>
    /// Whether the payments are in the loan's order already, as a lender's statement and a batch's
    /// lines give them: checked in one pass rather than sorted again (issue 27). Entries equal in
    /// that order are equal facts, so which of them comes first changes nothing a loan says.
    /// </summary>
    private static bool InOrder(ReadOnlySpan<PaymentEntry> paid)
    {
        for (var i = 1; i < paid.Length; i++)
        {
            if (PaymentEntry.Compare(paid[i - 1], paid[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The payments as records, made once when first asked for.</summary>
    private IReadOnlyList<Payment> PaymentsFromColumn()
    {
        if (_payments.Length == 0)
        {
            return ReadOnlyCollection<Payment>.Empty;
        }

        var records = new Payment[_payments.Length];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = _payments[i].ToPayment();
        }

        // Two threads may both make them; every reader then sees the first kept.
        var payments = Array.AsReadOnly(records);
        return Interlocked.CompareExchange(ref _paymentRecords, payments, null) ?? payments;
    }

    /// <summary>The instalments of a loan made from totals, made once when first asked for.</summary>
    private IReadOnlyList<Instalment> ScheduleFromTotals()
    {
        var instalments = new Instalment[_dueDates.Length];
        for (var i = 0; i < instalments.Length; i++)
        {
            instalments[i] = new Instalment(_dueDates[i], _totals[i]);
        }

        // Two threads may both make it; every reader then sees the first one kept.
        var schedule = Array.AsReadOnly(instalments);
        return Interlocked.CompareExchange(ref _schedule, schedule, null) ?? schedule;
    }

    /// <summary>
    /// Every problem with the facts, in the order the file's reader reports them (a loan refused
    /// deserves the whole list), or <see langword="null"/> when there is none; the two totals the
    /// loan keeps, when there is none. The schedule is its two columns, with the
    /// <paramref name="instalments"/> whose parts are checked too when the caller had them.
    /// </summary>
    private static List<LoanProblem>? Problems(
        Money principal, Money arrived, ReadOnlySpan<UpfrontFee> fees, ReadOnlySpan<DateOnly> dueDates, ReadOnlySpan<Money> totals, Instalment[]? instalments,
        ReadOnlySpan<PaymentEntry> paid, DateOnly contractDate, OverdueTerms terms,
        out Money upfrontFeeTotal, out Money scheduledTotal)
    {
        List<LoanProblem>? problems = null;
        upfrontFeeTotal = scheduledTotal = Money.Zero;

        if (!principal.IsPositive)
        {
            (problems ??= []).Add(new LoanProblem("principal", LoanProblemKind.NotPositive));
        }

        if (!arrived.IsPositive)
        {
            (problems ??= []).Add(new LoanProblem("received", LoanProblemKind.NotPositive));
        }
        else if (arrived > principal && principal.IsPositive)
        {
            (problems ??= []).Add(new LoanProblem("received", LoanProblemKind.ReceivedAbovePrincipal));
        }

        var before = problems?.Count ?? 0;
        if (TooLarge(principal))
        {
            (problems ??= []).Add(new LoanProblem("principal", LoanProblemKind.ImplausiblyLarge));
        }

        if (TooLarge(arrived))
        {
            (problems ??= []).Add(new LoanProblem("received", LoanProblemKind.ImplausiblyLarge));
        }

        for (var i = 0; i < fees.Length; i++)
        {
            if (TooLarge(fees[i].Amount))
            {
                (problems ??= []).Add(new LoanProblem(Field("upfrontFees", i, "amount"), LoanProblemKind.ImplausiblyLarge));
            }
        }

        for (var i = 0; i < totals.Length; i++)
        {
            if (TooLarge(totals[i]))
            {
                (problems ??= []).Add(new LoanProblem(Field("schedule", i, "total"), LoanProblemKind.ImplausiblyLarge));
            }

            if (instalments is null)
            {
                continue;
            }

            var instalment = instalments[i];
            foreach (var (part, name) in (ReadOnlySpan<(Money?, string)>)[(instalment.Principal, "principal"), (instalment.Interest, "interest"), (instalment.Fees, "fees")])
            {
                if (TooLarge(part ?? Money.Zero))
                {
                    (problems ??= []).Add(new LoanProblem(Field("schedule", i, name), LoanProblemKind.ImplausiblyLarge));
                }
            }
        }

        for (var i = 0; i < paid.Length; i++)
        {
            if (TooLarge(paid[i].Amount))
            {
                (problems ??= []).Add(new LoanProblem(Field("payments", i, "amount"), LoanProblemKind.ImplausiblyLarge));
            }
        }

        if (!ReferenceEquals(terms, OverdueTerms.Unknown) && !ReferenceEquals(terms, OverdueTerms.NoneAgreed))
        {
            CheckOverdueTerms(terms, ref problems);
        }

        if ((problems?.Count ?? 0) > before)
        {
            return problems;
        }

        scheduledTotal = CheckSchedule(contractDate, dueDates, totals, instalments, ref problems);
        upfrontFeeTotal = CheckFees(fees, dueDates, arrived, ref problems);
        CheckPayments(contractDate, paid, ref problems);
        return problems;
    }

    /// <summary>The schedule's problems; its total.</summary>
    private static Money CheckSchedule(DateOnly contractDate, ReadOnlySpan<DateOnly> dueDates, ReadOnlySpan<Money> totals, Instalment[]? instalments, ref List<LoanProblem>? problems)
    {
        if (dueDates.Length == 0)
        {
            (problems ??= []).Add(new LoanProblem("schedule", LoanProblemKind.Empty));
            return Money.Zero;
        }

        var previous = contractDate;
        var total = Money.Zero;
        for (var i = 0; i < dueDates.Length; i++)
        {
            var dueDate = dueDates[i];
            if (dueDate <= previous)
            {
                (problems ??= []).Add(new LoanProblem(
                    Field("schedule", i, "dueDate"),
                    i == 0 ? LoanProblemKind.NotAfterContractDate : LoanProblemKind.OutOfOrder));
            }

            previous = dueDate > previous ? dueDate : previous;

            if (totals[i].IsNegative)
            {
                (problems ??= []).Add(new LoanProblem(Field("schedule", i, "total"), LoanProblemKind.Negative));
            }

            if (instalments is not null)
            {
                CheckParts(instalments[i], i, ref problems);
            }

            total += totals[i];
        }

        if (!total.IsPositive)
        {
            (problems ??= []).Add(new LoanProblem("schedule", LoanProblemKind.NeverRepays));
        }

        return total;
    }

    /// <summary>
    /// Whether an amount is beyond <see cref="LargestAmount"/>. An amount whose digits fit in 32 bits
    /// (any amount under 4.29 billion yuan, at any number of decimals) is below it without the
    /// comparison, which aligns the two decimals' scales: a batch line's seventy-odd amounts are
    /// all such (issue 27).
    /// </summary>
    private static bool TooLarge(Money amount)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount.Yuan, bits);
        return (bits[1] | bits[2]) != 0 && Math.Abs(amount.Yuan) > LargestAmount;
    }

    /// <summary>The path of a field of a list item: <c>schedule[2].total</c>.</summary>
    private static string Field(string list, int index, string leaf) =>
        string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{leaf}");

    /// <summary>An instalment's parts: none negative, and together its total to the fen or so.</summary>
    private static void CheckParts(Instalment instalment, int index, ref List<LoanProblem>? problems)
    {
        CheckPart(instalment.Principal, index, "principal", ref problems);
        CheckPart(instalment.Interest, index, "interest", ref problems);
        CheckPart(instalment.Fees, index, "fees", ref problems);

        if (instalment.Principal is not null || instalment.Interest is not null || instalment.Fees is not null)
        {
            var parts = (instalment.Principal ?? Money.Zero) + (instalment.Interest ?? Money.Zero) + (instalment.Fees ?? Money.Zero);
            if (Math.Abs(parts.Yuan - instalment.Total.Yuan) > PartsTolerance)
            {
                (problems ??= []).Add(new LoanProblem(Field("schedule", index, "total"), LoanProblemKind.PartsDisagreeWithTotal));
            }
        }
    }

    private static void CheckPart(Money? part, int index, string leaf, ref List<LoanProblem>? problems)
    {
        if (part is { IsNegative: true })
        {
            (problems ??= []).Add(new LoanProblem(Field("schedule", index, leaf), LoanProblemKind.Negative));
        }
    }

    /// <summary>The upfront fees' problems; their total.</summary>
    private static Money CheckFees(ReadOnlySpan<UpfrontFee> fees, ReadOnlySpan<DateOnly> dueDates, Money received, ref List<LoanProblem>? problems)
    {
        var total = Money.Zero;
        for (var i = 0; i < fees.Length; i++)
        {
            var fee = fees[i];
            if (!fee.Amount.IsPositive)
            {
                (problems ??= []).Add(new LoanProblem($"upfrontFees[{i}].amount", LoanProblemKind.NotPositive));
            }

            if (dueDates.Length > 0 && fee.Date > dueDates[0])
            {
                (problems ??= []).Add(new LoanProblem($"upfrontFees[{i}].date", LoanProblemKind.FeeAfterFirstInstalment));
            }

            total += fee.Amount;
        }

        if (received.IsPositive && total >= received)
        {
            (problems ??= []).Add(new LoanProblem("upfrontFees", LoanProblemKind.FeesConsumeReceived));
        }

        return total;
    }

    /// <summary>The terms' bounds (<see cref="OverdueTerms.Problems"/>), on the loan file's paths.</summary>
    private static void CheckOverdueTerms(OverdueTerms terms, ref List<LoanProblem>? problems)
    {
        foreach (var problem in terms.Problems())
        {
            (problems ??= []).Add(new LoanProblem(
                problem.Part switch
                {
                    OverdueTermsPart.Rate => "overdueTerms.rate.value",
                    OverdueTermsPart.PenaltyPerDay => "overdueTerms.penalty.perDay",
                    OverdueTermsPart.Penalty => "overdueTerms.penalty.amount",
                    _ => "overdueTerms.otherFees",
                },
                problem.Kind switch
                {
                    OverdueTermsProblemKind.RateOutOfRange => LoanProblemKind.RateOutOfRange,
                    OverdueTermsProblemKind.Negative => LoanProblemKind.Negative,
                    _ => LoanProblemKind.ImplausiblyLarge,
                }));
        }
    }

    /// <summary>A rate is a fraction: below zero is wrong, and above 100 (10,000% a period) is certainly a typo.</summary>
    internal static bool IsRate(decimal rate) => rate >= 0m && rate <= LargestRate;

    private static void CheckPayments(DateOnly contractDate, ReadOnlySpan<PaymentEntry> payments, ref List<LoanProblem>? problems)
    {
        for (var i = 0; i < payments.Length; i++)
        {
            if (!payments[i].Amount.IsPositive)
            {
                (problems ??= []).Add(new LoanProblem($"payments[{i}].amount", LoanProblemKind.NotPositive));
            }

            if (payments[i].Date < contractDate)
            {
                (problems ??= []).Add(new LoanProblem($"payments[{i}].date", LoanProblemKind.BeforeContractDate));
            }
        }
    }

    /// <summary>
    /// The largest amount a loan file may hold. No personal loan comes near a trillion yuan; a figure beyond it is a typo (or an attempt to
    /// overflow the arithmetic) and is refused before any computation.
    /// </summary>
    public const decimal LargestAmount = 1_000_000_000_000m;

    /// <summary>The largest rate (a fraction per its period) an overdue term may hold: beyond 10,000% a period it is a typo.</summary>
    private const decimal LargestRate = 100m;

    /// <summary>
    /// Lenders round each part of an instalment to the fen separately, so parts may differ from
    /// the total by a few fen without anything being wrong.
    /// </summary>
    private const decimal PartsTolerance = 0.05m;
}
