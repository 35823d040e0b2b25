using DebtShield.App.Resources;
using DebtShield.Core.Law;
using DebtShield.Core.Vocabulary;

namespace DebtShield.App.CheckLoans;

/// <summary>
/// The words of the legal engine's codes (a view, a step, an uncertainty, a benchmark term, a cap's
/// basis, a flag, a status), each found under the code's wire id (<see cref="LegalWireIds"/>) or a key spelled out
/// here, so renaming a member of Core's enums cannot lose a sentence of the report.
/// </summary>
internal static class LegalTexts
{
    /// <summary>A view's name: 民间借贷.</summary>
    public static MemberTexts<LegalView> Views { get; } = MemberTexts.ByWireId<LegalView>(AppText.ResourceManager, "View_", LegalWireIds.Of);

    /// <summary>An explanation step's template.</summary>
    public static MemberTexts<StepKind> Steps { get; } = MemberTexts.ByWireId<StepKind>(AppText.ResourceManager, "Step_", LegalWireIds.Of);

    /// <summary>What an uncertainty leaves open.</summary>
    public static MemberTexts<Uncertainty> Uncertainties { get; } = MemberTexts.ByWireId<Uncertainty>(AppText.ResourceManager, "Uncertain_", LegalWireIds.Of);

    /// <summary>A benchmark rate's term: 一年以内（含一年）.</summary>
    public static MemberTexts<BenchmarkTerm> BenchmarkTerms { get; } = MemberTexts.ByWireId<BenchmarkTerm>(AppText.ResourceManager, "BenchmarkTerm_", LegalWireIds.Of);

    /// <summary>A legal flag's name: 年化超过 36%.</summary>
    public static MemberTexts<LegalFlagKind> Flags { get; } = MemberTexts.ByWireId<LegalFlagKind>(CheckText.ResourceManager, "Flag_", LegalWireIds.Of);

    /// <summary>How well a fact is checked: 已核实, 二手资料, 待核实.</summary>
    public static MemberTexts<FactStatus> Statuses { get; } = MemberTexts.ByWireId<FactStatus>(CheckText.ResourceManager, "Status_", LegalWireIds.Of);

    /// <summary>A cap's basis, as a template of its figures (a cap has no wire id: its description for machines is written out).</summary>
    public static MemberTexts<CapRule> CapBases { get; } = new(
        AppText.ResourceManager,
        (CapRule.FourTimesLprAtContract, "CapBasis_FourTimesLprAtContract"),
        (CapRule.FourTimesLprAtFiling, "CapBasis_FourTimesLprAtFiling"),
        (CapRule.OldPrivateLine, "CapBasis_OldPrivateLine"),
        (CapRule.LicensedCourtLine, "CapBasis_LicensedCourtLine"),
        (CapRule.FourTimesBenchmark, "CapBasis_FourTimesBenchmark"),
        (CapRule.UseOfMoneyFeeAtLpr, "CapBasis_UseOfMoneyFeeAtLpr"));
}
