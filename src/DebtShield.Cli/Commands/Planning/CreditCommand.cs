using System.Globalization;
using DebtShield.App;
using DebtShield.App.PlanRepayment;
using DebtShield.Cli.Commands.Ledger;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Planning;

/// <summary><c>debtshield credit [--json]</c>: the credit-record timeline (five-year rule, one-time repair).</summary>
internal sealed class CreditCommand(TimeProvider time) : AsyncCommand<CaseJsonSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaseJsonSettings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var facts = await CaseFacts.LoadAsync(ledger, settings.Case, cancellationToken);
        var report = CreditRecords.Of(facts, ChinaStandardTime.Today(time));
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(report, ReportJsonContext.Default.CreditReport, cancellationToken);
            return DebtShieldApp.Success;
        }

        var console = CliContext.Current.Console;
        FigureTable.Section(console, CliText.Credit_EpisodesTitle, report.Episodes.Select(e =>
        {
            var line = e.Ended is { } ended
                ? Localized.Format(CliText.Credit_Ended, e.LoanId, e.Lender, Date(e.Started), Date(ended), FigureTable.Yuan(e.LargestUnpaid), Date(e.DropsOff!.Value))
                : Localized.Format(CliText.Credit_Open, e.LoanId, e.Lender, Date(e.Started), FigureTable.Yuan(e.LargestUnpaid), report.Policy.RetentionYears);
            var repair = e.Repair switch
            {
                "applies" => Localized.Format(CliText.Credit_RepairApplies, Date(e.HiddenFrom!.Value)),
                "applies_if_repaid_in_time" => Localized.Format(CliText.Credit_RepairIfRepaid, Date(report.Policy.RepairRepaidBy)),
                _ => CliText.Credit_RepairNo,
            };
            return line + " " + repair;
        }));
        if (report.Episodes.Count == 0)
        {
            console.MarkupLine(Markup.Escape(CliText.Credit_None));
        }

        FigureTable.Section(console, CliText.Credit_PolicyTitle, [
            Localized.Format(CliText.Credit_Retention, report.Policy.RetentionYears),
            Localized.Format(CliText.Credit_Repair, Date(report.Policy.RepairIncurredFrom), Date(report.Policy.RepairIncurredTo), FigureTable.Yuan(report.Policy.RepairMaxAmount), Date(report.Policy.RepairRepaidBy)),
            CliText.Credit_ReportingUncertain,
        ]);
        return DebtShieldApp.Success;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
