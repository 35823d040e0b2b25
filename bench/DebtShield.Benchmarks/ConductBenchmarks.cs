using BenchmarkDotNet.Attributes;
using DebtShield.Core.Conduct;
using DebtShield.Import.Conduct;

namespace DebtShield.Benchmarks;

/// <summary>
/// The conduct analyser on one core, against the target of the conduct-analysis issue: at least
/// 200,000 messages of about 60 characters a second (≤ 5 µs a message).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ConductBenchmarks
{
    private ConductAnalyzer _analyzer = null!;
    private ConductAnalyzer _rulesOnly = null!;
    private string[] _messages = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = ConductDataReader.LoadEmbedded();
        _rulesOnly = new ConductAnalyzer(_analyzer.Rules, _analyzer.Policy);
        _messages = MessageFile.Sample(1024, new Random(20261128));
    }

    /// <summary>One 60-character message (a realistic mix of threats, reminders and other texts).</summary>
    [Benchmark]
    public int Analyze60CharacterMessage()
    {
        var message = _messages[_next++ & 1023];
        return _analyzer.Analyze(message, Recipient.Borrower).Labels.Count;
    }

    /// <summary>The same without the learned model (issue 21), to show what the model costs.</summary>
    [Benchmark(Baseline = true)]
    public int Analyze60CharacterMessageRulesOnly()
    {
        var message = _messages[_next++ & 1023];
        return _rulesOnly.Analyze(message, Recipient.Borrower).Labels.Count;
    }
}
