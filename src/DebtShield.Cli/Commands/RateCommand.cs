using DebtShield.App;
using DebtShield.App.RateLoans;
using DebtShield.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands;

/// <summary><c>debtshield rate LOAN.json [--json]</c> and <c>debtshield rate --batch FILE.jsonl</c>.</summary>
internal sealed class RateCommand : AsyncCommand<RateCommand.Settings>
{
    /// <summary>The arguments of <c>debtshield rate</c>.</summary>
    internal sealed class Settings : LoanFileSettings;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.BatchPath is { } batch)
        {
            return await BatchRun.RunAsync(batch, settings.OutputPath, (input, output) => RateLoanBatch.RunAsync(input, output, cancellationToken));
        }

        var outcome = RateLoan.ForFile(settings.LoanPath!);
        if (outcome.Report is not { } report)
        {
            throw new UserInputException(string.Join("；", outcome.Errors.Select(e => e.Describe(settings.LoanPath!))));
        }

        if (settings.Json)
        {
            await JsonOutput.WriteAsync(report, ReportJsonContext.Default.RateLoanReport, cancellationToken);
        }
        else
        {
            RateTable.Write(AnsiConsole.Console, report);
        }

        return DebtShieldApp.Success;
    }
}
