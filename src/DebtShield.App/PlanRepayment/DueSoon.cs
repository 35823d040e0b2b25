using DebtShield.Core.Planning;

namespace DebtShield.App.PlanRepayment;

/// <summary>
/// Use case: "what is due soon?" Every instalment due within the next days (and every one already
/// overdue), in date order, with the lender's amount, the lawful amount, and which strategies of
/// the plan pay it on time.
/// </summary>
public static class DueSoon
{
    /// <summary>What falls due from <paramref name="today"/> to <paramref name="days"/> days later.</summary>
    public static DueReport Of(CaseFacts facts, DateOnly today, int days, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var (problem, outcomes) = PlanRepayment.Heuristics(facts, today, options);
        var until = today.AddDays(days);
        var items = new List<DueItem>();
        for (var i = 0; i < problem.Loans.Count; i++)
        {
            var loan = problem.Loans[i];
            var lawful = loan.Dues.ToLookup(d => d.Date);
            foreach (var due in loan.LenderDues.Where(d => d.Date <= until))
            {
                var month = PlanMonths.Index(today, due.Date);
                items.Add(new DueItem(
                    due.Date,
                    loan.Id,
                    loan.Lender,
                    due.Amount.RoundToFen().Yuan,
                    lawful[due.Date].Select(d => (decimal?)d.Amount.RoundToFen().Yuan).FirstOrDefault(),
                    due.Date < today,
                    [.. outcomes.Where(o => !o.IsBehind(i, month)).Select(o => StrategyNames.Name(o.Strategy))]));
            }
        }

        items.Sort(static (a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(a.LoanId, b.LoanId));
        return new DueReport(facts.Case, today, days, items);
    }
}

/// <summary>What is due soon.</summary>
/// <param name="Case">The case's title; null when the ledger has no case.</param>
/// <param name="AsOf">Today.</param>
/// <param name="Days">How many days ahead.</param>
/// <param name="Items">The instalments, oldest first.</param>
public sealed record DueReport(string? Case, DateOnly AsOf, int Days, IReadOnlyList<DueItem> Items);

/// <summary>One instalment due.</summary>
/// <param name="Date">Its due date.</param>
/// <param name="LoanId">The loan.</param>
/// <param name="Lender">The lender.</param>
/// <param name="Amount">What the lender asks (what is left of the instalment).</param>
/// <param name="LawfulAmount">What the law supports of it (the plan's lawful schedule); null when the plan treats the balance otherwise.</param>
/// <param name="Overdue">Already past its due date.</param>
/// <param name="PaidBy">The strategies that pay it on time.</param>
public sealed record DueItem(DateOnly Date, string LoanId, string Lender, decimal Amount, decimal? LawfulAmount, bool Overdue, IReadOnlyList<string> PaidBy);
