using DebtShield.Core.Budget;

namespace DebtShield.Core.Tests.Budget;

public sealed class MonthlyBudgetTests
{
    [Fact]
    public void LeftForDebts_IncomeAndEssentials_IsIncomeLessEssentials()
    {
        var budget = new MonthlyBudget([
            new BudgetLine(BudgetLineKind.Income, "工资", new Money(6000m)),
            new BudgetLine(BudgetLineKind.EssentialExpense, "房租", new Money(1500m)),
            new BudgetLine(BudgetLineKind.Income, "兼职", new Money(800m)),
            new BudgetLine(BudgetLineKind.EssentialExpense, "伙食", new Money(1200.5m)),
        ]);

        Assert.Equal(6800m, budget.Income.Yuan);
        Assert.Equal(2700.5m, budget.EssentialExpenses.Yuan);
        Assert.Equal(4099.5m, budget.LeftForDebts.Yuan);
    }

    [Fact]
    public void LeftForDebts_EssentialsAboveIncome_IsNegative()
    {
        var budget = new MonthlyBudget([
            new BudgetLine(BudgetLineKind.Income, "工资", new Money(3000m)),
            new BudgetLine(BudgetLineKind.EssentialExpense, "房租", new Money(3500m)),
        ]);

        Assert.Equal(-500m, budget.LeftForDebts.Yuan);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void BudgetLine_AmountNotAboveZero_IsRefused(decimal amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetLine(BudgetLineKind.Income, "工资", new Money(amount)));
    }

    [Fact]
    public void BudgetLine_BlankName_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new BudgetLine(BudgetLineKind.Income, "  ", new Money(1m)));
    }
}
