namespace DebtShield.Core.Evidence;

/// <summary>
/// One link of a case's evidence chain: an incident, when it was recorded, which earlier entry it
/// corrects, and the hashes that tie it to the entry before it. Entries are only ever appended; a
/// correction is a new entry that supersedes the old one, and both remain.
/// </summary>
/// <param name="Sequence">Its place in the case's chain, from 1, without gaps.</param>
/// <param name="RecordedAt">When it was recorded in the locker.</param>
/// <param name="Supersedes">The sequence of the entry it corrects, if it is a correction.</param>
/// <param name="Incident">What happened.</param>
/// <param name="Previous">The hash of the entry before it (<see cref="ContentHash.Genesis"/> for the first).</param>
/// <param name="Hash">The hash of its canonical record (<see cref="EvidenceRecord.Entry(EvidenceEntry)"/>).</param>
/// <param name="Format">The record format it was hashed in: 1 (the incident only, entries recorded before
/// format 2 existed) or 2 (the incident, the reading, and whether it is a retraction).</param>
/// <param name="Reading">What the tool read into it (labels, findings, OCR confidence); covered by the hash from format 2.</param>
/// <param name="IsRetraction">True when it is not an incident but the borrower's statement that the entry it
/// supersedes is not evidence; its incident holds the reason as text.</param>
public sealed record EvidenceEntry(
    int Sequence,
    DateTimeOffset RecordedAt,
    int? Supersedes,
    Incident Incident,
    ContentHash Previous,
    ContentHash Hash,
    int Format = 1,
    EvidenceReading? Reading = null,
    bool IsRetraction = false)
{
    /// <summary>What the tool read into it; <see cref="EvidenceReading.None"/> when nothing.</summary>
    public EvidenceReading Reading { get; init; } = Reading ?? EvidenceReading.None;

    /// <summary>The entry's canonical record: the bytes its hash covers.</summary>
    public byte[] Record() => EvidenceRecord.Entry(this);
}
