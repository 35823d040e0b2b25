namespace DebtShield.Import.Figures;

/// <summary>
/// Calendar dates as Chinese lender apps and spreadsheets write them: <c>2026-01-05</c>,
/// <c>2026/1/5</c>, <c>2026.01.05</c>, <c>2026年1月5日</c>.
/// </summary>
/// <remarks>
/// The year must be written: a date such as <c>01月05日</c> is never completed with a guessed
/// year, because a wrong year moves every figure derived from the schedule.
/// </remarks>
public static class DateText
{
    /// <summary>Reads a date; false for any other shape or an impossible day such as 2026-02-30.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        var s = text.Trim();
        return TryMatch(s, out date, out var length) && length == s.Length;
    }

    /// <summary>
    /// Reads a date at the start of <paramref name="text"/>; <paramref name="length"/> is how
    /// many characters it took. False when no complete, valid date starts there.
    /// </summary>
    public static bool TryMatch(ReadOnlySpan<char> text, out DateOnly date, out int length)
    {
        date = default;
        if (!TryShape(text, out var year, out var month, out var day, out length)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// How long the date-shaped text at the start of <paramref name="text"/> is (year, month and
    /// day with separators), whether or not the day exists; 0 when none starts there.
    /// </summary>
    public static int ShapeLength(ReadOnlySpan<char> text) => TryShape(text, out _, out _, out _, out var length) ? length : 0;

    private static bool TryShape(ReadOnlySpan<char> text, out int year, out int month, out int day, out int length)
    {
        (month, day, length) = (0, 0, 0);
        if (!TryDigits(text, 0, 4, 4, out year, out var at) || at >= text.Length)
        {
            return false;
        }

        var separator = text[at];
        var chinese = separator == '年';
        if (!chinese && separator is not ('-' or '/' or '.'))
        {
            return false;
        }

        if (!TryDigits(text, at + 1, 1, 2, out month, out at) || at >= text.Length)
        {
            return false;
        }

        if (text[at] != (chinese ? '月' : separator))
        {
            return false;
        }

        if (!TryDigits(text, at + 1, 1, 2, out day, out at))
        {
            return false;
        }

        if (chinese)
        {
            if (at < text.Length && text[at] is '日' or '号')
            {
                at++;
            }
            else
            {
                return false;
            }
        }

        if (at < text.Length && char.IsAsciiDigit(text[at]))
        {
            return false;
        }

        length = at;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int min, int max, out int value, out int end)
    {
        value = 0;
        end = start;
        while (end < text.Length && end - start < max && char.IsAsciiDigit(text[end]))
        {
            value = (value * 10) + (text[end] - '0');
            end++;
        }

        return end - start >= min && (end >= text.Length || !char.IsAsciiDigit(text[end]));
    }
}
