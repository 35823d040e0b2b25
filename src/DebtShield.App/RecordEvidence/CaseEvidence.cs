using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Data;
using DebtShield.Data.Cases;
using DebtShield.Data.Evidence;
using DebtShield.Data.Protection;
using DebtShield.Import.Conduct;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.RecordEvidence;

/// <summary>
/// Appends incidents to a case's evidence chain inside one write: each is analysed (the n-th
/// contact of its day by its number counts towards the daily limits), chained after the case's
/// head, inserted, and the head moved. Nothing here updates or deletes an entry.
/// </summary>
internal static class CaseEvidence
{
    /// <summary>An incident to append, the entry it corrects if any, and for text read from a screenshot how sure OCR was and whether the time is an estimate.</summary>
    public sealed record Addition(Incident Incident, int? Supersedes = null, double? ReadConfidence = null, bool TimeEstimated = false);

    /// <summary>
    /// Appends <paramref name="additions"/> in time order (corrections in the order given); with
    /// <paramref name="skipKnown"/>, incidents the case already holds (same fingerprint) are left out.
    /// Rows are inserted in batches as they are made, so a large import never holds them all.
    /// </summary>
    /// <returns>How many entries were appended, and the last of them.</returns>
    public static async Task<(int Count, EvidenceEntry? Last)> AppendAsync(
        LedgerContext context,
        LedgerCipher cipher,
        StoredCase stored,
        IReadOnlyList<Addition> additions,
        bool skipKnown,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var known = skipKnown
            ? (await context.EvidenceEntries.Where(e => e.CaseId == stored.Id).Select(e => e.Fingerprint).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(f => ContentHash.TryParse(f, out var hash) ? hash : default).ToHashSet()
            : [];
        var fresh = new List<(Addition Addition, ContentHash Fingerprint)>(additions.Count);
        foreach (var addition in additions.Where(a => a.Supersedes is null).OrderBy(a => a.Incident.Time).Concat(additions.Where(a => a.Supersedes is not null)))
        {
            var fingerprint = cipher.Fingerprint(addition.Incident);
            if (!skipKnown || known.Add(fingerprint))
            {
                fresh.Add((addition, fingerprint));
            }
        }

        if (fresh.Count == 0)
        {
            return (0, null);
        }

        // The untracked inserts need their case (perhaps opened by this very write) saved before them.
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var analyzer = ConductDataReader.LoadEmbedded();
        var version = ConductDataReader.EmbeddedVersion;
        var callsOfDay = await CallsOfDayAsync(context, stored.Id, analyzer.Policy, fresh, cancellationToken).ConfigureAwait(false);
        var textsOfHour = new HourlyMessageCounter();
        var head = new ChainHead(stored.EvidenceCount, ContentHash.Parse(stored.EvidenceHead));
        var recordedAt = await RecordingTimeAsync(context, stored.Id, now, cancellationToken).ConfigureAwait(false);
        var batch = new List<StoredEvidenceEntry>(InsertBatch);
        EvidenceEntry? last = null;
        foreach (var (addition, fingerprint) in fresh)
        {
            ConductAnalysis? analysis = null;
            if (addition.Incident.IsCollectorContact)
            {
                // Additions come in time order, so each text is counted against its sender's previous hour.
                var sentThisHour = addition.Incident.Channel != IncidentChannel.Call && addition.Incident.Counterpart is { } sender && addition.Supersedes is null
                    ? textsOfHour.Count(sender, addition.Incident.Time)
                    : (int?)null;
                analysis = analyzer.Analyze(addition.Incident.ToConductMessage(callsOfDay.RankOf(addition.Incident, analyzer.Policy), sentThisHour));
            }

            last = EvidenceChain.Append(head, addition.Incident, recordedAt, addition.Supersedes, EvidenceReading.Of(analysis, version, addition.ReadConfidence, addition.TimeEstimated));
            batch.Add(StoredEvidenceEntry.Of(stored.Id, last, cipher, fingerprint));
            head = ChainHead.After(last);
            if (batch.Count == InsertBatch)
            {
                await context.InsertEvidenceAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        await context.InsertEvidenceAsync(batch, cancellationToken).ConfigureAwait(false);
        stored.EvidenceCount = head.Count;
        stored.EvidenceHead = head.Hash.Hex;
        return (fresh.Count, last);
    }

    private const int InsertBatch = 2_000;

    /// <summary>Appends the retraction of entry <paramref name="retracted"/> and moves the head.</summary>
    public static async Task<EvidenceEntry> RetractAsync(LedgerContext context, LedgerCipher cipher, StoredCase stored, int retracted, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var head = new ChainHead(stored.EvidenceCount, ContentHash.Parse(stored.EvidenceHead));
        var recordedAt = await RecordingTimeAsync(context, stored.Id, now, cancellationToken).ConfigureAwait(false);
        var entry = EvidenceChain.Retract(head, retracted, reason, recordedAt);
        await context.InsertEvidenceAsync([StoredEvidenceEntry.Of(stored.Id, entry, cipher)], cancellationToken).ConfigureAwait(false);
        stored.EvidenceCount = entry.Sequence;
        stored.EvidenceHead = entry.Hash.Hex;
        return entry;
    }

    /// <summary>
    /// When new entries are recorded: now, or, when the clock reads earlier than the chain's last
    /// entry (a clock set back), that entry's time, so that <c>recorded</c> never goes backwards.
    /// </summary>
    public static async Task<DateTimeOffset> RecordingTimeAsync(LedgerContext context, Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = await context.EvidenceEntries.Where(e => e.CaseId == caseId).OrderByDescending(e => e.Sequence)
            .Select(e => (DateTimeOffset?)e.RecordedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var instant = now.ToUniversalTime();

        // Records keep milliseconds: a later entry in the same millisecond as the last is not "earlier".
        instant = new DateTimeOffset(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return last is { } previous && previous > instant ? previous : instant;
    }

    /// <summary>The numbers the case treats as collectors'.</summary>
    public static async Task<HashSet<string>> CollectorsAsync(LedgerContext context, Guid caseId, CancellationToken cancellationToken) =>
        (await context.Collectors.Where(c => c.CaseId == caseId).Select(c => c.Number).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Notes numbers as collectors' unless the case knows them already.</summary>
    public static async Task AddCollectorsAsync(LedgerContext context, Guid caseId, IEnumerable<string> numbers, CollectorOrigin origin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = await CollectorsAsync(context, caseId, cancellationToken).ConfigureAwait(false);
        foreach (var number in numbers.Where(known.Add))
        {
            context.Collectors.Add(new StoredCollector { CaseId = caseId, Number = number, Origin = origin, AddedAt = now.ToUniversalTime() });
        }
    }

    private static async Task<CallsOfDay> CallsOfDayAsync(LedgerContext context, Guid caseId, ContactPolicy policy, List<(Addition Addition, ContentHash Fingerprint)> fresh, CancellationToken cancellationToken)
    {
        var calls = new CallsOfDay();
        if (!fresh.Any(a => a.Addition.Incident.Channel == IncidentChannel.Call))
        {
            return calls;
        }

        // Calls already in the chain count too: the tenth call of a day is the tenth whichever import brought it.
        var stored = await context.EvidenceEntries
            .Where(e => e.CaseId == caseId && e.Channel == IncidentChannel.Call && e.Direction == IncidentDirection.Received)
            .Select(e => new { e.Counterpart, e.Time, e.Outcome })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var call in stored)
        {
            calls.Add(call.Counterpart, call.Time, call.Outcome == CallOutcome.Answered, policy);
        }

        foreach (var (addition, _) in fresh.Where(a => a.Addition.Incident.Channel == IncidentChannel.Call && a.Addition.Incident.IsCollectorContact))
        {
            calls.Add(addition.Incident.Counterpart, addition.Incident.Time, addition.Incident.Outcome == CallOutcome.Answered, policy);
        }

        calls.Sort();
        return calls;
    }

    /// <summary>The times of each number's calls per day, answered and unanswered apart.</summary>
    private sealed class CallsOfDay
    {
        private readonly Dictionary<(string?, DateOnly, bool), List<DateTimeOffset>> _times = [];

        public void Add(string? counterpart, DateTimeOffset time, bool answered, ContactPolicy policy)
        {
            var key = (counterpart, policy.LocalDay(time), answered);
            if (!_times.TryGetValue(key, out var list))
            {
                _times[key] = list = [];
            }

            list.Add(time);
        }

        public void Sort()
        {
            foreach (var list in _times.Values)
            {
                list.Sort();
            }
        }

        /// <summary>Which call of its day this is (1 for the first), or null for anything but a received call.</summary>
        public int? RankOf(Incident incident, ContactPolicy policy)
        {
            if (incident.Channel != IncidentChannel.Call || !_times.TryGetValue((incident.Counterpart, policy.LocalDay(incident.Time), incident.Outcome == CallOutcome.Answered), out var list))
            {
                return null;
            }

            var index = list.BinarySearch(incident.Time);
            while (index > 0 && list[index - 1] == incident.Time)
            {
                index--;
            }

            return index < 0 ? null : index + 1;
        }
    }
}
