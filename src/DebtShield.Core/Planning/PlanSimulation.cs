namespace DebtShield.Core.Planning;

/// <summary>
/// Runs a plan month by month: the budget arrives at the start of each month, every balance grows
/// by its lawful monthly rate, payments are made on each loan's due day, and money not spent is
/// carried over. A loan is behind when its balance after the month is above the balance it would
/// have on the lawful schedule.
/// </summary>
public static class PlanSimulation
{
    /// <summary>
    /// Follows a heuristic: first each loan's payment that keeps it on schedule (or catches it up),
    /// in the strategy's order while money lasts; then any money left goes to loans in the
    /// strategy's order for extra payments.
    /// </summary>
    public static PlanOutcome Run(PlanProblem problem, PlanStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (strategy == PlanStrategy.Optimized)
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "The optimised plan is solved, then evaluated with Evaluate.");
        }

        var n = problem.Loans.Count;
        var dueOrder = new int[n];
        var extraOrder = new int[n];
        var keys = new decimal[n];
        return Simulate(problem, strategy, (t, grown, cash, pay) =>
        {
            Order(problem, strategy, grown, dueOrder, extraOrder, keys);
            foreach (var i in dueOrder)
            {
                var needed = Math.Min(grown[i], Math.Max(0m, grown[i] - problem.ScheduledBalance[i][t]));
                var amount = Math.Min(needed, cash);
                pay[i] += amount;
                cash -= amount;
            }

            foreach (var i in extraOrder)
            {
                var amount = Math.Min(grown[i] - pay[i], cash);
                pay[i] += amount;
                cash -= amount;
            }
        });
    }

    /// <summary>
    /// Follows fixed payments (loan rows, month columns), each cut to what is owed and to the money
    /// at hand, loans in the problem's order.
    /// </summary>
    public static PlanOutcome Evaluate(PlanProblem problem, PlanStrategy strategy, decimal[][] payments)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(payments);
        return Simulate(problem, strategy, (t, grown, cash, pay) =>
        {
            for (var i = 0; i < pay.Length; i++)
            {
                var amount = Math.Min(Math.Min(Math.Max(payments[i][t], 0m), grown[i]), cash);
                pay[i] = amount;
                cash -= amount;
            }
        });
    }

    private delegate void MonthPayments(int month, decimal[] grown, decimal cash, decimal[] pay);

    private static PlanOutcome Simulate(PlanProblem problem, PlanStrategy strategy, MonthPayments decide)
    {
        var n = problem.Loans.Count;
        var months = problem.Months;
        var budget = problem.Budget.Yuan;
        var balance = problem.Loans.Select(l => l.Balance.Yuan).ToArray();
        var unpaidInterest = new decimal[n];
        var grown = new decimal[n];
        var pay = new decimal[n];
        var payments = new decimal[n][];
        var behind = new bool[n][];
        for (var i = 0; i < n; i++)
        {
            payments[i] = new decimal[months];
            behind[i] = new bool[months];
        }

        var balanceByMonth = new Money[months];
        var paidByMonth = new Money[months];
        var cashByMonth = new Money[months];
        var cash = problem.InitialCash.Yuan;
        var totalPaid = 0m;
        var interestPaid = 0m;
        int? debtFree = balance.All(b => b <= PlanMonths.Fen) ? 0 : null;
        var daysBehind = 0;
        for (var t = 0; t < months; t++)
        {
            cash += budget;
            for (var i = 0; i < n; i++)
            {
                var interest = balance[i] * problem.MonthlyRates[i];
                unpaidInterest[i] += interest;
                grown[i] = balance[i] + interest;
                pay[i] = 0m;
            }

            decide(t, grown, cash, pay);
            var paidThisMonth = 0m;
            var owed = 0m;
            for (var i = 0; i < n; i++)
            {
                var amount = pay[i];
                cash -= amount;
                paidThisMonth += amount;
                payments[i][t] = amount;
                var toInterest = Math.Min(amount, unpaidInterest[i]);
                unpaidInterest[i] -= toInterest;
                interestPaid += toInterest;
                balance[i] = grown[i] - amount;
                if (balance[i] <= PlanMonths.Fen)
                {
                    unpaidInterest[i] = 0m;
                }

                owed += balance[i];
                if (balance[i] - problem.ScheduledBalance[i][t] > BehindTolerance)
                {
                    behind[i][t] = true;
                    daysBehind = checked(daysBehind + problem.OverdueDays[i][t]);
                }
            }

            totalPaid += paidThisMonth;
            balanceByMonth[t] = new Money(owed);
            paidByMonth[t] = new Money(paidThisMonth);
            cashByMonth[t] = new Money(cash);
            if (debtFree is null && balance.All(b => b <= PlanMonths.Fen))
            {
                debtFree = t + 1;
            }
        }

        var remaining = balance.Sum(b => Math.Max(b, 0m));
        return new PlanOutcome
        {
            Strategy = strategy,
            MonthsToDebtFree = debtFree,
            TotalPaid = new Money(totalPaid),
            InterestPaid = new Money(interestPaid),
            Remaining = new Money(remaining),
            Overdue = Episodes(problem, behind),
            DaysBehind = daysBehind,
            Objective = totalPaid + remaining + (problem.OverdueDayWeight * daysBehind),
            Payments = payments,
            BalanceByMonth = balanceByMonth,
            PaidByMonth = paidByMonth,
            CashByMonth = cashByMonth,
            Behind = behind,
        };
    }

    private static List<OverdueEpisode> Episodes(PlanProblem problem, bool[][] behind)
    {
        var episodes = new List<OverdueEpisode>();
        for (var i = 0; i < behind.Length; i++)
        {
            var loan = problem.Loans[i];
            var t = 0;
            while (t < problem.Months)
            {
                if (!behind[i][t])
                {
                    t++;
                    continue;
                }

                var first = t;
                var days = 0;
                while (t < problem.Months && behind[i][t])
                {
                    days += problem.OverdueDays[i][t];
                    t++;
                }

                var from = problem.DueDay[i][first];
                if (first == 0 && loan.OverdueSince is { } since && since < from)
                {
                    days += from.DayNumber - since.DayNumber;
                    from = since;
                }

                episodes.Add(new OverdueEpisode(loan.Id, from, days, t < problem.Months));
            }
        }

        episodes.Sort(static (a, b) => a.From != b.From ? a.From.CompareTo(b.From) : string.CompareOrdinal(a.LoanId, b.LoanId));
        return episodes;
    }

    private static void Order(PlanProblem problem, PlanStrategy strategy, decimal[] grown, int[] dueOrder, int[] extraOrder, decimal[] keys)
    {
        var loans = problem.Loans;
        for (var i = 0; i < dueOrder.Length; i++)
        {
            dueOrder[i] = i;
            extraOrder[i] = i;
        }

        switch (strategy)
        {
            case PlanStrategy.Avalanche:
                Array.Sort(dueOrder, (a, b) => Compare(RealRate(loans[b]).CompareTo(RealRate(loans[a])), a, b));
                Array.Copy(dueOrder, extraOrder, dueOrder.Length);
                break;
            case PlanStrategy.Snowball:
                Array.Copy(grown, keys, grown.Length);
                Array.Sort(dueOrder, (a, b) => Compare(keys[a].CompareTo(keys[b]), a, b));
                Array.Copy(dueOrder, extraOrder, dueOrder.Length);
                break;
            case PlanStrategy.LawfulFirst:
                Array.Sort(dueOrder, (a, b) => Compare(
                    loans[a].KeepCurrentFirst != loans[b].KeepCurrentFirst
                        ? (loans[a].KeepCurrentFirst ? -1 : 1)
                        : loans[b].LawfulAnnualRate.CompareTo(loans[a].LawfulAnnualRate),
                    a,
                    b));
                Array.Sort(extraOrder, (a, b) => Compare(loans[b].LawfulAnnualRate.CompareTo(loans[a].LawfulAnnualRate), a, b));
                break;
            case PlanStrategy.Optimized:
            default:
                throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null);
        }
    }

    /// <summary>
    /// The order a strategy pays the dues in at the start of the plan: the least-bad order when
    /// money runs short.
    /// </summary>
    public static IReadOnlyList<PlanLoan> DueOrder(PlanProblem problem, PlanStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var n = problem.Loans.Count;
        var dueOrder = new int[n];
        Order(problem, strategy, [.. problem.Loans.Select(l => l.Balance.Yuan)], dueOrder, new int[n], new decimal[n]);
        return [.. dueOrder.Select(i => problem.Loans[i])];
    }

    private static double RealRate(PlanLoan loan) => loan.RealAnnualRate ?? (double)loan.LawfulAnnualRate;

    private static int Compare(int primary, int a, int b) => primary != 0 ? primary : a.CompareTo(b);

    /// <summary>One fen: a balance above the scheduled one by more than this is behind.</summary>
    public const decimal BehindTolerance = 0.01m;
}
