using DebtShield.Core.Loans;

namespace DebtShield.Core.Rates;

/// <summary>
/// What a loan really costs, from the borrower's real cash flows: what arrived at the start,
/// less the fees paid at once, against every instalment of the lender's schedule.
/// </summary>
/// <remarks>
/// <para>
/// Conventions: the money arrives on the contract date; upfront fees count at day 0; the rates
/// are on the principal basis (what the borrower really had), which is what the law treats as
/// the principal. The same rates on the contract principal (<see cref="OnContractPrincipal"/>) show
/// how much an upfront deduction hides.
/// </para>
/// <para>Every figure is derived from the loan's facts on demand and never stored.</para>
/// </remarks>
public sealed class TrueCost
{
    private readonly double[] _periods;
    private readonly double[] _flows;
    private readonly DateOnly[] _dueDates;
    private RateSolution? _irr;
    private RateSolution? _xirr;
    private ActuarialAprResult? _regZ;
    private ContractPrincipalView? _onContractPrincipal;
    private AnnualRate? _aprSimple;

    private TrueCost(Loan loan)
    {
        Loan = loan;

        // The loan's own columns, read and never written: a loan never changes.
        var dueDates = _dueDates = loan.DueDates;
        var totals = loan.InstalmentTotals;

        // The dates taken apart once, for the period and for every flow's distance in it.
        var contract = new CalendarDay(loan.ContractDate);
        var dueDays = dueDates.Length <= 256 ? stackalloc CalendarDay[dueDates.Length] : new CalendarDay[dueDates.Length];
        CalendarDay.OfEach(dueDates, dueDays);
        Period = RepaymentPeriod.Of(contract, dueDays);

        var count = dueDates.Length + 1;
        _periods = new double[count];
        _flows = new double[count];
        IsRegular = Flows(contract, loan.PrincipalBasis, dueDays, totals, Period, _periods, _flows);
        TermInYears = Period.IsCalendarMonth && IsRegular
            ? _periods[^1] / 12
            : YearsAfterContract(dueDates[^1]);
        TotalCost = loan.ScheduledTotal - loan.PrincipalBasis;
    }

    /// <summary>The loan whose cost this is.</summary>
    public Loan Loan { get; }

    /// <summary>The repayment period the per-period IRR is measured in.</summary>
    public RepaymentPeriod Period { get; }

    /// <summary>
    /// True when instalment k falls exactly k periods after the contract date; otherwise the
    /// per-period IRR counts fractional periods (an odd first period or an irregular schedule).
    /// </summary>
    public bool IsRegular { get; }

    /// <summary>
    /// Each flow's distance from the contract date in <see cref="Period"/>s: zero for the money
    /// arriving, then one a due date. Shared, never written: the legal check compares the same
    /// distances with its lines (<see cref="Law.ScheduleInPeriods"/>) instead of counting them again.
    /// </summary>
    internal double[] FlowPeriods => _periods;

    /// <summary>The internal rate of return per repayment period.</summary>
    /// <remarks>
    /// This and every rate below are computed on first use, so a caller pays only for the figures
    /// it reads: a batch asked for one rate of a million loans (<c>--fields</c>) solves nothing else.
    /// </remarks>
    public RateSolution IrrPerPeriod => _irr ??= Computed(TrueCostFigures.Irr, InternalRateOfReturn.Solve(_periods, _flows));

    /// <summary>
    /// The IRR per period times the periods in a year (年化利率, IRR method, as lenders in China
    /// must disclose it): the figure compared with a simple annual cap.
    /// </summary>
    public AnnualRate? IrrAnnualNominal => new ScheduleIrr(IrrPerPeriod, Period).AnnualNominal;

    /// <summary>The IRR per period compounded over a year.</summary>
    public AnnualRate? IrrAnnualEffective => new ScheduleIrr(IrrPerPeriod, Period).AnnualEffective;

    /// <summary>The effective annual rate from the dated flows (XIRR: actual/365, compounded).</summary>
    public RateSolution Xirr => _xirr ??= Computed(TrueCostFigures.Xirr, SolveXirr());

    /// <summary>
    /// The actuarial APR of US Regulation Z, Appendix J, with the principal basis as the amount
    /// financed: an internationally checkable reference for the same loan.
    /// </summary>
    public ActuarialAprResult RegZ => _regZ ??= Computed(TrueCostFigures.RegZ, ComputeRegZ());

    /// <summary>
    /// Which figures have been computed so far. Only a caller that must prove it paid for no more
    /// than it asked (a batch with <c>--fields</c>, and its tests) has reason to read it.
    /// </summary>
    public TrueCostFigures ComputedFigures { get; private set; }

