using System.Globalization;
using DebtShield.App.Demo;
using DebtShield.App.ListLoans;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary><c>debtshield demo</c>: loads the invented sample case and shows its loans.</summary>
internal sealed class DemoCommand(TimeProvider time) : AsyncCommand<LedgerSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LedgerSettings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var summary = await LoadDemo.RunAsync(ledger, time, cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Demo_Loaded, summary.Case, ledger.Display, summary.Added, summary.Unchanged));
        var list = await ListLoans.ListAsync(ledger, summary.Case, ChinaStandardTime.Today(time), cancellationToken);
        LoanListTable.Write(CliContext.Current.Console, list);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Demo_Next, summary.Case));
        return DebtShieldApp.Success;
    }
}
