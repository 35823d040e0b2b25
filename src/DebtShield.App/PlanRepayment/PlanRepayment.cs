using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.Resources;
using DebtShield.Core;
using DebtShield.Core.Planning;
using DebtShield.Planning.Optimization;

namespace DebtShield.App.PlanRepayment;

/// <summary>
/// Use case: "how do I get out?" A plan across all the case's loans under the real monthly
/// budget: avalanche, snowball and lawful-first side by side with the optimised plan, plain
/// warnings when no plan can keep every loan current, and what to offer a lender the budget cannot
/// keep on schedule.
/// </summary>
public static class PlanRepayment
{
    /// <summary>
    /// The plan for the case's loans and budget, from <paramref name="today"/>: the one made before
    /// when neither they nor the day nor the options have changed since, in this process.
    /// </summary>
    public static async Task<RepaymentPlanReport> PlanAsync(OpenLedger ledger, CaseReference @case, DateOnly today, PlanOptions options, CancellationToken cancellationToken = default) =>
        (await PlanCaseAsync(ledger, @case, today, options, cancellationToken).ConfigureAwait(false)).Plan;

    /// <summary>
    /// The plan as <see cref="PlanAsync"/> makes or keeps it, with the facts it was made from, for
    /// a page that shows both (the plan page's coming dues and feed): the case is read once.
    /// </summary>
    public static async Task<PlannedCase> PlanCaseAsync(OpenLedger ledger, CaseReference @case, DateOnly today, PlanOptions options, CancellationToken cancellationToken = default)
    {
        var facts = await CaseFacts.LoadAsync(ledger, @case, cancellationToken).ConfigureAwait(false);
        return new PlannedCase(facts, KeptPlans.Of(ledger, facts, today, options, () => Of(facts, today, options)));
    }

    /// <summary>The plan for facts already read.</summary>
    public static RepaymentPlanReport Of(CaseFacts facts, DateOnly today, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        var (problem, heuristics) = Heuristics(facts, today, options);
        var outcomes = heuristics.ToList();
        var gaps = new Dictionary<string, double>(StringComparer.Ordinal);
        var status = OptimizerOutcome.Skipped;
        double? proven = null;
        if (options.Optimize && problem.Loans.Count > 0)
        {
            var result = OptimalPlan.Solve(problem, heuristics.MinBy(o => o.Objective), options.TimeLimit);
            status = result.Status switch
            {
                OptimalPlanStatus.Optimal => OptimizerOutcome.Optimal,
                OptimalPlanStatus.TimeLimit => OptimizerOutcome.TimeLimit,
                _ => OptimizerOutcome.NotSolved,
            };
            proven = result.Gap is { } gap ? Math.Round(gap, 6) : null;
            if (result.Payments is { } payments)
            {
                var optimum = PlanSimulation.Evaluate(problem, PlanStrategy.Optimized, payments);
                outcomes.Add(optimum);
                foreach (var heuristic in heuristics)
                {
                    gaps[StrategyNames.Name(heuristic.Strategy)] = optimum.Objective > 0m
                        ? Math.Round((double)((heuristic.Objective - optimum.Objective) / optimum.Objective), 6)
                        : 0.0;
                }
            }
        }

        var lawfulFirst = heuristics.Single(o => o.Strategy == PlanStrategy.LawfulFirst);
        var followed = outcomes.SingleOrDefault(o => o.Strategy == PlanStrategy.Optimized) ?? lawfulFirst;
        return new RepaymentPlanReport
        {
            Case = facts.Case,
            Start = today,
            Months = problem.Months,
            Budget = problem.Budget.Yuan,
            BudgetSource = options.Budget is null ? "ledger" : "option",
            OverdueDayWeight = problem.OverdueDayWeight,
            Warnings = [.. PlanWarnings.Of(problem, options.Budget is null ? facts.Budget : null, outcomes).Select(w => Warning(w, problem, facts))],
            LeastBadOrder = [.. PlanSimulation.DueOrder(problem, PlanStrategy.LawfulFirst).Select(l => l.Id)],
            Loans = [.. problem.Loans.Select(PlanLoanFigure.From)],
            Strategies = [.. outcomes.Select(StrategyFigure.From)],
            OptimalityGap = gaps,
            OptimizerStatus = OptimizerNames.Ids.Of(status),
            OptimizerGap = proven,
            Negotiation = [.. NegotiationProposal.ForLoansBehind(problem, lawfulFirst).Select(p => new NegotiationFigure(p.LoanId, p.Balance.RoundToFen().Yuan, p.MonthlyAmount.Yuan, p.Months))],
            Followed = StrategyNames.Name(followed.Strategy),
            ByMonth = ByMonth(problem, followed),
        };
    }

