using System.Globalization;
using DebtShield.App.Budgets;
using DebtShield.Core.Budget;
using DebtShield.Web.Forms;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Pages.Plan;

/// <summary>
/// The borrower's monthly income and essential expenses as typed on the plan page: a few rows of
/// each, blank rows ignored, and each amount refused with its row's name when it does not read.
/// </summary>
public sealed record BudgetForm
{
    /// <summary>Rows of income shown when the case has fewer.</summary>
    public const int IncomeRows = 2;

    /// <summary>Rows of essential expenses shown when the case has fewer.</summary>
    public const int ExpenseRows = 4;

    /// <summary>Money coming in each month.</summary>
    public IList<BudgetRow> Income { get; init; } = [];

    /// <summary>Expenses that cannot be cut.</summary>
    public IList<BudgetRow> Expenses { get; init; } = [];

    /// <summary>The form filled in with the stored budget, and blank rows to add to it.</summary>
    public static BudgetForm Of(BudgetReport budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return new BudgetForm
        {
            Income = Rows(budget, "income", IncomeRows),
            Expenses = Rows(budget, "essential_expense", ExpenseRows),
        };
    }

    /// <summary>The budget the form describes.</summary>
    /// <exception cref="App.RequestRefusedException">An amount does not read or is not above zero.</exception>
    public MonthlyBudget ToBudget() =>
        new([.. Lines(Income, BudgetLineKind.Income, WebText.Budget_Income), .. Lines(Expenses, BudgetLineKind.EssentialExpense, WebText.Budget_Expense)]);

    private static BudgetLine[] Lines(IEnumerable<BudgetRow> rows, BudgetLineKind kind, string side) =>
        rows.Where(r => !string.IsNullOrWhiteSpace(r.Amount))
            .Select(r =>
            {
                var name = string.IsNullOrWhiteSpace(r.Name) ? side : r.Name.Trim();
                return new BudgetLine(kind, name, FormValue.Amount(r.Amount, side + " · " + name));
            })
            .ToArray();

    private static List<BudgetRow> Rows(BudgetReport budget, string kind, int least)
    {
        var rows = budget.Lines.Where(l => l.Kind == kind).Select(l => new BudgetRow { Name = l.Name, Amount = l.Monthly.ToString(CultureInfo.InvariantCulture) }).ToList();
        rows.AddRange(Enumerable.Range(0, Math.Max(1, least - rows.Count)).Select(_ => new BudgetRow()));
        return rows;
    }
}

/// <summary>One row of the budget form.</summary>
public sealed record BudgetRow
{
    /// <summary>What it is (工资, 房租…).</summary>
    public string? Name { get; init; }

    /// <summary>The amount a month.</summary>
    public string? Amount { get; init; }
}
