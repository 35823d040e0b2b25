using System.Globalization;
using System.Text;

namespace DebtShield.Core.Tests;

/// <summary>
/// An amount is written one way, "¥" and <c>#,##0.00</c> in the invariant culture, whichever door
/// it leaves by: the UTF-8 writer's own path for amounts held to the fen must write the bytes the
/// number formatter writes.
/// </summary>
public sealed class MoneyFormatTests
{
    public static TheoryData<decimal> Amounts => new()
    {
        0m, 0.00m, 0.5m, 0.05m, 1m, 9.99m, 10m, 999.99m, 1_000m, 1_000.00m, 12_345.6m, 999_999.99m, 1_000_000m,
        1_506.39m, 49_300m, 1_234_567_890.12m, 1_000_000_000_000m, -0.01m, -1m, -1_234.5m, -1_000_000.00m,
        0.001m, 0.005m, 0.015m, -0.005m, 1_234.5678m, 12.3456789012345m,
        100_000_000_000_000_000.01m, 79_228_162_514_264_337_593_543_950_335m, -79_228_162_514_264_337_593_543_950_335m,
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void TryFormatUtf8_AnyAmount_WritesTheFormattersBytes(decimal yuan)
    {
        var expected = "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

        Span<byte> buffer = stackalloc byte[64];
        Assert.True(new Money(yuan).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture));

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer[..written]));
        Assert.Equal(expected, new Money(yuan).ToString());
    }

    [Fact]
    public void TryFormatUtf8_RandomAmountsToTheFenAndFiner_WritesTheFormattersBytes()
    {
        var random = new Random(27);
        Span<byte> buffer = stackalloc byte[64];
        for (var i = 0; i < 20_000; i++)
        {
            var yuan = new decimal(random.Next(), random.Next(0, 1 << 20), 0, random.Next(2) == 0, (byte)random.Next(0, 5));
            var expected = "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

            Assert.True(new Money(yuan).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture));

            Assert.Equal(expected, Encoding.UTF8.GetString(buffer[..written]));
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void TryFormatUtf8_FinerThanTheFenAndOnItsHalvesInEitherCulture_WritesTheFormattersBytes(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            // Given amounts with up to 28 decimals, and amounts exactly half a fen from a whole fen,
            // of either sign, some small enough to round to nothing.
            var random = new Random(1026);
            Span<byte> buffer = stackalloc byte[64];
            for (var i = 0; i < 20_000; i++)
            {
                var negative = random.Next(2) == 0;
                var finer = new decimal(random.Next(), random.Next(), random.Next(0, 1 << 8), negative, (byte)random.Next(3, 29));
                var halfFen = new decimal((random.Next(0, 1 << 27) * 10) + 5, 0, 0, negative, 3);
                var tiny = new decimal(random.Next(0, 10), 0, 0, negative, (byte)random.Next(3, 6));
                foreach (var yuan in (ReadOnlySpan<decimal>)[finer, halfFen, tiny])
                {
                    var expected = "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

                    Assert.True(new Money(yuan).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture));

                    Assert.Equal(expected, Encoding.UTF8.GetString(buffer[..written]));
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void TryFormatUtf8_NegativeZero_WritesTheFormattersBytes()
    {
        Span<byte> buffer = stackalloc byte[64];
        foreach (var yuan in (ReadOnlySpan<decimal>)[decimal.Negate(0m), decimal.Negate(0.00m), decimal.Negate(0.0m)])
        {
            var expected = "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

            Assert.True(new Money(yuan).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture));

            Assert.Equal(expected, Encoding.UTF8.GetString(buffer[..written]));
        }
    }

    [Fact]
    public void TryFormatUtf8_DestinationTooShort_ReturnsFalse()
    {
        Span<byte> buffer = stackalloc byte[8];

        Assert.False(new Money(1_234_567.89m).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture));
        Assert.Equal(0, written);
    }
}
