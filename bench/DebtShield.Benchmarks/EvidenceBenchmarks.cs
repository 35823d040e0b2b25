using BenchmarkDotNet.Attributes;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.Data;

namespace DebtShield.Benchmarks;

/// <summary>
/// Importing a 100,000-SMS backup (about 40 MB, every message analysed and kept) into a new SQLite
/// ledger each time; and verifying the chain of the 100,000 entries it leaves.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class EvidenceBenchmarks
{
    private string _folder = "";
    private string _backup = "";
    private int _iteration;
    private Ledger _ledger = null!;
    private Ledger _full = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("debtshield-bench-").FullName;
        _backup = Path.Combine(_folder, "sms.xml");
        PhoneBackupFile.Write(_backup, 100_000);
        _full = Ledger.OpenAsync(LedgerLocation.Parse(Path.Combine(_folder, "full.db")), () => null, null).GetAwaiter().GetResult();
        ImportPhoneBackup.ImportAsync(_full, null, _backup, new PhoneBackupChoices([]), TimeProvider.System).GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(Import100000Sms))]
    public void NewLedger() =>
        _ledger = Ledger.OpenAsync(LedgerLocation.Parse(Path.Combine(_folder, $"ledger-{_iteration++}.db")), () => null, null).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public Task<PhoneBackupImport> Import100000Sms() =>
        ImportPhoneBackup.ImportAsync(_ledger, null, _backup, new PhoneBackupChoices([]), TimeProvider.System);

    [Benchmark]
    public Task<IReadOnlyList<CaseChainCheck>> Verify100000Entries() => VerifyEvidence.VerifyAsync(_full, null);
}
