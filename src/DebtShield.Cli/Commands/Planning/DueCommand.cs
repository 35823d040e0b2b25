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

/// <summary><c>debtshield due [--days 7]</c>: what is due soon, in order, with amounts and which plan pays it.</summary>
internal sealed class DueCommand(TimeProvider time) : AsyncCommand<DueCommand.Settings>
{
    internal sealed class Settings : CaseJsonSettings
    {
        [CommandOption("--days <DAYS>")]
        [LocalizedDescription(nameof(CliText.Due_DaysOption))]
        public int Days { get; init; } = 7;

        public override ValidationResult Validate() => Days is < 0 or > 366
            ? ValidationResult.Error(string.Format(CultureInfo.CurrentCulture, CliText.Due_InvalidDays, Days))
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var facts = await CaseFacts.LoadAsync(ledger, settings.Case, cancellationToken);
        var report = DueSoon.Of(facts, ChinaStandardTime.Today(time), settings.Days, new PlanOptions(Optimize: false));
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(report, ReportJsonContext.Default.DueReport, cancellationToken);
            return DebtShieldApp.Success;
        }

        if (report.Items.Count == 0)
        {
            CliContext.Current.Console.MarkupLine(Markup.Escape(string.Format(CultureInfo.CurrentCulture, CliText.Due_Nothing, report.Days)));
            return DebtShieldApp.Success;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(CliText.Due_Date)
            .AddColumn(CliText.Due_Loan)
            .AddColumn(new TableColumn(CliText.Due_Amount).RightAligned())
            .AddColumn(new TableColumn(CliText.Due_Lawful).RightAligned())
            .AddColumn(CliText.Due_PaidBy);
        foreach (var item in report.Items)
        {
            var date = item.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            table.AddRow(
                Markup.Escape(item.Overdue ? date + " " + CliText.Due_Overdue : date),
                Markup.Escape(item.LoanId + "（" + item.Lender + "）"),
                FigureTable.Yuan(item.Amount),
                item.LawfulAmount is { } lawful ? FigureTable.Yuan(lawful) : "—",
                Markup.Escape(item.PaidBy.Count == 0 ? CliText.Due_NoPlanPays : string.Join("、", item.PaidBy.Select(PlanCommand.StrategyLabel))));
        }

        CliContext.Current.Console.Write(table);
        return DebtShieldApp.Success;
    }
}
