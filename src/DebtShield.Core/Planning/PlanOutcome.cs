namespace DebtShield.Core.Planning;

/// <summary>What following one strategy for the plan's horizon leads to.</summary>
public sealed record PlanOutcome
{
    /// <summary>The strategy followed.</summary>
    public required PlanStrategy Strategy { get; init; }

    /// <summary>Months until every loan is paid; null when that does not happen within the horizon.</summary>
    public required int? MonthsToDebtFree { get; init; }

    /// <summary>Everything paid within the horizon.</summary>
    public required Money TotalPaid { get; init; }

    /// <summary>The part of it that paid interest.</summary>
    public required Money InterestPaid { get; init; }

    /// <summary>What is still owed at the end of the horizon.</summary>
    public required Money Remaining { get; init; }

    /// <summary>Every stretch a loan is behind its lawful schedule.</summary>
    public required IReadOnlyList<OverdueEpisode> Overdue { get; init; }

    /// <summary>Days behind, summed over loans, counted from the start of the plan (the objective's measure).</summary>
    public required int DaysBehind { get; init; }

    /// <summary>
    /// Total paid plus what is still owed at the end, plus the overdue weight times the days
    /// behind: what the optimised plan minimises and every strategy is compared on.
    /// </summary>
    public required decimal Objective { get; init; }

    /// <summary>Payments by loan (rows, in the problem's order) and month (columns).</summary>
    public required decimal[][] Payments { get; init; }

    /// <summary>What is owed on all loans together after each month.</summary>
    public required IReadOnlyList<Money> BalanceByMonth { get; init; }

    /// <summary>What is paid on all loans together in each month.</summary>
    public required IReadOnlyList<Money> PaidByMonth { get; init; }

    /// <summary>The money not spent, carried to the next month, after each month.</summary>
    public required IReadOnlyList<Money> CashByMonth { get; init; }

    /// <summary>True when the loan is behind its lawful schedule after the month.</summary>
    public bool IsBehind(int loan, int month) => Behind[loan][month];

    /// <summary>Behind-schedule flags by loan and month.</summary>
    internal bool[][] Behind { get; init; } = [];
}

/// <summary>A stretch during which a loan is behind its lawful schedule.</summary>
/// <param name="LoanId">The loan.</param>
/// <param name="From">The first day behind: the missed due date (or the first unpaid one before the plan).</param>
/// <param name="Days">How long it lasts; to the end of the horizon when it never ends.</param>
/// <param name="Ends">False when the loan is still behind at the end of the horizon.</param>
public sealed record OverdueEpisode(string LoanId, DateOnly From, int Days, bool Ends);
