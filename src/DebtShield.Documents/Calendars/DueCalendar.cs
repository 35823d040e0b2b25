using System.Security.Cryptography;
using System.Text;
using DebtShield.Core;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace DebtShield.Documents.Calendars;

/// <summary>
/// Writes due dates as an RFC 5545 calendar (.ics) that a phone's own calendar imports or
/// subscribes to, so the borrower is reminded with no app running: each due date is an event at
/// 09:00 China time with alarms three days before, one day before and at the time itself.
/// </summary>
/// <remarks>
/// Every event's UID is derived from the case, the loan and the instalment's due date only, so
/// exporting again (after a payment, with new amounts) updates the events already imported
/// instead of adding copies. Nothing in the file leaves the machine unless the borrower moves it.
/// </remarks>
public static class DueCalendar
{
    /// <summary>The hour of the day (China time) each event starts and its last alarm fires.</summary>
    public const int ReminderHour = 9;

    /// <summary>The calendar text for <paramref name="events"/>, in the order given.</summary>
    /// <param name="name">The calendar's display name.</param>
    /// <param name="events">The due dates.</param>
    /// <param name="stamp">When the file is written (DTSTAMP), from the caller's clock.</param>
    public static string Write(string name, IEnumerable<DueEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new Calendar { ProductId = "-//DebtShield//DebtShield 债盾//ZH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Shanghai");
        foreach (var due in events)
        {
            var start = new DateTimeOffset(due.Date.ToDateTime(new TimeOnly(ReminderHour, 0)), ChinaStandardTime.Offset).UtcDateTime;
            var entry = new CalendarEvent
            {
                Uid = due.Uid,
                Summary = due.Summary,
                Description = due.Description,
                DtStart = new CalDateTime(start, "UTC"),
                DtEnd = new CalDateTime(start.AddMinutes(30), "UTC"),
                DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
                Transparency = TransparencyType.Transparent,
            };
            entry.Alarms.Add(Alarm(due.Summary, Duration.FromDays(-3)));
            entry.Alarms.Add(Alarm(due.Summary, Duration.FromDays(-1)));
            entry.Alarms.Add(Alarm(due.Summary, Duration.Zero));
            calendar.Events.Add(entry);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>
    /// The stable UID of the event for one instalment: a hash of the case, the loan and the
    /// original due date, so it is the same on every export and reveals none of them.
    /// </summary>
    public static string Uid(string caseKey, string loanId, DateOnly dueDate)
    {
        ArgumentNullException.ThrowIfNull(caseKey);
        ArgumentNullException.ThrowIfNull(loanId);
        var text = string.Join('\u001f', caseKey, loanId, dueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "@debtshield.local";
    }

    private static Alarm Alarm(string summary, Duration before) => new()
    {
        Action = AlarmAction.Display,
        Description = summary,
        Trigger = new Trigger(before),
    };
}

/// <summary>One due date in the calendar.</summary>
/// <param name="Uid">Its stable UID (<see cref="DueCalendar.Uid"/>).</param>
/// <param name="Date">The due date.</param>
/// <param name="Summary">The title the phone shows.</param>
/// <param name="Description">The details: amounts, and what the law supports.</param>
public sealed record DueEvent(string Uid, DateOnly Date, string Summary, string Description);
