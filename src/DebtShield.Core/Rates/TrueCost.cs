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
    private readonly double[] _years;
    private readonly double[] _flows;
    private readonly double[] _payments;
    private readonly DateOnly[] _dueDates;
    private RateSolution? _xirr;
    private ActuarialAprResult? _regZ;
    private ContractPrincipalView? _onContractPrincipal;

    private TrueCost(Loan loan)
    {
        Loan = loan;
        var schedule = loan.Schedule;
        var dueDates = _dueDates = new DateOnly[schedule.Count];
        for (var i = 0; i < dueDates.Length; i++)
        {
            dueDates[i] = schedule[i].DueDate;
        }

        Period = RepaymentPeriod.Of(loan.ContractDate, dueDates);

        var count = dueDates.Length + 1;
        _periods = new double[count];
        _years = new double[count];
        _flows = new double[count];
        _payments = new double[dueDates.Length];
        _flows[0] = loan.PrincipalBasis.ToDouble();
        var regular = true;
        for (var i = 0; i < dueDates.Length; i++)
        {
            _periods[i + 1] = Period.Between(loan.ContractDate, dueDates[i]);
            _years[i + 1] = (dueDates[i].DayNumber - loan.ContractDate.DayNumber) / 365.0;
            _payments[i] = schedule[i].Total.ToDouble();
            _flows[i + 1] = -_payments[i];
            regular &= dueDates.Length == 1 || _periods[i + 1] == i + 1;
        }

        IsRegular = regular;
        IrrPerPeriod = InternalRateOfReturn.Solve(_periods, _flows);

        TermInYears = Period.IsCalendarMonth && regular
            ? _periods[^1] / 12
            : _years[^1];
        TotalCost = loan.ScheduledTotal - loan.PrincipalBasis;
        AprSimple = new AnnualRate(
            (double)(TotalCost.Yuan / loan.PrincipalBasis.Yuan) / TermInYears,
            AnnualisationMethod.Simple);
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

    /// <summary>The internal rate of return per repayment period.</summary>
    public RateSolution IrrPerPeriod { get; }

    /// <summary>
    /// The IRR per period times the periods in a year (年化利率, IRR method, as lenders in China
    /// must disclose it): the figure compared with a simple annual cap.
    /// </summary>
    public AnnualRate? IrrAnnualNominal => IrrPerPeriod.IsUnique
        ? new PeriodicRate(IrrPerPeriod.Rate, Period.PerYear).NominalAnnual
        : null;

    /// <summary>The IRR per period compounded over a year.</summary>
    public AnnualRate? IrrAnnualEffective => IrrPerPeriod.IsUnique
        ? new PeriodicRate(IrrPerPeriod.Rate, Period.PerYear).EffectiveAnnual
        : null;

    /// <summary>The effective annual rate from the dated flows (XIRR: actual/365, compounded).</summary>
    /// <remarks>This and the other secondary figures are computed on first use: the legal engine needs only the IRR.</remarks>
    public RateSolution Xirr => _xirr ??= InternalRateOfReturn.Solve(_years, _flows);

    /// <summary>
    /// The actuarial APR of US Regulation Z, Appendix J, with the principal basis as the amount
    /// financed: an internationally checkable reference for the same loan.
    /// </summary>
    public ActuarialAprResult RegZ => _regZ ??= ActuarialApr.Compute(
        Loan.ContractDate, _flows[0], _dueDates, _payments);

    /// <summary>The term from the contract date to the last instalment, in years.</summary>
    public double TermInYears { get; }

    /// <summary>What the loan costs in yuan: everything scheduled less the principal basis.</summary>
    public Money TotalCost { get; }

    /// <summary>The PBOC simple (APR) method: total cost ÷ principal basis ÷ term in years.</summary>
    public AnnualRate AprSimple { get; }

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
                _onContractPrincipal = new ContractPrincipalView(
                    InternalRateOfReturn.Solve(_periods, flows).Select(r => r * Period.PerYear),
                    new AnnualRate(
                        (double)((Loan.ScheduledTotal - Loan.Principal).Yuan / Loan.Principal.Yuan) / TermInYears,
                        AnnualisationMethod.Simple));
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

    /// <summary>Computes the true cost of <paramref name="loan"/>.</summary>
    public static TrueCost Of(Loan loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return new TrueCost(loan);
    }
}

/// <summary>Rates computed as if the whole contract principal had arrived.</summary>
/// <param name="IrrAnnualNominal">The nominal annual IRR on the contract principal.</param>
/// <param name="AprSimple">The simple APR on the contract principal.</param>
public sealed record ContractPrincipalView(RateSolution IrrAnnualNominal, AnnualRate AprSimple);
