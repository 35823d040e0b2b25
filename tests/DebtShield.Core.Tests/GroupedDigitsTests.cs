using System.Globalization;
using System.Text;

namespace DebtShield.Core.Tests;

/// <summary>
/// The whole part of amounts and percentages is grouped as the invariant culture's <c>#,##0</c>
/// groups it, for every size a <see cref="ulong"/> holds.
/// </summary>
public sealed class GroupedDigitsTests
{
    public static TheoryData<ulong> EdgeValues() =>
        [0, 1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, 999_999, 1_000_000, 1_234_567_890, long.MaxValue, ulong.MaxValue - 1, ulong.MaxValue];

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void WriteBefore_EdgeValues_WritesWhatTheFormatterWrites(ulong whole) =>
        Assert.Equal(whole.ToString("#,##0", CultureInfo.InvariantCulture), Written(whole));

    [Fact]
    public void WriteBefore_RandomValuesOfEveryLength_WritesWhatTheFormatterWrites()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 100_000; i++)
        {
            var whole = (ulong)random.NextInt64() >> random.Next(64);
            Assert.Equal(whole.ToString("#,##0", CultureInfo.InvariantCulture), Written(whole));
        }
    }

    [Fact]
    public void WriteBefore_TextAfterTheEnd_IsLeftAsItWas()
    {
        Span<byte> text = stackalloc byte[GroupedDigits.MaxLength + 3];
        ".50"u8.CopyTo(text[^3..]);
        var at = text.Length - 3;

        GroupedDigits.WriteBefore(1_034, text, ref at);

        Assert.Equal("1,034.50", Encoding.ASCII.GetString(text[at..]));
    }

    private static string Written(ulong whole)
    {
        Span<byte> text = stackalloc byte[GroupedDigits.MaxLength];
        var at = text.Length;
        GroupedDigits.WriteBefore(whole, text, ref at);
        return Encoding.ASCII.GetString(text[at..]);
    }
}
