namespace DebtShield.Core.Budget;

/// <summary>
/// The borrower's monthly income and essential expenses, and what is left for debts: the only
/// honest ceiling for any repayment plan or negotiation offer.
/// </summary>
public sealed class MonthlyBudget
{
    /// <summary>Creates a budget from its lines, kept in the order given.</summary>
    public MonthlyBudget(IEnumerable<BudgetLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Lines = Array.AsReadOnly(lines.ToArray());
        Income = Money.Sum(Lines.Where(l => l.Kind == BudgetLineKind.Income).Select(l => l.Monthly));
        EssentialExpenses = Money.Sum(Lines.Where(l => l.Kind == BudgetLineKind.EssentialExpense).Select(l => l.Monthly));
    }

    /// <summary>Every line, in the order given.</summary>
    public IReadOnlyList<BudgetLine> Lines { get; }

    /// <summary>All income per month.</summary>
    public Money Income { get; }

    /// <summary>All essential expenses per month.</summary>
    public Money EssentialExpenses { get; }

    /// <summary>What is left each month for debts; negative when the essentials already exceed income.</summary>
    public Money LeftForDebts => Income - EssentialExpenses;
}
