namespace DebtShield.Core.Budget;

/// <summary>
/// One regular monthly amount in the borrower's budget: an income, or an expense they cannot
/// go without (rent, food, transport to work, a child's school). A repayment plan may only use
/// what is left after the essentials, which is why the two are kept apart from the debts.
/// </summary>
public sealed record BudgetLine
{
    /// <summary>Creates a budget line.</summary>
    /// <param name="kind">Income or essential expense.</param>
    /// <param name="name">What it is (工资, 房租…); not blank.</param>
    /// <param name="monthly">The amount per month; above zero.</param>
    /// <exception cref="ArgumentException">The name is blank or the amount is not positive.</exception>
    public BudgetLine(BudgetLineKind kind, string name, Money monthly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!monthly.IsPositive || monthly.Yuan > Loans.Loan.LargestAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(monthly), monthly.Yuan, "A monthly amount is above zero and below a trillion yuan.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        Kind = kind;
        Name = name.Trim();
        Monthly = monthly;
    }

    /// <summary>Income or essential expense.</summary>
    public BudgetLineKind Kind { get; }

    /// <summary>What it is.</summary>
    public string Name { get; }

    /// <summary>The amount per month.</summary>
    public Money Monthly { get; }
}

/// <summary>Which side of the monthly budget a line is on.</summary>
public enum BudgetLineKind
{
    /// <summary>Money coming in each month (工资, 兼职…).</summary>
    Income,

    /// <summary>An expense that cannot be cut (房租, 伙食, 交通, 子女教育…).</summary>
    EssentialExpense,
}
