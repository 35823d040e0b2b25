using DebtShield.App;
using DebtShield.App.ListLoans;
using DebtShield.Cli.Rendering;
using DebtShield.Core;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary><c>debtshield loan list [--json]</c>: every loan of the case with its true cost and legal flags today.</summary>
internal sealed class LoanListCommand(TimeProvider time) : AsyncCommand<CaseJsonSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaseJsonSettings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var list = await ListLoans.ListAsync(ledger, settings.Case, ChinaStandardTime.Today(time), cancellationToken);
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(list, ReportJsonContext.Default.CaseLoanList, cancellationToken);
        }
        else
        {
            LoanListTable.Write(CliContext.Current.Console, list);
        }

        return DebtShieldApp.Success;
    }
}
