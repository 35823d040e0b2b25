using System.Numerics;
using System.Text.Json;

namespace DebtShield.App.RateLoans;

/// <summary>
/// Figures written as <see cref="System.Text.Json.Utf8JsonWriter"/> writes them, byte for byte,
/// without the runtime's general number formatter: a <see cref="double"/> in its shortest
/// round-trip form, a <see cref="decimal"/> with every digit of its scale. A rate report
/// publishes its figures in those forms, and a batch writes nine rates and six amounts a loan:
/// the runtime's formatting (Grisu with Dragon4 behind it, its number buffer, its general
/// layout) was about a tenth of a batch loan's CPU.
/// </summary>
/// <remarks>
/// <para>
/// A double's digits are found as Ryū finds them (Ulf Adams, "Ryū: fast float-to-string
/// conversion", PLDI 2018): the double's interval of values that round to it, scaled by a power
/// of ten with 128-bit fixed-point powers of five, then digits removed while the interval still
/// holds a shorter number, the one nearest the double kept (ties to even). That is the number the
/// runtime prints. The powers of five are computed once from exact integers.
/// </para>
/// <para>
/// Only the layout the runtime writes without an exponent is written here: a nonzero, finite
/// double from 0.0001 up to 10^15, and a decimal below 2^64 in units of its scale. Everything else
/// (zero and negative zero, the tiny, the huge) is refused and goes to the runtime's own writer,
/// so no figure depends on this code alone. A test holds the two equal over millions of numbers,
/// and the batch's golden files over the published vectors.
/// </para>
/// </remarks>
internal static class JsonNumberText
{
    /// <summary>The longest text written: a sign, "0." and a decimal's 28 places.</summary>
    public const int MaxLength = 32;

    private const int MantissaBits = 52;
    private const int ExponentBias = 1023;
    private const int PowerBits = 125;

    /// <summary>5^i, its top <see cref="PowerBits"/> bits, for a double below 1 scaled up.</summary>
    private static readonly UInt128[] Powers = MakePowers(326);

    /// <summary>2^k ÷ 5^i rounded up, <see cref="PowerBits"/> bits, for a double scaled down.</summary>
    private static readonly UInt128[] Inverses = MakeInverses(342);

    /// <summary>
    /// Writes the property <paramref name="name"/> with <paramref name="value"/>, byte for byte as
    /// <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/> does: the digits found
    /// here where <see cref="TryWrite(double, Span{byte}, out int)"/> can, the runtime's formatter
    /// otherwise.
    /// </summary>
    public static void Write(Utf8JsonWriter json, JsonEncodedText name, double value)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        if (TryWrite(value, text, out var length))
        {
            json.WritePropertyName(name);
            json.WriteRawValue(text[..length], skipInputValidation: true);
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }

    /// <summary>
    /// Writes the property <paramref name="name"/> with <paramref name="value"/>, byte for byte as
    /// <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, decimal)"/> does (its scale kept),
    /// the digits written here where <see cref="TryWrite(decimal, Span{byte}, out int)"/> can.
    /// </summary>
    public static void Write(Utf8JsonWriter json, JsonEncodedText name, decimal value)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        if (TryWrite(value, text, out var length))
        {
            json.WritePropertyName(name);
            json.WriteRawValue(text[..length], skipInputValidation: true);
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/> to <paramref name="destination"/> (at least
    /// <see cref="MaxLength"/> bytes) as the JSON writer would; false, with nothing written, for
    /// a value the runtime writes with an exponent, zero and anything not finite.
    /// </summary>
    public static bool TryWrite(double value, Span<byte> destination, out int written)
    {
        written = 0;
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var mantissa = bits & ((1UL << MantissaBits) - 1);
        var exponent = (int)((bits >> MantissaBits) & 0x7FF);
        if (exponent == 0x7FF || (exponent == 0 && mantissa == 0) || destination.Length < MaxLength)
        {
            return false;
        }

        var (digits, power) = ShortestDigits(mantissa, exponent);
        var count = DigitCount(digits);

        // The runtime's layout for its shortest form: plain from 0.000d… (point 3 places before the
        // first digit) to 15 digits before the point; beyond, an exponent.
        var point = power + count;
        if (point is < -3 or > 15)
        {
            return false;
        }

        var at = 0;
        if ((bits >> 63) != 0)
        {
            destination[at++] = (byte)'-';
        }

        if (point <= 0)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            for (var i = point; i < 0; i++)
            {
                destination[at++] = (byte)'0';
            }

            WriteDigits(digits, destination.Slice(at, count));
            at += count;
        }
        else if (point >= count)
        {
            WriteDigits(digits, destination.Slice(at, count));
            at += count;
            for (var i = count; i < point; i++)
            {
                destination[at++] = (byte)'0';
            }
        }
        else
        {
            // Digits before and after the point: write them all one place on, then move the
            // leading ones back over the gap.
            WriteDigits(digits, destination.Slice(at + 1, count));
            destination.Slice(at + 1, point).CopyTo(destination.Slice(at, point));
            destination[at + point] = (byte)'.';
            at += count + 1;
        }

        written = at;
        return true;
    }

    /// <summary>
    /// Writes <paramref name="value"/> to <paramref name="destination"/> (at least
    /// <see cref="MaxLength"/> bytes) as the JSON writer would, its scale kept (1000.50 stays
    /// two places); false, with nothing written, from 2^64 units of its scale up and for a
    /// negative zero.
    /// </summary>
    public static bool TryWrite(decimal value, Span<byte> destination, out int written)
    {
        written = 0;
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(value, parts);
        if (parts[2] != 0 || destination.Length < MaxLength)
        {
            return false;
        }

        var units = unchecked(((ulong)(uint)parts[1] << 32) | (uint)parts[0]);
        var scale = (parts[3] >> 16) & 0xFF;
        var negative = parts[3] < 0;
        if (negative && units == 0)
        {
            return false;
        }

        var count = DigitCount(units);
        var at = 0;
        if (negative)
        {
            destination[at++] = (byte)'-';
        }

        if (scale == 0)
        {
            WriteDigits(units, destination.Slice(at, count));
            at += count;
        }
        else if (count > scale)
        {
            var whole = count - scale;
            WriteDigits(units, destination.Slice(at + 1, count));
            destination.Slice(at + 1, whole).CopyTo(destination.Slice(at, whole));
            destination[at + whole] = (byte)'.';
            at += count + 1;
        }
        else
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            for (var i = count; i < scale; i++)
            {
                destination[at++] = (byte)'0';
            }

            WriteDigits(units, destination.Slice(at, count));
            at += count;
        }

        written = at;
        return true;
    }

