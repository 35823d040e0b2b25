using DebtShield.Core.Loans;
using DebtShield.Core.Planning;
using FsCheck;
using FsCheck.Fluent;

namespace DebtShield.Core.Tests.Planning;

public sealed class PlanSimulationTests
{
    private static readonly PlanStrategy[] Heuristics = [PlanStrategy.Avalanche, PlanStrategy.Snowball, PlanStrategy.LawfulFirst];

    [Theory]
    [InlineData(PlanStrategy.Avalanche)]
    [InlineData(PlanStrategy.Snowball)]
    [InlineData(PlanStrategy.LawfulFirst)]
    public void Run_BudgetCoversEveryDue_NeverBehindAndDebtFree(PlanStrategy strategy)
    {
        var problem = PlanProblem.Create(PlanLoans.Start, new Money(3000m), [
            PlanLoans.Monthly("a", 6000m, 0.24m, 6, 1100m),
            PlanLoans.Monthly("b", 3000m, 0.12m, 3, 1020m),
        ], months: 12);

        var outcome = PlanSimulation.Run(problem, strategy);

        Assert.Empty(outcome.Overdue);
        Assert.Equal(0, outcome.DaysBehind);
        Assert.NotNull(outcome.MonthsToDebtFree);
        Assert.True(outcome.MonthsToDebtFree <= 4);
        Assert.Equal(0m, outcome.Remaining.Yuan, 6);
    }

    [Fact]
    public void Run_ZeroBudget_EveryLoanBehindFromItsFirstDueToTheEndAndNothingPaid()
    {
        var problem = PlanProblem.Create(PlanLoans.Start, Money.Zero, [
            PlanLoans.Monthly("a", 1000m, 0.12m, 2, 510m),
            PlanLoans.Monthly("b", 500m, 0m, 1, 500m, first: -1),
        ], months: 6);

        var outcome = PlanSimulation.Run(problem, PlanStrategy.LawfulFirst);

        Assert.Equal(0m, outcome.TotalPaid.Yuan);
        Assert.Null(outcome.MonthsToDebtFree);
        Assert.Equal(["b", "a"], outcome.Overdue.Select(e => e.LoanId));
        var b = outcome.Overdue[0];
        Assert.Equal(new DateOnly(2025, 12, 15), b.From);
        Assert.False(b.Ends);
        Assert.Equal(new DateOnly(2026, 7, 1).DayNumber - new DateOnly(2025, 12, 15).DayNumber, b.Days);
        Assert.Equal(new DateOnly(2026, 1, 15), outcome.Overdue[1].From);
    }

    [Fact]
    public void Run_AvalancheWithMoneyToSpare_PaysExtraToTheHighestRealRateFirst()
    {
        var problem = PlanProblem.Create(PlanLoans.Start, new Money(2000m), [
            PlanLoans.Monthly("cheap", 5000m, 0.05m, 10, 505m),
            PlanLoans.Monthly("dear", 5000m, 0.24m, 10, 550m, realRate: 0.9),
        ], months: 12);

        var avalanche = PlanSimulation.Run(problem, PlanStrategy.Avalanche);
        var snowball = PlanSimulation.Run(problem, PlanStrategy.Snowball);

        Assert.True(avalanche.Payments[1][0] > avalanche.Payments[0][0]);
        Assert.True(avalanche.InterestPaid < snowball.InterestPaid || avalanche.InterestPaid == snowball.InterestPaid);
    }

    [Fact]
    public void Run_SnowballWithMoneyToSpare_PaysOffTheSmallestBalanceFirst()
    {
        var problem = PlanProblem.Create(PlanLoans.Start, new Money(1500m), [
            PlanLoans.Monthly("big", 8000m, 0.24m, 10, 900m),
            PlanLoans.Monthly("small", 1200m, 0.05m, 6, 205m),
        ], months: 12);

        var outcome = PlanSimulation.Run(problem, PlanStrategy.Snowball);

        Assert.True(outcome.Payments[1][0] >= 600m - 0.01m, "the extra goes to the small loan");
    }

    [Fact]
    public void Run_LawfulFirstShortOfMoney_KeepsTheLicensedLenderCurrent()
    {
        // Given money for only one of two dues, the dearer one with an online platform
        var problem = PlanProblem.Create(PlanLoans.Start, new Money(520m), [
            PlanLoans.Monthly("platform", 1000m, 0.24m, 2, 510m, realRate: 1.2),
            PlanLoans.Monthly("bank", 1000m, 0.1m, 2, 505m, kind: LenderKind.Bank, keep: true),
        ], months: 4);

        var lawfulFirst = PlanSimulation.Run(problem, PlanStrategy.LawfulFirst);
        var avalanche = PlanSimulation.Run(problem, PlanStrategy.Avalanche);

        Assert.DoesNotContain(lawfulFirst.Overdue, e => e.LoanId == "bank" && e.From < new DateOnly(2026, 2, 1));
        Assert.Contains(avalanche.Overdue, e => e.LoanId == "bank" && e.From == new DateOnly(2026, 1, 15));
        Assert.Equal(["bank", "platform"], PlanSimulation.DueOrder(problem, PlanStrategy.LawfulFirst).Select(l => l.Id));
    }

    [Fact]
    public void Run_AnyCase_PaidPlusOwedEqualsTheStartPlusInterestAndNeverExceedsTheBudget()
    {
        var loan = from balance in Gen.Choose(0, 300)
                   from rate in Gen.Choose(0, 36)
                   from count in Gen.Choose(1, 18)
                   from first in Gen.Choose(-3, 4)
                   select (Balance: balance * 100m, Rate: rate / 100m, Count: count, First: first);
        var cases = from loans in Gen.Choose(0, 8).SelectMany(n => Gen.ListOf(loan, n))
                    from budget in Gen.Choose(0, 80)
                    from strategy in Gen.Elements(Heuristics)
                    select (Loans: loans, Budget: budget * 100m, Strategy: strategy);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var loans = c.Loans.Select((l, k) => PlanLoans.Monthly($"l{k}", Math.Max(l.Balance, 100m), l.Rate, l.Count, Math.Max(l.Balance, 100m) / l.Count, l.First)).ToArray();
            var problem = PlanProblem.Create(PlanLoans.Start, new Money(c.Budget), loans, months: 24);
            var outcome = PlanSimulation.Run(problem, c.Strategy);
            var start = loans.Sum(l => l.Balance.Yuan);
            var interest = ReplayInterest(problem, outcome);
            var cashOk = outcome.PaidByMonth.Select((p, t) => outcome.PaidByMonth.Take(t + 1).Sum(m => m.Yuan) <= (c.Budget * (t + 1)) + 0.000001m).All(ok => ok);
            return Math.Abs(outcome.TotalPaid.Yuan + outcome.Remaining.Yuan - start - interest) < 0.0001m && cashOk && outcome.InterestPaid.Yuan <= interest + 0.0001m;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    /// <summary>The interest the balances grew by, replayed from the payments.</summary>
    private static decimal ReplayInterest(PlanProblem problem, PlanOutcome outcome)
    {
        var interest = 0m;
        for (var i = 0; i < problem.Loans.Count; i++)
        {
            var balance = problem.Loans[i].Balance.Yuan;
            var rate = problem.Loans[i].LawfulAnnualRate / 12m;
            for (var t = 0; t < problem.Months; t++)
            {
                interest += balance * rate;
                balance = (balance * (1m + rate)) - outcome.Payments[i][t];
            }
        }

        return interest;
    }
}
