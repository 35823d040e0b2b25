using DebtShield.Core;
using DebtShield.Core.Loans;

namespace DebtShield.App.RecordLoans;

/// <summary>
/// The schedule of the common app loan as a person describes it: so many equal instalments, a month
/// apart from the first due date. The one home of that schedule and of its bound, for the CLI's
/// options and prompt and for the web form and API alike.
/// </summary>
public static class EqualInstalments
{
    /// <summary>
    /// The most instalments one may ask for: fifty years of months. More is a typing slip, and a
    /// longer schedule would only make every derived figure slow to compute.
    /// </summary>
    public const int LargestCount = 600;

    /// <summary>True when <paramref name="count"/> is a number of instalments one may ask for (1 to <see cref="LargestCount"/>).</summary>
    public static bool IsCount(int count) => count is >= 1 and <= LargestCount;

    /// <summary><paramref name="count"/> instalments of <paramref name="amount"/>, the first on <paramref name="firstDue"/> and each next one a calendar month later.</summary>
    /// <remarks>Months are added to the first due date (31 January, then 28 or 29 February, then 31 March), never chained, so a short month does not pull the later dates forward.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not from 1 to <see cref="LargestCount"/>.</exception>
    public static IReadOnlyList<Instalment> Schedule(int count, Money amount, DateOnly firstDue)
    {
        if (!IsCount(count))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, null);
        }

        return [.. Enumerable.Range(0, count).Select(i => new Instalment(firstDue.AddMonths(i), amount))];
    }
}
