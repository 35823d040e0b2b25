using System.Text.RegularExpressions;
using DebtShield.Documents.Calendars;

namespace DebtShield.Documents.Tests;

public sealed partial class DueCalendarTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Write_OneDueDate_IsAnEventAtNineChinaTimeWithAlarmsThreeDaysOneDayAndOnTheDay()
    {
        var uid = DueCalendar.Uid("案件", "极速借", new DateOnly(2026, 12, 15));

        var text = DueCalendar.Write("提醒", [new DueEvent(uid, new DateOnly(2026, 12, 15), "还款日：极速借App ¥1,150.00", "详情")], Stamp);

        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261215T010000Z", text, StringComparison.Ordinal);
        Assert.Contains("UID:" + uid, text, StringComparison.Ordinal);
        Assert.Equal(["-P3D", "-P1D", "P0D"], Triggers().Matches(text).Select(m => m.Groups[1].Value));
        Assert.Contains("SUMMARY:还款日：极速借App ¥1\\,150.00", text, StringComparison.Ordinal); // RFC 5545 escapes commas in text
        Assert.Contains("DTSTAMP:20261128T080000Z", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Uid_SameLoanAndDate_IsStableAndDiffersForAnyOtherLoanDateOrCase()
    {
        var date = new DateOnly(2026, 12, 15);
        var uid = DueCalendar.Uid("案件", "极速借", date);

        Assert.Equal(uid, DueCalendar.Uid("案件", "极速借", date));
        Assert.Equal("6fc1b1c7c79c5e4d8e0dd5d1a1b7c1b3@debtshield.local".Length, uid.Length);
        Assert.DoesNotContain("极速借", uid, StringComparison.Ordinal);
        Assert.Equal(4, new[] { uid, DueCalendar.Uid("案件", "极速借", date.AddDays(1)), DueCalendar.Uid("案件", "某呗", date), DueCalendar.Uid("另一案件", "极速借", date) }.Distinct().Count());
    }

    [GeneratedRegex(@"^TRIGGER:(\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex Triggers();
}
