using System.Globalization;
using DebtShield.App;
using DebtShield.App.Input;
using DebtShield.App.PlanRepayment;
using DebtShield.Cli.Commands.Ledger;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using DebtShield.Core.Loans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Planning;

/// <summary>
/// <c>debtshield plan [--case N] [--budget YUAN] [--json] [--chart FILE.svg|.png]</c>: the repayment
/// plan across all loans, strategies side by side with the optimised plan.
/// </summary>
internal sealed class PlanCommand(TimeProvider time) : AsyncCommand<PlanCommand.Settings>
{
    internal sealed class Settings : CaseJsonSettings
    {
        [CommandOption("--budget <YUAN>")]
        [LocalizedDescription(nameof(CliText.Plan_BudgetOption))]
        public string? Budget { get; init; }

        [CommandOption("--overdue-weight <YUAN>")]
        [LocalizedDescription(nameof(CliText.Plan_OverdueWeightOption))]
        public string? OverdueWeight { get; init; }

        [CommandOption("--search-seconds <SECONDS>")]
        [LocalizedDescription(nameof(CliText.Plan_SearchSecondsOption))]
        public int? SearchSeconds { get; init; }

        [CommandOption("--chart <FILE>")]
        [LocalizedDescription(nameof(CliText.Plan_ChartOption))]
        public string? Chart { get; init; }

        public override ValidationResult Validate()
        {
            if (Budget is not null && NonNegative(Budget) is null)
            {
                return ValidationResult.Error(Localized.Format(CliText.Plan_InvalidYuan, "--budget", Budget));
            }

            if (OverdueWeight is not null && NonNegative(OverdueWeight) is null)
            {
                return ValidationResult.Error(Localized.Format(CliText.Plan_InvalidYuan, "--overdue-weight", OverdueWeight));
            }

            if (SearchSeconds is < 1 or > 600)
            {
                return ValidationResult.Error(Localized.Format(CliText.Plan_InvalidSeconds, SearchSeconds));
            }

            return Chart is not null && ChartFormat(Chart) is null
                ? ValidationResult.Error(Localized.Format(CliText.Plan_ChartExtension, Chart))
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new PlanOptions(
            settings.Budget is null ? null : NonNegative(settings.Budget),
            settings.OverdueWeight is null ? Core.Planning.PlanProblem.DefaultOverdueDayWeight : NonNegative(settings.OverdueWeight)!.Value,
            TimeLimit: settings.SearchSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var report = await PlanRepayment.PlanAsync(ledger, settings.Case, ChinaStandardTime.Today(time), options, cancellationToken);
        if (settings.Chart is { } chart)
        {
            try
            {
                await PlanChartFile.WriteAsync(report, chart, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException(Localized.Format(CliText.Error_OutputUnwritable, chart, e.Message));
            }
        }

        if (settings.Json)
        {
            await JsonOutput.WriteAsync(report, ReportJsonContext.Default.RepaymentPlanReport, cancellationToken);
        }
        else
        {
            Write(CliContext.Current.Console, report);
        }

        return DebtShieldApp.Success;
    }

    private static void Write(IAnsiConsole console, RepaymentPlanReport report)
    {
        foreach (var warning in report.Warnings)
        {
            FigureTable.Verdict(console, "! " + warning.Message);
        }

        new FigureTable()
            .Row(CliText.Plan_Start, report.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Row(CliText.Plan_Budget, FigureTable.Yuan(report.Budget))
            .Row(CliText.Plan_Loans, report.Loans.Count.ToString(CultureInfo.InvariantCulture))
            .Row(CliText.Plan_LawfulTotal, FigureTable.Yuan(report.Loans.Sum(l => l.LawfulBalance)), bold: true)
            .Write(console);
        if (report.Loans.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(CliText.Plan_Strategy)
            .AddColumn(new TableColumn(CliText.Plan_MonthsToDebtFree).RightAligned())
            .AddColumn(new TableColumn(CliText.Plan_TotalPaid).RightAligned())
            .AddColumn(new TableColumn(CliText.Plan_InterestPaid).RightAligned())
            .AddColumn(new TableColumn(CliText.Plan_DaysBehind).RightAligned())
            .AddColumn(new TableColumn(CliText.Plan_Gap).RightAligned());
        foreach (var strategy in report.Strategies)
        {
            table.AddRow(
                Markup.Escape(StrategyLabel(strategy.Name)),
                strategy.MonthsToDebtFree?.ToString(CultureInfo.InvariantCulture) ?? "—",
                FigureTable.Yuan(strategy.TotalPaid),
                FigureTable.Yuan(strategy.InterestPaid),
                strategy.DaysBehind.ToString(CultureInfo.InvariantCulture),
                report.OptimalityGap.TryGetValue(strategy.Name, out var gap) ? gap.ToString("P2", CultureInfo.InvariantCulture) : "—");
        }

        console.Write(table);
        if (report.Optimizer == OptimizerOutcome.TimeLimit)
        {
            LedgerSession.Notice(CliText.Plan_OptimizerStopped);
            if (report.OptimizerGap is { } proven)
            {
                LedgerSession.Notice(Localized.Format(CliText.Plan_OptimizerGap, proven.ToString("P1", CultureInfo.InvariantCulture)));
            }
        }

        FigureTable.Section(console, CliText.Plan_OrderTitle, [string.Join(" → ", report.LeastBadOrder)]);
        foreach (var strategy in report.Strategies)
        {
            FigureTable.Section(console, Localized.Format(CliText.Plan_OverdueTitle, StrategyLabel(strategy.Name)), strategy.Overdue.Select(o =>
                Localized.Format(CliText.Plan_OverdueLine, o.LoanId, o.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.Days)));
        }

        FigureTable.Section(console, CliText.Plan_NegotiationTitle, report.Negotiation.Select(n => n.Months is { } months
            ? Localized.Format(CliText.Plan_NegotiationLine, n.LoanId, FigureTable.Yuan(n.LawfulBalance), FigureTable.Yuan(n.MonthlyAmount), months)
            : Localized.Format(CliText.Plan_NegotiationNever, n.LoanId, FigureTable.Yuan(n.LawfulBalance), FigureTable.Yuan(n.MonthlyAmount))));
    }

    internal static string StrategyLabel(string name) => name switch
    {
        "avalanche" => CliText.Strategy_Avalanche,
        "snowball" => CliText.Strategy_Snowball,
        "lawful_first" => CliText.Strategy_LawfulFirst,
        "optimized" => CliText.Strategy_Optimized,
        _ => name,
    };

    internal static decimal? NonNegative(string text) =>
        FactText.TryAmount(text, out var yuan) && yuan >= 0m && yuan <= Loan.LargestAmount ? yuan : null;

    internal static string? ChartFormat(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".SVG" => "svg",
        ".PNG" => "png",
        _ => null,
    };
}
