using DebtShield.App;
using DebtShield.App.ListLoans;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary><c>debtshield loan show NAME [--json]</c>: one loan in full.</summary>
internal sealed class LoanShowCommand(TimeProvider time) : AsyncCommand<LoanShowCommand.Settings>
{
    internal sealed class Settings : CaseJsonSettings
    {
        [CommandArgument(0, "<LOAN>")]
        [LocalizedDescription(nameof(CliText.Loan_NameArgument))]
        public string Loan { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var detail = await ListLoans.ShowAsync(ledger, settings.Case, settings.Loan, ChinaStandardTime.Today(time), cancellationToken);
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(detail, ReportJsonContext.Default.LoanDetail, cancellationToken);
        }
        else
        {
            LoanListTable.WriteDetail(CliContext.Current.Console, detail);
        }

        return DebtShieldApp.Success;
    }
}