    /// <summary>
    /// The shortest decimal digits (as an integer) and power of ten that read back as the finite,
    /// nonzero double of <paramref name="ieeeMantissa"/> and <paramref name="ieeeExponent"/>;
    /// of several, the nearest, ties to even.
    /// </summary>
    private static (ulong Digits, int Power) ShortestDigits(ulong ieeeMantissa, int ieeeExponent)
    {
        unchecked
        {
            // The value is m2 × 2^e2, two extra bits kept so the interval's ends are whole numbers.
            int e2;
            ulong m2;
            if (ieeeExponent == 0)
            {
                e2 = 1 - ExponentBias - MantissaBits - 2;
                m2 = ieeeMantissa;
            }
            else
            {
                e2 = ieeeExponent - ExponentBias - MantissaBits - 2;
                m2 = (1UL << MantissaBits) | ieeeMantissa;
            }

            // An even mantissa reads back from its interval's ends too (round half to even).
            var acceptBounds = (m2 & 1) == 0;
            var mv = 4 * m2;

            // The interval below is half as wide at a power of two (the spacing halves there).
            var lowerGap = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1UL : 0UL;

            ulong vr, vp, vm;
            int e10;
            bool vmTrailingZeros = false, vrTrailingZeros = false;
            if (e2 >= 0)
            {
                var q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
                e10 = q;
                var shift = -e2 + q + PowerBits + Pow5Bits(q) - 1;
                var factor = Inverses[q];
                vr = MulShift(mv, factor, shift);
                vp = MulShift(mv + 2, factor, shift);
                vm = MulShift(mv - 1 - lowerGap, factor, shift);
                if (q <= 21)
                {
                    // Exact when divisible by 5^q: which of the three decides the ties.
                    if (mv % 5 == 0)
                    {
                        vrTrailingZeros = IsMultipleOfPowerOf5(mv, q);
                    }
                    else if (acceptBounds)
                    {
                        vmTrailingZeros = IsMultipleOfPowerOf5(mv - 1 - lowerGap, q);
                    }
                    else if (IsMultipleOfPowerOf5(mv + 2, q))
                    {
                        vp--;
                    }
                }
            }
            else
            {
                var q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
                e10 = q + e2;
                var i = -e2 - q;
                var shift = q - (Pow5Bits(i) - PowerBits);
                var factor = Powers[i];
                vr = MulShift(mv, factor, shift);
                vp = MulShift(mv + 2, factor, shift);
                vm = MulShift(mv - 1 - lowerGap, factor, shift);
                if (q <= 1)
                {
                    vrTrailingZeros = true;
                    if (acceptBounds)
                    {
                        vmTrailingZeros = lowerGap == 1;
                    }
                    else
                    {
                        vp--;
                    }
                }
                else if (q < 63)
                {
                    vrTrailingZeros = (mv & ((1UL << q) - 1)) == 0;
                }
            }

            // Remove digits while the interval still holds a shorter number.
            var removed = 0;
            ulong digits;
            if (vmTrailingZeros || vrTrailingZeros)
            {
                // Rare (an exact decimal within reach): the removed digits decide ties.
                var lastRemoved = 0UL;
                while (vp / 10 > vm / 10)
                {
                    vmTrailingZeros &= vm % 10 == 0;
                    vrTrailingZeros &= lastRemoved == 0;
                    lastRemoved = vr % 10;
                    vr /= 10;
                    vp /= 10;
                    vm /= 10;
                    removed++;
                }

                if (vmTrailingZeros)
                {
                    while (vm % 10 == 0)
                    {
                        vrTrailingZeros &= lastRemoved == 0;
                        lastRemoved = vr % 10;
                        vr /= 10;
                        vp /= 10;
                        vm /= 10;
                        removed++;
                    }
                }

                if (vrTrailingZeros && lastRemoved == 5 && vr % 2 == 0)
                {
                    lastRemoved = 4;
                }

                digits = vr + ((vr == vm && (!acceptBounds || !vmTrailingZeros)) || lastRemoved >= 5 ? 1UL : 0UL);
            }
            else
            {
                // Two digits at once first, when the interval allows it (most doubles: the
                // rates of a report have 16 or 17 digits, a short figure such as 0.3285 many fewer).
                var roundUp = false;
                if (vp / 100 > vm / 100)
                {
                    roundUp = vr % 100 >= 50;
                    vr /= 100;
                    vp /= 100;
                    vm /= 100;
                    removed += 2;
                }

                while (vp / 10 > vm / 10)
                {
                    roundUp = vr % 10 >= 5;
                    vr /= 10;
                    vp /= 10;
                    vm /= 10;
                    removed++;
                }

                digits = vr + (vr == vm || roundUp ? 1UL : 0UL);
            }

            return (digits, e10 + removed);
        }
    }

