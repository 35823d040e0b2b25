namespace DebtShield.Core.Evidence;

/// <summary>
/// Builds and checks a case's hash chain. Each entry's hash covers its canonical record, which
/// holds its attachments' hashes and the previous entry's hash, so changing a word, an attachment,
/// the order, or removing an entry breaks every link after it, and removing the last entries is
/// caught by the head the case keeps (count and hash).
/// </summary>
public static class EvidenceChain
{
    /// <summary>The entry that follows the chain ending at <paramref name="head"/>.</summary>
    /// <exception cref="ArgumentException">The correction names an entry that is not before it.</exception>
    public static EvidenceEntry Append(ChainHead head, Incident incident, DateTimeOffset recordedAt, int? supersedes = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var sequence = head.Count + 1;
        if (supersedes is { } old && (old < 1 || old >= sequence))
        {
            throw new ArgumentException("A correction supersedes an earlier entry.", nameof(supersedes));
        }

        var previous = head.Hash;
        var hash = ContentHash.Of(EvidenceRecord.Entry(sequence, recordedAt, supersedes, incident, previous));
        return new EvidenceEntry(sequence, recordedAt, supersedes, incident, previous, hash);
    }

    /// <summary>
    /// Recomputes the chain from its entries in sequence order and compares it with what was
    /// stored: every hash, every link, and the head (how many entries, the last hash).
    /// </summary>
    /// <param name="entries">The stored entries, in sequence order.</param>
    /// <param name="head">The head the case recorded.</param>
    /// <param name="attachmentHolds">Whether an attachment is still there with the content its hash names.</param>
    public static ChainVerification Verify(IEnumerable<EvidenceEntry> entries, ChainHead head, Func<ContentHash, bool>? attachmentHolds = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var verifier = new ChainVerifier(attachmentHolds);
        foreach (var entry in entries)
        {
            if (!verifier.Add(entry))
            {
                break;
            }
        }

        return verifier.Finish(head);
    }
}

/// <summary>
/// Checks a chain one entry at a time, so a chain of any length is checked while it is read,
/// without holding it: <see cref="Add"/> each entry in sequence order, then <see cref="Finish"/>.
/// </summary>
public sealed class ChainVerifier(Func<ContentHash, bool>? attachmentHolds = null)
{
    private ContentHash _previous = ContentHash.Genesis;
    private int _count;
    private ChainBreak? _break;

    /// <summary>Checks the next entry; false once the chain is broken (later entries are not looked at).</summary>
    public bool Add(EvidenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_break is not null)
        {
            return false;
        }

        var position = _count + 1;
        var kind = entry.Sequence != position ? ChainBreakKind.OutOfSequence
            : entry.Previous != _previous ? ChainBreakKind.LinkBroken
            : ContentHash.Of(entry.Record()) != entry.Hash ? ChainBreakKind.ContentChanged
            : attachmentHolds is not null && entry.Incident.Attachments.Any(a => !attachmentHolds(a)) ? ChainBreakKind.AttachmentChanged
            : (ChainBreakKind?)null;
        if (kind is { } broken)
        {
            _break = new ChainBreak(entry.Sequence, position, broken);
            return false;
        }

        _previous = entry.Hash;
        _count = position;
        return true;
    }

    /// <summary>Marks the chain broken at the next position, for an entry that could not even be read.</summary>
    public void Unreadable(int sequence)
    {
        _break ??= new ChainBreak(sequence, _count + 1, ChainBreakKind.ContentChanged);
    }

    /// <summary>The outcome, the entries checked compared with the head the case recorded.</summary>
    public ChainVerification Finish(ChainHead head)
    {
        if (_break is not null)
        {
            return new ChainVerification(_count, _break);
        }

        return _count != head.Count || _previous != head.Hash
            ? new ChainVerification(_count, new ChainBreak(_count < head.Count ? _count + 1 : head.Count + 1, _count + 1, ChainBreakKind.HeadMismatch))
            : new ChainVerification(_count, null);
    }
}

/// <summary>The last link of a chain as the case records it: how many entries, and the last hash.</summary>
/// <param name="Count">How many entries the chain holds.</param>
/// <param name="Hash">The last entry's hash (<see cref="ContentHash.Genesis"/> when empty).</param>
public readonly record struct ChainHead(int Count, ContentHash Hash)
{
    /// <summary>The head of an empty chain.</summary>
    public static ChainHead Empty { get; } = new(0, ContentHash.Genesis);

    /// <summary>The head after <paramref name="entry"/>.</summary>
    public static ChainHead After(EvidenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ChainHead(entry.Sequence, entry.Hash);
    }
}

/// <summary>The outcome of a check: how many entries held, and the first break if any.</summary>
/// <param name="IntactEntries">How many entries, from the first, were checked and hold.</param>
/// <param name="Break">The first break; null when the whole chain is intact.</param>
public sealed record ChainVerification(int IntactEntries, ChainBreak? Break)
{
    /// <summary>True when every entry and the head hold.</summary>
    public bool IsIntact => Break is null;
}

/// <summary>Where and how a chain is broken.</summary>
/// <param name="Sequence">The sequence number found where the break is (the stored one).</param>
/// <param name="Position">The position in the chain, from 1, where the break was found.</param>
/// <param name="Kind">What is wrong there.</param>
public sealed record ChainBreak(int Sequence, int Position, ChainBreakKind Kind);

/// <summary>What is wrong at a chain's first break.</summary>
public enum ChainBreakKind
{
    /// <summary>A sequence number is missing or out of order: an entry was removed or the rows reordered.</summary>
    OutOfSequence,

    /// <summary>An entry does not point at the hash of the one before it.</summary>
    LinkBroken,

    /// <summary>An entry's content no longer matches its hash: it was edited.</summary>
    ContentChanged,

    /// <summary>An attachment the entry names is missing, or its content no longer has the hash it is stored under.</summary>
    AttachmentChanged,

    /// <summary>The chain ends earlier or elsewhere than the case's recorded head: its last entries were removed or replaced.</summary>
    HeadMismatch,
}
