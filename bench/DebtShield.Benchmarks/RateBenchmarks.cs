using System.Text;
using BenchmarkDotNet.Attributes;
using DebtShield.Core.Rates;
using DebtShield.Import.LoanFiles;

namespace DebtShield.Benchmarks;

/// <summary>The rate engine's hot paths, against the targets of the rate-engine issue.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class RateBenchmarks
{
    private readonly double[] _periods = new double[13];
    private readonly double[] _monthlyFlows = new double[13];
    private readonly double[] _years = new double[36];
    private readonly double[] _datedFlows = new double[36];
    private byte[] _loanJson = [];
    private DebtShield.Core.Loans.Loan _loan = null!;

    [GlobalSetup]
    public void Setup()
    {
        // 12 monthly instalments of 933.33 on 10,000 (a 1% monthly flat fee: IRR 1.788% a month).
        _monthlyFlows[0] = 10_000;
        for (var i = 1; i <= 12; i++)
        {
            _periods[i] = i;
            _monthlyFlows[i] = -933.33;
        }

        // 36 irregular dated flows: an advance, then repayments 20 to 40 days apart, varying amounts.
        var random = new Random(20261128);
        _datedFlows[0] = 50_000;
        var day = 0;
        for (var i = 1; i < 36; i++)
        {
            day += random.Next(20, 41);
            _years[i] = day / 365.0;
            _datedFlows[i] = -(1_400 + random.Next(0, 600));
        }

        var schedule = string.Join(',', Enumerable.Range(1, 12).Select(m =>
            $$"""{"dueDate":"{{new DateOnly(2025, 1, 15).AddMonths(m):yyyy-MM-dd}}","total":933.33}"""));
        _loanJson = Encoding.UTF8.GetBytes(
            $$"""{"id":"b","lender":{"name":"x","kind":"online_platform"},"contractDate":"2025-01-15","principal":10000,"schedule":[{{schedule}}]}""");
        _loan = LoanFileReader.Read(_loanJson, "b").Loan!;
    }

    /// <summary>Target: at most 1 µs median.</summary>
    [Benchmark]
    public double Irr12Instalments() => InternalRateOfReturn.Solve(_periods, _monthlyFlows).Rate;

    /// <summary>Target: at most 3 µs median.</summary>
    [Benchmark]
    public double Xirr36IrregularFlows() => InternalRateOfReturn.Solve(_years, _datedFlows).Rate;

    /// <summary>Every rate of one 12-instalment loan (IRR, XIRR, simple APR, Reg Z APR).</summary>
    [Benchmark]
    public double TrueCostOf12InstalmentLoan() => EveryRate(TrueCost.Of(_loan));

    /// <summary>Reading the loan file and computing every rate: the per-line work of batch mode.</summary>
    [Benchmark]
    public double ReadAndRate12InstalmentLoan() => EveryRate(TrueCost.Of(LoanFileReader.Read(_loanJson, "b").Loan!));

    private static double EveryRate(TrueCost cost) =>
        cost.IrrAnnualNominal!.Value.Fraction + cost.Xirr.Rate + cost.AprSimple.Fraction + cost.RegZ.Apr.Rate
        + (cost.OnContractPrincipal?.AprSimple.Fraction ?? 0);
}
