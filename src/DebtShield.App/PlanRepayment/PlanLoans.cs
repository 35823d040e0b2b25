using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Planning;
using DebtShield.Import.LegalData;

namespace DebtShield.App.PlanRepayment;

/// <summary>Turns a case's loans into the plan's view: the legal engine says what is lawfully owed and at what rate it may grow.</summary>
internal static class PlanLoans
{
    /// <summary>Each loan as the plan sees it on <paramref name="start"/>.</summary>
    public static PlanLoan[] From(IEnumerable<Loan> loans, DateOnly start) => [.. loans.Select(l => From(l, start))];

    /// <summary>One loan as the plan sees it on <paramref name="start"/>.</summary>
    public static PlanLoan From(Loan loan, DateOnly start)
    {
        var asOf = start < loan.ContractDate ? loan.ContractDate : start;
        var assessment = LegalCheck.Of(loan, LegalDataReader.Rules, new CheckOptions(asOf));
        var primary = assessment.Primary;
        var contractRate = ScheduleSimpleRate.Solve(loan, DayCount.Actual365, assessment.RateAnnual ?? 0.2);
        var lawfulRate = Math.Max(0m, Math.Min(contractRate, primary.Cap.Annual));
        var reporting = LegalDataReader.CreditRules.Reporting[loan.Lender.Kind];
        return PlanLoan.From(
            loan,
            start,
            start < loan.ContractDate ? new Money(loan.PrincipalBasis.Yuan) : primary.Lawful.TotalDue,
            lawfulRate,
            assessment.RateAnnual,
            reporting.Licensed && reporting.Reports != false);
    }
}
