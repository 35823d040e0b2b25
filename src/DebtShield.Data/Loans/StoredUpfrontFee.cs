using DebtShield.Core;

namespace DebtShield.Data.Loans;

/// <summary>A fee paid out of pocket at or before disbursement, as stored.</summary>
public sealed class StoredUpfrontFee
{
    /// <summary>The loan.</summary>
    public Guid LoanId { get; set; }

    /// <summary>Its place among the loan's fees, from 1.</summary>
    public int Number { get; set; }

    /// <summary>What the lender called it.</summary>
    public string Name { get; set; } = "";

    /// <summary>What was paid.</summary>
    public Money Amount { get; set; }

    /// <summary>When it was paid.</summary>
    public DateOnly Date { get; set; }
}
