namespace DebtShield.Core.Planning;

/// <summary>
/// What the borrower can honestly offer a lender whose loan the budget cannot keep on schedule:
/// the largest monthly amount the budget allows every month of the coming year once the loans
/// the plan keeps on schedule are paid, and how many months that takes to clear the lawful balance.
/// </summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Balance">What the law supports owing at the start.</param>
/// <param name="MonthlyAmount">The amount the budget allows every month of the coming year, in whole yuan; zero when nothing is left.</param>
/// <param name="Months">Months to clear the balance at that amount; null when the amount does not even cover the lawful interest.</param>
public sealed record NegotiationProposal(string LoanId, Money Balance, Money MonthlyAmount, int? Months)
{
    /// <summary>The months the offer must fit: a year, or the plan's horizon if shorter.</summary>
    public const int OfferMonths = 12;

    /// <summary>
    /// A proposal for every loan behind its lawful schedule in <paramref name="plan"/>: the money
    /// left each month after the dues of the loans the plan keeps on schedule is shared among the
    /// loans behind in proportion to their lawful balances; the offer is the smallest share over
    /// the coming year, so it can be kept every month.
    /// </summary>
    public static IReadOnlyList<NegotiationProposal> ForLoansBehind(PlanProblem problem, PlanOutcome plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        var behind = Enumerable.Range(0, problem.Loans.Count)
            .Where(i => Enumerable.Range(0, problem.Months).Any(t => plan.IsBehind(i, t)))
            .ToArray();
        var current = Enumerable.Range(0, problem.Loans.Count).Except(behind).ToArray();
        var owed = behind.Sum(i => problem.Loans[i].Balance.Yuan);
        var months = Math.Min(OfferMonths, problem.Months);
        var free = decimal.MaxValue;
        for (var t = 0; t < months; t++)
        {
            free = Math.Min(free, problem.Budget.Yuan - current.Sum(j => problem.Due(j, t)) + (t == 0 ? problem.InitialCash.Yuan : 0m));
        }

        free = Math.Max(free, 0m);
        return [.. behind.Select(i =>
        {
            var loan = problem.Loans[i];
            var share = owed > 0m ? decimal.Floor(free * loan.Balance.Yuan / owed) : 0m;
            return new NegotiationProposal(loan.Id, loan.Balance, new Money(share), MonthsToClear(loan.Balance.Yuan, PlanMonths.MonthlyRate(loan.LawfulAnnualRate), share));
        })];
    }

    /// <summary>Months of <paramref name="payment"/> that clear <paramref name="balance"/> growing at <paramref name="monthlyRate"/>; null if never.</summary>
    public static int? MonthsToClear(decimal balance, decimal monthlyRate, decimal payment)
    {
        if (balance <= PlanMonths.Fen)
        {
            return 0;
        }

        if (payment <= balance * monthlyRate || payment <= 0m)
        {
            return null;
        }

        var months = 0;
        while (balance > PlanMonths.Fen && months < PlanProblem.MaxMonths * 10)
        {
            balance = (balance * (1m + monthlyRate)) - payment;
            months++;
        }

        return balance > PlanMonths.Fen ? null : months;
    }
}
