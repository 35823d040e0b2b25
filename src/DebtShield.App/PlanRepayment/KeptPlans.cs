using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using DebtShield.App.Ledgers;
using DebtShield.Core.Budget;
using DebtShield.Data;

namespace DebtShield.App.PlanRepayment;

/// <summary>
/// The last plan made for each case of an open ledger, in each language. The plan page searched for
/// the optimal plan at every view (about a second of CPU for the example's case), but a plan only
/// changes with the case's loans (<see cref="CaseFacts.LoansRevision"/>, raised by every save, from
/// any process), its title, its budget's lines, the day and the options asked for: a plan is kept
/// while all of them hold and made afresh otherwise.
/// </summary>
internal static class KeptPlans
{
    private static readonly ConditionalWeakTable<Ledger, ConcurrentDictionary<(Guid Case, string Language), Kept>> Ledgers = [];

    /// <summary>
    /// The plan kept for <paramref name="facts"/>, or the one <paramref name="make"/> makes, kept in
    /// its place. The facts are the ones just read from <paramref name="ledger"/>: their revision
    /// stands for their loans only then.
    /// </summary>
    public static RepaymentPlanReport Of(OpenLedger ledger, CaseFacts facts, DateOnly today, PlanOptions options, Func<RepaymentPlanReport> make)
    {
        if (facts.CaseId is not { } caseId)
        {
            return make();
        }

        var plans = Ledgers.GetOrCreateValue(ledger.Ledger);
        var key = (caseId, CultureInfo.CurrentUICulture.Name);
        if (plans.TryGetValue(key, out var kept) && kept.Holds(facts, today, options))
        {
            return kept.Plan;
        }

        var plan = make();
        plans[key] = new Kept(facts.LoansRevision, facts.Case, facts.Budget.Lines, today, options, plan);
        return plan;
    }

    private sealed record Kept(int Revision, string? Title, IReadOnlyList<BudgetLine> Budget, DateOnly Today, PlanOptions Options, RepaymentPlanReport Plan)
    {
        public bool Holds(CaseFacts facts, DateOnly today, PlanOptions options) =>
            Revision == facts.LoansRevision && Title == facts.Case && Today == today && Options == options && Budget.SequenceEqual(facts.Budget.Lines);
    }
}
