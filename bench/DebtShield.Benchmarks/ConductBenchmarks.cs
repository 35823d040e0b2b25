using BenchmarkDotNet.Attributes;
using DebtShield.Core.Conduct;
using DebtShield.Import.Conduct;

namespace DebtShield.Benchmarks;

/// <summary>
/// The conduct analyser on one core, against the target of the conduct-analysis issue: at least
/// 200,000 messages of about 60 characters a second (≤ 5 µs a message). The analyser is the one the
/// program ships: the rules only (issue 21 took the learned model out of the analysis).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ConductBenchmarks
{
    private ConductAnalyzer _analyzer = null!;
    private string[] _messages = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = ConductDataReader.LoadEmbedded();
        _messages = MessageFile.Sample(1024, new Random(20261128));
    }

    /// <summary>One 60-character message (a realistic mix of threats, reminders and other texts).</summary>
    [Benchmark]
    public int Analyze60CharacterMessage()
    {
        var message = _messages[_next++ & 1023];
        return _analyzer.Analyze(message, Recipient.Borrower).Labels.Count;
    }
}
