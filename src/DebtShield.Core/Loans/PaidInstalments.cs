namespace DebtShield.Core.Loans;

/// <summary>
/// Instalments a lender's app marks as paid (已还, 已结清) turned into the payments they stand for,
/// without counting twice what the borrower has already recorded.
/// </summary>
/// <remarks>
/// The app says that an instalment was paid, not when. It is taken as paid on its due date, or today
/// when it was paid ahead of a due date still to come: paying late is what the lender's own row
/// would say (逾期), and a payment cannot be recorded in the future (<see cref="RecordedDates"/>).
/// Payments already recorded are taken to cover the paid instalments in date order, so pasting the
/// same screen again, or after recording the payments by hand, adds nothing.
/// </remarks>
public static class PaidInstalments
{
    /// <summary>
    /// The payments still to record for <paramref name="paid"/> when <paramref name="recorded"/> are
    /// already in the ledger: nothing for the instalments the recorded total covers (in date order),
    /// the rest of a partly covered one, and each remaining instalment in full.
    /// </summary>
    public static IReadOnlyList<Payment> Unrecorded(IEnumerable<Instalment> paid, IEnumerable<Payment> recorded, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(paid);
        ArgumentNullException.ThrowIfNull(recorded);
        var cover = Money.Sum(recorded.Select(p => p.Amount));
        var payments = new List<Payment>();
        foreach (var instalment in paid.OrderBy(i => i.DueDate))
        {
            if (!instalment.Total.IsPositive)
            {
                continue;
            }

            if (cover >= instalment.Total)
            {
                cover -= instalment.Total;
                continue;
            }

            var rest = instalment.Total - cover;
            cover = Money.Zero;
            payments.Add(new Payment(instalment.DueDate < today ? instalment.DueDate : today, rest));
        }

        return payments;
    }
}
