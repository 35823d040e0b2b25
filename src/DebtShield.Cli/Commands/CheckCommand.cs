using System.Globalization;
using DebtShield.App;
using DebtShield.App.CheckLoans;
using DebtShield.App.Input;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using DebtShield.Core.Law;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands;

/// <summary><c>debtshield check LOAN.json [--as-of DATE] [--demanded YUAN] [--day-count 365|360] [--json]</c>, or <c>--batch FILE.jsonl</c>.</summary>
internal sealed class CheckCommand(TimeProvider time) : AsyncCommand<CheckCommand.Settings>
{
    /// <summary>The arguments of <c>debtshield check</c>.</summary>
    internal sealed class Settings : LoanFileSettings
    {
        [CommandOption("--as-of <DATE>")]
        [LocalizedDescription(nameof(CliText.Check_AsOfOption))]
        public string? AsOf { get; init; }

        [CommandOption("--demanded <YUAN>")]
        [LocalizedDescription(nameof(CliText.Check_DemandedOption))]
        public string? Demanded { get; init; }

        [CommandOption("--day-count <DAYS>")]
        [LocalizedDescription(nameof(CliText.Check_DayCountOption))]
        public int DayCount { get; init; } = 365;

        public DateOnly? AsOfDate => AsOf is null ? null : DateOnly.ParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public Money? DemandedAmount => Demanded is null ? null : new Money(decimal.Parse(Demanded, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

        public override ValidationResult Validate()
        {
            if (base.Validate() is { Successful: false } common)
            {
                return common;
            }

            if (AsOf is not null && !DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return ValidationResult.Error(Localized.Format(CliText.Error_InvalidAsOf, AsOf));
            }

            if (Demanded is not null && (!decimal.TryParse(Demanded, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var demanded) || demanded < 0))
            {
                return ValidationResult.Error(Localized.Format(CliText.Error_InvalidDemanded, Demanded));
            }

            return DayCount is 365 or 360 ? ValidationResult.Success() : ValidationResult.Error(CliText.Error_InvalidDayCount);
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var today = ChinaStandardTime.Today(time);
        var request = new CheckRequest(
            today,
            settings.AsOfDate,
            settings.DemandedAmount,
            settings.DayCount == 360 ? DayCount.Actual360 : DayCount.Actual365);

        if (settings.BatchPath is { } batch)
        {
            return await BatchRun.RunAsync(batch, settings.OutputPath, (input, output) => CheckLoan.BatchAsync(input, output, request, cancellationToken));
        }

        var outcome = CheckLoan.ForFile(settings.LoanPath!, request);
        if (outcome.Report is not { } report)
        {
            throw new UserInputException(string.Join("；", outcome.Errors.Select(e => e.Describe(settings.LoanPath!))));
        }

        if (settings.Json)
        {
            await JsonOutput.WriteAsync(report, ReportJsonContext.Default.CheckLoanReport, cancellationToken);
        }
        else
        {
            CheckTable.Write(CliContext.Current.Console, report);
        }

        return DebtShieldApp.Success;
    }
}
