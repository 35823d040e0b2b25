namespace DebtShield.Core.Planning;

/// <summary>
/// Everything a repayment plan is computed from, laid out month by month: the loans, the money
/// available for debts each month, and for each loan its dues, the balance it would have if paid
/// exactly on the lawful schedule, and how many days each month of being behind counts for. The
/// heuristics and the optimised plan read the same figures, so their results are comparable.
/// </summary>
public sealed class PlanProblem
{
    private PlanProblem(DateOnly start, int months, Money budget, decimal overdueDayWeight, IReadOnlyList<PlanLoan> loans, Money initialCash)
    {
        Start = start;
        InitialCash = initialCash;
        Months = months;
        Budget = budget;
        OverdueDayWeight = overdueDayWeight;
        Loans = loans;
        var n = loans.Count;
        MonthlyRates = new decimal[n];
        DuesByMonth = new decimal[n][];
        ScheduledBalance = new decimal[n][];
        DueDay = new DateOnly[n][];
        OverdueDays = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var loan = loans[i];
            var rate = PlanMonths.MonthlyRate(loan.LawfulAnnualRate);
            MonthlyRates[i] = rate;
            var dues = new decimal[months];
            var days = new DateOnly[months];
            for (var t = 0; t < months; t++)
            {
                days[t] = start.AddMonths(t);
            }

            foreach (var due in loan.Dues)
            {
                var t = PlanMonths.Index(start, due.Date);
                if (t < months)
                {
                    dues[t] += due.Amount.Yuan;
                    if (due.Date > days[t])
                    {
                        days[t] = due.Date;
                    }
                }
            }

            var scheduled = new decimal[months];
            var balance = loan.Balance.Yuan;
            for (var t = 0; t < months; t++)
            {
                balance = Math.Max(0m, (balance * (1m + rate)) - dues[t]);
                scheduled[t] = balance;
            }

            var overdueDays = new int[months];
            for (var t = 0; t < months; t++)
            {
                var next = t + 1 < months ? days[t + 1] : start.AddMonths(months);
                overdueDays[t] = next.DayNumber - days[t].DayNumber;
            }

            DuesByMonth[i] = dues;
            ScheduledBalance[i] = scheduled;
            DueDay[i] = days;
            OverdueDays[i] = overdueDays;
        }
    }

    /// <summary>The first day of the plan.</summary>
    public DateOnly Start { get; }

    /// <summary>How many months the plan looks ahead.</summary>
    public int Months { get; }

    /// <summary>What is available for debts each month; never below zero.</summary>
    public Money Budget { get; }

    /// <summary>Money at hand at the start besides the first month's budget (a new loan's proceeds in the affordability check).</summary>
    public Money InitialCash { get; }

    /// <summary>How many yuan one day of one loan being behind counts for in the objective.</summary>
    public decimal OverdueDayWeight { get; }

    /// <summary>The loans, in the order given.</summary>
    public IReadOnlyList<PlanLoan> Loans { get; }

    /// <summary>Each loan's monthly growth rate.</summary>
    internal decimal[] MonthlyRates { get; }

    /// <summary>Each loan's lawful dues in each month.</summary>
    internal decimal[][] DuesByMonth { get; }

    /// <summary>Each loan's balance after each month when paid exactly on the lawful schedule.</summary>
    internal decimal[][] ScheduledBalance { get; }

    /// <summary>The day each month's payment is made for each loan: its last due date in the month, or the month's first day.</summary>
    internal DateOnly[][] DueDay { get; }

    /// <summary>The days a loan behind after month t stays behind until the next month's payment day.</summary>
    internal int[][] OverdueDays { get; }

    /// <summary>Each loan's monthly growth rate, as fractions (for the optimiser).</summary>
    public double MonthlyRate(int loan) => (double)MonthlyRates[loan];

    /// <summary>The lawful dues of a loan in a month.</summary>
    public decimal Due(int loan, int month) => DuesByMonth[loan][month];

    /// <summary>The balance a loan has after a month when paid exactly on the lawful schedule.</summary>
    public decimal OnSchedule(int loan, int month) => ScheduledBalance[loan][month];

    /// <summary>The days being behind after a month counts for.</summary>
    public int DaysBehind(int loan, int month) => OverdueDays[loan][month];

    /// <summary>The day a loan's payment of a month is made: its last due date in the month, or the month's first day.</summary>
    public DateOnly PaymentDay(int loan, int month) => DueDay[loan][month];

    /// <summary>
    /// The problem for <paramref name="loans"/> from <paramref name="start"/>.
    /// </summary>
    /// <param name="start">The first day of the plan.</param>
    /// <param name="budget">What is available for debts each month; a negative amount counts as zero.</param>
    /// <param name="loans">The loans.</param>
    /// <param name="months">The horizon; null chooses one: the last lawful due date plus 24 months, between 12 and 120.</param>
    /// <param name="overdueDayWeight">Yuan per day a loan is behind, in the objective; not negative.</param>
    /// <param name="initialCash">Money at hand at the start besides the budget; a negative amount counts as zero.</param>
    public static PlanProblem Create(DateOnly start, Money budget, IReadOnlyList<PlanLoan> loans, int? months = null, decimal overdueDayWeight = DefaultOverdueDayWeight, Money initialCash = default)
    {
        ArgumentNullException.ThrowIfNull(loans);
        ArgumentOutOfRangeException.ThrowIfNegative(overdueDayWeight);
        if (months is { } m)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(m, MaxMonths);
        }

        var horizon = months ?? Math.Clamp(
            loans.SelectMany(l => l.Dues).Select(d => PlanMonths.Index(start, d.Date) + 1).DefaultIfEmpty(0).Max() + 24,
            12,
            MaxMonths);
        return new PlanProblem(start, horizon, budget.IsNegative ? Money.Zero : budget, overdueDayWeight, [.. loans], initialCash.IsNegative ? Money.Zero : initialCash);
    }

    /// <summary>
    /// The default weight of one day behind on one loan: 50 yuan, well above a day's lawful
    /// interest on any consumer loan, because being behind is what sets collectors on the
    /// borrower's contacts.
    /// </summary>
    public const decimal DefaultOverdueDayWeight = 50m;

    /// <summary>The longest horizon: ten years.</summary>
    public const int MaxMonths = 120;
}
