using System.Buffers;
using System.Text;
using System.Text.Json;
using DebtShield.App.RateLoans;

namespace DebtShield.App.Tests.RateLoans;

/// <summary>
/// A rate is written as <see cref="Utf8JsonWriter"/> writes a double, byte for byte: the shortest
/// digits that read back as the same double; an amount as it writes a decimal, every place of its
/// scale kept. <see cref="JsonNumberText"/> finds the digits itself, so it is held to the writer's
/// own text over millions of numbers: rates as a batch meets them, every exponent's raw bits,
/// exact decimals, powers of ten, amounts of every scale and the layouts' edges.
/// </summary>
public sealed class JsonNumberTextTests
{
    public static TheoryData<double> EdgeValues => new()
    {
        1, -1, 12, 0.5, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 0.2399, 0.36, 0.0009 * 365, 0.29200000000000004,
        0.0001, 0.00010000000000000002, 0.001, 0.01, 100, 1e14, 99_999_999_999_999.98,
        1e15 - 0.125, 1e15, 1e15 + 0.125, 123_456_789_012_345.67, 9_007_199_254_740_992, 4.35,
        double.Epsilon, double.MaxValue, double.MinValue, 1e-5, 9.999999999999999e-5, 2.2250738585072014E-308,
        0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.6561766287352984,
    };

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void TryWrite_EdgeValue_WritesTheWritersTextOrLeavesItToTheWriter(double value)
    {
        AssertWrittenAsTheWriterWrites(value);
    }

    [Fact]
    public void TryWrite_RatesAsABatchMeetsThem_WritesTheWritersText()
    {
        // Given the figures of a rate report: fractions from a ten-thousandth to a few hundred,
        // made as the solvers make them (products and quotients, not short decimals).
        var random = new Random(19);
        var written = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            var rate = random.NextDouble() * Math.Pow(10, random.Next(-4, 3)) * (random.Next(5) == 0 ? -1 : 1);
            var value = (i % 3) switch
            {
                0 => rate,
                1 => rate * 12,
                _ => Math.Pow(1 + rate, 12) - 1,
            };

            written += AssertWrittenAsTheWriterWrites(value) ? 1 : 0;
        }

