using DebtShield.Core.Planning;
using DebtShield.Core.Vocabulary;

namespace DebtShield.App.PlanRepayment;

/// <summary>
/// The repayment plan as <c>debtshield plan --json</c> and the web app show it: the strategies
/// side by side, how far each heuristic is from the optimum, plain warnings, the least-bad order,
/// and a negotiation proposal for each loan the budget cannot keep on schedule. Money is yuan
/// rounded to the fen; rates are fractions.
/// </summary>
public sealed record RepaymentPlanReport
{
    /// <summary>The case's title; null when the ledger has no case.</summary>
    public required string? Case { get; init; }

    /// <summary>The first day of the plan.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>The months the plan looks ahead.</summary>
    public required int Months { get; init; }

    /// <summary>What is available for debts each month.</summary>
    public required decimal Budget { get; init; }

    /// <summary><c>ledger</c> (income less essential expenses) or <c>option</c> (--budget).</summary>
    public required string BudgetSource { get; init; }

    /// <summary>Yuan one day behind on one loan counts for in the objective.</summary>
    public required decimal OverdueDayWeight { get; init; }

    /// <summary>Plain warnings, each with a code and a sentence.</summary>
    public required IReadOnlyList<PlanWarningFigure> Warnings { get; init; }

    /// <summary>The order to pay the dues in when money runs short (lawful-first).</summary>
    public required IReadOnlyList<string> LeastBadOrder { get; init; }

    /// <summary>Each loan as the plan sees it.</summary>
    public required IReadOnlyList<PlanLoanFigure> Loans { get; init; }

    /// <summary>avalanche, snowball, lawful_first and (when solved) optimized.</summary>
    public required IReadOnlyList<StrategyFigure> Strategies { get; init; }

    /// <summary>For each heuristic, (its objective − the optimum's) / the optimum's; empty when the optimum was not solved.</summary>
    public required IReadOnlyDictionary<string, double> OptimalityGap { get; init; }

    /// <summary>How the optimiser ended: <c>optimal</c>, <c>time_limit</c>, <c>not_solved</c> or <c>skipped</c>.</summary>
    public required string OptimizerStatus { get; init; }

    /// <summary>How the optimiser ended, as the member <see cref="OptimizerStatus"/> names.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public OptimizerOutcome Optimizer => OptimizerNames.Ids.TryParse(OptimizerStatus, out var outcome)
        ? outcome
        : throw new InvalidOperationException("No optimiser outcome is called " + OptimizerStatus);

    /// <summary>
    /// How much cheaper than the optimised plan, at most, any plan could be (a fraction of its objective),
    /// as the solver proved: at most 0.0001 when <c>optimal</c>, larger when the time limit stopped the
    /// search; null when the optimiser was skipped or found nothing.
    /// </summary>
    public required double? OptimizerGap { get; init; }

    /// <summary>A proposal for each loan behind its schedule in the lawful-first plan.</summary>
    public required IReadOnlyList<NegotiationFigure> Negotiation { get; init; }

    /// <summary>The strategy <see cref="ByMonth"/> follows: <c>optimized</c> when solved, else <c>lawful_first</c>.</summary>
    public required string Followed { get; init; }

    /// <summary>
    /// The followed plan month by month, from this month to the last month with a payment: whom to
    /// pay how much on which day, what each lender's contract asks that month, and each loan the
    /// plan leaves behind its lawful schedule.
    /// </summary>
    public required IReadOnlyList<PlanMonthFigure> ByMonth { get; init; }
}

/// <summary>A warning.</summary>
/// <param name="Code">The warning's id (<c>income_below_essentials</c>, …).</param>
/// <param name="Message">One plain sentence for the borrower.</param>
public sealed record PlanWarningFigure(string Code, string Message);

