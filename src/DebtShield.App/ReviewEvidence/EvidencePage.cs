using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.StampEvidence;
using DebtShield.Core;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Data.Evidence;

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
            var corrections = await EvidenceRows.CorrectionsAsync(context, stored.Id, token).ConfigureAwait(false);
            var supersededBy = corrections.GroupBy(c => c.Corrected).ToDictionary(g => g.Key, g => g.Max(c => c.By));

            var (total, pageRows) = await EvidenceRows.PageAsync(context, stored.Id, Selection(filter), (page - 1) * pageSize, pageSize, token).ConfigureAwait(false);
            var items = pageRows.Select(row => EvidenceItem.Of(row, ledger.Cipher, supersededBy.TryGetValue(row.Sequence, out var by) ? by : null)).ToList();
            var stamps = await StampEvidenceHead.ReadAsync(context, stored.Id, token).ConfigureAwait(false);
            return new EvidencePage(stored.Id, stored.ReadTitle(ledger.Cipher), new ChainHead(stored.EvidenceCount, ContentHash.Parse(stored.EvidenceHead)), items, total, page, pageSize)
            {
                Stamps = [.. stamps.Select(s => s.Stamp)],
            };
        }, cancellationToken);
    }

    /// <summary>The filter as the rows' conditions: days are China days, from midnight to the next midnight.</summary>
    private static EvidenceSelection Selection(EvidenceFilter filter) => new(
        filter.Label?.Id(),
        filter.Number is { } number ? PhoneNumber.Normalize(number) : null,
        filter.Recipient,
        filter.From is { } from ? Midnight(from) : null,
        filter.To is { } to ? Midnight(to.AddDays(1)) : null,
        HideCorrected: !filter.IncludeSuperseded);

    private static DateTimeOffset Midnight(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaStandardTime.Offset).ToUniversalTime();
}
