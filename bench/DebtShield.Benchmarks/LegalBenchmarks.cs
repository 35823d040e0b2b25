using BenchmarkDotNet.Attributes;
using DebtShield.App.CheckLoans;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Import.LegalData;

namespace DebtShield.Benchmarks;

/// <summary>The legal engine against the target of the legal-engine issue.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class LegalBenchmarks
{
    private Loan _loan = null!;
    private LegalRules _rules = null!;
    private CheckOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        // 36 monthly instalments of 1,100 on 30,000 (砍头息 3,000) and 40 payments, some partial.
        var contract = new DateOnly(2023, 9, 15);
        var schedule = Enumerable.Range(1, 36).Select(m => new Instalment(contract.AddMonths(m), new Money(1_100m)));
        var payments = Enumerable.Range(1, 40).Select(i => new Payment(contract.AddDays(i * 25), new Money(i % 3 == 0 ? 500m : 1_100m)));
        _loan = Loan.Create("bench", new Lender("app", LenderKind.OnlinePlatform), contract, new Money(30_000m), new Money(27_000m), [], schedule, payments, null).Loan!;
        _rules = LegalDataReader.Rules;
        _options = new CheckOptions(new DateOnly(2026, 11, 28), new Money(40_000m));
    }

    /// <summary>Target: at most 20 µs median for 36 instalments and 40 payments.</summary>
    [Benchmark]
    public LegalAssessment Check36InstalmentsAnd40Payments() => LegalCheck.Of(_loan, _rules, _options);

    /// <summary>The same, worded as the report the CLI and API return (steps, notes, citations).</summary>
    [Benchmark]
    public CheckLoanReport CheckAndWordReport() => CheckLoanReport.From(LegalCheck.Of(_loan, _rules, _options), LegalDataReader.Citations);
}
