using DebtShield.Core;
using DebtShield.Core.Loans;

namespace DebtShield.Import.LoanFiles;

/// <summary>
/// The facts of one batch line whose schedule gives totals only, as columns, read but not yet
/// checked or made into a <see cref="Loan"/>: what a batch asked only for the IRR needs
/// (<see cref="Loan.HoldFromTotals"/>, then <c>TrueCost.IrrOf</c>). The lists are the reading
/// thread's own and hold until it reads its next line, so the columns live on the stack.
/// </summary>
public readonly ref struct LoanLineColumns
{
    internal LoanLineColumns(
        ReadOnlySpan<byte> idUtf8,
        DateOnly contractDate,
        Money principal,
        Money? received,
        ReadOnlySpan<UpfrontFee> upfrontFees,
        ReadOnlySpan<DateOnly> dueDates,
        ReadOnlySpan<Money> totals,
        ReadOnlySpan<DateOnly> paidOn,
        ReadOnlySpan<Money> paidAmounts)
    {
        IdUtf8 = idUtf8;
        ContractDate = contractDate;
        Principal = principal;
        Received = received;
        UpfrontFees = upfrontFees;
        DueDates = dueDates;
        Totals = totals;
        PaidOn = paidOn;
        PaidAmounts = paidAmounts;
    }

    /// <summary>
    /// The loan's name as UTF-8, unescaped: its id, or <c>line-N</c> when the line gives none. A
    /// batch only echoes it, so it is never made a string (issue 27).
    /// </summary>
    public ReadOnlySpan<byte> IdUtf8 { get; }

    /// <summary>The day the money arrived.</summary>
    public DateOnly ContractDate { get; }

    /// <summary>The contract amount.</summary>
    public Money Principal { get; }

    /// <summary>What arrived; <see langword="null"/> when the line does not say (the whole principal).</summary>
    public Money? Received { get; }

    /// <summary>The fees paid at or before disbursement, each dated (the contract date when the line gives none).</summary>
    public ReadOnlySpan<UpfrontFee> UpfrontFees { get; }

    /// <summary>Each instalment's due date, in the line's order.</summary>
    public ReadOnlySpan<DateOnly> DueDates { get; }

    /// <summary>Each instalment's total, in the order of <see cref="DueDates"/>.</summary>
    public ReadOnlySpan<Money> Totals { get; }

    /// <summary>The day of each payment, in the line's order.</summary>
    public ReadOnlySpan<DateOnly> PaidOn { get; }

    /// <summary>What each payment was, in the order of <see cref="PaidOn"/>.</summary>
    public ReadOnlySpan<Money> PaidAmounts { get; }
}
