using DebtShield.Core.Loans;
using DebtShield.Core.Planning;

namespace DebtShield.Core.Tests.Planning;

public sealed class PlanLoanTests
{
    [Fact]
    public void From_LenderAsksMoreThanTheLawfulBalance_ScalesEveryDueByOneFactorBelowOne()
    {
        // Given a lender asking 12 × 1,150 on a lawful balance of 10,000 at 13.8%
        var loan = PlanLoans.Monthly("a", 10_000m, 0.138m, 12, 1150m);

        // Then every lawful due is the lender's times the same factor, below 1
        var factors = loan.Dues.Zip(loan.LenderDues, (l, c) => l.Amount.Yuan / c.Amount.Yuan).ToArray();
        Assert.All(factors, f => Assert.Equal(factors[0], f, 20));
        // (12 × 1,150 is worth about 12,850 at 13.8% a year, so the factor is about 10,000 / 12,850)
        Assert.InRange(factors[0], 0.77m, 0.79m);
        Assert.Equal(loan.LenderDues.Select(d => d.Date), loan.Dues.Select(d => d.Date));
    }

    [Fact]
    public void From_PayingTheLawfulScheduleExactly_ClearsTheBalanceAndIsNeverBehind()
    {
        var loan = PlanLoans.Monthly("a", 10_000m, 0.138m, 12, 1150m);
        var problem = PlanProblem.Create(PlanLoans.Start, new Money(5000m), [loan], months: 14);
        var payments = new[] { Enumerable.Range(0, 14).Select(t => problem.Due(0, t)).ToArray() };

        var outcome = PlanSimulation.Evaluate(problem, PlanStrategy.Optimized, payments);

        Assert.Equal(12, outcome.MonthsToDebtFree);
        Assert.Empty(outcome.Overdue);
        Assert.Equal(0m, outcome.Remaining.Yuan, 6);
    }

    [Fact]
    public void From_PaymentsBeforeTheStart_CoverTheOldestInstalmentsAndTheRestIsOverdueSinceItsDate()
    {
        var loan = PlanLoans.Monthly("a", 3000m, 0.1m, 3, 1000m, first: -2, payments: [new Payment(new DateOnly(2025, 11, 20), new Money(1500m))]);

        Assert.Equal([500m, 1000m], loan.LenderDues.Select(d => d.Amount.Yuan));
        Assert.Equal(new DateOnly(2025, 12, 15), loan.OverdueSince);
        Assert.True(loan.HasSchedule);
    }

    [Fact]
    public void From_NoScheduleLeftButABalance_TreatsTheWholeBalanceAsDueAtTheStart()
    {
        var loan = PlanLoans.Monthly("a", 1000m, 0.1m, 1, 1000m, first: -3, payments: [new Payment(new DateOnly(2025, 10, 15), new Money(1000m))]);

        Assert.False(loan.HasSchedule);
        Assert.Equal([new PlanDue(PlanLoans.Start, new Money(1000m))], loan.Dues);
    }

    [Theory]
    [InlineData(2026, 1, 1, 0)]
    [InlineData(2026, 1, 31, 0)]
    [InlineData(2026, 2, 1, 1)]
    [InlineData(2025, 12, 1, 0)]
    [InlineData(2027, 1, 15, 12)]
    public void Index_Date_IsTheMonthOfThePlanItFallsIn(int year, int month, int day, int expected) =>
        Assert.Equal(expected, PlanMonths.Index(PlanLoans.Start, new DateOnly(year, month, day)));
}
