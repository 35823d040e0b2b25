using BenchmarkDotNet.Attributes;
using DebtShield.App.ImportLoans;
using DebtShield.App.ListLoans;
using DebtShield.Core;
using DebtShield.Data;

namespace DebtShield.Benchmarks;

/// <summary>
/// The ledger's speed targets (issue 4): listing a case of 50 loans and 2,000 payments with every
/// rate and flag computed, under 200 ms; importing 100,000 instalment rows from CSV, under 10 s.
/// SQLite always; PostgreSQL too when <c>DEBTSHIELD_BENCH_PG</c> names a server database to use.
/// </summary>
[MemoryDiagnoser]
public class LedgerListBenchmarks
{
    private string _folder = "";
    private Ledger _ledger = null!;

    [Params("sqlite", "postgresql")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("debtshield-bench-").FullName;
        var location = Provider == "sqlite"
            ? LedgerLocation.Parse(Path.Combine(_folder, "ledger.db"))
            : LedgerLocation.Parse(Environment.GetEnvironmentVariable("DEBTSHIELD_BENCH_PG") ?? throw new InvalidOperationException("set DEBTSHIELD_BENCH_PG to an empty PostgreSQL database"));
        _ledger = Ledger.OpenAsync(location, () => null, null).GetAwaiter().GetResult();
        var loans = SampleLoans.Make(count: 50, instalments: 36, payments: 40);
        ImportLoans.StoreAsync(_ledger, "bench", new LoanSourceReading(loans, []), replace: false, TimeProvider.System).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Query, rebuild the Core loans, and compute every rate, cap, balance and flag.</summary>
    [Benchmark]
    public Task<CaseLoanList> ListCaseWith50LoansAnd2000Payments() => ListLoans.ListAsync(_ledger, "bench", new DateOnly(2026, 11, 28));
}

/// <summary>Reading and storing 100,000 instalment rows (8,334 loans × 12) from the loan table CSV, into a new SQLite ledger each time.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class LedgerImportBenchmarks
{
    private string _folder = "";
    private string _csv = "";
    private int _iteration;
    private Ledger _ledger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("debtshield-bench-").FullName;
        _csv = Path.Combine(_folder, "loans.csv");
        LoanTableFile.Write(_csv, 100_000);
    }

    [IterationSetup]
    public void NewLedger()
    {
        var location = LedgerLocation.Parse(Path.Combine(_folder, $"ledger-{_iteration++}.db"));
        _ledger = Ledger.OpenAsync(location, () => null, null).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public Task<ImportSummary> Import100000CsvRows() =>
        ImportLoans.StoreAsync(_ledger, null, ImportLoans.Read(_csv, null, ChinaStandardTime.Today(TimeProvider.System)), replace: false, TimeProvider.System);
}
