using DebtShield.Core.Conduct;

namespace DebtShield.Core.Evidence;

/// <summary>An entry with the labels the conduct analyser gave its incident.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Labels">The labels, in <see cref="ConductLabel"/> order.</param>
public sealed record LabelledEntry(EvidenceEntry Entry, IReadOnlyList<ConductLabel> Labels);

/// <summary>
/// The figures a complaint leads with: how many contacts, of which kind, from which numbers, on
/// which days, how many out of hours or beyond the daily limits, and which of the borrower's
/// contacts were reached. Computed from the current entries (corrections replace what they
/// supersede), never stored.
/// </summary>
public sealed record EvidenceStatistics(
    int Incidents,
    IReadOnlyList<LabelCount> PerLabel,
    IReadOnlyList<CounterpartCount> PerCounterpart,
    IReadOnlyList<DayCount> PerDay,
    int OffHours,
    IReadOnlyList<FrequencyBreach> FrequencyBreaches,
    IReadOnlyList<ContactReached> ContactsReached)
{
    /// <summary>The figures for <paramref name="entries"/> under the hours and limits of <paramref name="policy"/>.</summary>
    public static EvidenceStatistics Of(IReadOnlyList<LabelledEntry> entries, ContactPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(policy);
        var current = EvidenceTimeline.Current(entries, e => e.Entry);
        var received = current.Where(e => e.Entry.Incident.IsCollectorContact).ToList();

        var perLabel = ConductLabels.All
            .Select(label => new LabelCount(label, current.Count(e => e.Labels.Contains(label))))
            .Where(c => c.Count > 0)
            .ToList();
        var perCounterpart = received
            .GroupBy(e => e.Entry.Incident.Counterpart ?? "")
            .Select(g => new CounterpartCount(
                g.Key.Length == 0 ? null : g.Key,
                g.Count(),
                g.Count(e => e.Entry.Incident.Channel == IncidentChannel.Call),
                g.Min(e => e.Entry.Incident.Time),
                g.Max(e => e.Entry.Incident.Time)))
            .OrderByDescending(c => c.Incidents).ThenBy(c => c.Counterpart, StringComparer.Ordinal)
            .ToList();
        var perDay = received
            .GroupBy(e => policy.LocalDay(e.Entry.Incident.Time))
            .Select(g => new DayCount(g.Key, g.Count(), g.Count(e => e.Labels.Any(l => l.IsAbusive()))))
            .OrderBy(d => d.Day)
            .ToList();
        var offHours = received.Count(e => policy.IsOffHours(e.Entry.Incident.Time));

        var breaches = new List<FrequencyBreach>();
        foreach (var group in received
            .Where(e => e.Entry.Incident.Channel == IncidentChannel.Call)
            .GroupBy(e => (
                Counterpart: e.Entry.Incident.Counterpart ?? "",
                Day: policy.LocalDay(e.Entry.Incident.Time),
                Channel: e.Entry.Incident.ToConductMessage().Channel)))
        {
            if (policy.LimitFor(group.Key.Channel) is { PerDay: { } limit } && group.Count() > limit)
            {
                breaches.Add(new FrequencyBreach(group.Key.Counterpart.Length == 0 ? null : group.Key.Counterpart, group.Key.Day, group.Key.Channel, group.Count(), limit));
            }
        }

        breaches.Sort(static (a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : string.CompareOrdinal(a.Counterpart, b.Counterpart));
        var contacts = current
            .Where(e => e.Entry.Incident.ContactName is not null)
            .GroupBy(e => e.Entry.Incident.ContactName!, StringComparer.Ordinal)
            .Select(g => new ContactReached(g.Key, g.Count(), g.Min(e => e.Entry.Incident.Time)))
            .OrderBy(c => c.FirstReached)
            .ToList();
        return new EvidenceStatistics(current.Count, perLabel, perCounterpart, perDay, offHours, breaches, contacts);
    }
}

/// <summary>How many current incidents carry a label.</summary>
public sealed record LabelCount(ConductLabel Label, int Count);

/// <summary>The contacts from one collector number (or name).</summary>
/// <param name="Counterpart">The number or name; null when the source did not say.</param>
/// <param name="Incidents">How many contacts it made.</param>
/// <param name="Calls">How many of them were calls.</param>
/// <param name="First">The first.</param>
/// <param name="Last">The last.</param>
public sealed record CounterpartCount(string? Counterpart, int Incidents, int Calls, DateTimeOffset First, DateTimeOffset Last);

/// <summary>The collector contacts on one day (China time).</summary>
/// <param name="Day">The day.</param>
/// <param name="Incidents">How many.</param>
/// <param name="Abusive">How many carry a label that accuses the sender.</param>
public sealed record DayCount(DateOnly Day, int Incidents, int Abusive);

/// <summary>A day on which one number called more often than the guidelines allow.</summary>
public sealed record FrequencyBreach(string? Counterpart, DateOnly Day, ContactChannel Channel, int Count, int Limit);

/// <summary>One of the borrower's contacts the collectors reached.</summary>
public sealed record ContactReached(string Name, int Incidents, DateTimeOffset FirstReached);

/// <summary>
/// Which entries still stand: corrections replace the entries they supersede, and a retraction
/// withdraws the entry it names while not being evidence itself.
/// </summary>
public static class EvidenceTimeline
{
    /// <summary>The entries no later entry supersedes or retracts, retractions left out, in chain order.</summary>
    public static List<T> Current<T>(IReadOnlyList<T> entries, Func<T, EvidenceEntry> entry)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(entry);
        var superseded = new HashSet<int>();
        foreach (var item in entries)
        {
            if (entry(item).Supersedes is { } old)
            {
                superseded.Add(old);
            }
        }

        return [.. entries.Where(e => !superseded.Contains(entry(e).Sequence) && !entry(e).IsRetraction)];
    }
}
