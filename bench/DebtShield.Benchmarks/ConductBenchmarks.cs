using BenchmarkDotNet.Attributes;
using DebtShield.Core.Conduct;
using DebtShield.Import.Conduct;

namespace DebtShield.Benchmarks;

/// <summary>
/// The conduct analyser on one core, against the target of the conduct-analysis issue: at least
/// 200,000 messages of about 60 characters a second (≤ 5 µs a message). The analyser is the one the
/// program ships: the rules only (issue 21 took the learned model out of the analysis). Beside it, the
/// same rules with the learned model of <c>data/conduct/model.txt</c>, read from the repository, so the
/// cost of switching the model on is known before it earns its place.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ConductBenchmarks
{
    private ConductAnalyzer _analyzer = null!;
    private ConductAnalyzer _withModel = null!;
    private string[] _messages = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = ConductDataReader.LoadEmbedded();
        _withModel = new ConductAnalyzer(_analyzer.Rules, _analyzer.Policy, NgramModel.Parse(File.ReadAllText(ModelFile())));
        _messages = MessageFile.Sample(1024, new Random(20261128));
    }

    /// <summary>One 60-character message (a realistic mix of threats, reminders and other texts).</summary>
    [Benchmark]
    public int Analyze60CharacterMessage()
    {
        var message = _messages[_next++ & 1023];
        return _analyzer.Analyze(message, Recipient.Borrower).Labels.Count;
    }

    /// <summary>The same, with the learned model (not shipped) scoring each message after the rules.</summary>
    [Benchmark]
    public int Analyze60CharacterMessageWithModel()
    {
        var message = _messages[_next++ & 1023];
        return _withModel.Analyze(message, Recipient.Borrower).Labels.Count;
    }

    /// <summary>
    /// The CPU time of one message's analysis, shipped analyser, one thread: <paramref name="count"/> analyses of the same
    /// 1,024 messages as <see cref="Analyze60CharacterMessage"/>, after as many again to warm up, timed by the process's
    /// CPU seconds rather than the clock. On a machine shared with other builds BenchmarkDotNet's wall-clock times are
    /// mostly time spent waiting for a core; the CPU a message takes is what the one-core target asks about.
    /// </summary>
    /// <returns>Microseconds of CPU a message, and the messages a second one core would analyse at that cost.</returns>
    public static (double MicrosecondsPerMessage, double MessagesPerSecond) CpuPerMessage(int count)
    {
        var benchmark = new ConductBenchmarks();
        benchmark.Setup();
        var labels = 0;
        for (var i = 0; i < count; i++)
        {
            labels += benchmark.Analyze60CharacterMessage();
        }

        var before = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < count; i++)
        {
            labels += benchmark.Analyze60CharacterMessage();
        }

        var perMessage = (Environment.CpuUsage.TotalTime - before).TotalMicroseconds / count;
        GC.KeepAlive(labels);
        return (perMessage, 1e6 / perMessage);
    }

    /// <summary><c>data/conduct/model.txt</c>, found from where the benchmark runs up to the repository's root.</summary>
    private static string ModelFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "data", "conduct", "model.txt");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("data/conduct/model.txt not found above " + AppContext.BaseDirectory);
    }
}
