namespace DebtShield.Core.Planning;

/// <summary>
/// The check before taking a new loan: how much of the monthly income the lenders' schedules
/// take before and after (debt service to income), and which existing loans the new one would
/// push behind their lawful schedule under the lawful-first plan, counting the new loan's money
/// as cash in hand in the first month.
/// </summary>
/// <param name="ServiceBefore">What the lenders' schedules ask per month on average over the coming year, now.</param>
/// <param name="ServiceAfter">The same with the new loan.</param>
/// <param name="RatioBefore">Debt service over income now; null without income.</param>
/// <param name="RatioAfter">Debt service over income with the new loan; null without income.</param>
/// <param name="PushedBehind">Existing loans behind at some point with the new loan but never without it.</param>
/// <param name="NewLoanBehind">Whether the new loan itself would fall behind.</param>
public sealed record AffordabilityCheck(Money ServiceBefore, Money ServiceAfter, double? RatioBefore, double? RatioAfter, IReadOnlyList<string> PushedBehind, bool NewLoanBehind)
{
    /// <summary>The months over which the debt service is averaged.</summary>
    public const int ServiceMonths = 12;

    /// <summary>
    /// Compares the plan without and with <paramref name="offer"/>.
    /// </summary>
    /// <param name="loans">The existing loans.</param>
    /// <param name="offer">The new loan, as the plan sees it.</param>
    /// <param name="received">What the new loan would pay out.</param>
    /// <param name="start">The first day of the plan.</param>
    /// <param name="budget">What is available for debts each month.</param>
    /// <param name="income">Monthly income, for the ratios.</param>
    public static AffordabilityCheck Of(IReadOnlyList<PlanLoan> loans, PlanLoan offer, Money received, DateOnly start, Money budget, Money income)
    {
        ArgumentNullException.ThrowIfNull(loans);
        ArgumentNullException.ThrowIfNull(offer);
        var after = PlanProblem.Create(start, budget, [.. loans, offer], initialCash: received);
        var before = PlanProblem.Create(start, budget, loans, months: after.Months);
        var planBefore = PlanSimulation.Run(before, PlanStrategy.LawfulFirst);
        var planAfter = PlanSimulation.Run(after, PlanStrategy.LawfulFirst);
        var pushed = new List<string>();
        for (var i = 0; i < loans.Count; i++)
        {
            if (EverBehind(after, planAfter, i) && !EverBehind(before, planBefore, i))
            {
                pushed.Add(loans[i].Id);
            }
        }

        var serviceBefore = Service(loans, start);
        var serviceAfter = Service([.. loans, offer], start);
        return new AffordabilityCheck(
            serviceBefore,
            serviceAfter,
            Ratio(serviceBefore, income),
            Ratio(serviceAfter, income),
            pushed,
            EverBehind(after, planAfter, loans.Count));
    }

    private static bool EverBehind(PlanProblem problem, PlanOutcome plan, int loan) =>
        Enumerable.Range(0, problem.Months).Any(t => plan.IsBehind(loan, t));

    /// <summary>The lenders' dues (arrears included) over the coming year, per month.</summary>
    private static Money Service(IEnumerable<PlanLoan> loans, DateOnly start)
    {
        var end = start.AddMonths(ServiceMonths);
        var total = Money.Sum(loans.SelectMany(l => l.LenderDues).Where(d => d.Date < end).Select(d => d.Amount));
        return new Money(total.Yuan / ServiceMonths);
    }

    private static double? Ratio(Money service, Money income) =>
        income.IsPositive ? (double)(service.Yuan / income.Yuan) : null;
}
