using System.Diagnostics;
using System.Text;

namespace DebtShield.Cli.Tests;

/// <summary>Runs the real <c>debtshield</c> program (copied beside the tests) as a separate process.</summary>
internal static class CliProcess
{
    public static CliResult Run(params string[] args) => Run(args, workingDirectory: DebtShield.Tests.Shared.RepositoryPaths.Root);

    public static CliResult Run(string[] args, string workingDirectory) => Run(args, workingDirectory, standardInput: null);

    /// <summary>Runs the program with <paramref name="standardInput"/> written to its stdin (UTF-8), then closed.</summary>
    public static CliResult Run(string[] args, string workingDirectory, string? standardInput)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "debtshield.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DEBTSHIELD_LANG");
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            using var stdin = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false));
            stdin.Write(standardInput);
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
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
