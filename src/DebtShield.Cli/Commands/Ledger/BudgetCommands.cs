using System.Globalization;
using DebtShield.App;
using DebtShield.App.Budgets;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core.Budget;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary><c>debtshield budget show [--json]</c>: monthly income, essential expenses and what is left for debts.</summary>
internal sealed class BudgetShowCommand : AsyncCommand<CaseJsonSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaseJsonSettings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var report = await CaseBudget.ShowAsync(ledger, settings.Case, cancellationToken);
        await BudgetSetCommand.WriteAsync(report, settings.Json, cancellationToken);
        return DebtShieldApp.Success;
    }
}

/// <summary>
/// <c>debtshield budget set --income 工资=6000 --expense 房租=1500 …</c>: replaces the whole monthly
/// budget, so what is stored is always one consistent picture.
/// </summary>
internal sealed class BudgetSetCommand(TimeProvider time) : AsyncCommand<BudgetSetCommand.Settings>
{
    internal sealed class Settings : CaseJsonSettings
    {
        [CommandOption("--income <NAME=YUAN>")]
        [LocalizedDescription(nameof(CliText.Budget_IncomeOption))]
        public string[]? Income { get; init; }

        [CommandOption("--expense <NAME=YUAN>")]
        [LocalizedDescription(nameof(CliText.Budget_ExpenseOption))]
        public string[]? Expense { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var lines = LoanFacts.Pairs(settings.Income, "--income").Select(p => new BudgetLine(BudgetLineKind.Income, p.Name, p.Amount))
            .Concat(LoanFacts.Pairs(settings.Expense, "--expense").Select(p => new BudgetLine(BudgetLineKind.EssentialExpense, p.Name, p.Amount)))
            .ToArray();
        if (lines.Length == 0)
        {
            throw new UserInputException(LoanFacts.Missing("--income / --expense"));
        }

        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var report = await CaseBudget.SetAsync(ledger, settings.Case, new MonthlyBudget(lines), time, cancellationToken);
        await WriteAsync(report, settings.Json, cancellationToken);
        return DebtShieldApp.Success;
    }

    internal static async Task WriteAsync(BudgetReport report, bool json, CancellationToken cancellationToken)
    {
        if (json)
        {
            await JsonOutput.WriteAsync(report, ReportJsonContext.Default.BudgetReport, cancellationToken);
            return;
        }

        var table = new FigureTable();
        foreach (var line in report.Lines)
        {
            table.Row((line.Kind == "income" ? CliText.Budget_Income : CliText.Budget_Expense) + "  " + line.Name, FigureTable.Yuan(line.Monthly));
        }

        table.Row(CliText.Budget_TotalIncome, FigureTable.Yuan(report.Income))
            .Row(CliText.Budget_TotalExpenses, FigureTable.Yuan(report.EssentialExpenses))
            .Row(CliText.Budget_LeftForDebts, FigureTable.Yuan(report.LeftForDebts), bold: true)
            .Write(CliContext.Current.Console);
        if (report.LeftForDebts <= 0)
        {
            LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Budget_NothingLeft, FigureTable.Yuan(report.LeftForDebts)));
        }
    }
}
