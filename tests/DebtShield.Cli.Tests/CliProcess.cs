using System.Diagnostics;
using System.Text;

namespace DebtShield.Cli.Tests;

/// <summary>
/// Runs the real <c>debtshield</c> program (copied beside the tests) as a separate process. Every
/// run gets its own <c>XDG_DATA_HOME</c>, so no test touches the user's real ledger, and no
/// inherited <c>DEBTSHIELD_*</c> variable.
/// </summary>
internal static class CliProcess
{
    public static CliResult Run(params string[] args) => Run(args, workingDirectory: DebtShield.Tests.Shared.RepositoryPaths.Root);

    public static CliResult Run(string[] args, string workingDirectory) => Run(args, workingDirectory, standardInput: null);

    /// <summary>Runs the program with <paramref name="standardInput"/> written to its stdin (UTF-8), then closed.</summary>
    public static CliResult Run(string[] args, string workingDirectory, string? standardInput) =>
        Run(args, workingDirectory, standardInput, environment: null);

    /// <summary>
    /// Runs the program with extra environment variables (a null value removes one). Standard input is
    /// always redirected (empty unless <paramref name="standardInput"/>), so the program never prompts.
    /// </summary>
    public static CliResult Run(string[] args, string workingDirectory, string? standardInput, IReadOnlyDictionary<string, string?>? environment)
    {
        using var process = Start(args, workingDirectory, environment);
        using (var stdin = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)))
        {
            stdin.Write(standardInput ?? "");
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("debtshield " + string.Join(' ', args) + " did not finish");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the program with every stream redirected; the caller writes or closes stdin and reads the outputs.</summary>
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

        foreach (var name in new[] { "DEBTSHIELD_LANG", "DEBTSHIELD_DB", "DEBTSHIELD_PASSPHRASE", "DEBTSHIELD_NEW_PASSPHRASE" })
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
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
