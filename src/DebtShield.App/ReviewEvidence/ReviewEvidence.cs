using DebtShield.App.Ledgers;
using DebtShield.App.Resources;
using DebtShield.App.Cases;
using DebtShield.App.StampEvidence;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Data;
using DebtShield.Data.Cases;
using DebtShield.Data.Evidence;
using DebtShield.Data.Protection;
using DebtShield.Import.Conduct;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.ReviewEvidence;

/// <summary>Which entries to show; every condition given must hold.</summary>
/// <param name="Label">Only entries with this label.</param>
/// <param name="From">Only incidents on or after this day (China time).</param>
/// <param name="To">Only incidents on or before this day.</param>
/// <param name="Number">Only contacts with this number.</param>
/// <param name="Recipient">Only contacts that reached the borrower, or a third party.</param>
/// <param name="IncludeSuperseded">Also entries a correction replaced or a retraction withdrew, and the retractions.</param>
public sealed record EvidenceFilter(
    ConductLabel? Label = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Number = null,
    Recipient? Recipient = null,
    bool IncludeSuperseded = false)
{
    /// <summary>True when <paramref name="item"/> passes every condition.</summary>
    public bool Admits(EvidenceItem item, ContactPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(policy);
        var incident = item.Entry.Incident;
        var day = policy.LocalDay(incident.Time);
        return (Label is not { } label || item.Labels.Contains(label))
            && (From is not { } from || day >= from)
            && (To is not { } to || day <= to)
            && (Number is null || incident.Counterpart == PhoneNumber.Normalize(Number))
            && (Recipient is not { } recipient || incident.Recipient == recipient)
            && (IncludeSuperseded || item.Stands);
    }
}

/// <summary>An entry as the lists show it: the incident, the analyser's opinion, and its place in the chain.</summary>
/// <param name="Entry">The chain entry.</param>
/// <param name="Labels">The labels.</param>
/// <param name="Findings">Where in the text, and which rule.</param>
/// <param name="AnalyzerVersion">The analyser that labelled it; null when it was not analysed (the borrower's own messages).</param>
/// <param name="SupersededBy">The entry that corrects it, if any.</param>
/// <param name="ReadConfidence">How sure OCR was of the text, when it was read from a screenshot.</param>
/// <param name="TimeEstimated">True when the time is only the latest it can have happened (no time stamp was visible).</param>
public sealed record EvidenceItem(
    EvidenceEntry Entry,
    IReadOnlyList<ConductLabel> Labels,
    IReadOnlyList<RecordedFinding> Findings,
    string? AnalyzerVersion,
    int? SupersededBy,
    double? ReadConfidence = null,
    bool TimeEstimated = false)
{
    /// <summary>
    /// True when its text was read from a screenshot with low confidence and not yet confirmed or
    /// corrected (a correction supersedes it): it should be checked before a document relies on it.
    /// </summary>
    public bool NeedsConfirmation => Stands && ReadConfidence < Core.Screenshots.ChatMessage.ConfirmBelow;

    /// <summary>
    /// True when it is evidence now: no correction or retraction supersedes it, and it is not itself a
    /// retraction. Lists, figures and documents use only these; the chain and the bundle keep all.
    /// </summary>
    public bool Stands => SupersededBy is null && !Entry.IsRetraction;

    /// <summary>The item of a stored row, with everything stored beside its hashed record.</summary>
    /// <exception cref="RequestRefusedException">The row cannot be opened (edited outside DebtShield, or sealed with another key).</exception>
    internal static EvidenceItem Of(StoredEvidenceEntry row, LedgerCipher cipher, int? supersededBy) =>
        new(Open(row, cipher), row.ReadLabels(), row.ReadFindings(), row.AnalyzerVersion, supersededBy, row.ReadConfidence, row.TimeEstimated);

    /// <summary>The entry of a stored row.</summary>
    /// <exception cref="RequestRefusedException">The row cannot be opened (edited outside DebtShield, or sealed with another key).</exception>
    internal static EvidenceEntry Open(StoredEvidenceEntry row, LedgerCipher cipher)
    {
        try
        {
            return row.ToEntry(cipher);
        }
        catch (ArgumentException)
        {
            throw new RequestRefusedException(Localized.Format(Resources.EvidenceText.Chain_Unreadable, row.Sequence));
        }
    }
}

