using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.StampEvidence;
using DebtShield.Core;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Data;
using DebtShield.Data.Evidence;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.ReviewEvidence;

/// <summary>One page of a case's evidence, newest entry first, with how many pass the filter in all.</summary>
/// <param name="CaseId">The case's key; null when the ledger has no case.</param>
/// <param name="CaseTitle">The case's title; null when the ledger has no case.</param>
/// <param name="Head">The chain's head as the case records it.</param>
/// <param name="Items">The page's entries, newest first.</param>
/// <param name="Total">How many entries pass the filter.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Entries per page.</param>
public sealed record EvidencePage(Guid? CaseId, string? CaseTitle, ChainHead Head, IReadOnlyList<EvidenceItem> Items, int Total, int Page, int PageSize)
{
    /// <summary>The RFC 3161 time-stamps of the chain's heads, oldest first.</summary>
    public IReadOnlyList<HeadStamp> Stamps { get; init; } = [];

    /// <summary>How many pages there are (at least one).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Use case: one screen of a case's evidence. A case worker's case can hold tens of thousands of
/// incidents, so the filter and the page are applied in the database and only the page's rows
/// are opened; the full list (<see cref="ReviewEvidence.ListAsync"/>) is for exports and the CLI.
/// </summary>
public static class EvidencePages
{
    /// <summary>The largest page served.</summary>
    public const int LargestPageSize = 200;

    /// <summary>Page <paramref name="page"/> (from 1) of the entries passing <paramref name="filter"/>, newest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page or its size is out of range.</exception>
    public static Task<EvidencePage> ReadAsync(OpenLedger ledger, CaseReference @case, EvidenceFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, LargestPageSize);
        return ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            if (stored is null)
            {
                return new EvidencePage(null, null, ChainHead.Empty, [], 0, page, pageSize);
            }

            // Corrections are few: which entry corrects which is read whole, to mark and to hide.
            var corrections = await context.EvidenceEntries.AsNoTracking()
                .Where(e => e.CaseId == stored.Id && e.Supersedes != null)
                .Select(e => new { Old = e.Supersedes!.Value, New = e.Sequence })
                .ToListAsync(token).ConfigureAwait(false);
            var supersededBy = corrections.GroupBy(c => c.Old).ToDictionary(g => g.Key, g => g.Max(c => c.New));

            var rows = Filtered(context, Entries(context, filter).AsNoTracking().Where(e => e.CaseId == stored.Id), filter, supersededBy.Keys);
            var total = await rows.CountAsync(token).ConfigureAwait(false);
            var pageRows = await rows.OrderByDescending(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(token).ConfigureAwait(false);
            var items = pageRows.Select(row => EvidenceItem.Of(row, ledger.Cipher, supersededBy.TryGetValue(row.Sequence, out var by) ? by : null)).ToList();
            var stamps = await StampEvidenceHead.ReadAsync(context, stored.Id, token).ConfigureAwait(false);
            return new EvidencePage(stored.Id, stored.ReadTitle(ledger.Cipher), new ChainHead(stored.EvidenceCount, ContentHash.Parse(stored.EvidenceHead)), items, total, page, pageSize)
            {
                Stamps = [.. stamps.Select(s => s.Stamp)],
            };
        }, cancellationToken);
    }

    /// <summary>
    /// The entries to filter. Days are China days and times are stored in UTC; SQLite keeps them as
    /// text that sorts as time (all at +00:00) but EF Core will not compare them there, so on
    /// SQLite the day range is the one piece of SQL written by hand.
    /// </summary>
    private static IQueryable<StoredEvidenceEntry> Entries(LedgerContext context, EvidenceFilter filter)
    {
        if (!context.Database.IsSqlite() || (filter.From is null && filter.To is null))
        {
            return context.EvidenceEntries;
        }

        var low = filter.From is { } from ? SqliteTime(Midnight(from)) : "";
        var high = filter.To is { } to ? SqliteTime(Midnight(to.AddDays(1))) : "~";
        return context.EvidenceEntries.FromSql($"SELECT * FROM evidence_entries WHERE time >= {low} AND time < {high}");
    }

    private static DateTimeOffset Midnight(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaStandardTime.Offset).ToUniversalTime();

    private static string SqliteTime(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss+00:00", System.Globalization.CultureInfo.InvariantCulture);

    private static IQueryable<StoredEvidenceEntry> Filtered(LedgerContext context, IQueryable<StoredEvidenceEntry> rows, EvidenceFilter filter, IEnumerable<int> superseded)
    {
        if (filter.Label is { } label)
        {
            var id = "," + label.Id() + ",";
            rows = rows.Where(e => ("," + e.Labels + ",").Contains(id));
        }

        if (filter.Number is { } number)
        {
            var normalized = PhoneNumber.Normalize(number);
            rows = rows.Where(e => e.Counterpart == normalized);
        }

        if (filter.Recipient is { } recipient)
        {
            rows = rows.Where(e => e.Recipient == recipient);
        }

        if (!context.Database.IsSqlite() && filter.From is { } from)
        {
            var low = Midnight(from);
            rows = rows.Where(e => e.Time >= low);
        }

        if (!context.Database.IsSqlite() && filter.To is { } to)
        {
            var high = Midnight(to.AddDays(1));
            rows = rows.Where(e => e.Time < high);
        }

        if (!filter.IncludeSuperseded)
        {
            var hidden = superseded.ToList();
            rows = rows.Where(e => !hidden.Contains(e.Sequence) && !e.Retraction);
        }

        return rows;
    }
}
