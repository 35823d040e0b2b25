namespace DebtShield.Core.Law;

/// <summary>A legal rate line applying to a stretch of the loan's life, with where it comes from.</summary>
/// <param name="Annual">The line as an annual simple rate (0.138 for 13.8%).</param>
/// <param name="From">The first day it applies to interest.</param>
/// <param name="Rule">Which rule sets it.</param>
/// <param name="Lpr">The LPR fixing it is a multiple of, for the 4×LPR line.</param>
/// <param name="LprOn">The day that fixing was looked up for (contract date, or the as-of date standing in for a filing date).</param>
/// <param name="Basis">Its citations and status.</param>
/// <param name="KeptIfPaid">
/// For the old private-lending line: the higher line (36%) below which interest already paid is
/// not returned although a court would not order it paid (2015 rules Arts 26 and 31); null otherwise.
/// </param>
/// <param name="Benchmark">For the 1991 opinion's line: the benchmark rate it is a multiple of; null otherwise.</param>
public sealed record RateCap(decimal Annual, DateOnly From, CapRule Rule, LprFixing? Lpr, DateOnly? LprOn, LegalBasis Basis, decimal? KeptIfPaid = null, BenchmarkLookup? Benchmark = null);

/// <summary>The rules that set a cap.</summary>
public enum CapRule
{
    /// <summary>4 × the one-year LPR in force when the contract was formed (private lending from 2020-08-20).</summary>
    FourTimesLprAtContract,

    /// <summary>
    /// 4 × the one-year LPR at the filing date, for interest from 2020-08-20 on contracts formed
    /// before; with no filing date the as-of date stands in.
    /// </summary>
    FourTimesLprAtFiling,

    /// <summary>The pre-2020-08-20 private-lending protection line (24%), for interest before that day.</summary>
    OldPrivateLine,

    /// <summary>The 24% line courts apply to licensed lenders on the borrower's request.</summary>
    LicensedCourtLine,

    /// <summary>
    /// 4 × the PBOC benchmark lending rate of the loan's term on the contract date (1991 opinion,
    /// item 6), for cases filed before 2015-09-01; the as-of date stands in for the filing date.
    /// </summary>
    FourTimesBenchmark,

    /// <summary>
    /// Not a cap on a valid contract: the one-year LPR at which courts have allowed a fee for the use
    /// of the money under a void contract (the as-of date standing in for the filing date).
    /// </summary>
    UseOfMoneyFeeAtLpr,
}
