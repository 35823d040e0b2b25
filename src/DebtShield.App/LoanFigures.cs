using System.Globalization;
using System.Text.Json.Serialization;
using DebtShield.Core.Rates;
using DebtShield.Core.Vocabulary;

namespace DebtShield.App;

/// <summary>
/// The figures of one loan that the rate report, the legal check, the loan list and the offer check
/// all state: who lent, what was lent and what arrived, what the schedule asks, the period, and the
/// annual rates the law compares with its lines. One home, so each report holds these figures and
/// the hosts render them one way. Money is yuan; rates are fractions (0.2399, not 23.99).
/// </summary>
/// <remarks>
/// <para>
/// Everything here costs one IRR solve at most, so the legal check (and its batch) pays for nothing
/// it does not write: the XIRR and Regulation Z's APR are the rate report's own.
/// </para>
/// <para>
/// The JSON names are pinned by <see cref="JsonPropertyNameAttribute"/> (<see cref="Names"/>), not
/// by the properties' names. A report writes these figures flat, under the names it has always
/// published; where reports published one figure under two names (<c>lender</c> and
/// <c>lenderName</c>, <c>scheduledTotal</c> and <c>totalRepayable</c>, <c>rateAnnual</c> and
/// <c>irrAnnualNominal</c>…), each keeps its own (CHANGELOG.md, issue 26).
/// </para>
/// </remarks>
public sealed record LoanFigures
{
    /// <summary>The lender's name (or the app's) as given.</summary>
    [JsonPropertyName(Names.LenderName)]
    public required string LenderName { get; init; }

    /// <summary>The lender's kind as its wire id (<c>online_platform</c>), from the lender-kind vocabulary.</summary>
    [JsonPropertyName(Names.LenderKind)]
    public required string LenderKind { get; init; }

    /// <summary>The contract principal.</summary>
    [JsonPropertyName(Names.Principal)]
    public required decimal Principal { get; init; }

    /// <summary>What actually arrived.</summary>
    [JsonPropertyName(Names.Received)]
    public required decimal Received { get; init; }

    /// <summary>Kept back before disbursement plus upfront fees (砍头息): principal − received + upfront fees.</summary>
    [JsonPropertyName(Names.UpfrontDeduction)]
    public required decimal UpfrontDeduction { get; init; }

    /// <summary>What the borrower really had: principal − upfront deduction; the principal in law and the base of every rate.</summary>
    [JsonPropertyName(Names.PrincipalBasis)]
    public required decimal PrincipalBasis { get; init; }

    /// <summary>Everything the lender's schedule asks for.</summary>
    [JsonPropertyName(Names.TotalRepayable)]
    public required decimal TotalRepayable { get; init; }

    /// <summary>Everything scheduled less the principal basis: what the loan costs in yuan.</summary>
    [JsonPropertyName(Names.TotalCost)]
    public required decimal TotalCost { get; init; }

    /// <summary>The repayment period the per-period rates are measured in.</summary>
    /// <remarks>Set by <see cref="Of"/> only: a member left out of JSON may not be <see langword="required"/>.</remarks>
    [JsonIgnore]
    public RepaymentPeriod RepaymentPeriod { get; internal init; }

    /// <summary>The period as written for programs: <c>month</c>, or its length in days such as <c>7d</c>.</summary>
    [JsonPropertyName(Names.Period)]
    public string Period => RepaymentPeriod.IsCalendarMonth ? "month" : RepaymentPeriod.Days.ToString(CultureInfo.InvariantCulture) + "d";

    /// <summary>Periods in a year: 12, or 365 ÷ the period's days.</summary>
    [JsonPropertyName(Names.PeriodsPerYear)]
    public double PeriodsPerYear => RepaymentPeriod.PerYear;

    /// <summary>Whether instalment k falls exactly k periods after the contract date.</summary>
    [JsonPropertyName(Names.RegularSchedule)]
    public required bool RegularSchedule { get; init; }

    /// <summary>From the contract date to the last instalment, in years.</summary>
    [JsonPropertyName(Names.TermYears)]
    public required double TermYears { get; init; }

    /// <summary>
    /// The nominal annual IRR on the principal basis (年化利率, IRR method): the figure compared with
    /// the legal lines. <see langword="null"/> when the schedule has no single rate, or when it is
    /// too large to write (<see cref="RateBeyondRange"/>).
    /// </summary>
    [JsonPropertyName(Names.IrrAnnualNominal)]
    public required double? IrrAnnualNominal { get; init; }