        // Then all but the draws below 0.0001 (about a seventh of the plain rates, which the writer
        // writes with an exponent) were written here, not left to the writer.
        Assert.True(written > 850_000, $"{written} written");
    }

    [Fact]
    public void TryWrite_RandomBitsOfEveryExponent_WritesTheWritersText()
    {
        // Given every double's exponent, with random mantissas: the scaling tables' every entry.
        var random = new Random(20);
        Span<byte> bytes = stackalloc byte[8];
        for (var exponent = 0; exponent < 0x7FF; exponent++)
        {
            for (var i = 0; i < 400; i++)
            {
                random.NextBytes(bytes);
                var mantissa = BitConverter.ToUInt64(bytes) & ((1UL << 52) - 1);
                var sign = (ulong)random.Next(2) << 63;
                AssertWrittenAsTheWriterWrites(BitConverter.UInt64BitsToDouble(sign | ((ulong)exponent << 52) | mantissa));
            }
        }
    }

    [Fact]
    public void TryWrite_ShortDecimalsAndTheirNeighbours_WritesTheWritersText()
    {
        // Given numbers a decimal writes in few digits, where the shortest form and the ties are
        // decided (an exact decimal, its neighbouring doubles), across the plain layout's range.
        var random = new Random(21);
        for (var i = 0; i < 300_000; i++)
        {
            var digits = random.NextInt64(1, 1_000_000_000_000L) / (long)Math.Pow(10, random.Next(0, 12));
            var value = digits * Math.Pow(10, random.Next(-20, 18));
            AssertWrittenAsTheWriterWrites(value);
            AssertWrittenAsTheWriterWrites(Math.BitIncrement(value));
            AssertWrittenAsTheWriterWrites(Math.BitDecrement(value));
        }

        for (var power = -330; power <= 310; power++)
        {
            var value = Math.Pow(10, power);
            AssertWrittenAsTheWriterWrites(value);
            AssertWrittenAsTheWriterWrites(Math.BitIncrement(value));
            AssertWrittenAsTheWriterWrites(Math.BitDecrement(value));
        }

        for (long integer = 1; integer < 1L << 53; integer = (integer * 3) + 1)
        {
            AssertWrittenAsTheWriterWrites((double)integer);
            AssertWrittenAsTheWriterWrites(integer / 1e4);
        }
    }

    public static TheoryData<string> EdgeAmounts => new()
    {
        "0", "0.00", "-0", "-0.00", "1", "-1", "0.05", "-0.05", "1000.50", "49300", "54230.04", "12496.04", "0.0000000000000000000000000001",
        "18446744073709551615", "18446744073709551616", "-18446744073709551615", "1844674407370955161.5", "79228162514264337593543950335",
        "-79228162514264337593543950335", "7.9228162514264337593543950335", "100", "100.000", "0.10", "123456789.123456789",
    };

    [Theory]
    [MemberData(nameof(EdgeAmounts))]
    public void TryWrite_EdgeAmount_WritesTheWritersTextOrLeavesItToTheWriter(string amount)
    {
        AssertWrittenAsTheWriterWrites(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryWrite_RandomAmountsOfEveryScale_WritesTheWritersText()
    {
        // Given amounts of every scale and size up to 96 bits, of either sign, and the sums and
        // differences a report makes of them.
        var random = new Random(22);
        var written = 0;
        for (var i = 0; i < 300_000; i++)
        {
            var amount = new decimal(random.Next(), random.Next(4) == 0 ? random.Next() : 0, random.Next(8) == 0 ? random.Next() : 0, random.Next(3) == 0, (byte)random.Next(0, 29));
            written += AssertWrittenAsTheWriterWrites(amount) ? 1 : 0;
            var yuan = (decimal)random.NextInt64(0, 1_000_000_000L) / 100;
            written += AssertWrittenAsTheWriterWrites(yuan - amount) ? 1 : 0;
            written += AssertWrittenAsTheWriterWrites(yuan * 12) ? 1 : 0;
        }

        Assert.True(written > 600_000, $"{written} written");
    }

    private static bool AssertWrittenAsTheWriterWrites(decimal value)
    {
        Span<byte> text = stackalloc byte[JsonNumberText.MaxLength];
        if (!JsonNumberText.TryWrite(value, text, out var length))
        {
            Assert.Equal(0, length);
            return false;
        }

        var expected = new ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(expected))
        {
            json.WriteNumberValue(value);
        }

        if (!text[..length].SequenceEqual(expected.WrittenSpan))
        {
            Assert.Fail($"{value}: wrote {Encoding.UTF8.GetString(text[..length])}, the writer {Encoding.UTF8.GetString(expected.WrittenSpan)}");
        }

        return true;
    }

    /// <summary>Asserts that the text written, if any, is the writer's; returns whether it was written here.</summary>
    private static bool AssertWrittenAsTheWriterWrites(double value)
    {
        Span<byte> text = stackalloc byte[JsonNumberText.MaxLength];
        if (!JsonNumberText.TryWrite(value, text, out var length))
        {
            Assert.Equal(0, length);
            return false;
        }

        var expected = new ArrayBufferWriter<byte>(32);
        using (var json = new Utf8JsonWriter(expected))
        {
            json.WriteNumberValue(value);
        }

        if (!text[..length].SequenceEqual(expected.WrittenSpan))
        {
            Assert.Fail($"{value:R} ({BitConverter.DoubleToUInt64Bits(value):X16}): wrote {Encoding.UTF8.GetString(text[..length])}, the writer {Encoding.UTF8.GetString(expected.WrittenSpan)}");
        }

        return true;
    }
}
