using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Loans;

/// <summary>A payment the borrower actually made to the lender.</summary>
/// <param name="Date">The day it was paid.</param>
/// <param name="Amount">What was paid; always positive.</param>
/// <param name="AppliesTo">
/// What the parties applied it to. Courts follow the parties' designation; without one, Civil
/// Code Art 561's order applies (costs of enforcement, then interest, then principal).
/// </param>
public sealed record Payment(DateOnly Date, Money Amount, PaymentTarget AppliesTo = PaymentTarget.Default)
{
    /// <summary>
    /// The id each designation has in loan files, loan tables, the loan list's JSON and a backup
    /// (<c>principal</c>); the statutory order is <c>default</c>, which only a backup writes (a file
    /// leaves an undesignated payment's field out). Spelled out so that renaming a member changes
    /// none of them.
    /// </summary>
    public static WireIds<PaymentTarget> TargetIds { get; } = new(
        (PaymentTarget.Default, "default"),
        (PaymentTarget.Principal, "principal"),
        (PaymentTarget.Interest, "interest"),
        (PaymentTarget.Fees, "fees"));

    /// <summary>
    /// The id each designation has in the ledger's database (<c>Principal</c>): the members' names as
    /// the ledgers written so far hold them, spelled out so that renaming a member leaves every
    /// existing ledger readable (see <see cref="Vocabulary.Vocabulary{T}.LedgerIds"/>).
    /// </summary>
    public static WireIds<PaymentTarget> TargetLedgerIds { get; } = new(
        (PaymentTarget.Default, "Default"),
        (PaymentTarget.Principal, "Principal"),
        (PaymentTarget.Interest, "Interest"),
        (PaymentTarget.Fees, "Fees"));
}

/// <summary>What a payment was applied to.</summary>
public enum PaymentTarget
{
    /// <summary>Not designated: the statutory order (Civil Code Art 561), interest before principal.</summary>
    Default,

    /// <summary>Designated to principal: interest runs on the reduced principal from the day of payment.</summary>
    Principal,

    /// <summary>Designated to interest.</summary>
    Interest,

    /// <summary>
    /// Designated to fees. The lawful account holds interest and fees together under one line,
    /// so a fee payment settles lawful interest like an interest payment.
    /// </summary>
    Fees,
}
