using DebtShield.App.Batches;
using DebtShield.Cli.Commands.Before;
using DebtShield.Cli.Resources;

namespace DebtShield.Cli.Commands;

/// <summary>The file handling every <c>--batch</c> option shares: open, run, report the counts on stderr.</summary>
internal static class BatchRun
{
    public static async Task<int> RunAsync(string batchPath, string? outputPath, Func<Stream, Stream, Task<JsonLinesSummary>> run)
    {
        await using var input = OpenInput(batchPath, CliText.Error_BatchNotFound);
        await using var output = OpenOutput(outputPath);
        var summary = await run(input, output);
        await CliContext.Current.Error.WriteLineAsync(Localized.Format(CliText.Batch_Summary, summary.Read, summary.Rejected));
        return DebtShieldApp.Success;
    }

    /// <summary>The input file, or standard input when none is named or it is <c>-</c>.</summary>
    /// <param name="inputPath">The file the user named.</param>
    /// <param name="notFound">The message for a file that is not there, with the path as its one placeholder.</param>
    public static Stream OpenInput(string? inputPath, string notFound)
    {
        if (inputPath is null || TextInput.IsStandardInput(inputPath))
        {
            return CliContext.Current.OpenStandardInput();
        }

        if (!File.Exists(inputPath))
        {
            throw new UserInputException(Localized.Format(notFound, inputPath));
        }

        return new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    /// <summary>
    /// The output file, or buffered standard output when none is named or it is <c>-</c>; an
    /// unwritable file is the user's error. Others may read the file while it is written (a
    /// <c>tail -f</c>); it is not locked, as an exclusive lock on <c>/dev/null</c> failed a run
    /// beside another one writing there.
    /// </summary>
    public static Stream OpenOutput(string? outputPath)
    {
        if (outputPath is null || TextInput.IsStandardInput(outputPath))
        {
            return new BufferedStream(CliContext.Current.OpenStandardOutput(), 1 << 16);
        }

        try
        {
            return new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(Localized.Format(CliText.Error_OutputUnwritable, outputPath, e.Message));
        }
    }
}
