using System.Globalization;

namespace DebtShield.Core;

/// <summary>
/// A calendar date as Chinese documents write it, 2026年11月28日: Arabic digits, no leading
/// zeros, the way courts and regulators date their own papers, so a date cannot be read as
/// month-first or day-first.
/// </summary>
public static class ChineseDate
{
    /// <summary>The date in Chinese form.</summary>
    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>The date and minute in Chinese form, 2026年11月28日 21:05, in China Standard Time.</summary>
    public static string Format(DateTimeOffset instant)
    {
        var local = instant.ToOffset(ChinaStandardTime.Offset);
        return Format(DateOnly.FromDateTime(local.DateTime)) + local.ToString(" HH:mm", CultureInfo.InvariantCulture);
    }
}
