namespace DebtShield.Core.Loans;

/// <summary>
/// What of the schedule is due and unpaid on a day, and since when: the instalments fallen due
/// are covered by the payments in order, and the first one not fully covered is where the
/// arrears began (逾期). The lender's figure, not the lawful one; <see cref="Law.LawfulBalance"/>
/// says what may lawfully be asked.
/// </summary>
/// <param name="Unpaid">Scheduled amounts due by the day, less everything paid by it.</param>
/// <param name="Since">The due date of the first instalment not fully paid.</param>
/// <param name="DaysOverdue">Days from <paramref name="Since"/> to the day.</param>
public sealed record Arrears(Money Unpaid, DateOnly Since, int DaysOverdue)
{
    /// <summary>The loan's arrears on <paramref name="asOf"/>, or <see langword="null"/> when nothing due is unpaid.</summary>
    public static Arrears? Of(Loan loan, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var paid = Money.Zero;
        var payments = loan.PaymentColumn;
        for (var i = 0; i < payments.Length; i++)
        {
            if (payments[i].Date <= asOf)
            {
                paid += payments[i].Amount;
            }
        }

        var due = Money.Zero;
        DateOnly? since = null;
        // The schedule's columns, not its instalments: a loan made from totals never makes them.
        var (dueDates, totals) = (loan.DueDates, loan.InstalmentTotals);
        for (var i = 0; i < dueDates.Length; i++)
        {
            if (dueDates[i] >= asOf)
            {
                break;
            }

            due += totals[i];
            if (since is null && due > paid)
            {
                since = dueDates[i];
            }
        }

        return since is { } start && due > paid
            ? new Arrears(due - paid, start, asOf.DayNumber - start.DayNumber)
            : null;
    }
}
