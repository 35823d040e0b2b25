using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Law;

/// <summary>
/// The wire ids of the legal engine's codes: what the check, the loan list, the offer check and the
/// batch lines write for a view, a status, a step, an uncertainty or a benchmark term.
/// </summary>
/// <remarks>
/// Each id is spelled out here, never derived from the member's name (as the vocabularies spell
/// theirs, <see cref="Vocabulary.Vocabulary{T}"/>), so renaming a member cannot change the public
/// JSON; a member added without an id does not compile (the switches are exhaustive, CS8509).
/// The ids were the members' names in snake case when this table was written, and stay so.
/// </remarks>
public static class LegalWireIds
{
    /// <summary>A view of the law, as the report's <c>views</c> and a step's <c>view</c> write it: <c>private_lending</c>.</summary>
    public static string Of(LegalView legalView) => legalView switch
    {
        LegalView.PrivateLending => "private_lending",
        LegalView.LicensedInstitution => "licensed_institution",
        LegalView.VoidUnlicensedLending => "void_unlicensed_lending",
    };

    /// <summary>How well a fact is checked, as every report writes it: <c>verified</c>, <c>secondary</c>, <c>uncertain</c>.</summary>
    public static string Of(FactStatus factStatus) => StatusIds.Of(factStatus);

    /// <summary>
    /// Every status's id, read back exactly: the hosts receive a report's statuses as ids and word
    /// them through the member they name.
    /// </summary>
    public static WireIds<FactStatus> StatusIds { get; } = new(
        (FactStatus.Verified, "verified"),
        (FactStatus.Secondary, "secondary"),
        (FactStatus.Uncertain, "uncertain"));

    /// <summary>A legal flag, as the reports' <c>flags</c> and the law's caps file (<c>data/law/caps.json</c>'s <c>flags</c>) write it: <c>above_36</c>.</summary>
    public static string Of(LegalFlagKind flag) => FlagIds.Of(flag);

    /// <summary>
    /// Every flag's id, read back exactly: the hosts receive a report's flags as ids and word them
    /// through the member they name.
    /// </summary>
    public static WireIds<LegalFlagKind> FlagIds { get; } = new(
        (LegalFlagKind.UpfrontDeduction, "upfront_deduction"),
        (LegalFlagKind.AbovePrivateCap, "above_private_cap"),
        (LegalFlagKind.Above24, "above_24"),
        (LegalFlagKind.Above36, "above_36"),
        (LegalFlagKind.CompoundInterest, "compound_interest"),
        (LegalFlagKind.DisguisedFees, "disguised_fees"),
        (LegalFlagKind.IllegalDebtCandidate, "illegal_debt_candidate"));

    /// <summary>An explanation step, as a report's <c>steps</c> write it: <c>principal_basis</c>.</summary>
    public static string Of(StepKind stepKind) => stepKind switch
    {
        StepKind.PrincipalBasis => "principal_basis",
        StepKind.ContractRate => "contract_rate",
        StepKind.ContractRateMissing => "contract_rate_missing",
        StepKind.CapFourTimesLpr => "cap_four_times_lpr",
        StepKind.CapOldPrivateLine => "cap_old_private_line",
        StepKind.CapLicensedLine => "cap_licensed_line",
        StepKind.CapFourTimesBenchmark => "cap_four_times_benchmark",
        StepKind.RateAboveCap => "rate_above_cap",
        StepKind.RateWithinCap => "rate_within_cap",
        StepKind.Accrual => "accrual",
        StepKind.Payments => "payments",
        StepKind.PaymentsToPrincipal => "payments_to_principal",
        StepKind.PaidInterestKept => "paid_interest_kept",
        StepKind.Balance => "balance",
        StepKind.Overpaid => "overpaid",
        StepKind.OverdueAgreed => "overdue_agreed",
        StepKind.OverdueAtLpr => "overdue_at_lpr",
        StepKind.OverdueAtOldDefault => "overdue_at_old_default",
        StepKind.OverdueChargesRange => "overdue_charges_range",
        StepKind.Demanded => "demanded",
        StepKind.VoidContract => "void_contract",
        StepKind.UseOfMoneyFee => "use_of_money_fee",
        StepKind.MicroloanGuidelineAbove => "microloan_guideline_above",
        StepKind.MicroloanGuidelineAboveTarget => "microloan_guideline_above_target",
    };

    /// <summary>An uncertainty, as a report's <c>uncertain</c> codes write it: <c>lender_kind_decides</c>.</summary>
    public static string Of(Uncertainty uncertainty) => uncertainty switch
    {
        Uncertainty.LprBeyondData => "lpr_beyond_data",
        Uncertainty.LprValueUnconfirmed => "lpr_value_unconfirmed",
        Uncertainty.ContractBeforeReform => "contract_before_reform",
        Uncertainty.FiledBeforeRules2015 => "filed_before_rules2015",
        Uncertainty.LicensedLineOnRequest => "licensed_line_on_request",
        Uncertainty.MicroloanLineUnconfirmed => "microloan_line_unconfirmed",
        Uncertainty.LenderKindDecides => "lender_kind_decides",
        Uncertainty.NoUniqueRate => "no_unique_rate",
        Uncertainty.OverdueChargesNotIncluded => "overdue_charges_not_included",
        Uncertainty.OverpaymentTreatmentVaries => "overpayment_treatment_varies",
        Uncertainty.FeesFactSpecific => "fees_fact_specific",
        Uncertainty.DemandExceedsContract => "demand_exceeds_contract",
        Uncertainty.IllegalDebtInterpretation => "illegal_debt_interpretation",
        Uncertainty.OverdueLprDateUnsettled => "overdue_lpr_date_unsettled",
        Uncertainty.DayRateBasisDecides => "day_rate_basis_decides",
        Uncertainty.UnlicensedLenderVoid => "unlicensed_lender_void",
        Uncertainty.MicroloanGuidelineSecondary => "microloan_guideline_secondary",
    };

    /// <summary>A benchmark rate's term, as the invariant cap description writes it: <c>up_to_one_year</c>.</summary>
    public static string Of(BenchmarkTerm benchmarkTerm) => benchmarkTerm switch
    {
        BenchmarkTerm.UpToSixMonths => "up_to_six_months",
        BenchmarkTerm.UpToOneYear => "up_to_one_year",
        BenchmarkTerm.UpToThreeYears => "up_to_three_years",
        BenchmarkTerm.UpToFiveYears => "up_to_five_years",
        BenchmarkTerm.OverFiveYears => "over_five_years",
    };
}
