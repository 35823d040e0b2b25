using BenchmarkDotNet.Attributes;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Planning;
using DebtShield.Planning.Optimization;

namespace DebtShield.Benchmarks;

/// <summary>
/// The repayment plan against the targets of the planning issue: 30 loans over 60 months, all
/// three heuristics together under 50 ms, the optimised plan under 2 s.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PlanningBenchmarks
{
    private PlanProblem _problem = null!;
    private PlanOutcome _best = null!;

    [GlobalSetup]
    public void Setup()
    {
        _problem = Problem();
        _best = AllHeuristics().MinBy(o => o.Objective)!;
    }

    /// <summary>
    /// 30 loans of 1,000–20,000 yuan at 5–36 %, 3–36 monthly instalments on varied days, some
    /// already overdue, one in three with a licensed lender; 12,000 yuan a month for debts (short
    /// in the first months); 60 months. Seeded, so every run plans the same case.
    /// </summary>
    public static PlanProblem Problem()
    {
        var start = new DateOnly(2026, 12, 1);
        var random = new Random(20261128);
        var loans = Enumerable.Range(0, 30).Select(i =>
        {
            var principal = random.Next(10, 200) * 100m;
            var count = random.Next(3, 37);
            var first = random.Next(-2, 3);
            var rate = random.Next(5, 37) / 100m;
            var instalment = decimal.Round(principal / count * (1 + (rate * count / 24m)), 2);
            var dues = Enumerable.Range(0, count).Select(k => new Instalment(start.AddMonths(first + k).AddDays(random.Next(0, 27)), new Money(instalment)));
            var kind = i % 3 == 0 ? LenderKind.ConsumerFinance : LenderKind.OnlinePlatform;
            var loan = Loan.Create($"loan-{i}", new Lender($"lender-{i}", kind), start.AddMonths(first - 1), new Money(principal), null, [], dues, [], null).Loan!;
            return PlanLoan.From(loan, start, new Money(principal), Math.Min(rate, 0.24m), (double)rate, kind == LenderKind.ConsumerFinance);
        }).ToArray();
        return PlanProblem.Create(start, new Money(12_000m), loans, months: 60);
    }

    /// <summary>Target: the three heuristics together under 50 ms.</summary>
    [Benchmark]
    public PlanOutcome[] AllHeuristics() =>
        [PlanSimulation.Run(_problem, PlanStrategy.Avalanche), PlanSimulation.Run(_problem, PlanStrategy.Snowball), PlanSimulation.Run(_problem, PlanStrategy.LawfulFirst)];

    /// <summary>Target: under 2 s (the search's default time limit), started from the best heuristic, evaluated like the heuristics.</summary>
    [Benchmark]
    public PlanOutcome OptimisedPlan()
    {
        var result = OptimalPlan.Solve(_problem, _best);
        return PlanSimulation.Evaluate(_problem, PlanStrategy.Optimized, result.Payments!);
    }
}
