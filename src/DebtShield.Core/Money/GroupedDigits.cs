namespace DebtShield.Core;

/// <summary>
/// The whole part of a number as the invariant culture's <c>#,##0</c> writes it: decimal digits
/// in groups of three from the right, separated by commas, in ASCII.
/// </summary>
/// <remarks>
/// The one home of the grouping that amounts (<see cref="Money"/>'s <c>#,##0.00</c>) and rates
/// written for a reader (the App's percentages, <c>#,##0.##</c>) share. Both write their digits
/// last first, after the decimals, so the whole part is written backwards into the end of a
/// buffer the caller already fills from the right; the number formatter, which reads its pattern
/// again on every call, is left out of the batch's hot path (issue 27).
/// </remarks>
public static class GroupedDigits
{
    /// <summary>The longest whole part written: <see cref="ulong.MaxValue"/>'s 20 digits and 6 commas.</summary>
    public const int MaxLength = 26;

    /// <summary>
    /// Writes <paramref name="whole"/>, grouped, so that it ends just before
    /// <paramref name="text"/>[<paramref name="at"/>], and moves <paramref name="at"/> back to its
    /// first digit. Zero is written "0".
    /// </summary>
    /// <param name="whole">The whole part, without its sign.</param>
    /// <param name="text">The buffer, with room for <see cref="MaxLength"/> bytes before <paramref name="at"/>.</param>
    /// <param name="at">Where the whole part ends; then where it starts.</param>
    public static void WriteBefore(ulong whole, Span<byte> text, ref int at)
    {
        var digits = 0;
        do
        {
            if (digits > 0 && digits % 3 == 0)
            {
                text[--at] = (byte)',';
            }

            text[--at] = (byte)('0' + (int)(whole % 10));
            whole /= 10;
            digits++;
        }
        while (whole > 0);
    }
}
