using System.Globalization;
using DebtShield.App.ExportCase;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary><c>debtshield export FILE.json|FILE.xlsx</c>: the whole case, as the case file or a workbook.</summary>
internal sealed class ExportCommand(TimeProvider time) : AsyncCommand<ExportCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [LocalizedDescription(nameof(CliText.Export_FileArgument))]
        public string File { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var loans = await ExportCase.WriteAsync(ledger, settings.Case, settings.File, ChinaStandardTime.Today(time), cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Export_Done, loans, settings.File));
        return DebtShieldApp.Success;
    }
}
