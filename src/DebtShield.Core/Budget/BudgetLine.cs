using DebtShield.Core.Vocabulary;

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

    /// <summary>
    /// The id each side has in a case file, the budget's JSON and a backup (<c>income</c>,
    /// <c>essential_expense</c>), spelled out so that renaming a member changes none of them.
    /// </summary>
    public static WireIds<BudgetLineKind> KindIds { get; } = new(
        (BudgetLineKind.Income, "income"),
        (BudgetLineKind.EssentialExpense, "essential_expense"));

    /// <summary>
    /// The id each side has in the ledger's database (<c>EssentialExpense</c>): the members' names as
    /// the ledgers written so far hold them, spelled out so that renaming a member leaves every
    /// existing ledger readable (see <see cref="Vocabulary.Vocabulary{T}.LedgerIds"/>).
    /// </summary>
    public static WireIds<BudgetLineKind> KindLedgerIds { get; } = new(
        (BudgetLineKind.Income, "Income"),
        (BudgetLineKind.EssentialExpense, "EssentialExpense"));
}

/// <summary>Which side of the monthly budget a line is on.</summary>
public enum BudgetLineKind
{
    /// <summary>Money coming in each month (工资, 兼职…).</summary>
    Income,

    /// <summary>An expense that cannot be cut (房租, 伙食, 交通, 子女教育…).</summary>
    EssentialExpense,
}
