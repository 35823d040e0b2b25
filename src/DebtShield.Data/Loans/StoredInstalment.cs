using DebtShield.Core;

namespace DebtShield.Data.Loans;

/// <summary>One instalment of a stored loan's schedule.</summary>
public sealed class StoredInstalment
{
    /// <summary>The loan.</summary>
    public Guid LoanId { get; set; }

    /// <summary>Its number in the schedule, from 1 (第N期).</summary>
    public int Number { get; set; }

    /// <summary>The due date.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>What is due, all parts together.</summary>
    public Money Total { get; set; }

    /// <summary>The part the lender calls principal, if shown.</summary>
    public Money? Principal { get; set; }

    /// <summary>The part the lender calls interest, if shown.</summary>
    public Money? Interest { get; set; }

    /// <summary>The part the lender calls fees, if shown.</summary>
    public Money? Fees { get; set; }
}
