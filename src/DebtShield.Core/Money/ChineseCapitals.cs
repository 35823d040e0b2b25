using System.Globalization;
using System.Text;

namespace DebtShield.Core;

/// <summary>
/// An amount written in Chinese capital numerals (大写金额), as legal documents, receipts and
/// cheques write it beside the figures so that neither can be altered alone:
/// 12,300.00 → 人民币壹万贰仟叁佰元整, 1,005.30 → 人民币壹仟零伍元叁角, 100.05 → 人民币壹佰元零伍分.
/// </summary>
/// <remarks>
/// The amount is first rounded to the fen by <see cref="Money.RoundToFen"/>. Conventions
/// followed: 整 after 元 when there is no 角 or 分; a run of zeros inside the yuan is one 零,
/// and zeros at the end of a group of four are not written; 零 between 元 and 分 when 角 is zero;
/// 拾 is always written with its digit (壹拾). Amounts of 10¹⁶ yuan or more are refused.
/// </remarks>
public static class ChineseCapitals
{
    /// <summary>The prefix every amount carries.</summary>
    public const string Currency = "人民币";

    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] PlaceUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] GroupUnits = ["", "万", "亿", "万"];

    /// <summary>The largest amount that can be written: 9,999,999,999,999,999.99 yuan.</summary>
    public static decimal MaxYuan { get; } = 9_999_999_999_999_999.99m;

    /// <summary>The amount in capitals, with the 人民币 prefix (负 before a negative amount).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is 10¹⁶ yuan or more.</exception>
    public static string Of(Money amount)
    {
        var yuan = amount.RoundToFen().Yuan;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(yuan), MaxYuan, nameof(amount));
        var text = new StringBuilder(Currency);
        if (yuan < 0m)
        {
            text.Append('负');
            yuan = -yuan;
        }

        var whole = decimal.Truncate(yuan);
        var cents = (int)((yuan - whole) * 100m);
        var jiao = cents / 10;
        var fen = cents % 10;
        if (whole > 0m || cents == 0)
        {
            AppendWhole(text, whole);
            text.Append('元');
        }

        if (cents == 0)
        {
            return text.Append('整').ToString();
        }

        if (jiao > 0)
        {
            text.Append(Digits[jiao]).Append('角');
        }
        else if (whole > 0m)
        {
            text.Append('零');
        }

        if (fen > 0)
        {
            text.Append(Digits[fen]).Append('分');
        }

        return text.ToString();
    }

    private static void AppendWhole(StringBuilder text, decimal whole)
    {
        if (whole == 0m)
        {
            text.Append(Digits[0]);
            return;
        }

        var digits = whole.ToString("0", CultureInfo.InvariantCulture);
        var pendingZero = false;
        var written = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var position = digits.Length - 1 - i;
            var digit = digits[i] - '0';
            if (digit == 0)
            {
                pendingZero = written;
            }
            else
            {
                if (pendingZero)
                {
                    text.Append(Digits[0]);
                    pendingZero = false;
                }

                text.Append(Digits[digit]).Append(PlaceUnits[position % 4]);
                written = true;
            }

            if (position % 4 == 0 && position > 0 && HasDigitFrom(digits, position, position == 8 ? digits.Length : position + 4))
            {
                text.Append(GroupUnits[position / 4]);
            }
        }
    }

    /// <summary>True when a digit at a position from <paramref name="low"/> up to (not including) <paramref name="high"/> is not zero.</summary>
    /// <remarks>亿 is written when anything from 亿 up is not zero (壹万贰仟亿); 万 only for its own four digits.</remarks>
    private static bool HasDigitFrom(string digits, int low, int high)
    {
        for (var position = low; position < Math.Min(high, digits.Length); position++)
        {
            if (digits[digits.Length - 1 - position] != '0')
            {
                return true;
            }
        }

        return false;
    }
}
