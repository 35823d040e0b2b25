using System.Globalization;

namespace DebtShield.Import.Figures;

/// <summary>
/// Amounts of yuan as people write them in spreadsheets and copy them out of lender apps:
/// <c>1034.50</c>, <c>1,034.50</c>, <c>¥1,034.50</c>, <c>1034.5元</c>.
/// </summary>
/// <remarks>
/// Strict on purpose: a comma is a thousands separator only in groups of three before the decimal
/// point, so <c>1.034,50</c> (the European way) and <c>10,34</c> are refused rather than read as a
/// different figure.
/// </remarks>
public static class AmountText
{
    /// <summary>Reads an amount; false for anything that is not one of the accepted shapes.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal yuan)
    {
        yuan = 0m;
        var s = text.Trim();
        if (s.Length > 0 && (s[0] == '¥' || s[0] == '￥'))
        {
            s = s[1..].TrimStart();
        }

        if (s.Length > 0 && s[^1] == '元')
        {
            s = s[..^1].TrimEnd();
        }

        var digits = s.Length > 0 && s[0] == '-' ? s[1..] : s;
        var dot = digits.IndexOf('.');
        var whole = dot < 0 ? digits : digits[..dot];
        if (!IsWholePart(whole) || (dot >= 0 && !IsDigits(digits[(dot + 1)..])))
        {
            return false;
        }

        return decimal.TryParse(
            s,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
            CultureInfo.InvariantCulture,
            out yuan);
    }

    /// <summary>
    /// Reads the number a spreadsheet stored (<c>1034.5</c>, <c>1.0345E3</c>). Excel stores
    /// doubles and may write them with 17 significant digits (<c>1034.4999999999998</c>); such a
    /// figure is rounded to the 15 digits a double really holds, which is what Excel shows.
    /// </summary>
    public static bool TryParseStoredNumber(string raw, out decimal value)
    {
        value = 0m;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return false;
        }

        if (SignificantDigits(raw) <= 15
            && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (Math.Abs(number) >= 7.9e28)
        {
            return false;
        }

        // The decimal conversion of a double keeps 15 significant digits.
        value = (decimal)number;
        return true;
    }

    /// <summary>The significant digits of a decimal written without exponent, e.g. 15 for 1234567890.12345.</summary>
    public static int SignificantDigits(string invariant)
    {
        var count = 0;
        var leading = true;
        var trailingZeros = 0;
        foreach (var c in invariant)
        {
            if (c is 'e' or 'E')
            {
                break;
            }

            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (leading && c == '0')
            {
                continue;
            }

            leading = false;
            count++;
            trailingZeros = c == '0' ? trailingZeros + 1 : 0;
        }

        return invariant.Contains('.', StringComparison.Ordinal) ? count : count - trailingZeros;
    }

    private static bool IsWholePart(ReadOnlySpan<char> whole)
    {
        if (whole.IndexOf(',') < 0)
        {
            return IsDigits(whole);
        }

        var groups = whole.ToString().Split(',');
        if (groups[0].Length is < 1 or > 3 || !IsDigits(groups[0]))
        {
            return false;
        }

        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3 || !IsDigits(groups[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
