using DebtShield.Core.Loans;

namespace DebtShield.Core.Planning;

/// <summary>
/// One loan as the repayment plan sees it: what the law supports owing today, the rate it may
/// lawfully grow at, and the lender's remaining schedule scaled down to the lawful amount. The plan
/// never spends money on what the law does not support, so it plans against these figures, not the
/// lender's.
/// </summary>
/// <remarks>
/// The lawful schedule keeps the lender's dates and proportions: every remaining instalment is
/// multiplied by one factor chosen so that paying the scaled schedule exactly clears the lawful
/// balance in the plan's monthly model. Where the lender asks for no more than the law supports
/// the factor is 1 (the lender's own schedule). The factor is never above 1: the plan never asks
/// for more than the lender does.
/// </remarks>
public sealed record PlanLoan
{
    /// <summary>The loan's name.</summary>
    public required string Id { get; init; }

    /// <summary>The lender or app.</summary>
    public required string Lender { get; init; }

    /// <summary>The lender's kind.</summary>
    public required LenderKind Kind { get; init; }

    /// <summary>
    /// True for a licensed lender that may report to the credit reference centre: the lawful-first
    /// strategy keeps it current before any other.
    /// </summary>
    public required bool KeepCurrentFirst { get; init; }

    /// <summary>The real annual cost of the contract (nominal IRR), the avalanche order; null when no single rate exists.</summary>
    public required double? RealAnnualRate { get; init; }

    /// <summary>The annual simple rate the law lets the balance grow at: the lower of the contract's rate and the cap.</summary>
    public required decimal LawfulAnnualRate { get; init; }

    /// <summary>What the law supports owing at the start of the plan (principal and interest).</summary>
    public required Money Balance { get; init; }

    /// <summary>The lawful schedule from the start of the plan; instalments already due and unpaid are dated when they fell due.</summary>
    public required IReadOnlyList<PlanDue> Dues { get; init; }

    /// <summary>The lender's schedule from the start of the plan, as the lender asks it (for reminders).</summary>
    public required IReadOnlyList<PlanDue> LenderDues { get; init; }

    /// <summary>The first due date not fully paid at the start, when the loan is already overdue.</summary>
    public required DateOnly? OverdueSince { get; init; }

    /// <summary>
    /// False when nothing of the lender's schedule remains but a lawful balance does (the
    /// schedule ended or was never given): the whole balance is treated as due at once.
    /// </summary>
    public bool HasSchedule => LenderDues.Count > 0;

    /// <summary>
    /// The plan's view of <paramref name="loan"/> on <paramref name="start"/>.
    /// </summary>
    /// <param name="loan">The loan's facts.</param>
    /// <param name="start">The first day of the plan.</param>
    /// <param name="lawfulBalance">What the law supports owing on <paramref name="start"/> (never below zero is used).</param>
    /// <param name="lawfulAnnualRate">The lawful accrual rate.</param>
    /// <param name="realAnnualRate">The contract's real annual rate, if one exists.</param>
    /// <param name="keepCurrentFirst">Whether the lender is licensed and may report to the credit reference centre.</param>
    public static PlanLoan From(Loan loan, DateOnly start, Money lawfulBalance, decimal lawfulAnnualRate, double? realAnnualRate, bool keepCurrentFirst)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentOutOfRangeException.ThrowIfNegative(lawfulAnnualRate);
        var balance = lawfulBalance.IsPositive ? lawfulBalance : Money.Zero;
        var lenderDues = RemainingDues(loan, start);
        var overdueSince = lenderDues.Count > 0 && lenderDues[0].Date < start ? lenderDues[0].Date : (DateOnly?)null;
        return new PlanLoan
        {
            Id = loan.Id,
            Lender = loan.Lender.Name,
            Kind = loan.Lender.Kind,
            KeepCurrentFirst = keepCurrentFirst,
            RealAnnualRate = realAnnualRate,
            LawfulAnnualRate = lawfulAnnualRate,
            Balance = balance,
            LenderDues = lenderDues,
            Dues = Scale(lenderDues, balance, lawfulAnnualRate, start),
            OverdueSince = overdueSince,
        };
    }

    /// <summary>
    /// What remains of each instalment on <paramref name="start"/>: payments made before the
    /// start cover the instalments in order; a partly covered instalment keeps its rest.
    /// </summary>
    public static IReadOnlyList<PlanDue> RemainingDues(Loan loan, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var paid = Money.Sum(loan.Payments.Where(p => p.Date < start).Select(p => p.Amount));
        var dues = new List<PlanDue>();
        foreach (var instalment in loan.Schedule)
        {
            var covered = paid < instalment.Total ? paid : instalment.Total;
            paid -= covered;
            var rest = instalment.Total - covered;
            if (rest.IsPositive)
            {
                dues.Add(new PlanDue(instalment.DueDate, rest));
            }
        }

        return dues;
    }

    /// <summary>The factor that makes the lender's dues clear <paramref name="balance"/> in the plan's model, at most 1.</summary>
    private static PlanDue[] Scale(IReadOnlyList<PlanDue> lenderDues, Money balance, decimal annualRate, DateOnly start)
    {
        if (!balance.IsPositive)
        {
            return [];
        }

        if (lenderDues.Count == 0)
        {
            return [new PlanDue(start, balance)];
        }

        // Paying d_m in month m clears B when B = Σ d_m (1 + r)^-(m+1) (interest is added before each month's payment).
        var monthly = PlanMonths.MonthlyRate(annualRate);
        var present = 0m;
        foreach (var due in lenderDues)
        {
            present += due.Amount.Yuan / PlanMonths.Growth(monthly, PlanMonths.Index(start, due.Date) + 1);
        }

        var factor = present > balance.Yuan ? balance.Yuan / present : 1m;
        var scaled = lenderDues.Select(d => d with { Amount = d.Amount * factor }).ToList();
        if (factor == 1m)
        {
            // The lender asks less than the lawful balance in this model: what is left falls due with the last instalment.
            var rest = balance.Yuan - present;
            if (rest > PlanMonths.Fen)
            {
                var last = lenderDues[^1];
                scaled[^1] = last with { Amount = last.Amount + new Money(rest * PlanMonths.Growth(monthly, PlanMonths.Index(start, last.Date) + 1)) };
            }
        }

        return [.. scaled];
    }
}

/// <summary>An amount due on a day.</summary>
/// <param name="Date">The due date.</param>
/// <param name="Amount">What is due.</param>
public sealed record PlanDue(DateOnly Date, Money Amount);