    /// <summary>The term from the contract date to the last instalment, in years.</summary>
    public double TermInYears { get; }

    /// <summary>What the loan costs in yuan: everything scheduled less the principal basis.</summary>
    public Money TotalCost { get; }

    /// <summary>The PBOC simple (APR) method: total cost ÷ principal basis ÷ term in years.</summary>
    public AnnualRate AprSimple => _aprSimple ??= Computed(TrueCostFigures.AprSimple, new AnnualRate(
        (double)(TotalCost.Yuan / Loan.PrincipalBasis.Yuan) / TermInYears,
        AnnualisationMethod.Simple));

    /// <summary>
    /// The same rates as if the whole contract principal had arrived: what the lender's figures
    /// look like when an upfront deduction is ignored. <see langword="null"/> when nothing was deducted.
    /// </summary>
    public ContractPrincipalView? OnContractPrincipal
    {
        get
        {
            if (_onContractPrincipal is null && Loan.UpfrontDeduction.IsPositive)
            {
                // On the stack for the usual schedule: this runs for every loan of a batch that has a deduction.
                var flows = _flows.Length <= 256 ? stackalloc double[_flows.Length] : new double[_flows.Length];
                _flows.CopyTo(flows);
                flows[0] = Loan.Principal.ToDouble();
                _onContractPrincipal = Computed(TrueCostFigures.OnContractPrincipal, new ContractPrincipalView(
                    InternalRateOfReturn.Solve(_periods, flows).Times(Period.PerYear),
                    new AnnualRate(
                        (double)((Loan.ScheduledTotal - Loan.Principal).Yuan / Loan.Principal.Yuan) / TermInYears,
                        AnnualisationMethod.Simple)));
            }

            return _onContractPrincipal;
        }
    }

    /// <summary>
    /// The advertised rate as a nominal annual figure, or <see langword="null"/> when none was given.
    /// </summary>
    public AnnualRate? AdvertisedAnnual => Loan.Advertised is { } advertised
        ? new AnnualRate(advertised.NominalAnnual, AnnualisationMethod.Nominal)
        : null;

    private RateSolution SolveXirr()
    {
        var years = _flows.Length <= 256 ? stackalloc double[_flows.Length] : new double[_flows.Length];
        for (var i = 0; i < _dueDates.Length; i++)
        {
            years[i + 1] = YearsAfterContract(_dueDates[i]);
        }

        return InternalRateOfReturn.Solve(years, _flows);
    }

    private ActuarialAprResult ComputeRegZ()
    {
        var payments = _dueDates.Length <= 256 ? stackalloc double[_dueDates.Length] : new double[_dueDates.Length];
        for (var i = 0; i < payments.Length; i++)
        {
            payments[i] = -_flows[i + 1];
        }

        // A loan's schedule is in order and after its contract date: its dates, taken apart once,
        // serve both the choice of the unit-period and the measures.
        var dueDays = _dueDates.Length <= 256 ? stackalloc CalendarDay[_dueDates.Length] : new CalendarDay[_dueDates.Length];
        CalendarDay.OfEach(_dueDates, dueDays);
        return ActuarialApr.Compute(new CalendarDay(Loan.ContractDate), dueDays, _flows[0], payments);
    }

    /// <summary>
    /// The flows of a schedule as the IRR reads them, into <paramref name="periods"/> and
    /// <paramref name="flows"/> (one more than the due dates each): the principal basis arriving at
    /// period zero, then each total paid at its due date's distance in <paramref name="period"/>s.
    /// Returns whether instalment k falls exactly k periods after the contract date.
    /// </summary>
    private static bool Flows(in CalendarDay contractDate, Money principalBasis, ReadOnlySpan<CalendarDay> dueDates, ReadOnlySpan<Money> totals, RepaymentPeriod period, Span<double> periods, Span<double> flows)
    {
        flows[0] = principalBasis.ToDouble();
        periods[0] = 0;
        period.Measure(contractDate, dueDates, periods[1..]);
        var regular = true;
        for (var i = 0; i < dueDates.Length; i++)
        {
            flows[i + 1] = -totals[i].ToDouble();
            regular &= dueDates.Length == 1 || periods[i + 1] == i + 1;
        }

        return regular;
    }

