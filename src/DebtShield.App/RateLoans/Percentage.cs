using System.Globalization;

namespace DebtShield.App.RateLoans;

/// <summary>
/// A rate written for a reader: a percentage with at most two decimals, 0.463 → "46.3%", and
/// "∞%" for a rate too large to write. Formats into a span, so the batch's worded notes and
/// verdicts cost no string.
/// </summary>
/// <param name="Fraction">The rate as a fraction.</param>
public readonly record struct Percentage(double Fraction) : ISpanFormattable
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
}
