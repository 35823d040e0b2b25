using DebtShield.Core.Conduct;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Evidence;

/// <summary>
/// Builds and checks a case's hash chain. Each entry's hash covers its canonical record, which
/// holds its attachments' hashes and the previous entry's hash, so changing a word, an attachment,
/// the order, or removing an entry breaks every link after it, and removing the last entries is
/// caught by the head the case keeps (count and hash).
/// </summary>
public static class EvidenceChain
{
    /// <summary>The entry that follows the chain ending at <paramref name="head"/>, in the current record format.</summary>
    /// <param name="head">The chain's head.</param>
    /// <param name="incident">What happened.</param>
    /// <param name="recordedAt">Now; never earlier than the entry before it was recorded (the caller keeps that).</param>
    /// <param name="supersedes">The earlier entry it corrects.</param>
    /// <param name="reading">What the tool read into it; covered by the hash.</param>
    /// <exception cref="ArgumentException">The correction names an entry that is not before it.</exception>
    public static EvidenceEntry Append(ChainHead head, Incident incident, DateTimeOffset recordedAt, int? supersedes = null, EvidenceReading? reading = null) =>
        Chained(head, incident, recordedAt, supersedes, reading ?? EvidenceReading.None, retraction: false);

    /// <summary>
    /// The entry that withdraws entry <paramref name="retracted"/> from the evidence: the borrower
    /// says it is not evidence (a courier's text, a misread screenshot), for <paramref name="reason"/>.
    /// Nothing is removed: the chain keeps both, and lists, figures and documents leave both out.
    /// </summary>
    /// <exception cref="ArgumentException">The retracted entry is not before it, or the reason is blank.</exception>
    public static EvidenceEntry Retract(ChainHead head, int retracted, string reason, DateTimeOffset recordedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var statement = new Incident(IncidentChannel.Other, IncidentDirection.Sent, recordedAt, null, Recipient.Borrower, reason.Trim(), RetractionSource);
        return Chained(head, statement, recordedAt, retracted, EvidenceReading.None, retraction: true);
    }

    /// <summary>The source of every retraction.</summary>
    public const string RetractionSource = "retraction";

    private static EvidenceEntry Chained(ChainHead head, Incident incident, DateTimeOffset recordedAt, int? supersedes, EvidenceReading reading, bool retraction)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var sequence = head.Count + 1;
        if (supersedes is { } old && (old < 1 || old >= sequence))
        {
            throw new ArgumentException("A correction or retraction names an earlier entry.", nameof(supersedes));
        }

        var unhashed = new EvidenceEntry(sequence, recordedAt, supersedes, incident, head.Hash, default, EvidenceRecord.CurrentFormat, reading, retraction);
        return unhashed with { Hash = ContentHash.Of(unhashed.Record()) };
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
    private DateTimeOffset _previousRecorded = DateTimeOffset.MinValue;
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
            : entry.Format < 1 || entry.Format > EvidenceRecord.CurrentFormat || ContentHash.Of(entry.Record()) != entry.Hash ? ChainBreakKind.ContentChanged
            : entry.Format >= 2 && entry.RecordedAt < _previousRecorded ? ChainBreakKind.RecordedBackwards
            : attachmentHolds is not null && entry.Incident.Attachments.Any(a => !attachmentHolds(a)) ? ChainBreakKind.AttachmentChanged
            : (ChainBreakKind?)null;
        if (kind is { } broken)
        {
            _break = new ChainBreak(entry.Sequence, position, broken);
            return false;
        }

        _previous = entry.Hash;
        _previousRecorded = entry.RecordedAt;
        _count = position;
        if (entry.Format == 1)
        {
            FormatOneEntries++;
        }

        return true;
    }

    /// <summary>
    /// How many of the entries checked are in record format 1: recorded before the hash covered the
    /// analyser's labels, so for these the labels, the source and the OCR reading are not protected.
    /// </summary>
    public int FormatOneEntries { get; private set; }

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
            return new ChainVerification(_count, _break, FormatOneEntries);
        }

        return _count != head.Count || _previous != head.Hash
            ? new ChainVerification(_count, new ChainBreak(_count < head.Count ? _count + 1 : head.Count + 1, _count + 1, ChainBreakKind.HeadMismatch), FormatOneEntries)
            : new ChainVerification(_count, null, FormatOneEntries);
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

    /// <summary>
    /// The head as the borrower keeps it apart from the ledger (<c>42:9f86d0…</c>): whoever can
    /// rewrite the database can rewrite the chain and the head the case records, but not this copy,
    /// so a later chain that no longer holds entry 42 with this hash shows the rewrite.
    /// </summary>
    public string Kept => Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Hash.Hex;

    /// <summary>Reads a kept head (<see cref="Kept"/>); spaces around it are ignored.</summary>
    public static bool TryParseKept(string? text, out ChainHead head)
    {
        head = default;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            || count < 1
            || !ContentHash.TryParse(parts[1].ToLowerInvariant(), out var hash))
        {
            return false;
        }

        head = new ChainHead(count, hash);
        return true;
    }
}

/// <summary>The outcome of a check: how many entries held, and the first break if any.</summary>
/// <param name="IntactEntries">How many entries, from the first, were checked and hold.</param>
/// <param name="Break">The first break; null when the whole chain is intact.</param>
/// <param name="FormatOneEntries">How many intact entries are in record format 1, whose labels and readings the hash does not cover.</param>
public sealed record ChainVerification(int IntactEntries, ChainBreak? Break, int FormatOneEntries = 0)
{
    /// <summary>True when every entry and the head hold.</summary>
    public bool IsIntact => Break is null;
}

/// <summary>Where and how a chain is broken.</summary>
/// <param name="Sequence">The sequence number found where the break is (the stored one).</param>
/// <param name="Position">The position in the chain, from 1, where the break was found.</param>
/// <param name="Kind">What is wrong there.</param>
public sealed record ChainBreak(int Sequence, int Position, ChainBreakKind Kind)
{
    /// <summary>
    /// The id each kind has where a check is written for programs (<c>verify --json</c>'s
    /// <c>break.kind</c>: <c>content_changed</c>), spelled out so that renaming a member does not
    /// change what a script reads.
    /// </summary>
    public static WireIds<ChainBreakKind> KindIds { get; } = new(
        (ChainBreakKind.OutOfSequence, "out_of_sequence"),
        (ChainBreakKind.LinkBroken, "link_broken"),
        (ChainBreakKind.ContentChanged, "content_changed"),
        (ChainBreakKind.AttachmentChanged, "attachment_changed"),
        (ChainBreakKind.RecordedBackwards, "recorded_backwards"),
        (ChainBreakKind.KeptHeadMismatch, "kept_head_mismatch"),
        (ChainBreakKind.StampedHeadMismatch, "stamped_head_mismatch"),
        (ChainBreakKind.HeadMismatch, "head_mismatch"));
}

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

    /// <summary>
    /// An entry says it was recorded before the entry ahead of it: entries are appended in time, so
    /// it was written with a false date (from record format 2; older entries are not held to it).
    /// </summary>
    RecordedBackwards,

    /// <summary>The head the borrower kept apart is not an entry of this chain: the chain was rewritten, or entries removed, since.</summary>
    KeptHeadMismatch,

    /// <summary>
    /// A head an authority time-stamped (RFC 3161) is not an entry of this chain, or its stored stamp
    /// no longer stamps the head it is kept with: entries were cut off and the chain re-made since.
    /// </summary>
    StampedHeadMismatch,

    /// <summary>The chain ends earlier or elsewhere than the case's recorded head: its last entries were removed or replaced.</summary>
    HeadMismatch,
}
