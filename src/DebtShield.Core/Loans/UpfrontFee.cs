namespace DebtShield.Core.Loans;

/// <summary>
/// A fee the borrower paid out of pocket at or before disbursement (会员费, 担保费, 服务费…).
/// </summary>
/// <remarks>
/// Economically it is the same as money deducted before disbursement (砍头息): it reduces what
/// the borrower really had the use of, so the rate engine counts it at day 0.
/// </remarks>
/// <param name="Name">What the lender called the fee.</param>
/// <param name="Amount">What was paid; always positive.</param>
/// <param name="Date">When it was paid.</param>
public sealed record UpfrontFee(string Name, Money Amount, DateOnly Date);
