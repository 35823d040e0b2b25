using System.Globalization;
using DebtShield.Core;

namespace DebtShield.App.RateLoans;

/// <summary>
/// A rate written for a reader: a percentage with at most two decimals, 0.463 → "46.3%", and
/// "∞%" for a rate too large to write. Formats into a span of UTF-16 or of UTF-8, so the batch's
/// worded notes and verdicts cost no string.
/// </summary>
/// <remarks>
/// The text is what <c>#,##0.##</c> in the invariant culture writes, followed by "%". The digits
/// are written here, one by one, rather than by the number formatter, which reads the pattern
/// again on every call and takes the number through a digit buffer: a batch writes a few rates a
/// loan, millions of times (issue 27). The formatter keeps only 15 significant digits of a
/// <see cref="double"/> and then rounds half up at the second decimal, so a value within a few
/// parts in 10¹³ of a half hundredth (where that double rounding could decide the last digit), and
/// any percentage of a billion or more, is still left to the formatter; both ways write the same
/// bytes, which the tests hold them to.
/// </remarks>
/// <param name="Fraction">The rate as a fraction.</param>
public readonly record struct Percentage(double Fraction) : ISpanFormattable, IUtf8SpanFormattable
{
    private const string Pattern = "#,##0.##";

    /// <summary>
    /// The largest percentage written digit by digit: a hundred times it stays far inside a
    /// <see cref="double"/>'s whole numbers, and 15 significant digits still reach the third decimal.
    /// </summary>
    private const double LargestWrittenHere = 1e9;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{this}");

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        var percent = Fraction * 100;
        if (!double.IsFinite(percent))
        {
            charsWritten = "∞%".TryCopyTo(destination) ? 2 : 0;
            return charsWritten > 0;
        }

        int written;
        Span<byte> digits = stackalloc byte[MostDigitsWrittenHere];
        if (TryWriteDigits(percent, digits, out var length))
        {
            if (length >= destination.Length)
            {
                charsWritten = 0;
                return false;
            }

            for (var i = 0; i < length; i++)
            {
                destination[i] = (char)digits[i];
            }

            written = length;
        }
        else if (!percent.TryFormat(destination, out written, Pattern, CultureInfo.InvariantCulture) || written == destination.Length)
        {
            charsWritten = 0;
            return false;
        }

        destination[written] = '%';
        charsWritten = written + 1;
        return true;
    }

    /// <inheritdoc/>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        var percent = Fraction * 100;
        if (!double.IsFinite(percent))
        {
            bytesWritten = "∞%"u8.TryCopyTo(utf8Destination) ? "∞%"u8.Length : 0;
            return bytesWritten > 0;
        }

        int written;
        Span<byte> digits = stackalloc byte[MostDigitsWrittenHere];
        if (TryWriteDigits(percent, digits, out var length))
        {
            if (length >= utf8Destination.Length)
            {
                bytesWritten = 0;
                return false;
            }

            digits[..length].CopyTo(utf8Destination);
            written = length;
        }
        else if (!percent.TryFormat(utf8Destination, out written, Pattern, CultureInfo.InvariantCulture) || written == utf8Destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        utf8Destination[written] = (byte)'%';
        bytesWritten = written + 1;
        return true;
    }

    /// <summary>The longest text <see cref="TryWriteDigits"/> writes: "-999,999,999.99".</summary>
    private const int MostDigitsWrittenHere = 16;

    /// <summary>
    /// Writes <paramref name="percent"/> as <c>#,##0.##</c> does, in ASCII; false, with nothing
    /// decided, for a value the formatter must write (see the remarks on <see cref="Percentage"/>).
    /// </summary>
    private static bool TryWriteDigits(double percent, Span<byte> destination, out int written)
    {
        written = 0;
        var negative = double.IsNegative(percent);
        var size = Math.Abs(percent);
        if (!(size < LargestWrittenHere))
        {
            return false;
        }

        // Hundredths, rounded half up as the formatter rounds its digits. The product and the
        // fraction are exact enough that only a value this close to a half hundredth could round
        // differently through the formatter's 15 digits (at most 5e-15 of the value away).
        var scaled = size * 100;
        var whole = Math.Floor(scaled);
        var fraction = scaled - whole;
        if (Math.Abs(fraction - 0.5) <= 1e-13 * Math.Max(scaled, 1))
        {
            return false;
        }

        var hundredths = (long)whole + (fraction > 0.5 ? 1 : 0);
        if (negative && hundredths == 0)
        {
            // A negative that rounds to nothing: the formatter's own way with the sign.
            return false;
        }

        // The digits, last first: the decimals without trailing zeros, then the whole part in
        // groups of three.
        Span<byte> text = stackalloc byte[MostDigitsWrittenHere];
        var at = text.Length;
        var cents = (int)(hundredths % 100);
        var units = hundredths / 100;
        if (cents != 0)
        {
            if (cents % 10 != 0)
            {
                text[--at] = (byte)('0' + (cents % 10));
            }

            text[--at] = (byte)('0' + (cents / 10));
            text[--at] = (byte)'.';
        }

        GroupedDigits.WriteBefore((ulong)units, text, ref at);
        if (negative)
        {
            text[--at] = (byte)'-';
        }

        text[at..].CopyTo(destination);
        written = text.Length - at;
        return true;
    }
}
