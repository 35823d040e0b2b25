namespace DebtShield.Core.Loans;

/// <summary>A payment the borrower actually made to the lender.</summary>
/// <param name="Date">The day it was paid.</param>
/// <param name="Amount">What was paid; always positive.</param>
public sealed record Payment(DateOnly Date, Money Amount);
