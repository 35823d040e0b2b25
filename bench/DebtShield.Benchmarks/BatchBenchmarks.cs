using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DebtShield.App;
using DebtShield.App.CheckLoans;
using DebtShield.App.ClassifyMessages;
using DebtShield.App.RateLoans;

namespace DebtShield.Benchmarks;

/// <summary>
/// The batch modes in process, read from memory and written to <see cref="Stream.Null"/>: the
/// whole pipeline (split, read, compute, write in order, on every core) without start-up and with
/// the JIT warm, per item. Issue 27's targets are CPU per item end to end; these are elapsed time
/// per item with every core working, so on 2 cores about half the CPU per item.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BatchBenchmarks
{
    private const int Loans = 2_000;
    private const int CheckLoans = 500;
    private const int Messages = 4_000;
    private static readonly CheckRequest Check = new(new DateOnly(2026, 12, 5), new DateOnly(2026, 11, 28));
    private byte[] _loans = [];
    private byte[] _checks = [];
    private byte[] _messages = [];
    private byte[] _checkLine = [];
    private CheckReportWriter _checkReport = null!;
    private readonly ArrayBufferWriter<byte> _lineOutput = new(64 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        // As the command runs: invariant formatting, Chinese wording.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        _loans = Generated(path => BatchFile.Write(path, Loans));
        _checks = Generated(path => BatchFile.Write(path, CheckLoans, instalments: 36, payments: 40));
        _messages = Generated(path => MessageFile.Write(path, Messages));
        _checkLine = _checks.AsSpan(0, _checks.AsSpan().IndexOf((byte)'\n')).ToArray();
        _checkReport = new CheckReportWriter();
    }

    /// <summary>
    /// One check line of 36 instalments and 40 payments alone, on one thread, with no pipeline
    /// around it: read, check, write. Issue 27's profile of where a line's time and allocations go
    /// (the writer made here adds its own few hundred bytes; the batch resets one a chunk).
    /// </summary>
    [Benchmark]
    public bool CheckOneLine()
    {
        _lineOutput.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_lineOutput, ReportJsonContext.WriterOptions);
        var read = CheckLoan.WriteLine(1, _checkLine, writer, Check, _checkReport);
        writer.Flush();
        return read;
    }

    /// <summary>Target (issue 27): at most 8 µs of CPU a loan end to end.</summary>
    [Benchmark(OperationsPerInvoke = Loans)]
    public long RateFullReport() => RateLoanBatch.RunAsync(new MemoryStream(_loans), Stream.Null).GetAwaiter().GetResult().Read;

    /// <summary>Target (issue 27): at most 3 µs of CPU a loan end to end.</summary>
    [Benchmark(OperationsPerInvoke = Loans)]
    public long RateIrrAnnualNominal() => RateLoanBatch.RunAsync(new MemoryStream(_loans), Stream.Null, RateFields.IrrAnnualNominal).GetAwaiter().GetResult().Read;

    /// <summary>Target (issue 27): at most 25 µs of CPU a loan of 36 instalments and 40 payments.</summary>
    [Benchmark(OperationsPerInvoke = CheckLoans)]
    public long Check36Instalments40Payments() => CheckLoan.BatchAsync(new MemoryStream(_checks), Stream.Null, Check).GetAwaiter().GetResult().Read;

    /// <summary>Target (issue 27): 1,000,000 lines in at most 4 s on 2 cores, 4 µs a line.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public long Classify() => ClassifyMessageBatch.RunAsync(new MemoryStream(_messages), Stream.Null).GetAwaiter().GetResult().Messages;

    private static byte[] Generated(Action<string> write)
    {
        var path = Path.GetTempFileName();
        try
        {
            write(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
