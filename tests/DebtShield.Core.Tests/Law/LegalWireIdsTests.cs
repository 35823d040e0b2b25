using DebtShield.Core.Law;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// The wire ids of the legal engine's codes are pinned here as data, keyed by member: a member
/// renamed in the code is renamed in this table too, but the id beside it is text, so a rename that
/// moved an id (as deriving it from the member's name did) fails here.
/// </summary>
public sealed class LegalWireIdsTests
{
    public static TheoryData<LegalView, string> LegalViewIds() => new()
    {
        { LegalView.PrivateLending, "private_lending" },
        { LegalView.LicensedInstitution, "licensed_institution" },
        { LegalView.VoidUnlicensedLending, "void_unlicensed_lending" },
    };

    [Theory]
    [MemberData(nameof(LegalViewIds))]
    public void Of_LegalView_IsItsPublishedId(LegalView member, string id) => Assert.Equal(id, LegalWireIds.Of(member));

    public static TheoryData<FactStatus, string> FactStatusIds() => new()
    {
        { FactStatus.Verified, "verified" },
        { FactStatus.Secondary, "secondary" },
        { FactStatus.Uncertain, "uncertain" },
    };

    [Theory]
    [MemberData(nameof(FactStatusIds))]
    public void Of_FactStatus_IsItsPublishedId(FactStatus member, string id) => Assert.Equal(id, LegalWireIds.Of(member));

    public static TheoryData<StepKind, string> StepKindIds() => new()
    {
        { StepKind.PrincipalBasis, "principal_basis" },
        { StepKind.ContractRate, "contract_rate" },
        { StepKind.ContractRateMissing, "contract_rate_missing" },
        { StepKind.CapFourTimesLpr, "cap_four_times_lpr" },
        { StepKind.CapOldPrivateLine, "cap_old_private_line" },
        { StepKind.CapLicensedLine, "cap_licensed_line" },
        { StepKind.CapFourTimesBenchmark, "cap_four_times_benchmark" },
        { StepKind.RateAboveCap, "rate_above_cap" },
        { StepKind.RateWithinCap, "rate_within_cap" },
        { StepKind.Accrual, "accrual" },
        { StepKind.Payments, "payments" },
        { StepKind.PaymentsToPrincipal, "payments_to_principal" },
        { StepKind.PaidInterestKept, "paid_interest_kept" },
        { StepKind.Balance, "balance" },
        { StepKind.Overpaid, "overpaid" },
        { StepKind.OverdueAgreed, "overdue_agreed" },
        { StepKind.OverdueAtLpr, "overdue_at_lpr" },
        { StepKind.OverdueAtOldDefault, "overdue_at_old_default" },
        { StepKind.OverdueChargesRange, "overdue_charges_range" },
        { StepKind.Demanded, "demanded" },
        { StepKind.VoidContract, "void_contract" },
        { StepKind.UseOfMoneyFee, "use_of_money_fee" },
        { StepKind.MicroloanGuidelineAbove, "microloan_guideline_above" },
        { StepKind.MicroloanGuidelineAboveTarget, "microloan_guideline_above_target" },
    };

    [Theory]
    [MemberData(nameof(StepKindIds))]
    public void Of_StepKind_IsItsPublishedId(StepKind member, string id) => Assert.Equal(id, LegalWireIds.Of(member));

    public static TheoryData<Uncertainty, string> UncertaintyIds() => new()
    {
        { Uncertainty.LprBeyondData, "lpr_beyond_data" },
        { Uncertainty.LprValueUnconfirmed, "lpr_value_unconfirmed" },
        { Uncertainty.ContractBeforeReform, "contract_before_reform" },
        { Uncertainty.FiledBeforeRules2015, "filed_before_rules2015" },
        { Uncertainty.LicensedLineOnRequest, "licensed_line_on_request" },
        { Uncertainty.MicroloanLineUnconfirmed, "microloan_line_unconfirmed" },
        { Uncertainty.LenderKindDecides, "lender_kind_decides" },
        { Uncertainty.NoUniqueRate, "no_unique_rate" },
        { Uncertainty.OverdueChargesNotIncluded, "overdue_charges_not_included" },
        { Uncertainty.OverpaymentTreatmentVaries, "overpayment_treatment_varies" },
        { Uncertainty.FeesFactSpecific, "fees_fact_specific" },
        { Uncertainty.DemandExceedsContract, "demand_exceeds_contract" },
        { Uncertainty.IllegalDebtInterpretation, "illegal_debt_interpretation" },
        { Uncertainty.OverdueLprDateUnsettled, "overdue_lpr_date_unsettled" },
        { Uncertainty.DayRateBasisDecides, "day_rate_basis_decides" },
        { Uncertainty.UnlicensedLenderVoid, "unlicensed_lender_void" },
        { Uncertainty.MicroloanGuidelineSecondary, "microloan_guideline_secondary" },
    };

    [Theory]
    [MemberData(nameof(UncertaintyIds))]
    public void Of_Uncertainty_IsItsPublishedId(Uncertainty member, string id) => Assert.Equal(id, LegalWireIds.Of(member));

    public static TheoryData<BenchmarkTerm, string> BenchmarkTermIds() => new()
    {
        { BenchmarkTerm.UpToSixMonths, "up_to_six_months" },
        { BenchmarkTerm.UpToOneYear, "up_to_one_year" },
        { BenchmarkTerm.UpToThreeYears, "up_to_three_years" },
        { BenchmarkTerm.UpToFiveYears, "up_to_five_years" },
        { BenchmarkTerm.OverFiveYears, "over_five_years" },
    };

    [Theory]
    [MemberData(nameof(BenchmarkTermIds))]
    public void Of_BenchmarkTerm_IsItsPublishedId(BenchmarkTerm member, string id) => Assert.Equal(id, LegalWireIds.Of(member));

    [Fact]
    public void PinnedTables_EveryMember_ListedOnceWithADistinctId()
    {
        AssertComplete(LegalViewIds(), LegalWireIds.Of);
        AssertComplete(FactStatusIds(), LegalWireIds.Of);
        AssertComplete(StepKindIds(), LegalWireIds.Of);
        AssertComplete(UncertaintyIds(), LegalWireIds.Of);
        AssertComplete(BenchmarkTermIds(), LegalWireIds.Of);
    }

    private static void AssertComplete<T>(TheoryData<T, string> pinned, Func<T, string> of)
        where T : struct, Enum
    {
        var rows = pinned.Select(row => ((T)row[0], (string)row[1])).ToList();
        Assert.Equal(Enum.GetValues<T>().Order(), rows.Select(r => r.Item1).Order());
        Assert.Equal(rows.Count, rows.Select(r => r.Item2).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Equal(r.Item2, of(r.Item1)));
    }
}
