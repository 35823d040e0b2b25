using System.Globalization;
using System.Text;
using DebtShield.App.RateLoans;

namespace DebtShield.App.Tests.RateLoans;

/// <summary>
/// A percentage is written as the number formatter writes <c>#,##0.##</c> in the invariant
/// culture, followed by "%", whichever culture the thread runs in: its own digit-by-digit path
/// must give the formatter's bytes, including where the formatter's 15 significant digits and
/// its rounding half up meet.
/// </summary>
public sealed class PercentageFormatTests
{
    public static TheoryData<string> Cultures => ["zh-CN", "en-US"];

    public static TheoryData<double> Fractions => new()
    {
        0, -0.0, 1, -1, 0.5, 0.463, 0.2399, 0.24, 0.36, 0.3650, 0.0001, 0.00005, 0.000049999, 0.00015, 0.00025,
        -0.00005, -0.00004, -0.000001, -0.2399, 1e-300, double.Epsilon, -double.Epsilon, 0.123456789,
        12.345, 1234.5, 12_345.675, 9_999_999.99995, 9_999_999.999, 10_000_000, 10_000_001, 1e12, -1e12, 1e300,
        0.015, 0.025, 0.035, 0.045, 0.0045, 1.005, 2.675, 1.115, 0.29345, 0.07125,
    };

    [Theory]
    [MemberData(nameof(Fractions))]
    public void TryFormat_EdgeValue_WritesTheFormattersText(double fraction)
    {
        AssertWrittenAsTheFormatterWrites(fraction);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryFormat_RandomRatesOfEverySizeInEitherCulture_WritesTheFormattersText(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            // Given rates from a millionth of a percent to ten million percent, of either sign.
            var random = new Random(27);
            for (var i = 0; i < 100_000; i++)
            {
                var magnitude = Math.Pow(10, random.Next(-8, 8));
                var fraction = random.NextDouble() * magnitude * (random.Next(4) == 0 ? -1 : 1);

                AssertWrittenAsTheFormatterWrites(fraction);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryFormat_RatesOnAndBesideAHalfHundredth_WritesTheFormattersText(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            // Given rates whose percentage is a half hundredth (12.345%), as near as a double
            // comes, and the doubles a few steps either side: where rounding half up decides.
            var random = new Random(1026);
            for (var i = 0; i < 20_000; i++)
            {
                var halves = (random.NextInt64(0, 2_000_000_000) * 2) + 1;
                var percent = halves / 200.0 / Math.Pow(10, random.Next(0, 4));
                var fraction = percent / 100;
                for (var step = 0; step < 3; step++)
                {
                    AssertWrittenAsTheFormatterWrites(fraction);
                    AssertWrittenAsTheFormatterWrites(-fraction);
                    AssertWrittenAsTheFormatterWrites(Math.BitIncrement(percent) / 100);
                    AssertWrittenAsTheFormatterWrites(Math.BitDecrement(percent) / 100);
                    fraction = Math.BitIncrement(fraction);
                    percent = Math.BitIncrement(Math.BitIncrement(percent));
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void TryFormat_DestinationTooShort_ReturnsFalse()
    {
        var rate = new Percentage(12_345.678);
        Span<byte> bytes = stackalloc byte[9];
        Span<char> chars = stackalloc char[9];

        Assert.False(rate.TryFormat(bytes, out var bytesWritten, default, CultureInfo.InvariantCulture));
        Assert.False(rate.TryFormat(chars, out var charsWritten, default, CultureInfo.InvariantCulture));
        Assert.Equal(0, bytesWritten);
        Assert.Equal(0, charsWritten);
    }

    [Fact]
    public void ToString_NotFinite_WritesInfinity()
    {
        Assert.Equal("∞%", new Percentage(double.PositiveInfinity).ToString());
        Assert.Equal("∞%", new Percentage(double.MaxValue).ToString());
    }

    private static void AssertWrittenAsTheFormatterWrites(double fraction)
    {
        var percent = fraction * 100;
        if (!double.IsFinite(percent))
        {
            return;
        }

        var expected = percent.ToString("#,##0.##", CultureInfo.InvariantCulture) + "%";
        var rate = new Percentage(fraction);

        // Room for the widest text a finite percentage makes: 309 digits and their group separators.
        Span<byte> bytes = stackalloc byte[512];
        Assert.True(rate.TryFormat(bytes, out var bytesWritten, default, CultureInfo.InvariantCulture));
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes[..bytesWritten]));

        Span<char> chars = stackalloc char[512];
        Assert.True(rate.TryFormat(chars, out var charsWritten, default, CultureInfo.InvariantCulture));
        Assert.Equal(expected, chars[..charsWritten].ToString());
    }
}
