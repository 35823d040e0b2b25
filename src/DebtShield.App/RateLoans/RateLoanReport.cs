using System.Globalization;
using System.Text.Json.Serialization;
using DebtShield.App.Resources;
using DebtShield.Core.Loans;
using DebtShield.Core.Rates;
using DebtShield.Core.Vocabulary;

namespace DebtShield.App.RateLoans;

/// <summary>
/// The true cost of one loan as the CLI's <c>--json</c>, the batch output and (later) the web API
/// report it. Rates are fractions (0.2399, not 23.99), money is yuan; a rate that does not exist
/// is <see langword="null"/> and a note says why.
/// </summary>
public sealed record RateLoanReport
{
    /// <summary>The 1-based line of a batch file; absent outside batch mode.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Line { get; init; }

    /// <summary>The loan's id.</summary>
    public required string Id { get; init; }

    /// <summary>The lender's name.</summary>
    public required string LenderName { get; init; }

    /// <summary>The lender's kind, as in the loan file.</summary>
    public required string LenderKind { get; init; }

    /// <summary>The contract principal.</summary>
    public required decimal Principal { get; init; }

    /// <summary>What actually arrived.</summary>
    public required decimal Received { get; init; }

    /// <summary>Principal − received + upfront fees.</summary>
    public required decimal UpfrontDeduction { get; init; }

    /// <summary>What the borrower really had: principal − upfront deduction.</summary>
    public required decimal PrincipalBasis { get; init; }

    /// <summary>Everything scheduled.</summary>
    public required decimal TotalRepayable { get; init; }

    /// <summary>Everything scheduled less the principal basis.</summary>
    public required decimal TotalCost { get; init; }

    /// <summary>"month", or the period's length such as "7d".</summary>
    public required string Period { get; init; }

    /// <summary>Periods in a year: 12, or 365 / days.</summary>
    public required double PeriodsPerYear { get; init; }

    /// <summary>Whether instalment k falls exactly k periods after the contract date.</summary>
    public required bool RegularSchedule { get; init; }

    /// <summary>Term in years.</summary>
    public required double TermYears { get; init; }

    /// <summary>The IRR per period.</summary>
    public required double? IrrPerPeriod { get; init; }

    /// <summary>IRR per period × periods per year.</summary>
    public required double? IrrAnnualNominal { get; init; }

    /// <summary>(1 + IRR per period)^periods per year − 1.</summary>
    public required double? IrrAnnualEffective { get; init; }

    /// <summary>The effective annual rate from the dated flows (actual/365).</summary>
    public required double? XirrAnnual { get; init; }

    /// <summary>Total cost ÷ principal basis ÷ term in years (PBOC simple method).</summary>
    public required double AprSimple { get; init; }

    /// <summary>The actuarial APR of US Regulation Z, Appendix J.</summary>
    public required double? AprRegZ { get; init; }

    /// <summary>The advertised rate as a nominal annual figure.</summary>
    public required double? StatedAnnual { get; init; }

    /// <summary>Real nominal IRR minus the advertised annual figure.</summary>
    public required double? StatedGap { get; init; }

    /// <summary>The same rates on the contract principal; null when nothing was deducted.</summary>
    public required ContractPrincipalRates? OnContractPrincipal { get; init; }

    /// <summary>Why a rate is missing, and what the reader should know about the figures.</summary>
    public required IReadOnlyList<RateNote> Notes { get; init; }

    /// <summary>One plain sentence for the borrower, in the current UI language.</summary>
    public required string Verdict { get; init; }

    /// <summary>Builds the report from a computed true cost.</summary>
    public static RateLoanReport From(TrueCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var loan = cost.Loan;
        var notes = new List<RateNote>();
        AddSolutionNotes(cost, notes);
        if (!cost.IsRegular)
        {
            notes.Add(Note("irregular_schedule", AppText.Note_Irregular, DescribePeriod(cost.Period)));
        }

        if (loan.UpfrontDeduction.IsPositive)
        {
            notes.Add(Note("upfront_deduction", AppText.Note_UpfrontDeduction, loan.UpfrontDeduction, loan.PrincipalBasis));
        }

        if (cost.TotalCost.IsNegative)
        {
            notes.Add(Note("negative_cost", AppText.Note_NegativeCost));
        }

        if (loan.Advertised?.Method == AdvertisedMethod.FeeRate)
        {
            notes.Add(Note("fee_rate", AppText.Note_FeeRate));
        }

        var nominal = Finite(cost.IrrAnnualNominal?.Fraction, notes);
        var stated = cost.AdvertisedAnnual?.Fraction;
        return new RateLoanReport
        {
            Id = loan.Id,
            LenderName = loan.Lender.Name,
            LenderKind = Vocabularies.LenderKinds.WireId(loan.Lender.Kind),
            Principal = loan.Principal.Yuan,
            Received = loan.Received.Yuan,
            UpfrontDeduction = loan.UpfrontDeduction.Yuan,
            PrincipalBasis = loan.PrincipalBasis.Yuan,
            TotalRepayable = loan.ScheduledTotal.Yuan,
            TotalCost = cost.TotalCost.Yuan,
            Period = cost.Period.IsCalendarMonth ? "month" : cost.Period.Days.ToString(CultureInfo.InvariantCulture) + "d",
            PeriodsPerYear = cost.Period.PerYear,
            RegularSchedule = cost.IsRegular,
            TermYears = cost.TermInYears,
            IrrPerPeriod = Finite(cost.IrrPerPeriod.RateOrNull, notes),
            IrrAnnualNominal = nominal,
            IrrAnnualEffective = Finite(cost.IrrAnnualEffective?.Fraction, notes),
            XirrAnnual = Finite(cost.Xirr.RateOrNull, notes),
            AprSimple = cost.AprSimple.Fraction,
            AprRegZ = Finite(cost.RegZ.Annual?.Fraction, notes),
            StatedAnnual = stated,
            StatedGap = nominal - stated,
            OnContractPrincipal = cost.OnContractPrincipal is { } view
                ? new ContractPrincipalRates(Finite(view.IrrAnnualNominal.RateOrNull, notes), view.AprSimple.Fraction)
                : null,
            Notes = notes,
            Verdict = ComposeVerdict(cost),
        };
    }

