using DebtShield.Core.Budget;

namespace DebtShield.Core.Tests.Budget;

public sealed class MonthlyBudgetTests
{
    [Fact]
    public void LeftForDebts_is_income_less_essential_expenses()
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
    public void LeftForDebts_is_negative_when_essentials_exceed_income()
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
    public void A_line_refuses_an_amount_that_is_not_positive(decimal amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetLine(BudgetLineKind.Income, "工资", new Money(amount)));
    }

    [Fact]
    public void A_line_refuses_a_blank_name()
    {
        Assert.Throws<ArgumentException>(() => new BudgetLine(BudgetLineKind.Income, "  ", new Money(1m)));
    }
}
