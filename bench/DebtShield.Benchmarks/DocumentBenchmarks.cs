using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DebtShield.App.Demo;
using DebtShield.App.MakeDocument;
using DebtShield.Data;
using DebtShield.Documents.Letters;

namespace DebtShield.Benchmarks;

/// <summary>
/// Writing each document of the demo case (five loans, the demo's collection evidence) to a file in
/// each format: the facts (legal check of every loan, the evidence figures, the plan's proposal),
/// the template, and the writer. The case is read from the ledger once, outside the timing.
/// </summary>
/// <remarks>No target in the issue; measured to know. In process, like the evidence benchmarks.</remarks>
[MemoryDiagnoser]
[Config(typeof(InProcess))]
public class DocumentBenchmarks
{
    private sealed class InProcess : ManualConfig
    {
        public InProcess() => AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(5), logOutput: false)));
    }

    private string _folder = "";
    private CaseRecord _record = null!;
    private LetterTemplate _template = null!;

    /// <summary>The document.</summary>
    [Params("regulator-complaint", "spam-report", "police-report", "pi-request", "negotiation-letter", "civil-complaint", "contacts-notice")]
    public string Kind { get; set; } = "";

    /// <summary>The format, by extension.</summary>
    [Params("md", "docx", "pdf")]
    public string Format { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("debtshield-bench-docs-").FullName;
        var ledger = Ledger.OpenAsync(LedgerLocation.Parse(Path.Combine(_folder, "demo.db")), () => null, null).GetAwaiter().GetResult();
        LoadDemo.RunAsync(ledger, TimeProvider.System).GetAwaiter().GetResult();
        _record = CaseRecord.LoadAsync(ledger, null).GetAwaiter().GetResult();
        _template = MakeDocument.Templates().Single(t => t.Kind == Kind);
        CjkFont.Locate(null); // the first search (fontconfig) is not part of a document's time
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public Task<MadeDocument> Write() => MakeDocument.WriteRecordAsync(
        _record,
        _template,
        new DocumentRequest(Kind, null, "极速借App", Path.Combine(_folder, "out." + Format)),
        new DateOnly(2026, 11, 28));
}
