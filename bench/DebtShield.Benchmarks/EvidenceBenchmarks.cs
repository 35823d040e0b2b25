using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.Data;

namespace DebtShield.Benchmarks;

/// <summary>
/// Importing a 100,000-SMS backup (about 40 MB, every message analysed and kept) into a new SQLite
/// ledger each time; and verifying the chain of the 100,000 entries it leaves.
/// </summary>
/// <remarks>
/// Runs in process (with a timeout long enough for seconds-long operations): building a separate
/// benchmark process timed out on this 2-core machine while other builds ran.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(InProcess))]
public class EvidenceBenchmarks
{
    private sealed class InProcess : ManualConfig
    {
        public InProcess() => AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false))
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1));
    }

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
