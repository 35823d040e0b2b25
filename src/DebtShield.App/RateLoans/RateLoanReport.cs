using System.Globalization;
using System.Text.Json.Serialization;
using DebtShield.App.Resources;
using DebtShield.Core.Loans;
using DebtShield.Core.Rates;

namespace DebtShield.App.RateLoans;

/// <summary>
/// The true cost of one loan as the CLI's <c>--json</c>, the batch output and (later) the web API
/// report it. Rates are fractions (0.2399, not 23.99), money is yuan; a rate that does not exist
/// is <see langword="null"/> and a note says why.
/// </summary>
/// <param name="Figures">The loan's figures every report of it shares; written flat, under the names the rate report publishes.</param>
public sealed record RateLoanReport([property: JsonIgnore] LoanFigures Figures)
{
    /// <summary>The 1-based line of a batch file; absent outside batch mode.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("line")]
    public long? Line { get; init; }

    /// <summary>The loan's id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonInclude, JsonPropertyName(LoanFigures.Names.LenderName)]
    internal string LenderName => Figures.LenderName;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.LenderKind)]
    internal string LenderKind => Figures.LenderKind;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.Principal)]
    internal decimal Principal => Figures.Principal;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.Received)]
    internal decimal Received => Figures.Received;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.UpfrontDeduction)]
    internal decimal UpfrontDeduction => Figures.UpfrontDeduction;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.PrincipalBasis)]
    internal decimal PrincipalBasis => Figures.PrincipalBasis;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.TotalRepayable)]
    internal decimal TotalRepayable => Figures.TotalRepayable;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.TotalCost)]
    internal decimal TotalCost => Figures.TotalCost;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.Period)]
    internal string Period => Figures.Period;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.PeriodsPerYear)]
    internal double PeriodsPerYear => Figures.PeriodsPerYear;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.RegularSchedule)]
    internal bool RegularSchedule => Figures.RegularSchedule;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.TermYears)]
    internal double TermYears => Figures.TermYears;

    /// <summary>The IRR per period.</summary>
    [JsonPropertyName(Names.IrrPerPeriod)]
    public required double? IrrPerPeriod { get; init; }

    [JsonInclude, JsonPropertyName(LoanFigures.Names.IrrAnnualNominal)]
    internal double? IrrAnnualNominal => Figures.IrrAnnualNominal;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.IrrAnnualEffective)]
    internal double? IrrAnnualEffective => Figures.IrrAnnualEffective;

    /// <summary>The effective annual rate from the dated flows (actual/365).</summary>
    [JsonPropertyName(Names.XirrAnnual)]
    public required double? XirrAnnual { get; init; }

    [JsonInclude, JsonPropertyName(LoanFigures.Names.AprSimple)]
    internal double AprSimple => Figures.AprSimple;

    /// <summary>The actuarial APR of US Regulation Z, Appendix J.</summary>
    [JsonPropertyName(Names.AprRegZ)]
    public required double? AprRegZ { get; init; }

    [JsonInclude, JsonPropertyName(LoanFigures.Names.StatedAnnual)]
    internal double? StatedAnnual => Figures.StatedAnnual;

    /// <summary>Real nominal IRR minus the advertised annual figure.</summary>
    [JsonPropertyName(Names.StatedGap)]
    public required double? StatedGap { get; init; }

    /// <summary>The same rates on the contract principal; null when nothing was deducted.</summary>
    [JsonPropertyName(Names.OnContractPrincipal)]
    public required ContractPrincipalRates? OnContractPrincipal { get; init; }

    /// <summary>Why a rate is missing, and what the reader should know about the figures.</summary>
    [JsonPropertyName(Names.Notes)]
    public required IReadOnlyList<RateNote> Notes { get; init; }

    /// <summary>One plain sentence for the borrower, in the current UI language.</summary>
    [JsonPropertyName(Names.Verdict)]
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

        var figures = LoanFigures.Of(cost);
        if (figures.RateBeyondRange)
        {
            notes.Add(BeyondRange());
        }

        return new RateLoanReport(figures)
        {
            Id = loan.Id,
            IrrPerPeriod = Finite(cost.IrrPerPeriod.RateOrNull, notes),
            XirrAnnual = Finite(cost.Xirr.RateOrNull, notes),
            AprRegZ = Finite(cost.RegZ.Annual?.Fraction, notes),
            StatedGap = figures.IrrAnnualNominal - figures.StatedAnnual,
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
        if (LoanFigures.IsWritable(rate))
        {
            return rate;
        }

        if (!notes.Exists(n => n.Code == BeyondRangeCode))
        {
            notes.Add(BeyondRange());
        }

        return null;
    }

    /// <summary>The note that a rate exists but is too large to write (JSON has no infinity), for a report's notes or its uncertainties.</summary>
    internal static RateNote BeyondRange() => new(BeyondRangeCode, AppText.Note_RateBeyondRange);

    /// <summary>The code of the note that a rate is too large to write, in every report.</summary>
    internal const string BeyondRangeCode = "rate_beyond_range";

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

    /// <summary>
    /// The JSON names of the rate report's own figures (the shared ones are <see cref="LoanFigures.Names"/>),
    /// spelled out so that renaming a property cannot rename a published field.
    /// </summary>
    public static class Names
    {
#pragma warning disable CS1591 // Each constant is the JSON name of the property of the same name.
        public const string IrrPerPeriod = "irrPerPeriod";
        public const string XirrAnnual = "xirrAnnual";
        public const string AprRegZ = "aprRegZ";
        public const string StatedGap = "statedGap";
        public const string OnContractPrincipal = "onContractPrincipal";
        public const string Notes = "notes";
        public const string Verdict = "verdict";
#pragma warning restore CS1591
    }
}

/// <summary>Rates as if the whole contract principal had arrived (the lender's way of counting).</summary>
/// <param name="IrrAnnualNominal">The nominal annual IRR on the contract principal.</param>
/// <param name="AprSimple">The simple APR on the contract principal.</param>
public sealed record ContractPrincipalRates(
    [property: JsonPropertyName(LoanFigures.Names.IrrAnnualNominal)] double? IrrAnnualNominal,
    [property: JsonPropertyName(LoanFigures.Names.AprSimple)] double AprSimple);

/// <summary>Something the reader of a rate report should know.</summary>
/// <param name="Code">A stable machine-readable code, such as <c>irr_several_rates</c>.</param>
/// <param name="Message">The explanation in the current UI language.</param>
public sealed record RateNote([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("message")] string Message);
