namespace DebtShield.Core.Loans;

/// <summary>
/// A <see cref="Payment"/>'s facts as a value, the form a loan keeps its payments in: the legal
/// check runs its accounts over a loan's payments several times a loan, and a batch reads millions
/// of loans of some forty payments each, so the column is one array of values read in order, not
/// an array of references to records, and a batch line makes no record for a payment (issue 27).
/// </summary>
/// <param name="Date">The day it was paid.</param>
/// <param name="Amount">What was paid.</param>
/// <param name="AppliesTo">What the parties applied it to.</param>
internal readonly record struct PaymentEntry(DateOnly Date, Money Amount, PaymentTarget AppliesTo)
{
    /// <summary>The entry of <paramref name="payment"/>.</summary>
    public static PaymentEntry Of(Payment payment) => new(payment.Date, payment.Amount, payment.AppliesTo);

    /// <summary>The payment as its record.</summary>
    public Payment ToPayment() => new(Date, Amount, AppliesTo);

    /// <summary>
    /// The loan's order of payments: by day, then same-day payments by amount and designation, so
    /// that the order never depends on how they were entered.
    /// </summary>
    public static int Compare(PaymentEntry a, PaymentEntry b) =>
        a.Date != b.Date ? a.Date.CompareTo(b.Date)
        : a.Amount != b.Amount ? a.Amount.CompareTo(b.Amount)
        : a.AppliesTo.CompareTo(b.AppliesTo);
}
