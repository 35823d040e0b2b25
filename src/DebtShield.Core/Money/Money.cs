using System.Globalization;

namespace DebtShield.Core;

/// <summary>
/// An amount of Chinese yuan (CNY), held exactly as a <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every amount in this product is in yuan: loans, fees and payments in China are contracted in
/// renminbi, so a currency field would only add a way to be wrong. The amount is kept exactly as
/// given; arithmetic never rounds. Rounding to the fen happens only where a law or a document
/// rounds, and then only through <see cref="RoundToFen"/>, the one rounding policy of the product.
/// </para>
/// <para>
/// Rounding policy: half away from zero (四舍五入) to two decimal places, which is how Chinese
/// contracts, court judgments and bank statements state amounts.
/// </para>
/// </remarks>
public readonly record struct Money : IComparable<Money>, ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>Zero yuan.</summary>
    public static readonly Money Zero = new(0m);

    /// <summary>Creates an amount of <paramref name="yuan"/> yuan.</summary>
    public Money(decimal yuan) => Yuan = yuan;

    /// <summary>The amount in yuan, exactly as given or computed.</summary>
    public decimal Yuan { get; }

    /// <summary>True when the amount is above zero.</summary>
    public bool IsPositive => Yuan > 0m;

    /// <summary>True when the amount is below zero.</summary>
    public bool IsNegative => Yuan < 0m;

    /// <summary>Creates an amount of <paramref name="yuan"/> yuan.</summary>
    public static Money FromYuan(decimal yuan) => new(yuan);

    /// <summary>
    /// The amount rounded to the fen (0.01 yuan), half away from zero: the product's single
    /// rounding policy, used only where a law or a document states a rounded amount.
    /// </summary>
    public Money RoundToFen() => new(decimal.Round(Yuan, 2, MidpointRounding.AwayFromZero));

    /// <summary>The amount as a <see cref="double"/>, for rate solvers that work in floating point.</summary>
    public double ToDouble() => (double)Yuan;

    /// <inheritdoc />
    public int CompareTo(Money other) => Yuan.CompareTo(other.Yuan);

    /// <summary>Adds two amounts.</summary>
    public static Money operator +(Money left, Money right) => new(left.Yuan + right.Yuan);

    /// <summary>Subtracts one amount from another.</summary>
    public static Money operator -(Money left, Money right) => new(left.Yuan - right.Yuan);

    /// <summary>Negates an amount.</summary>
    public static Money operator -(Money value) => new(-value.Yuan);

    /// <summary>Scales an amount.</summary>
    public static Money operator *(Money left, decimal factor) => new(left.Yuan * factor);

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(Money left, Money right) => left.Yuan < right.Yuan;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(Money left, Money right) => left.Yuan > right.Yuan;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(Money left, Money right) => left.Yuan <= right.Yuan;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(Money left, Money right) => left.Yuan >= right.Yuan;

    /// <summary>Adds two amounts.</summary>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Subtracts one amount from another.</summary>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Negates an amount.</summary>
    public static Money Negate(Money value) => -value;

    /// <summary>Scales an amount.</summary>
    public static Money Multiply(Money left, decimal factor) => left * factor;

    /// <summary>The sum of a sequence of amounts.</summary>
    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0m;
        foreach (var amount in amounts)
        {
            total += amount.Yuan;
        }

        return new Money(total);
    }

    /// <summary>The amount with two decimals and the yuan sign, invariant culture: "¥1,034.50".</summary>
    public override string ToString() => "¥" + Yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The same as <see cref="ToString()"/>: an amount is written one way whatever the format or culture asked.</summary>
    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>
    /// Writes <see cref="ToString()"/> into <paramref name="destination"/> without a string, so
    /// that reports written by the million (batch mode) format amounts without allocating.
    /// </summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        charsWritten = 0;
        if (destination.IsEmpty || !Yuan.TryFormat(destination[1..], out var written, "#,##0.00", CultureInfo.InvariantCulture))
        {
            return false;
        }

        destination[0] = '¥';
        charsWritten = written + 1;
        return true;
    }

    /// <summary>The same as <see cref="TryFormat(Span{char}, out int, ReadOnlySpan{char}, IFormatProvider?)"/>, in UTF-8.</summary>
    /// <remarks>
    /// The amount is written from its whole fen, digit by digit; the number formatter reads its
    /// <c>#,##0.00</c> pattern again for every amount, and a legal report of a batch writes some
    /// forty of them a loan (issue 27). A finer amount is first rounded to the fen half away from
    /// zero, which is what the formatter does with a decimal's digits (it keeps all of them). Only
    /// an amount beyond any loan's size, and a negative one that rounds to nothing, go through the
    /// formatter.
    /// </remarks>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        bytesWritten = 0;
        var sign = "¥"u8;
        if (!sign.TryCopyTo(utf8Destination))
        {
            return false;
        }

        var written = 0;
        if (!(TryFormatWholeFen(utf8Destination[sign.Length..], ref written)
            ?? Yuan.TryFormat(utf8Destination[sign.Length..], out written, "#,##0.00", CultureInfo.InvariantCulture)))
        {
            return false;
        }

        bytesWritten = written + sign.Length;
        return true;
    }

    /// <summary>
    /// Writes the amount as <c>#,##0.00</c> does; <see langword="null"/> for an amount too large
    /// for the whole-fen path, or a negative one that is zero at the fen (negative zero included),
    /// which the formatter words its own way.
    /// </summary>
    private bool? TryFormatWholeFen(Span<byte> destination, ref int written)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(Yuan, bits);
        var negative = bits[3] < 0;
        if (((bits[3] >> 16) & 0xFF) > 2)
        {
            decimal.GetBits(decimal.Round(Yuan, 2, MidpointRounding.AwayFromZero), bits);
        }

        var scale = (bits[3] >> 16) & 0xFF;
        var whole = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        if (bits[2] != 0 || scale > 2 || whole > LargestUnscaled || (negative && whole == 0))
        {
            return null;
        }

        var fen = scale switch
        {
            2 => whole,
            1 => whole * 10,
            _ => whole * 100,
        };

        // The digits, last first, into a buffer as long as the longest amount this path takes.
        Span<byte> text = stackalloc byte[32];
        var at = text.Length;
        var cents = fen % 100;
        var yuan = fen / 100;
        text[--at] = (byte)('0' + (cents % 10));
        text[--at] = (byte)('0' + (cents / 10));
        text[--at] = (byte)'.';
        GroupedDigits.WriteBefore(yuan, text, ref at);
        if (negative)
        {
            text[--at] = (byte)'-';
        }

        if (!text[at..].TryCopyTo(destination))
        {
            return false;
        }

        written = text.Length - at;
        return true;
    }

    /// <summary>
    /// The largest unscaled value <see cref="TryFormatWholeFen"/> takes: times 100 it stays within a
    /// <see cref="ulong"/>, and as yuan it is far beyond any amount a loan may hold.
    /// </summary>
    private const ulong LargestUnscaled = 10_000_000_000_000_000;
}