    /// <summary>
    /// The rate, or <see langword="null"/> with a note when it is too large to write (JSON has no
    /// infinity): almost nothing arrived but much is owed.
    /// </summary>
    internal static double? Finite(double? rate, List<RateNote> notes)
    {
        if (rate is not { } value || (double.IsFinite(value) && Math.Abs(value) < 1e15))
        {
            return rate;
        }

        if (!notes.Exists(n => n.Code == "rate_beyond_range"))
        {
            notes.Add(new RateNote("rate_beyond_range", AppText.Note_RateBeyondRange));
        }

        return null;
    }

    /// <summary>A rate as a percentage with at most two decimals: 0.463 → "46.3%".</summary>
    public static string Percent(double fraction) => new Percentage(fraction).ToString();

    private static void AddSolutionNotes(TrueCost cost, List<RateNote> notes)
    {
        switch (cost.IrrPerPeriod.Kind)
        {
            case RateSolutionKind.Several:
                notes.Add(Note("irr_several_rates", AppText.Note_IrrSeveral, string.Join(", ", cost.IrrPerPeriod.Rates.Select(Percent))));
                break;
            case RateSolutionKind.NoRate:
                notes.Add(cost.IrrPerPeriod.Reason == NoRateReason.NoSignChange
                    ? Note("irr_no_sign_change", AppText.Note_IrrNoSignChange)
                    : Note("irr_no_rate", AppText.Note_IrrNoRoot));
                break;
            case RateSolutionKind.Unique:
                break;
        }

        switch (cost.Xirr.Kind)
        {
            case RateSolutionKind.Several:
                notes.Add(Note("xirr_several_rates", AppText.Note_XirrSeveral, string.Join(", ", cost.Xirr.Rates.Select(Percent))));
                break;
            case RateSolutionKind.NoRate:
                notes.Add(Note("xirr_no_rate", AppText.Note_XirrNone));
                break;
            case RateSolutionKind.Unique:
                break;
        }

        if (!cost.RegZ.Apr.IsUnique)
        {
            notes.Add(Note("regz_no_rate", AppText.Note_RegZNone));
        }
    }

    /// <summary>A rate's period as the reader says it before the rate: 日利率, 月利率, 年利率.</summary>
    internal static string PerName(RatePer per) => per switch
    {
        RatePer.Day => AppText.Per_Day,
        RatePer.Month => AppText.Per_Month,
        RatePer.Year => AppText.Per_Year,
    };

    private static string ComposeVerdict(TrueCost cost)
    {
        var culture = CultureInfo.CurrentCulture;
        var verdict = cost.IrrAnnualNominal is { } nominal
            ? string.Format(culture, AppText.Verdict_Real, Percent(nominal.Fraction))
            : AppText.Verdict_NoRate;
        if (cost.Loan.Advertised is { } advertised)
        {
            verdict += string.Format(culture, AppText.Verdict_Advertised, PerName(advertised.Per), Percent(advertised.Value), Percent(advertised.NominalAnnual));
        }

        if (cost.Loan.UpfrontDeduction.IsPositive)
        {
            verdict += string.Format(culture, AppText.Verdict_Deducted, cost.Loan.UpfrontDeduction);
        }

        return verdict;
    }

    private static string DescribePeriod(RepaymentPeriod period) => period.IsCalendarMonth
        ? AppText.Period_Month
        : string.Format(CultureInfo.CurrentCulture, AppText.Period_Days, period.Days);

    private static RateNote Note(string code, string template, params object[] arguments) =>
        new(code, string.Format(CultureInfo.CurrentCulture, template, arguments));
}

/// <summary>Rates as if the whole contract principal had arrived (the lender's way of counting).</summary>
/// <param name="IrrAnnualNominal">The nominal annual IRR on the contract principal.</param>
/// <param name="AprSimple">The simple APR on the contract principal.</param>
public sealed record ContractPrincipalRates(double? IrrAnnualNominal, double AprSimple);

/// <summary>Something the reader of a rate report should know.</summary>
/// <param name="Code">A stable machine-readable code, such as <c>irr_several_rates</c>.</param>
/// <param name="Message">The explanation in the current UI language.</param>
public sealed record RateNote(string Code, string Message);
