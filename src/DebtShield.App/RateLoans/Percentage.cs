using System.Globalization;

namespace DebtShield.App.RateLoans;

/// <summary>
/// A rate written for a reader: a percentage with at most two decimals, 0.463 → "46.3%", and
/// "∞%" for a rate too large to write. Formats into a span of UTF-16 or of UTF-8, so the batch's
/// worded notes and verdicts cost no string.
/// </summary>
/// <param name="Fraction">The rate as a fraction.</param>
public readonly record struct Percentage(double Fraction) : ISpanFormattable, IUtf8SpanFormattable
{
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

        if (!percent.TryFormat(destination, out var written, "#,##0.##", CultureInfo.InvariantCulture) || written == destination.Length)
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

        if (!percent.TryFormat(utf8Destination, out var written, "#,##0.##", CultureInfo.InvariantCulture) || written == utf8Destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        utf8Destination[written] = (byte)'%';
        bytesWritten = written + 1;
        return true;
    }
}
