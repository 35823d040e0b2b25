using DebtShield.Core.Loans;

namespace DebtShield.Import.LoanFiles;

/// <summary>The total of an instalment that gives only its parts, as every loan reader computes it.</summary>
internal static class InstalmentParts
{
    /// <summary>
    /// The sum of the parts given, or <see langword="null"/> when none is. A part beyond
    /// <see cref="Loan.LargestAmount"/> is returned as it is instead of summed, so that a typo is
    /// reported by <see cref="Loan.Create"/> rather than overflowing the arithmetic here.
    /// </summary>
    public static decimal? Total(decimal? principal, decimal? interest, decimal? fees)
    {
        decimal?[] parts = [principal, interest, fees];
        return parts.All(p => p is null)
            ? null
            : parts.All(p => p is null || Math.Abs(p.Value) <= Loan.LargestAmount)
                ? parts.Sum(p => p ?? 0)
                : parts.First(p => p is not null && Math.Abs(p.Value) > Loan.LargestAmount);
    }
}
