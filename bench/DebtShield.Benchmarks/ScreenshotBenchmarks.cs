using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DebtShield.App.RecordEvidence;
using DebtShield.Data;
using DebtShield.Import.Screenshots;

namespace DebtShield.Benchmarks;

/// <summary>
/// Reading one painted 1080×2400 chat screenshot (decode, OCR by the tesseract process, layout),
/// and importing a folder of 20 into a new SQLite ledger (both cores, entries analysed and chained).
/// </summary>
/// <remarks>In process with few iterations, as <see cref="EvidenceBenchmarks"/>: each operation takes seconds.</remarks>
[MemoryDiagnoser]
[Config(typeof(InProcess))]
public class ScreenshotBenchmarks
{
    private sealed class InProcess : ManualConfig
    {
        public InProcess() => AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false))
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1));
    }

    private readonly TesseractOcr _ocr = new();
    private string _folder = "";
    private byte[] _one = [];
    private int _iteration;
    private Ledger _ledger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("debtshield-bench-").FullName;
        ScreenshotSet.Write(Path.Combine(_folder, "screens"), 20);
        _one = File.ReadAllBytes(Directory.EnumerateFiles(Path.Combine(_folder, "screens")).Order(StringComparer.Ordinal).First());
    }

    [IterationSetup(Target = nameof(Import20Screenshots))]
    public void NewLedger() =>
        _ledger = Ledger.OpenAsync(LedgerLocation.Parse(Path.Combine(_folder, $"ledger-{_iteration++}.db")), () => null, null).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public Task<ScreenshotReading> ReadOneScreenshot() =>
        ScreenshotReader.ReadAsync(_one, "Screenshot_20261104-090000.png", DateTimeOffset.UnixEpoch, _ocr);

    [Benchmark]
    public Task<ScreenshotImport> Import20Screenshots() =>
        ImportScreenshots.ImportAsync(_ledger, null, ImportScreenshots.Files([Path.Combine(_folder, "screens")]), null, TimeProvider.System);
}
