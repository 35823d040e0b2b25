using DebtShield.Core.Budget;

namespace DebtShield.Core.Planning;

/// <summary>What the plan has to say plainly before any figure: the situations where no strategy can keep every loan current.</summary>
public enum PlanWarning
{
    /// <summary>The case has no loans.</summary>
    NoLoans,

    /// <summary>The budget has no income or essential expenses recorded and no budget was given.</summary>
    NoBudget,

    /// <summary>Essential expenses are above income: nothing is left for debts.</summary>
    IncomeBelowEssentials,

    /// <summary>The first month's lawful dues (arrears included) are above the money for debts.</summary>
    BudgetBelowDues,

    /// <summary>A loan with a lawful balance has no schedule left: its whole balance is treated as due now.</summary>
    LoanWithoutSchedule,

    /// <summary>Not even the best plan clears every loan within the horizon.</summary>
    NeverDebtFree,
}

/// <summary>Finds the warnings for a plan.</summary>
public static class PlanWarnings
{
    /// <summary>
    /// The warnings for <paramref name="problem"/>; <paramref name="budget"/> is the recorded
    /// budget (null when a budget amount was given instead).
    /// </summary>
    public static IReadOnlyList<PlanWarning> Of(PlanProblem problem, MonthlyBudget? budget, IEnumerable<PlanOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(outcomes);
        var warnings = new List<PlanWarning>();
        if (problem.Loans.Count == 0)
        {
            warnings.Add(PlanWarning.NoLoans);
        }

        if (budget is { Lines.Count: 0 })
        {
            warnings.Add(PlanWarning.NoBudget);
        }
        else if (budget is not null && budget.Income < budget.EssentialExpenses)
        {
            warnings.Add(PlanWarning.IncomeBelowEssentials);
        }

        var firstMonth = Enumerable.Range(0, problem.Loans.Count).Sum(i => problem.Due(i, 0));
        if (firstMonth > problem.Budget.Yuan + problem.InitialCash.Yuan)
        {
            warnings.Add(PlanWarning.BudgetBelowDues);
        }

        if (problem.Loans.Any(l => !l.HasSchedule && l.Balance.IsPositive))
        {
            warnings.Add(PlanWarning.LoanWithoutSchedule);
        }

        if (problem.Loans.Count > 0 && outcomes.All(o => o.MonthsToDebtFree is null))
        {
            warnings.Add(PlanWarning.NeverDebtFree);
        }

        return warnings;
    }
}
