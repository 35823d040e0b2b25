using DebtShield.Core.Budget;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Planning;

namespace DebtShield.Core.Tests.Planning;

public sealed class PlanningPiecesTests
{
    private static readonly CreditRecordRules Rules = new(
        5,
        new OneTimeRepair(new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31), new Money(10_000m), new DateOnly(2026, 3, 31), new DateOnly(2025, 11, 30), new DateOnly(2026, 1, 1), FactStatus.Secondary),
        Enum.GetValues<LenderKind>().ToDictionary(k => k, k => new CreditReporting(k == LenderKind.PrivateIndividual ? false : null, k == LenderKind.Bank, FactStatus.Uncertain)));

    [Fact]
    public void Negotiation_LoanBehind_OffersWhatIsLeftAfterTheLoansKeptCurrent()
    {
        // Given 600 a month, a current loan asking 200 and a loan of 2,400 interest-free the budget cannot keep on schedule
        var problem = PlanProblem.Create(PlanLoans.Start, new Money(600m), [
            PlanLoans.Monthly("kept", 2400m, 0m, 12, 200m, kind: LenderKind.Bank, keep: true),
            PlanLoans.Monthly("behind", 2400m, 0m, 2, 1200m),
        ], months: 14);
        var plan = PlanSimulation.Run(problem, PlanStrategy.LawfulFirst);

        var proposals = NegotiationProposal.ForLoansBehind(problem, plan);

        var proposal = Assert.Single(proposals);
        Assert.Equal("behind", proposal.LoanId);
        Assert.Equal(400m, proposal.MonthlyAmount.Yuan);
        Assert.Equal(6, proposal.Months);
    }

    [Theory]
    [InlineData(1000, 0.12, 10, null)]
    [InlineData(1000, 0.12, 11, 241)]
    [InlineData(1000, 0, 100, 10)]
    [InlineData(0, 0.12, 0, 0)]
    public void MonthsToClear_Payment_CountsTheMonthsOrNullWhenInterestIsNotCovered(double balance, double rate, double payment, int? expected) =>
        Assert.Equal(expected, NegotiationProposal.MonthsToClear((decimal)balance, (decimal)rate / 12m, (decimal)payment));

    [Fact]
    public void Affordability_NewLoanTakingTheBudget_PushesTheExistingLoanBehindAndRaisesTheRatio()
    {
        var existing = PlanLoans.Monthly("old", 3000m, 0.1m, 6, 510m);
        var offer = PlanLoans.Monthly("new", 4000m, 0.24m, 2, 2100m, first: 1);

        var check = AffordabilityCheck.Of([existing], offer, Money.Zero, PlanLoans.Start, new Money(1500m), new Money(5000m));

        Assert.Equal(["old"], check.PushedBehind);
        Assert.True(check.RatioAfter > check.RatioBefore);
        Assert.Equal(510m * 6 / 12, check.ServiceBefore.Yuan, 6);
    }

    [Fact]
    public void Warnings_IncomeBelowEssentialsAndNoSchedule_AreEachSaid()
    {
        var problem = PlanProblem.Create(PlanLoans.Start, Money.Zero, [
            PlanLoans.Monthly("a", 1000m, 0.1m, 2, 510m),
            PlanLoans.Monthly("paid-up schedule, balance left", 1000m, 0.1m, 1, 1000m, first: -3, payments: [new Payment(new DateOnly(2025, 10, 15), new Money(1000m))]),
        ], months: 3);
        var budget = new MonthlyBudget([new BudgetLine(BudgetLineKind.Income, "工资", new Money(1000m)), new BudgetLine(BudgetLineKind.EssentialExpense, "房租", new Money(1500m))]);

        var warnings = PlanWarnings.Of(problem, budget, [PlanSimulation.Run(problem, PlanStrategy.LawfulFirst)]);

        Assert.Equal([PlanWarning.IncomeBelowEssentials, PlanWarning.BudgetBelowDues, PlanWarning.LoanWithoutSchedule, PlanWarning.NeverDebtFree], warnings);
        Assert.Equal([PlanWarning.NoLoans], PlanWarnings.Of(PlanProblem.Create(PlanLoans.Start, new Money(100m), []), null, []));
    }

    [Fact]
    public void CreditTimeline_OverdueThenRepaid_DatesTheDropOffFiveYearsAfterRepaymentAndTheRepair()
    {
        // Given a 2025 loan whose second instalment was paid 40 days late, in 2026-02
        var loan = Loan.Create("a", new Lender("A", LenderKind.Bank), new DateOnly(2025, 10, 1), new Money(2000m), null, [],
            [new Instalment(new DateOnly(2025, 11, 1), new Money(1050m)), new Instalment(new DateOnly(2025, 12, 20), new Money(1050m))],
            [new Payment(new DateOnly(2025, 11, 1), new Money(1050m)), new Payment(new DateOnly(2026, 1, 29), new Money(1050m))],
            null).Loan!;

        var episode = Assert.Single(CreditTimeline.Of(loan, Rules, new DateOnly(2026, 11, 28)));

        Assert.Equal(new DateOnly(2025, 12, 20), episode.Started);
        Assert.Equal(new DateOnly(2026, 1, 29), episode.Ended);
        Assert.Equal(new DateOnly(2031, 1, 29), episode.DropsOff);
        Assert.Equal(1050m, episode.LargestUnpaid.Yuan);
        Assert.Equal(RepairOutcome.Applies, episode.Repair);
        Assert.Equal(new DateOnly(2026, 2, 28), episode.HiddenFrom);
    }

    [Fact]
    public void CreditTimeline_StillOverdueAfterTheDeadline_NoDropOffAndRepairedTooLate()
    {
        var loan = Loan.Create("a", new Lender("A", LenderKind.OnlinePlatform), new DateOnly(2025, 10, 1), new Money(2000m), null, [],
            [new Instalment(new DateOnly(2025, 11, 1), new Money(2100m))], [], null).Loan!;

        var episode = Assert.Single(CreditTimeline.Of(loan, Rules, new DateOnly(2026, 11, 28)));

        Assert.Null(episode.Ended);
        Assert.Null(episode.DropsOff);
        Assert.Equal(RepairOutcome.RepaidTooLate, episode.Repair);
        Assert.Empty(CreditTimeline.Of(Loan.Create("p", new Lender("P", LenderKind.PrivateIndividual), new DateOnly(2025, 10, 1), new Money(2000m), null, [],
            [new Instalment(new DateOnly(2025, 11, 1), new Money(2100m))], [], null).Loan!, Rules, new DateOnly(2026, 11, 28)));
    }
}
