using System.Globalization;
using System.Text.RegularExpressions;

namespace DebtShield.Core.Screenshots;

/// <summary>
/// A time stamp as chat apps print it between messages (<c>21:43</c>, <c>今天 21:43</c>,
/// <c>昨天 下午3:05</c>, <c>星期二 09:10</c>, <c>周二 · 21:43</c>, <c>11月3日 21:43</c>, <c>2026/11/03 21:43</c>,
/// a lender's <c>2026-11-03 21:43:05</c>), resolved
/// against the day the screenshot was taken. Apps print relative days ("yesterday") from the
/// phone's clock, so only the capture day can say which day they mean.
/// </summary>
public static partial class ChatTimeStamp
{
    /// <summary>
    /// Reads <paramref name="text"/> as a time stamp seen on a screenshot taken at
    /// <paramref name="captured"/>; the result is China time. A date without a time of day is the
    /// start of that day, and says so in <c>DayOnly</c>.
    /// </summary>
    /// <returns>False when the text is not a time stamp.</returns>
    public static bool TryRead(string text, DateTimeOffset captured, out DateTimeOffset time, out bool dayOnly)
    {
        ArgumentNullException.ThrowIfNull(text);
        time = default;
        dayOnly = false;
        // Android's "周二 · 21:43": the dot between the day and the time is dropped, and so is what
        // OCR reads it as after a day (，。.” and the like: 9月28日，11:36, 周五。 16:50, 周二.20:28), never elsewhere.
        var squeezed = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('·' or '•' or '・'))).Replace("：", ":", StringComparison.Ordinal);
        var match = Pattern().Match(squeezed);
        if (!match.Success || (match.Groups["date"].Length == 0 && match.Groups["hour"].Length == 0))
        {
            return false;
        }

        var today = DateOnly.FromDateTime(captured.ToOffset(ChinaStandardTime.Offset).DateTime);
        if (!TryDay(match, today, out var day))
        {
            return false;
        }

        var clock = TimeOnly.MinValue;
        if (match.Groups["hour"].Length > 0)
        {
            var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
            var second = match.Groups["second"].Length > 0 ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
            hour = match.Groups["half"].Value switch
            {
                "下午" or "晚上" when hour < 12 => hour + 12,
                "中午" when hour < 11 => hour + 12,
                "凌晨" or "早上" or "上午" when hour == 12 => 0,
                _ => hour,
            };
            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            clock = new TimeOnly(hour, minute, second);
        }
        else
        {
            dayOnly = true;
        }

        time = new DateTimeOffset(day.ToDateTime(clock), ChinaStandardTime.Offset);
        return true;
    }

    private static bool TryDay(Match match, DateOnly today, out DateOnly day)
    {
        day = today;
        var relative = match.Groups["relative"].Value;
        if (relative.Length > 0)
        {
            day = relative switch
            {
                "昨天" => today.AddDays(-1),
                "前天" => today.AddDays(-2),
                _ => today,
            };
            return true;
        }

        if (match.Groups["weekday"].Length > 0)
        {
            var wanted = (DayOfWeek)("日一二三四五六天".IndexOf(match.Groups["weekday"].Value[0], StringComparison.Ordinal) % 7);
            var back = ((int)today.DayOfWeek - (int)wanted + 7) % 7;
            day = today.AddDays(-back);
            return true;
        }

        if (match.Groups["month"].Length == 0)
        {
            return true; // a bare time: today
        }

        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        var dayOfMonth = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = match.Groups["year"].Length > 0 ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        day = new DateOnly(year, month, dayOfMonth);
        if (match.Groups["year"].Length == 0 && day > today)
        {
            day = day.AddYears(-1); // "12月30日" seen on 2 January is last year's
        }

        return true;
    }

    [GeneratedRegex(
        @"^(?<date>(?:(?<relative>今天|昨天|前天)|(?:星期|周)(?<weekday>[日一二三四五六天])|(?:(?<year>20\d\d)[年/.\-])?(?<month>\d{1,2})[月/.\-](?<day>\d{1,2})日?)[，,。.．、”“""'’‘]*)?"
        + @"(?<half>凌晨|早上|上午|中午|下午|晚上)?(?:(?<hour>\d{1,2}):(?<minute>\d\d)(?::(?<second>\d\d))?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