    /// <summary>The same rate compounded over a year; null as <see cref="IrrAnnualNominal"/> is.</summary>
    [JsonPropertyName(Names.IrrAnnualEffective)]
    public required double? IrrAnnualEffective { get; init; }

    /// <summary>Total cost ÷ principal basis ÷ term in years (the PBOC simple method).</summary>
    [JsonPropertyName(Names.AprSimple)]
    public required double AprSimple { get; init; }

    /// <summary>The advertised rate as a nominal annual figure (a day rate × 365, a month rate × 12), when one was advertised.</summary>
    [JsonPropertyName(Names.StatedAnnual)]
    public required double? StatedAnnual { get; init; }

    /// <summary>
    /// Whether an annual IRR exists but is too large to write (JSON has no infinity: almost nothing
    /// arrived but much is owed), so it is <see langword="null"/> here and each report says why in its notes.
    /// </summary>
    [JsonIgnore]
    public bool RateBeyondRange { get; internal init; }

    /// <summary>The figures of a loan's true cost; solves the IRR if it was not solved yet.</summary>
    public static LoanFigures Of(TrueCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var loan = cost.Loan;
        var beyondRange = false;
        return new LoanFigures
        {
            LenderName = loan.Lender.Name,
            LenderKind = Vocabularies.LenderKinds.WireId(loan.Lender.Kind),
            Principal = loan.Principal.Yuan,
            Received = loan.Received.Yuan,
            UpfrontDeduction = loan.UpfrontDeduction.Yuan,
            PrincipalBasis = loan.PrincipalBasis.Yuan,
            TotalRepayable = loan.ScheduledTotal.Yuan,
            TotalCost = cost.TotalCost.Yuan,
            RepaymentPeriod = cost.Period,
            RegularSchedule = cost.IsRegular,
            TermYears = cost.TermInYears,
            IrrAnnualNominal = Writable(cost.IrrAnnualNominal?.Fraction, ref beyondRange),
            IrrAnnualEffective = Writable(cost.IrrAnnualEffective?.Fraction, ref beyondRange),
            AprSimple = cost.AprSimple.Fraction,
            StatedAnnual = cost.AdvertisedAnnual?.Fraction,
            RateBeyondRange = beyondRange,
        };
    }

    /// <summary>
    /// Whether a rate can be written as JSON: finite and below 10^15 (the bound <see cref="RateLoans.RateLoanReport"/>
    /// has always used); <see langword="null"/> is writable.
    /// </summary>
    internal static bool IsWritable(double? rate) => rate is not { } value || (double.IsFinite(value) && Math.Abs(value) < 1e15);

    /// <summary>
    /// The rate, or <see langword="null"/> when it is not <see cref="IsWritable"/>, setting
    /// <paramref name="beyondRange"/> then (and leaving it as it was otherwise): every report's and
    /// batch writer's one rule, the caller adding the note once.
    /// </summary>
    internal static double? Writable(double? rate, ref bool beyondRange)
    {
        if (IsWritable(rate))
        {
            return rate;
        }

        beyondRange = true;
        return null;
    }

    /// <summary>
    /// The JSON names of the figures, as the rate report (and <c>rate --batch --fields</c>) publishes
    /// them. Spelled out, so that renaming a property cannot rename a published field.
    /// </summary>
    public static class Names
    {
#pragma warning disable CS1591 // Each constant is the JSON name of the figure of the same name.
        public const string LenderName = "lenderName";
        public const string LenderKind = "lenderKind";
        public const string Principal = "principal";
        public const string Received = "received";
        public const string UpfrontDeduction = "upfrontDeduction";
        public const string PrincipalBasis = "principalBasis";
        public const string TotalRepayable = "totalRepayable";
        public const string TotalCost = "totalCost";
        public const string Period = "period";
        public const string PeriodsPerYear = "periodsPerYear";
        public const string RegularSchedule = "regularSchedule";
        public const string TermYears = "termYears";
        public const string IrrAnnualNominal = "irrAnnualNominal";
        public const string IrrAnnualEffective = "irrAnnualEffective";
        public const string AprSimple = "aprSimple";
        public const string StatedAnnual = "statedAnnual";
#pragma warning restore CS1591
    }
}
