using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DebtShield.Cli.Tests;

/// <summary>
/// Runs the <c>debtshield</c> program. <see cref="Run(string[], string, string?, IReadOnlyDictionary{string, string?})"/>
/// runs it in this process through the program's own entry point (<see cref="DebtShieldApp.RunAsync"/>,
/// which <c>Program.cs</c> calls with the real console), with its own streams and variables;
/// <see cref="RunProcess"/> and <see cref="Start"/> start the real program (copied beside the tests)
/// as a separate process, for what only a process shows: exit codes as the shell sees them, the
/// real console's encoding, piped stdin, kills. Every run gets its own <c>XDG_DATA_HOME</c>, so no
/// test touches the user's real ledger, and no inherited <c>DEBTSHIELD_*</c> variable.
/// </summary>
internal static class CliProcess
{
    /// <summary>The variables a test's run never inherits from the test's own environment.</summary>
    private static readonly string[] NotInherited = ["DEBTSHIELD_LANG", "DEBTSHIELD_DB", "DEBTSHIELD_PASSPHRASE", "DEBTSHIELD_NEW_PASSPHRASE"];

    /// <summary>
    /// In-process runs take turns: the working directory is the one thing the program uses that a
    /// process has only one of (the operating system resolves relative paths against it).
    /// </summary>
    private static readonly SemaphoreSlim Turn = new(1, 1);

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static CliResult Run(params string[] args) => Run(args, workingDirectory: DebtShield.Tests.Shared.RepositoryPaths.Root);

    public static CliResult Run(string[] args, string workingDirectory) => Run(args, workingDirectory, standardInput: null);

    /// <summary>Runs the program with <paramref name="standardInput"/> as its stdin (UTF-8).</summary>
    public static CliResult Run(string[] args, string workingDirectory, string? standardInput) =>
        Run(args, workingDirectory, standardInput, environment: null);

    /// <summary>
    /// Runs the program in this process with extra environment variables (a null value removes
    /// one). Standard input is never a terminal (empty unless <paramref name="standardInput"/>),
    /// so the program never prompts.
    /// </summary>
    public static CliResult Run(string[] args, string workingDirectory, string? standardInput, IReadOnlyDictionary<string, string?>? environment)
    {
        using var input = new KeptOpenStream(Encoding.UTF8.GetBytes(standardInput ?? ""));
        using var output = new KeptOpenStream();
        using var error = new KeptOpenStream();
        var utf8 = new UTF8Encoding(false);
        using var inputText = new StreamReader(input, utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        using var outputText = new StreamWriter(output, utf8, leaveOpen: true) { AutoFlush = true };
        using var errorText = new StreamWriter(error, utf8, leaveOpen: true) { AutoFlush = true };
        var context = new CliContext(inputText, () => input, outputText, () => output, errorText, Variables(environment), isTerminal: false);

        Turn.Wait();
        var before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = workingDirectory;

            // Off the test framework's synchronisation context, as in the program's own process.
            var run = Task.Run(() => DebtShieldApp.Create(TimeProvider.System, context).RunAsync(args));
            if (!run.Wait(Patience))
            {
                throw new TimeoutException("debtshield " + string.Join(' ', args) + " did not finish");
            }

            return new CliResult(run.Result, utf8.GetString(output.ToArray()), utf8.GetString(error.ToArray()));
        }
        finally
        {
            // What the end of a process does: no pooled connection keeps a ledger open for the next run.
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Environment.CurrentDirectory = before;
            Turn.Release();
        }
    }

    /// <summary>Runs the real program as a separate process, stdin written (UTF-8) then closed; see <see cref="Run(string[], string, string?, IReadOnlyDictionary{string, string?})"/>.</summary>
    public static CliResult RunProcess(string[] args, string workingDirectory, string? standardInput = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Start(args, workingDirectory, environment);
        using (var stdin = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)))
        {
            stdin.Write(standardInput ?? "");
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("debtshield " + string.Join(' ', args) + " did not finish");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the real program with every stream redirected; the caller writes or closes stdin and reads the outputs.</summary>
    public static Process Start(string[] args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "debtshield.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in NotInherited)
        {
            start.Environment.Remove(name);
        }

        start.Environment["XDG_DATA_HOME"] = DataHome;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Process.Start(start)!;
    }

    /// <summary>The data folder every run sees instead of the user's: a default ledger would land here, never in the real one.</summary>
    public static string DataHome { get; } = Directory.CreateTempSubdirectory("debtshield-cli-xdg-").FullName;

    /// <summary>What an in-process run sees as its environment: this process's, as <see cref="Start"/> would pass it on.</summary>
    private static Func<string, string?> Variables(IReadOnlyDictionary<string, string?>? environment) => name =>
        environment is not null && environment.TryGetValue(name, out var given) ? given
        : name == "XDG_DATA_HOME" ? DataHome
        : NotInherited.Contains(name) ? null
        : Environment.GetEnvironmentVariable(name);

    /// <summary>
    /// A run's standard stream in memory: the program may dispose what it opens (as it does the
    /// console's streams) while the test still reads it afterwards.
    /// </summary>
    private sealed class KeptOpenStream : MemoryStream
    {
        public KeptOpenStream()
        {
        }

        public KeptOpenStream(byte[] content)
            : base(content, writable: false)
        {
        }

#pragma warning disable CA2215 // Kept open on purpose: the run disposes what it opened, the test reads the bytes afterwards.
        protected override void Dispose(bool disposing)
        {
        }
#pragma warning restore CA2215
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