    /// <summary>
    /// The outcome month by month, up to the last month anything is paid: each payment with what the
    /// lender's own schedule asks that month, and each stretch behind that starts in the month.
    /// </summary>
    private static PlanMonthFigure[] ByMonth(PlanProblem problem, PlanOutcome outcome)
    {
        var asks = problem.Loans.Select(l => l.LenderDues.ToLookup(d => PlanMonths.Index(problem.Start, d.Date))).ToArray();
        var index = problem.Loans.Select((l, i) => (l.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var last = Enumerable.Range(0, problem.Months).LastOrDefault(m => problem.Loans.Select((_, i) => outcome.Payments[i][m]).Any(p => p > PlanMonths.Fen), -1);
        return [.. Enumerable.Range(0, last + 1).Select(month =>
        {
            var payments = problem.Loans
                .Select((loan, i) => new PlanPaymentFigure(
                    loan.Id,
                    loan.Lender,
                    problem.PaymentDay(i, month),
                    new Money(outcome.Payments[i][month]).RoundToFen().Yuan,
                    Money.Sum(asks[i][month].Select(d => d.Amount)).RoundToFen().Yuan,
                    loan.KeepCurrentFirst))
                .Where(p => p.Amount > 0m || p.ContractAsks > 0m)
                .OrderBy(p => p.Date).ThenBy(p => p.LoanId, StringComparer.Ordinal)
                .ToArray();
            var behind = outcome.Overdue
                .Where(e => PlanMonths.Index(problem.Start, e.From) == month)
                .Select(e =>
                {
                    var i = index[e.LoanId];
                    return new PlanBehindFigure(e.LoanId, e.From, e.Days, new Money(Math.Max(0m, problem.Due(i, month) - outcome.Payments[i][month])).RoundToFen().Yuan);
                })
                .ToArray();
            return new PlanMonthFigure(problem.Start.AddMonths(month), payments, behind);
        })];
    }

    /// <summary>The problem and the three heuristics' outcomes, without the solver: what the due list uses.</summary>
    public static (PlanProblem Problem, IReadOnlyList<PlanOutcome> Outcomes) Heuristics(CaseFacts facts, DateOnly today, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        var budget = new Money(options.Budget ?? facts.Budget.LeftForDebts.Yuan);
        var problem = PlanProblem.Create(today, budget, PlanLoans.From(facts.Loans, today), overdueDayWeight: options.OverdueDayWeight);
        return (problem, [.. HeuristicStrategies.Select(s => PlanSimulation.Run(problem, s))]);
    }

    /// <summary>The three heuristics, in the order reports list them.</summary>
    public static IReadOnlyList<PlanStrategy> HeuristicStrategies { get; } = [PlanStrategy.Avalanche, PlanStrategy.Snowball, PlanStrategy.LawfulFirst];

    private static PlanWarningFigure Warning(PlanWarning warning, PlanProblem problem, CaseFacts facts)
    {
        var order = string.Join("、", PlanSimulation.DueOrder(problem, PlanStrategy.LawfulFirst).Select(l => l.Id));
        var firstMonth = Enumerable.Range(0, problem.Loans.Count).Sum(i => problem.Due(i, 0));
        return warning switch
        {
            PlanWarning.NoLoans => new("no_loans", PlanText.Warning_NoLoans),
            PlanWarning.NoBudget => new("no_budget", PlanText.Warning_NoBudget),
            PlanWarning.IncomeBelowEssentials => new("income_below_essentials", Localized.Format(PlanText.Warning_IncomeBelowEssentials, facts.Budget.Income.Yuan, facts.Budget.EssentialExpenses.Yuan, order)),
            PlanWarning.BudgetBelowDues => new("budget_below_dues", Localized.Format(PlanText.Warning_BudgetBelowDues, problem.Budget.Yuan, decimal.Round(firstMonth, 2, MidpointRounding.AwayFromZero), order)),
            PlanWarning.LoanWithoutSchedule => new("loan_without_schedule", Localized.Format(PlanText.Warning_LoanWithoutSchedule, string.Join("、", problem.Loans.Where(l => !l.HasSchedule && l.Balance.IsPositive).Select(l => l.Id)))),
            PlanWarning.NeverDebtFree => new("never_debt_free", Localized.Format(PlanText.Warning_NeverDebtFree, problem.Months)),
            _ => throw new ArgumentOutOfRangeException(nameof(warning), warning, null),
        };
    }
}

/// <summary>A case's facts, read in one snapshot, and the plan made (or kept) for them.</summary>
/// <param name="Facts">The case's loans and budget as read.</param>
/// <param name="Plan">The plan for them.</param>
public sealed record PlannedCase(CaseFacts Facts, RepaymentPlanReport Plan);

/// <summary>What to plan with.</summary>
/// <param name="Budget">Yuan a month for debts; null takes the case's budget (income less essential expenses).</param>
/// <param name="OverdueDayWeight">Yuan one day behind on one loan counts for.</param>
/// <param name="Optimize">Whether to solve the optimised plan.</param>
/// <param name="TimeLimit">How long the optimiser may search (null: <see cref="OptimalPlan.DefaultTimeLimit"/>).</param>
public sealed record PlanOptions(decimal? Budget = null, decimal OverdueDayWeight = PlanProblem.DefaultOverdueDayWeight, bool Optimize = true, TimeSpan? TimeLimit = null);