/// <summary>A loan as the plan sees it.</summary>
/// <param name="Id">The loan's name.</param>
/// <param name="Lender">The lender.</param>
/// <param name="LenderKind">The lender's kind.</param>
/// <param name="KeepCurrentFirst">Licensed and may report to the credit reference centre.</param>
/// <param name="LawfulBalance">What the law supports owing at the start.</param>
/// <param name="LawfulAnnualRate">The rate the balance may lawfully grow at.</param>
/// <param name="RealAnnualRate">The contract's real annual rate (nominal IRR); null when none.</param>
/// <param name="HasSchedule">False when no schedule remains: the balance is treated as due now.</param>
/// <param name="OverdueSince">The first unpaid due date, when already overdue.</param>
public sealed record PlanLoanFigure(string Id, string Lender, string LenderKind, bool KeepCurrentFirst, decimal LawfulBalance, decimal LawfulAnnualRate, double? RealAnnualRate, bool HasSchedule, DateOnly? OverdueSince)
{
    /// <summary>The figure of a plan loan.</summary>
    public static PlanLoanFigure From(PlanLoan loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return new(loan.Id, loan.Lender, Vocabularies.LenderKinds.WireId(loan.Kind), loan.KeepCurrentFirst, loan.Balance.RoundToFen().Yuan, loan.LawfulAnnualRate, loan.RealAnnualRate, loan.HasSchedule, loan.OverdueSince);
    }
}

/// <summary>One strategy's result.</summary>
/// <param name="Name"><c>avalanche</c>, <c>snowball</c>, <c>lawful_first</c> or <c>optimized</c>.</param>
/// <param name="MonthsToDebtFree">Months until every loan is paid; null when not within the horizon.</param>
/// <param name="TotalPaid">Everything paid within the horizon.</param>
/// <param name="InterestPaid">The part that paid interest.</param>
/// <param name="Remaining">Still owed at the end of the horizon.</param>
/// <param name="DaysBehind">Days behind summed over loans, from the start of the plan.</param>
/// <param name="Objective">Total paid + remaining + weight × days behind.</param>
/// <param name="Overdue">Every stretch a loan is behind.</param>
/// <param name="BalanceByMonth">Owed on all loans after each month.</param>
/// <param name="PaidByMonth">Paid on all loans in each month.</param>
public sealed record StrategyFigure(
    string Name,
    int? MonthsToDebtFree,
    decimal TotalPaid,
    decimal InterestPaid,
    decimal Remaining,
    int DaysBehind,
    decimal Objective,
    IReadOnlyList<OverdueFigure> Overdue,
    IReadOnlyList<decimal> BalanceByMonth,
    IReadOnlyList<decimal> PaidByMonth)
{
    /// <summary>The figure of an outcome.</summary>
    public static StrategyFigure From(PlanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(
            StrategyNames.Name(outcome.Strategy),
            outcome.MonthsToDebtFree,
            outcome.TotalPaid.RoundToFen().Yuan,
            outcome.InterestPaid.RoundToFen().Yuan,
            outcome.Remaining.RoundToFen().Yuan,
            outcome.DaysBehind,
            decimal.Round(outcome.Objective, 2, MidpointRounding.AwayFromZero),
            [.. outcome.Overdue.Select(e => new OverdueFigure(e.LoanId, e.From, e.Days))],
            [.. outcome.BalanceByMonth.Select(m => m.RoundToFen().Yuan)],
            [.. outcome.PaidByMonth.Select(m => m.RoundToFen().Yuan)]);
    }
}

/// <summary>One month of the followed plan.</summary>
/// <param name="From">The month's first day.</param>
/// <param name="Payments">What to pay, by payment day.</param>
/// <param name="Behind">The loans that fall behind their lawful schedule this month.</param>
public sealed record PlanMonthFigure(DateOnly From, IReadOnlyList<PlanPaymentFigure> Payments, IReadOnlyList<PlanBehindFigure> Behind);

/// <summary>One payment of the followed plan.</summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Lender">Its lender.</param>
/// <param name="Date">The day to pay (the loan's due date in the month, or the month's first day).</param>
/// <param name="Amount">What the plan pays.</param>
/// <param name="ContractAsks">What the lender's schedule asks that month (0 when nothing falls due).</param>
/// <param name="Licensed">The lender is licensed and may report a shortfall to the credit reference centre as overdue.</param>
public sealed record PlanPaymentFigure(string LoanId, string Lender, DateOnly Date, decimal Amount, decimal ContractAsks, bool Licensed)
{
    /// <summary>What the plan pays below the contract's ask that month; 0 when it pays all of it.</summary>
    public decimal BelowContract => Math.Max(0m, ContractAsks - Amount);
}