/// <summary>A case's evidence: its title, its chain head and its entries.</summary>
public sealed record CaseEvidenceView(string? CaseTitle, ChainHead Head, IReadOnlyList<EvidenceItem> Items)
{
    /// <summary>The RFC 3161 time-stamps of the chain's heads, oldest first.</summary>
    public IReadOnlyList<HeadStamp> Stamps { get; init; } = [];

    /// <summary>The stamp of the latest head stamped, if any: what a document says of when its evidence existed.</summary>
    public HeadStamp? LatestStamp => Stamps.Count == 0 ? null : Stamps.MaxBy(s => (s.Count, s.StampedAt));
}

/// <summary>
/// Use cases: list a case's evidence with filters, and the figures over it
/// (<see cref="EvidenceStatistics"/>). Both read one snapshot.
/// </summary>
public static class ReviewEvidence
{
    /// <summary>The entries of the case that pass <paramref name="filter"/>, in chain order.</summary>
    public static async Task<CaseEvidenceView> ListAsync(OpenLedger ledger, CaseReference @case, EvidenceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var all = await LoadAsync(ledger, @case, cancellationToken).ConfigureAwait(false);
        var policy = ConductDataReader.LoadEmbedded().Policy;
        return all with { Items = [.. all.Items.Where(i => filter.Admits(i, policy))] };
    }

    /// <summary>The figures over the case's current entries.</summary>
    public static async Task<(string? CaseTitle, EvidenceStatistics Statistics)> StatisticsAsync(OpenLedger ledger, CaseReference @case, CancellationToken cancellationToken = default)
    {
        var all = await LoadAsync(ledger, @case, cancellationToken).ConfigureAwait(false);
        var statistics = EvidenceStatistics.Of([.. all.Items.Select(i => new LabelledEntry(i.Entry, i.Labels))], ConductDataReader.LoadEmbedded().Policy);
        return (all.CaseTitle, statistics);
    }

    /// <summary>Every entry of the case, in chain order, each with what supersedes it.</summary>
    public static Task<CaseEvidenceView> LoadAsync(OpenLedger ledger, CaseReference @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            return stored is null
                ? new CaseEvidenceView(null, ChainHead.Empty, [])
                : await ReadAsync(context, ledger.Cipher, stored, token).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Reads the case's entries inside a read the caller holds.</summary>
    internal static async Task<CaseEvidenceView> ReadAsync(LedgerContext context, LedgerCipher cipher, StoredCase stored, CancellationToken cancellationToken)
    {
        var items = new List<EvidenceItem>(stored.EvidenceCount);
        var supersededBy = new Dictionary<int, int>();
        await foreach (var row in EvidenceRows.ReadAsync(context, stored.Id, cancellationToken).ConfigureAwait(false))
        {
            var item = EvidenceItem.Of(row, cipher, null);
            if (item.Entry.Supersedes is { } old)
            {
                supersededBy[old] = item.Entry.Sequence;
            }

            items.Add(item);
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (supersededBy.TryGetValue(items[i].Entry.Sequence, out var by))
            {
                items[i] = items[i] with { SupersededBy = by };
            }
        }

        var stamps = await StampEvidenceHead.ReadAsync(context, stored.Id, cancellationToken).ConfigureAwait(false);
        return new CaseEvidenceView(stored.ReadTitle(cipher), new ChainHead(stored.EvidenceCount, ContentHash.Parse(stored.EvidenceHead)), items)
        {
            Stamps = [.. stamps.Select(s => s.Stamp)],
        };
    }
}
