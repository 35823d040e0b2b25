using System.Globalization;
using DebtShield.App;
using DebtShield.App.Input;
using DebtShield.App.RateLoans;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands;

/// <summary><c>debtshield rate LOAN.json [--json]</c> and <c>debtshield rate --batch FILE.jsonl [--fields LIST]</c>.</summary>
internal sealed class RateCommand : AsyncCommand<RateCommand.Settings>
{
    /// <summary>The arguments of <c>debtshield rate</c>.</summary>
    internal sealed class Settings : LoanFileSettings
    {
        [CommandOption("--fields <LIST>")]
        [LocalizedDescription(nameof(CliText.Rate_FieldsOption))]
        public string? Fields { get; init; }

        /// <summary>The fields asked for; the whole report when <c>--fields</c> is absent.</summary>
        public RateFields SelectedFields => Fields is null
            ? RateFields.All
            : RateFieldNames.TryParse(Fields, out var fields, out _) ? fields : RateFields.All;

        public override ValidationResult Validate()
        {
            if (base.Validate() is { Successful: false } common)
            {
                return common;
            }

            if (Fields is null)
            {
                return ValidationResult.Success();
            }

            if (BatchPath is null)
            {
                return ValidationResult.Error(CliText.Error_FieldsWithoutBatch);
            }

            return RateFieldNames.TryParse(Fields, out _, out var unknown)
                ? ValidationResult.Success()
                : ValidationResult.Error(string.Format(CultureInfo.CurrentCulture, CliText.Error_UnknownField, unknown, string.Join(", ", RateFieldNames.All)));
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.BatchPath is { } batch)
        {
            return await BatchRun.RunAsync(batch, settings.OutputPath, (input, output) => RateLoanBatch.RunAsync(input, output, settings.SelectedFields, cancellationToken));
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
            RateTable.Write(CliContext.Current.Console, report);
        }

        return DebtShieldApp.Success;
    }
}