/// <summary>A loan the followed plan leaves behind its lawful schedule.</summary>
/// <param name="LoanId">The loan.</param>
/// <param name="From">The first day behind.</param>
/// <param name="Days">For how many days.</param>
/// <param name="Unpaid">What the month's lawful dues lack.</param>
public sealed record PlanBehindFigure(string LoanId, DateOnly From, int Days, decimal Unpaid);

/// <summary>A stretch a loan is behind.</summary>
/// <param name="LoanId">The loan.</param>
/// <param name="From">The first day behind.</param>
/// <param name="Days">How many days.</param>
public sealed record OverdueFigure(string LoanId, DateOnly From, int Days);

/// <summary>A negotiation proposal.</summary>
/// <param name="LoanId">The loan.</param>
/// <param name="LawfulBalance">What the law supports owing.</param>
/// <param name="MonthlyAmount">The largest monthly amount the budget allows.</param>
/// <param name="Months">Months to clear the balance at that amount; null when it never clears.</param>
public sealed record NegotiationFigure(string LoanId, decimal LawfulBalance, decimal MonthlyAmount, int? Months);

/// <summary>The names strategies have in reports and options, and what people call them.</summary>
public static class StrategyNames
{
    /// <summary>
    /// Each strategy's report name (<c>lawful_first</c>): what the plan's JSON, the CLI's options and
    /// the page write, spelled out so that renaming a member changes none of them.
    /// </summary>
    public static WireIds<PlanStrategy> Ids { get; } = new(
        (PlanStrategy.Avalanche, "avalanche"),
        (PlanStrategy.Snowball, "snowball"),
        (PlanStrategy.LawfulFirst, "lawful_first"),
        (PlanStrategy.Optimized, "optimized"));

    /// <summary>What people call each strategy (雪崩, 依法优先…), under its report name.</summary>
    internal static MemberTexts<PlanStrategy> Titles { get; } =
        MemberTexts.ByWireId<PlanStrategy>(Resources.PlanText.ResourceManager, "Strategy_", Ids);

    /// <summary>The report name of <paramref name="strategy"/>.</summary>
    public static string Name(PlanStrategy strategy) => Ids.Of(strategy);

    /// <summary>What people call the strategy reported as <paramref name="name"/>, in <paramref name="culture"/>'s language (the UI language when not given); a name no strategy has, as it is.</summary>
    public static string Title(string name, System.Globalization.CultureInfo? culture = null) =>
        Ids.TryParse(name, out var strategy) ? Titles.Text(strategy, culture) : name;
}

/// <summary>How the search for the optimal plan ended.</summary>
public enum OptimizerOutcome
{
    /// <summary>Solved and proven best, within the solver's gap.</summary>
    Optimal,

    /// <summary>Stopped at its time limit with the best plan found so far.</summary>
    TimeLimit,

    /// <summary>No plan found; the plan follows lawful-first.</summary>
    NotSolved,

    /// <summary>Not run: no loans, or not asked for.</summary>
    Skipped,
}

/// <summary>The optimiser's outcomes by report name, and what each tells the borrower.</summary>
public static class OptimizerNames
{
    /// <summary>Each outcome's report name (<c>time_limit</c>), spelled out so that renaming a member changes no JSON.</summary>
    public static WireIds<OptimizerOutcome> Ids { get; } = new(
        (OptimizerOutcome.Optimal, "optimal"),
        (OptimizerOutcome.TimeLimit, "time_limit"),
        (OptimizerOutcome.NotSolved, "not_solved"),
        (OptimizerOutcome.Skipped, "skipped"));

    /// <summary>What each outcome tells the borrower, a template of the proven gap, under its report name.</summary>
    internal static MemberTexts<OptimizerOutcome> Sentences { get; } =
        MemberTexts.ByWireId<OptimizerOutcome>(Resources.PlanText.ResourceManager, "Optimizer_", Ids);

    /// <summary>
    /// The outcome in a sentence, in the UI language, with <paramref name="gap"/> (the proven gap,
    /// already written as the reader reads a share) where the sentence speaks of it.
    /// </summary>
    public static string Sentence(OptimizerOutcome outcome, string gap) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, Sentences.Text(outcome), gap);
}
