using System.Globalization;
using System.Text.Json;
using DebtShield.App.RateLoans;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands;

/// <summary><c>debtshield rate LOAN.json [--json]</c> and <c>debtshield rate --batch FILE.jsonl</c>.</summary>
internal sealed class RateCommand : AsyncCommand<RateCommand.Settings>
{
    /// <summary>The arguments of <c>debtshield rate</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[LOAN]")]
        [LocalizedDescription(nameof(CliText.Rate_LoanArgument))]
        public string? LoanPath { get; init; }

        [CommandOption("--batch <FILE>")]
        [LocalizedDescription(nameof(CliText.Rate_BatchOption))]
        public string? BatchPath { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [LocalizedDescription(nameof(CliText.Rate_OutputOption))]
        public string? OutputPath { get; init; }

        [CommandOption("--json")]
        [LocalizedDescription(nameof(CliText.Rate_JsonOption))]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if ((LoanPath is null) == (BatchPath is null))
            {
                return ValidationResult.Error(CliText.Error_NeedLoanOrBatch);
            }

            if (OutputPath is not null && BatchPath is null)
            {
                return ValidationResult.Error(CliText.Error_OutputWithoutBatch);
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.BatchPath is { } batch)
        {
            return await RunBatchAsync(batch, settings.OutputPath, cancellationToken);
        }

        var outcome = RateLoan.ForFile(settings.LoanPath!);
        if (outcome.Report is not { } report)
        {
            throw new UserInputException(string.Join("；", outcome.Errors.Select(e => e.Describe(settings.LoanPath!))));
        }

        if (settings.Json)
        {
            await using var stdout = Console.OpenStandardOutput();
            await using (var writer = new Utf8JsonWriter(stdout, RateLoanJsonContext.WriterOptions with { Indented = true }))
            {
                JsonSerializer.Serialize(writer, report, RateLoanJsonContext.Default.RateLoanReport);
            }

            await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
        }
        else
        {
            RateTable.Write(AnsiConsole.Console, report);
        }

        return DebtShieldApp.Success;
    }

    private static async Task<int> RunBatchAsync(string batchPath, string? outputPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(batchPath))
        {
            throw new UserInputException(Format(CliText.Error_BatchNotFound, batchPath));
        }

        await using var input = new FileStream(batchPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        await using var output = OpenOutput(outputPath);
        var summary = await RateLoanBatch.RunAsync(input, output, cancellationToken);
        await Console.Error.WriteLineAsync(Format(CliText.Batch_Summary, summary.Loans, summary.Errors));
        return DebtShieldApp.Success;
    }

    private static Stream OpenOutput(string? outputPath)
    {
        if (outputPath is null)
        {
            return new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        }

        try
        {
            return new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(Format(CliText.Error_OutputUnwritable, outputPath, e.Message));
        }
    }

    private static string Format(string template, params object[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, template, arguments);
}
