using System.Globalization;
using System.Text;
using System.Text.Json;
using DebtShield.Import.LoanFiles;

namespace DebtShield.Import.Tests.LoanFiles;

/// <summary>
/// The batch reader's own reading of an amount must give the very decimal the JSON reader gives,
/// its scale included (an amount is written back with the digits it was read with), or leave the
/// number to the JSON reader.
/// </summary>
public sealed class PlainDecimalTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("0.00")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("10000")]
    [InlineData("1000.50")]
    [InlineData("1000.00")]
    [InlineData("-0.01")]
    [InlineData("1234567.89")]
    [InlineData("9999999999999999999")]
    [InlineData("0.0000000000000000001")]
    [InlineData("-999999999999999999.9")]
    [InlineData("18446744073709551615")]
    [InlineData("99999999999999999999")]
    [InlineData("-0")]
    [InlineData("-0.00")]
    [InlineData("1e3")]
    [InlineData("1.5E-2")]
    [InlineData("0.1234567890123456789012345678")]
    public void TryParsePlainDecimal_JsonNumber_GivesTheJsonReadersDecimalOrDeclines(string text)
    {
        AssertReadAsTheJsonReaderReads(text);
    }

    [Fact]
    public void TryParsePlainDecimal_RandomAmounts_GiveTheJsonReadersDecimal()
    {
        // Given amounts of 1 to 19 digits with 0 to 6 decimals (trailing zeros among them), of either sign.
        var random = new Random(27);
        var declined = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var digits = random.Next(1, 20);
            var whole = new StringBuilder().Append((char)('1' + random.Next(9)));
            for (var d = 1; d < digits; d++)
            {
                whole.Append((char)('0' + random.Next(10)));
            }

            var decimals = Math.Min(random.Next(0, 7), digits - 1);
            var text = whole.ToString();
            if (decimals > 0)
            {
                text = text.Insert(text.Length - decimals, ".");
            }

            if (random.Next(3) == 0)
            {
                text = "-" + text;
            }

            declined += AssertReadAsTheJsonReaderReads(text) ? 0 : 1;
        }

        // Then every amount of this shape was read by the batch's own path.
        Assert.Equal(0, declined);
    }

    /// <summary>Asserts the two reads agree bit for bit; true when the batch's path read the number.</summary>
    private static bool AssertReadAsTheJsonReaderReads(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(utf8);
        Assert.True(reader.Read());
        var parsed = reader.TryGetDecimal(out var expected);

        if (!WellFormedLoanFile.TryParsePlainDecimal(utf8, out var value))
        {
            return false;
        }

        Assert.True(parsed, text);
        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(value));
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
