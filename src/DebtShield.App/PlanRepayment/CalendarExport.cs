using DebtShield.App.Cases;
using System.Text;
using DebtShield.App.Ledgers;
using DebtShield.App.Resources;
using DebtShield.Core;
using DebtShield.Data.Backups;
using DebtShield.Documents.Calendars;

namespace DebtShield.App.PlanRepayment;

/// <summary>
/// Use case: every due date of the case as a calendar file for the phone's own calendar (and, in
/// the web app, as a subscribable feed). One event per instalment of every loan, with a stable
/// UID, so importing a newer export updates the events instead of duplicating them.
/// </summary>
public static class CalendarExport
{
    /// <summary>The calendar text for the case's loans.</summary>
    /// <param name="facts">The case.</param>
    /// <param name="today">Today, for what is still unpaid and the lawful amounts.</param>
    /// <param name="stamp">When the calendar is written.</param>
    public static string Text(CaseFacts facts, DateOnly today, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var caseKey = facts.Case ?? string.Empty;
        var events = new List<DueEvent>();
        foreach (var loan in facts.Loans)
        {
            var plan = PlanLoans.From(loan, today);
            var unpaid = Core.Planning.PlanLoan.RemainingDues(loan, today.AddDays(1)).ToDictionary(d => d.Date, d => d.Amount);
            var lawful = plan.Dues.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.First().Amount);
            foreach (var instalment in loan.Schedule)
            {
                var rest = unpaid.GetValueOrDefault(instalment.DueDate);
                var summary = rest.IsPositive
                    ? Localized.Format(PlanText.Calendar_Summary, loan.Lender.Name, rest.RoundToFen(), loan.Id)
                    : Localized.Format(PlanText.Calendar_SummaryPaid, loan.Lender.Name, loan.Id);
                var description = Localized.Format(PlanText.Calendar_Description, loan.Lender.Name, loan.Id, instalment.Total.RoundToFen(), rest.RoundToFen(), lawful.GetValueOrDefault(instalment.DueDate, Money.Zero).RoundToFen());
                events.Add(new DueEvent(DueCalendar.Uid(caseKey, loan.Id, instalment.DueDate), instalment.DueDate, summary, description));
            }
        }

        events.Sort(static (a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(a.Uid, b.Uid));
        return DueCalendar.Write(PlanText.Calendar_Name, events, stamp);
    }

    /// <summary>
    /// The case's calendar as the bytes of an <c>.ics</c> file, read from the ledger as of now in China
    /// Standard Time: what the web app's subscribable feed (<c>/calendar/{secret}.ics</c>) returns, so the
    /// phone's own calendar keeps the reminders current. Which case a feed's secret stands for is the web
    /// app's to decide; this takes the case.
    /// </summary>
    public static async Task<CalendarFeed> FeedAsync(OpenLedger ledger, CaseReference @case, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        var facts = await CaseFacts.LoadAsync(ledger, @case, cancellationToken).ConfigureAwait(false);
        var content = Encoding.UTF8.GetBytes(Text(facts, ChinaStandardTime.Today(time), time.GetUtcNow()));
        return new CalendarFeed(content, facts.Loans.Sum(l => l.Schedule.Count));
    }

    /// <summary>Writes the case's calendar to <paramref name="path"/> (owner-only, all or nothing); returns the number of events.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static async Task<int> WriteAsync(CaseFacts facts, string path, DateOnly today, DateTimeOffset stamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var bytes = Encoding.UTF8.GetBytes(Text(facts, today, stamp));
        await PrivateFile.WriteAsync(path, (file, token) => file.WriteAsync(bytes, token).AsTask(), cancellationToken).ConfigureAwait(false);
        return facts.Loans.Sum(l => l.Schedule.Count);
    }
}

/// <summary>A case's calendar, ready to serve or save.</summary>
/// <param name="Content">The <c>.ics</c> file, UTF-8.</param>
/// <param name="Events">How many due dates it holds.</param>
public sealed record CalendarFeed(ReadOnlyMemory<byte> Content, int Events)
{
    /// <summary>The media type of an RFC 5545 calendar, for the HTTP response.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";
}
