using System.Collections.Concurrent;
using System.Globalization;
using DebtShield.Tests.Shared;

namespace DebtShield.Cli.Tests;

/// <summary>
/// REAL-PROCESS TESTS. The other CLI tests run the program in this process through its own entry
/// point (<see cref="CliProcess.Run(string[], string, string?, IReadOnlyDictionary{string, string?})"/>);
/// these start <c>dotnet debtshield.dll</c> for what only a process shows: exit codes as the shell
/// sees them, the real console's encoding of Chinese text and piped standard input, and that a run
/// in process prints exactly what the process prints. (<c>ImportKillTests</c> also kills real processes.)
/// They also hold the in-process runs to their promise: nothing of one run is left in the process.
/// </summary>
[Trait("Runs", "RealProcess")]
public sealed class RealProcessTests : IDisposable
{
    /// <summary>
    /// The real program's answer to each command line and input asked here, started once a test
    /// process: the facts below that read a command line's real output take the process its row of
    /// <see cref="Runs"/> started (a real start of <c>dotnet debtshield.dll</c> costs more CPU than
    /// the run it makes), and a command line no row has starts its own.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Args, string? Input), Lazy<CliResult>> RealRuns = new();

    private readonly string _dataHome = Directory.CreateTempSubdirectory("debtshield-cli-home-").FullName;

    public void Dispose() => Directory.Delete(_dataHome, recursive: true);

    public static TheoryData<string[], string?> Runs => new()
    {
        { ["--version"], null },
        { ["rate", "samples/loan.json"], null },
        { ["rate", "no-such-loan.json"], null },
        { ["borrow-more"], null },
        { ["rate", "--help", "--lang", "en"], null },
        { ["offer", "-", "--income", "6000"], "借款金额 10000元\n每期应还 1000元 共12期\n" },
        { ["classify", "--text", "--lang", "en"], "tmd 别装死，不还就等着社死吧。\n" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void RealProcess_SameCommandLine_SameExitCodeAndOutputAsInProcess(string[] args, string? standardInput)
    {
        var process = RunReal(args, standardInput);
        var inProcess = CliProcess.Run(args, RepositoryPaths.Root, standardInput);

        Assert.Equal(process, inProcess);
    }

    [Fact]
    public void RealProcess_SampleLoan_PrintsTheGoldenTableInUtf8AndExitsZero()
    {
        var result = RunReal(["rate", "samples/loan.json"]);

        Assert.Equal(0, result.ExitCode);
        var golden = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Cli.Tests", "Golden", "rate-sample.zh-CN.txt"));
        Assert.Equal(golden.ReplaceLineEndings(), result.Stdout.ReplaceLineEndings());
    }

    [Fact]
    public void RealProcess_UserError_ExitsOneWithOneChineseLineOnStderr()
    {
        var result = RunReal(["rate", "no-such-loan.json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("no-such-loan.json", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", result.Stderr);
    }

    [Fact]
    public void Run_LanguageChosenForOneRun_IsNotLeftInTheProcessOrTheNextRun()
    {
        var english = CliProcess.Run(["rate", "no-such-loan.json"], RepositoryPaths.Root, null, new Dictionary<string, string?> { ["DEBTSHIELD_LANG"] = "en" });
        var next = CliProcess.Run("rate", "no-such-loan.json");

        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english.Stderr);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", next.Stderr);
        Assert.Null(Environment.GetEnvironmentVariable("DEBTSHIELD_LANG"));
        Assert.Null(CultureInfo.DefaultThreadCurrentUICulture);
        Assert.Null(CultureInfo.DefaultThreadCurrentCulture);
    }

    [Fact]
    public void Run_NoLedgerNamed_UsesTheLedgerInTheRunsOwnDataHome()
    {
        var result = CliProcess.Run(["loan", "list", "--json"], RepositoryPaths.Root, null, new Dictionary<string, string?> { ["XDG_DATA_HOME"] = _dataHome });

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(File.Exists(Path.Combine(_dataHome, "debtshield", "ledger.db")), "the run's default ledger is not in its own XDG_DATA_HOME");
    }

    /// <summary>The real program run once a test process for <paramref name="args"/> and <paramref name="standardInput"/>, from the repository's root (<see cref="RealRuns"/>).</summary>
    private static CliResult RunReal(string[] args, string? standardInput = null) =>
        RealRuns.GetOrAdd((string.Join('\0', args), standardInput), _ => new Lazy<CliResult>(() => CliProcess.RunProcess(args, RepositoryPaths.Root, standardInput))).Value;
}
