using DebtShield.App.Batches;
using DebtShield.Cli.Resources;

namespace DebtShield.Cli.Commands;

/// <summary>The file handling every <c>--batch</c> option shares: open, run, report the counts on stderr.</summary>
internal static class BatchRun
{
    public static async Task<int> RunAsync(string batchPath, string? outputPath, Func<Stream, Stream, Task<JsonLinesSummary>> run)
    {
        if (!File.Exists(batchPath))
        {
            throw new UserInputException(Localized.Format(CliText.Error_BatchNotFound, batchPath));
        }

        await using var input = new FileStream(batchPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        await using var output = OpenOutput(outputPath);
        var summary = await run(input, output);
        await CliContext.Current.Error.WriteLineAsync(Localized.Format(CliText.Batch_Summary, summary.Read, summary.Rejected));
        return DebtShieldApp.Success;
    }

    /// <summary>The output file, or buffered standard output; an unwritable file is the user's error.</summary>
    public static Stream OpenOutput(string? outputPath)
    {
        if (outputPath is null)
        {
            return new BufferedStream(CliContext.Current.OpenStandardOutput(), 1 << 16);
        }

        try
        {
            return new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(Localized.Format(CliText.Error_OutputUnwritable, outputPath, e.Message));
        }
    }
}
