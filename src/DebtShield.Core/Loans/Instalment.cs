namespace DebtShield.Core.Loans;

/// <summary>One instalment of the lender's repayment schedule (还款计划).</summary>
/// <remarks>
/// The parts are optional because lenders' apps often show only the total per instalment;
/// when they are given, they must add up to <see cref="Total"/> (to the fen).
/// </remarks>
/// <param name="DueDate">The day the instalment is due.</param>
/// <param name="Total">What the borrower must pay on that day, all parts together; never negative.</param>
/// <param name="Principal">The part the lender calls principal, if shown.</param>
/// <param name="Interest">The part the lender calls interest, if shown.</param>
/// <param name="Fees">The part the lender calls fees (服务费, 担保费…), if shown.</param>
public sealed record Instalment(
    DateOnly DueDate,
    Money Total,
    Money? Principal = null,
    Money? Interest = null,
    Money? Fees = null);
