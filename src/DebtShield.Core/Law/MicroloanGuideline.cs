namespace DebtShield.Core.Law;

/// <summary>
/// The PBOC/NFRA guideline of December 2025 on microloan companies' comprehensive financing cost
/// (<c>data/law/microloan-cost-2025.json</c>): new loans above 24% a year are to be corrected at once,
/// and new loans are to come within 4 × the one-year LPR by the end of 2027.
/// </summary>
/// <remarks>
/// A supervisory guideline to local regulators, known from an unofficial copy and news reports
/// (secondary): it is not the line a court applies to a microloan company's loan, so it yields no
/// lawful balance, only what the regulator's complaint channel can be told. It is applied to loans
/// formed on or after the day it was reportedly distributed, itself uncertain as a start date.
/// </remarks>
/// <param name="ReportedFrom">The day the guideline was reportedly distributed (2025-12-24).</param>
/// <param name="NewLoanLine">The cost above which a new loan is to be corrected at once (0.24).</param>
/// <param name="TargetLprMultiple">The target: this multiple of the one-year LPR (4).</param>
/// <param name="TargetBy">The day by which new loans are to meet the target (2027-12-31).</param>
/// <param name="Basis">Its citation and status.</param>
public sealed record MicroloanGuideline(DateOnly ReportedFrom, decimal NewLoanLine, decimal TargetLprMultiple, DateOnly TargetBy, LegalBasis Basis);
