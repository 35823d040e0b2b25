using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Import.LegalData;

namespace DebtShield.Import.Tests.LegalData;

public sealed class CreditDataReaderTests
{
    [Fact]
    public void CreditRules_ShippedData_HoldTheFiveYearRuleAndTheRepairTermsOfTheFacts()
    {
        var rules = LegalDataReader.CreditRules;

        Assert.Equal(5, rules.RetentionYears);
        Assert.Equal(new DateOnly(2020, 1, 1), rules.Repair.IncurredFrom);
        Assert.Equal(new DateOnly(2025, 12, 31), rules.Repair.IncurredTo);
        Assert.Equal(10_000m, rules.Repair.MaxSingleAmount.Yuan);
        Assert.Equal(new DateOnly(2026, 3, 31), rules.Repair.RepaidBy);
        Assert.Equal(new DateOnly(2025, 11, 30), rules.Repair.EarlyRepaidBy);
        Assert.Equal(new DateOnly(2026, 1, 1), rules.Repair.EarlyHiddenFrom);
        Assert.Equal(FactStatus.Secondary, rules.Repair.AmountStatus);
    }

    [Fact]
    public void CreditRules_WhichLendersReport_IsUncertainForEveryKindAndOnlyLicensedKindsAreKeptFirst()
    {
        var rules = LegalDataReader.CreditRules;

        Assert.Equal(Enum.GetValues<LenderKind>().Length, rules.Reporting.Count);
        Assert.All(rules.Reporting.Values, r => Assert.Null(r.Reports));
        Assert.All(rules.Reporting.Values, r => Assert.Equal(FactStatus.Uncertain, r.Status));
        Assert.Equal(
            [LenderKind.Bank, LenderKind.ConsumerFinance, LenderKind.Microloan],
            rules.Reporting.Where(r => r.Value.Licensed).Select(r => r.Key).Order());
    }
}