    /// <summary>The bits above <paramref name="shift"/> of <paramref name="m"/> × <paramref name="factor"/> (64 ≤ shift &lt; 128).</summary>
    private static ulong MulShift(ulong m, UInt128 factor, int shift)
    {
        unchecked
        {
            var high = Math.BigMul(m, (ulong)(factor >> 64), out var low);
            var carry = Math.BigMul(m, (ulong)factor, out _);
            var sum = new UInt128(high, low) + carry;
            return (ulong)(sum >> (shift - 64));
        }
    }

    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    /// <summary>The bit length of 5^e (1 for e = 0).</summary>
    private static int Pow5Bits(int e) => (int)(((uint)e * 1217359) >> 19) + 1;

    private static bool IsMultipleOfPowerOf5(ulong value, int power)
    {
        var count = 0;
        while (value % 5 == 0 && count < power)
        {
            value /= 5;
            count++;
        }

        return count >= power;
    }

    /// <summary>The decimal digits of <paramref name="value"/> (1 for zero), from its bit length.</summary>
    private static int DigitCount(ulong value)
    {
        // ⌊bits × log10(2)⌋ is the digit count less one, or one less than that again.
        var guess = ((64 - BitOperations.LeadingZeroCount(value | 1)) * 1233) >> 12;
        return guess + (value >= PowersOfTen[guess] ? 1 : 0) + (value == 0 ? 1 : 0);
    }

    /// <summary>10^0 to 10^19: every power of ten a <see cref="ulong"/> holds.</summary>
    private static ReadOnlySpan<ulong> PowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
        10_000_000_000_000_000_000,
    ];

    /// <summary>Writes the last <c>destination.Length</c> digits of <paramref name="value"/>, two at a time.</summary>
    private static void WriteDigits(ulong value, Span<byte> destination)
    {
        var i = destination.Length;
        while (i >= 2)
        {
            var rest = value / 100;
            var pair = (int)(value - (rest * 100)) * 2;
            destination[--i] = DigitPairs[pair + 1];
            destination[--i] = DigitPairs[pair];
            value = rest;
        }

        if (i == 1)
        {
            destination[0] = (byte)('0' + (int)(value % 10));
        }
    }

    /// <summary>"00" to "99", in order: a pair's text at twice its value.</summary>
    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    private static UInt128[] MakePowers(int count)
    {
        var table = new UInt128[count];
        var power = BigInteger.One;
        for (var i = 0; i < count; i++, power *= 5)
        {
            var shift = (int)power.GetBitLength() - PowerBits;
            table[i] = (UInt128)(shift >= 0 ? power >> shift : power << -shift);
        }

        return table;
    }

    private static UInt128[] MakeInverses(int count)
    {
        var table = new UInt128[count];
        var power = BigInteger.One;
        for (var i = 0; i < count; i++, power *= 5)
        {
            var shift = (int)power.GetBitLength() - 1 + PowerBits;
            table[i] = (UInt128)((BigInteger.One << shift) / power + 1);
        }

        return table;
    }
}
