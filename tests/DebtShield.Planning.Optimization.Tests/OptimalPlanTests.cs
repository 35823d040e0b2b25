using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Planning;
using FsCheck;
using FsCheck.Fluent;

namespace DebtShield.Planning.Optimization.Tests;

public sealed class OptimalPlanTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    private static readonly PlanStrategy[] Heuristics = [PlanStrategy.Avalanche, PlanStrategy.Snowball, PlanStrategy.LawfulFirst];

    [Fact]
    public void Solve_BudgetCoversEverything_NeverBehindAndPaysLessThanEveryHeuristic()
    {
        // Given two loans whose schedules the budget covers with room to spare
        var problem = PlanProblem.Create(Start, new Money(3000m), [
            Loan("a", 6000m, 0.24m, 6, 1100m),
            Loan("b", 3000m, 0.12m, 3, 1020m),
        ], months: 12);

        // When the optimised plan is solved and run
        var optimal = Optimise(problem);

        // Then it is never behind, is debt-free, and costs no more than any heuristic
        Assert.Empty(optimal.Overdue);
        Assert.NotNull(optimal.MonthsToDebtFree);
        foreach (var strategy in Heuristics)
        {
            Assert.True(optimal.Objective <= PlanSimulation.Run(problem, strategy).Objective + Tolerance, strategy.ToString());
        }
    }

    [Fact]
    public void Solve_BudgetShortOneMonth_ChoosesTheCheaperLoanToFallBehind()
    {
        // Given a budget that covers one of two equal dues a month, and a heavy weight on days behind
        var problem = PlanProblem.Create(Start, new Money(500m), [
            Loan("a", 1000m, 0m, 2, 500m),
            Loan("b", 1000m, 0m, 2, 500m),
        ], months: 4, overdueDayWeight: 1m);

        var optimal = Optimise(problem);

        // Then one loan is kept current and the other is behind for as short a time as possible: paid
        // off after the first, in months 3 and 4
        Assert.Equal(4, optimal.MonthsToDebtFree);
        Assert.Equal(2000m, optimal.TotalPaid.Yuan, 2);
        var best = Heuristics.Min(s => PlanSimulation.Run(problem, s).Objective);
        Assert.True(optimal.Objective <= best + Tolerance);
    }

    [Fact]
    public void Solve_SmallCases_MatchesBruteForceOverEveryPaymentOnAGrid()
    {
        // Given small interest-free cases whose data are multiples of 10 yuan: the program's vertices
        // lie on the 10-yuan grid, so the best grid plan is the optimum
        var cases = new[]
        {
            PlanProblem.Create(Start, new Money(30m), [Loan("a", 40m, 0m, 2, 20m), Loan("b", 30m, 0m, 1, 30m)], months: 3, overdueDayWeight: 0.5m),
            PlanProblem.Create(Start, new Money(20m), [Loan("a", 30m, 0m, 3, 10m), Loan("b", 20m, 0m, 1, 20m)], months: 3, overdueDayWeight: 2m),
            PlanProblem.Create(Start, new Money(10m), [Loan("a", 20m, 0m, 1, 20m), Loan("b", 20m, 0m, 2, 10m)], months: 3, overdueDayWeight: 1m),
        };

        foreach (var problem in cases)
        {
            var brute = BruteForce(problem, 10m);
            var (optimal, result) = Solve(problem);
            // (the program may leave up to a fen a month unpaid without counting as behind, as the simulation does)
            Assert.InRange(optimal.Objective, brute - 0.1m, brute + Tolerance);

            // and the solver proves it: optimal, with a lower bound no plan beats
            Assert.Equal(OptimalPlanStatus.Optimal, result.Status);
            Assert.InRange(result.Gap!.Value, 0.0, 1e-4);
            Assert.InRange((decimal)result.Bound!.Value, brute - 0.1m - (brute * 1e-4m), brute + Tolerance);
        }
    }

    [Fact]
    public void Solve_RandomCases_NeverWorseThanAnyHeuristic()
    {
        // Property: on generated cases the optimum is never worse than any heuristic on the objective.
        var loan = from principal in Gen.Choose(1, 200)
                   from rate in Gen.Choose(0, 36)
                   from count in Gen.Choose(1, 12)
                   from firstMonth in Gen.Choose(-2, 3)
                   from keep in Gen.Elements(true, false)
                   select (Principal: principal * 100m, Rate: rate / 100m, Count: count, First: firstMonth, Keep: keep);
        var generated = from loans in Gen.Choose(1, 5).SelectMany(k => Gen.ListOf(loan, k))
                        from budget in Gen.Choose(0, 60)
                        from weight in Gen.Choose(0, 100)
                        select (Loans: loans, Budget: budget * 100m, Weight: weight);

        Prop.ForAll(generated.ToArbitrary(), c =>
        {
            var loans = c.Loans.Select((l, k) => Loan($"l{k}", l.Principal, l.Rate, l.Count, decimal.Round(l.Principal / l.Count * (1 + l.Rate), 2), l.First, l.Keep)).ToArray();
            var problem = PlanProblem.Create(Start, new Money(c.Budget), loans, months: 18, overdueDayWeight: c.Weight);
            var (optimal, result) = Solve(problem);
            return Heuristics.All(s =>
                optimal.Objective <= PlanSimulation.Run(problem, s).Objective + Tolerance
                && (decimal)result.Bound!.Value <= PlanSimulation.Run(problem, s).Objective + Tolerance);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    private static PlanOutcome Optimise(PlanProblem problem) => Solve(problem).Plan;

    private static (PlanOutcome Plan, OptimalPlanResult Result) Solve(PlanProblem problem)
    {
        var best = Heuristics.Select(s => PlanSimulation.Run(problem, s)).MinBy(o => o.Objective);
        var result = OptimalPlan.Solve(problem, best);
        Assert.NotNull(result.Payments);
        Assert.NotNull(result.Bound);
        return (PlanSimulation.Evaluate(problem, PlanStrategy.Optimized, result.Payments), result);
    }

    /// <summary>The best objective over every plan paying multiples of <paramref name="step"/>.</summary>
    private static decimal BruteForce(PlanProblem problem, decimal step)
    {
        var n = problem.Loans.Count;
        var months = problem.Months;
        var payments = Enumerable.Range(0, n).Select(_ => new decimal[months]).ToArray();
        var best = decimal.MaxValue;
        void Search(int cell, decimal cash)
        {
            if (cell == n * months)
            {
                best = Math.Min(best, PlanSimulation.Evaluate(problem, PlanStrategy.Optimized, payments).Objective);
                return;
            }

            var (t, i) = (cell / n, cell % n);
            if (i == 0)
            {
                cash += problem.Budget.Yuan;
            }

            for (var pay = 0m; pay <= cash; pay += step)
            {
                payments[i][t] = pay;
                Search(cell + 1, cash - pay);
            }

            payments[i][t] = 0m;
        }

        Search(0, 0m);
        return best;
    }

    /// <summary>A loan of <paramref name="count"/> monthly dues of <paramref name="instalment"/>, the first in month <paramref name="first"/>.</summary>
    private static PlanLoan Loan(string id, decimal balance, decimal rate, int count, decimal instalment, int first = 0, bool keep = false)
    {
        var dues = Enumerable.Range(0, count).Select(k => new PlanDue(Start.AddMonths(first + k).AddDays(14), new Money(instalment))).ToArray();
        var sample = PlanLoan.From(
            Core.Loans.Loan.Create(id, new Lender(id, keep ? LenderKind.Bank : LenderKind.OnlinePlatform), Start.AddMonths(Math.Min(first, 0) - 1), new Money(balance), null, [], dues.Select(d => new Instalment(d.Date, d.Amount)), [], null).Loan!,
            Start,
            new Money(balance),
            rate,
            (double)rate,
            keep);
        return sample;
    }

    private const decimal Tolerance = 0.01m;
}
