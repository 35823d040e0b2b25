using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.ChineseForms;

public sealed class ChineseCapitalsTests
{
    [Theory]
    [InlineData("12300", "人民币壹万贰仟叁佰元整")]
    [InlineData("0", "人民币零元整")]
    [InlineData("10", "人民币壹拾元整")]
    [InlineData("15", "人民币壹拾伍元整")]
    [InlineData("100.05", "人民币壹佰元零伍分")]
    [InlineData("1005.30", "人民币壹仟零伍元叁角")]
    [InlineData("0.5", "人民币伍角")]
    [InlineData("0.07", "人民币柒分")]
    [InlineData("10005", "人民币壹万零伍元整")]
    [InlineData("1010000", "人民币壹佰零壹万元整")]
    [InlineData("1000100", "人民币壹佰万零壹佰元整")]
    [InlineData("100000001", "人民币壹亿零壹元整")]
    [InlineData("1234500000000", "人民币壹万贰仟叁佰肆拾伍亿元整")]
    [InlineData("1000000000000", "人民币壹万亿元整")]
    [InlineData("35280.46", "人民币叁万伍仟贰佰捌拾元肆角陆分")]
    [InlineData("-20", "人民币负贰拾元整")]
    [InlineData("99.995", "人民币壹佰元整")]
    public void Of_WorkedAmount_WritesTheCapitals(string yuan, string expected)
    {
        var amount = new DebtShield.Core.Money(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, ChineseCapitals.Of(amount));
    }

    [Fact]
    public void Of_AmountBeyondTenQuadrillion_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseCapitals.Of(new DebtShield.Core.Money(10_000_000_000_000_000m)));

    [Property(MaxTest = 2000)]
    public Property Of_AnyAmount_ReadsBackToTheSameFen() => Prop.ForAll(
        Gen.Choose(0, int.MaxValue).Two().Select(p => ((long)p.Item1 * 1_000_000L) + (p.Item2 % 1_000_000)).ToArbitrary(),
        fen =>
        {
            var amount = new DebtShield.Core.Money(fen / 100m);
            var text = ChineseCapitals.Of(amount);
            return Read(text) == fen
                && !text.Contains("零零", StringComparison.Ordinal)
                && !text.EndsWith('零')
                && !text.Contains("零元", StringComparison.Ordinal)
                && !text.Contains("零万", StringComparison.Ordinal)
                && !text.Contains("零亿", StringComparison.Ordinal);
        });

    [Property(MaxTest = 300)]
    public Property Of_SmallAmounts_ReadBackExactly() => Prop.ForAll(
        Gen.Choose(0, 100_000_00).ToArbitrary(),
        fen => Read(ChineseCapitals.Of(new DebtShield.Core.Money(fen / 100m))) == fen);

    /// <summary>An independent reader of capitals, in fen: the oracle the writer is checked against.</summary>
    private static long Read(string text)
    {
        Assert.StartsWith("人民币", text, StringComparison.Ordinal);
        text = text["人民币".Length..].TrimEnd('整');
        long result = 0, current = 0, number = 0, fen = 0;
        foreach (var c in text)
        {
            var digit = "零壹贰叁肆伍陆柒捌玖".IndexOf(c, StringComparison.Ordinal);
            switch (c)
            {
                case var _ when digit >= 0: number = digit; break;
                case '拾': current += number * 10; number = 0; break;
                case '佰': current += number * 100; number = 0; break;
                case '仟': current += number * 1000; number = 0; break;
                case '万': current = (current + number) * 10_000; number = 0; break;
                case '亿': result = (result + current + number) * 100_000_000; current = 0; number = 0; break;
                case '元': result += current + number; current = 0; number = 0; break;
                case '角': fen += number * 10; number = 0; break;
                case '分': fen += number; number = 0; break;
                default: throw new InvalidOperationException("Unexpected " + c);
            }
        }

        return ((result + current) * 100) + fen;
    }
}