    /// <summary>
    /// <see cref="IrrPerPeriod"/>, with the period it is per, of the loan that these facts make
    /// (<see cref="Loan.HoldFromTotals"/>), solved from the schedule's columns as the loan's own
    /// cost solves it, to the same bits, with nothing made or kept: a batch asked for nothing but
    /// the IRR (<c>--fields irrAnnualNominal</c>) needs no loan and no other figure.
    /// </summary>
    /// <param name="contractDate">The day the money arrived.</param>
    /// <param name="principalBasis">What the borrower really had the use of (<see cref="Loan.PrincipalBasis"/>).</param>
    /// <param name="dueDates">Each instalment's due date, in schedule order, after the contract date.</param>
    /// <param name="totals">Each instalment's total, in the order of <paramref name="dueDates"/>.</param>
    public static ScheduleIrr IrrOf(DateOnly contractDate, Money principalBasis, ReadOnlySpan<DateOnly> dueDates, ReadOnlySpan<Money> totals)
    {
        if (dueDates.Length != totals.Length)
        {
            throw new ArgumentException("Every due date needs exactly one total.", nameof(totals));
        }

        ArgumentOutOfRangeException.ThrowIfZero(dueDates.Length);
        var contract = new CalendarDay(contractDate);
        var dueDays = dueDates.Length <= 256 ? stackalloc CalendarDay[dueDates.Length] : new CalendarDay[dueDates.Length];
        CalendarDay.OfEach(dueDates, dueDays);
        var period = RepaymentPeriod.Of(contract, dueDays);
        var count = dueDates.Length + 1;
        var periods = count <= 256 ? stackalloc double[count] : new double[count];
        var flows = count <= 256 ? stackalloc double[count] : new double[count];
        Flows(contract, principalBasis, dueDays, totals, period, periods, flows);
        return new ScheduleIrr(InternalRateOfReturn.Solve(periods, flows), period);
    }

    /// <summary>Years of 365 days from the contract date to <paramref name="date"/> (actual/365).</summary>
    private double YearsAfterContract(DateOnly date) => (date.DayNumber - Loan.ContractDate.DayNumber) / 365.0;

    private T Computed<T>(TrueCostFigures figure, T value)
    {
        ComputedFigures |= figure;
        return value;
    }

    /// <summary>Computes the true cost of <paramref name="loan"/>.</summary>
    public static TrueCost Of(Loan loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return new TrueCost(loan);
    }
}

/// <summary>
/// A schedule's IRR per repayment period and the annual rates made from it: the one home of how
/// <see cref="TrueCost.IrrAnnualNominal"/> and <see cref="TrueCost.IrrAnnualEffective"/> follow
/// from the per-period rate, for a loan's cost and for <see cref="TrueCost.IrrOf"/> alike.
/// </summary>
/// <param name="PerPeriod">The IRR per <paramref name="Period"/>.</param>
/// <param name="Period">The repayment period the rate is per.</param>
public readonly record struct ScheduleIrr(RateSolution PerPeriod, RepaymentPeriod Period)
{
    /// <summary>The rate per period times the periods in a year, when it is unique.</summary>
    public AnnualRate? AnnualNominal => PerPeriod.IsUnique
        ? new PeriodicRate(PerPeriod.Rate, Period.PerYear).NominalAnnual
        : null;

    /// <summary>The rate per period compounded over a year, when it is unique.</summary>
    public AnnualRate? AnnualEffective => PerPeriod.IsUnique
        ? new PeriodicRate(PerPeriod.Rate, Period.PerYear).EffectiveAnnual
        : null;
}

/// <summary>Rates computed as if the whole contract principal had arrived.</summary>
/// <param name="IrrAnnualNominal">The nominal annual IRR on the contract principal.</param>
/// <param name="AprSimple">The simple APR on the contract principal.</param>
public sealed record ContractPrincipalView(RateSolution IrrAnnualNominal, AnnualRate AprSimple);

/// <summary>The figures of a <see cref="TrueCost"/> that are computed on first use.</summary>
[Flags]
public enum TrueCostFigures
{
    /// <summary>None yet.</summary>
    None = 0,

    /// <summary><see cref="TrueCost.IrrPerPeriod"/> and the annual rates made from it.</summary>
    Irr = 1 << 0,

    /// <summary><see cref="TrueCost.Xirr"/>.</summary>
    Xirr = 1 << 1,

    /// <summary><see cref="TrueCost.RegZ"/>.</summary>
    RegZ = 1 << 2,

    /// <summary><see cref="TrueCost.OnContractPrincipal"/>.</summary>
    OnContractPrincipal = 1 << 3,

    /// <summary><see cref="TrueCost.AprSimple"/>.</summary>
    AprSimple = 1 << 4,
}
