using System.Globalization;
using DebtShield.App.PlanRepayment;
using DebtShield.Cli.Commands.Ledger;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Planning;

/// <summary><c>debtshield calendar export FILE.ics</c>: every due date as a calendar event with reminders, stable across exports.</summary>
internal sealed class CalendarExportCommand(TimeProvider time) : AsyncCommand<CalendarExportCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [LocalizedDescription(nameof(CliText.Calendar_FileArgument))]
        public string File { get; init; } = "";

        public override ValidationResult Validate() =>
            string.Equals(Path.GetExtension(File), ".ics", StringComparison.OrdinalIgnoreCase)
                ? ValidationResult.Success()
                : ValidationResult.Error(string.Format(CultureInfo.CurrentCulture, CliText.Calendar_Extension, File));
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var facts = await CaseFacts.LoadAsync(ledger, settings.Case, cancellationToken);
        int count;
        try
        {
            count = await CalendarExport.WriteAsync(facts, settings.File, ChinaStandardTime.Today(time), time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(string.Format(CultureInfo.CurrentCulture, CliText.Error_OutputUnwritable, settings.File, e.Message));
        }

        CliContext.Current.Console.MarkupLine(Markup.Escape(string.Format(CultureInfo.CurrentCulture, CliText.Calendar_Written, count, settings.File)));
        return DebtShieldApp.Success;
    }
}
