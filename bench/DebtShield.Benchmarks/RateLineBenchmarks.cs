using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DebtShield.App;
using DebtShield.App.RateLoans;
using DebtShield.Import.LoanFiles;

namespace DebtShield.Benchmarks;

/// <summary>
/// One line of <c>rate --batch</c> in process, on one thread, with the JIT warm: read, computed and
/// written (<see cref="RateLoanBatch.WriteLine"/>), per loan, over the bench's generated loans.
/// Without the pipeline, its threads and the process's start, this is the line's own work, and
/// the allocated bytes per loan are what the garbage collector has to clear after each line.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RateLineBenchmarks
{
    private const int Lines = 1_000;
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private byte[][] _lines = [];
    private RateReportWriter _full = null!;
    private RateReportWriter _irrAnnualNominal = null!;

    [GlobalSetup]
    public void Setup()
    {
        // As the command runs: invariant formatting, Chinese wording.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var path = Path.GetTempFileName();
        try
        {
            BatchFile.Write(path, Lines);
            _lines = [.. File.ReadAllLines(path).Select(Encoding.UTF8.GetBytes)];
        }
        finally
        {
            File.Delete(path);
        }

        _full = new RateReportWriter();
        _irrAnnualNominal = new RateReportWriter(RateFields.IrrAnnualNominal);
    }

    /// <summary>Issue 27's target is 8 µs of CPU a loan end to end; this is the line's share of it.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int FullReport() => WriteEvery(_full);

    /// <summary>Issue 27's target is 3 µs of CPU a loan end to end for this one figure.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int IrrAnnualNominal() => WriteEvery(_irrAnnualNominal);

    /// <summary>The reading alone: the loan from its line, as the batch reads it.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int ReadLoan()
    {
        var days = 0;
        for (var i = 0; i < _lines.Length; i++)
        {
            days += LoanFileReader.ReadLine(_lines[i], i + 1).Loan!.FinalDueDate.Day;
        }

        return days;
    }

    private int WriteEvery(RateReportWriter report)
    {
        // One writer for all the lines, as a batch chunk has (a few hundred bytes over a thousand loans).
        using var json = new Utf8JsonWriter(_output, ReportJsonContext.WriterOptions);
        var written = 0;
        for (var i = 0; i < _lines.Length; i++)
        {
            _output.ResetWrittenCount();
            json.Reset(_output);
            RateLoanBatch.WriteLine(i + 1, _lines[i], json, report);
            json.Flush();
            written += _output.WrittenCount;
        }

        return written;
    }
}
