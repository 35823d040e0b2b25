using DebtShield.Core;
using DebtShield.Core.Loans;

namespace DebtShield.Data.Loans;

/// <summary>A payment the borrower made, as stored.</summary>
public sealed class StoredPayment
{
    /// <summary>The payment's key.</summary>
    public Guid Id { get; set; }

    /// <summary>The loan.</summary>
    public Guid LoanId { get; set; }

    /// <summary>The day it was paid.</summary>
    public DateOnly Date { get; set; }

    /// <summary>What was paid.</summary>
    public Money Amount { get; set; }

    /// <summary>
    /// What the parties applied it to (<see cref="PaymentTarget"/>); rows written before the
    /// ledger kept this read as <see cref="PaymentTarget.Default"/>, the statutory order.
    /// </summary>
    public PaymentTarget AppliesTo { get; set; }

    /// <summary>When it was entered.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Stores a Core payment for a loan.</summary>
    public static StoredPayment Of(Guid loanId, Payment payment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new StoredPayment { Id = Guid.CreateVersion7(now), LoanId = loanId, Date = payment.Date, Amount = payment.Amount, AppliesTo = payment.AppliesTo, RecordedAt = now };
    }
}
