using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Data.Protection;

namespace DebtShield.Data.Evidence;

/// <summary>
/// One entry of a case's evidence chain, as stored: the incident's facts, the chain's hashes, and
/// beside them the conduct analyser's labels with the version that produced them. Rows are only
/// ever inserted; nothing updates or deletes them.
/// </summary>
/// <remarks>
/// The text, the contact's name and the contact's phone are stored text: sealed when the ledger is
/// protected, bound to this case and sequence. Times are stored in UTC.
/// </remarks>
public sealed class StoredEvidenceEntry
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The entry's place in the case's chain, from 1.</summary>
    public int Sequence { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The sequence of the entry it corrects.</summary>
    public int? Supersedes { get; set; }

    /// <summary>How the contact reached its recipient.</summary>
    public IncidentChannel Channel { get; set; }

    /// <summary>Which way it went.</summary>
    public IncidentDirection Direction { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset Time { get; set; }

    /// <summary>A call's outcome.</summary>
    public CallOutcome? Outcome { get; set; }

    /// <summary>A call's duration in whole seconds.</summary>
    public long? DurationSeconds { get; set; }

    /// <summary>Who received it.</summary>
    public Recipient Recipient { get; set; }

    /// <summary>The collector's number or name.</summary>
    public string? Counterpart { get; set; }

    /// <summary>The contact who received it, stored (sealed when protected).</summary>
    public string? ContactName { get; set; }

    /// <summary>The contact's phone number, stored (sealed; only ever written to a protected ledger).</summary>
    public string? ContactPhone { get; set; }

    /// <summary>What was said, stored (sealed when protected).</summary>
    public string? Text { get; set; }

    /// <summary>Where it came from.</summary>
    public string Source { get; set; } = "";

    /// <summary>
    /// The attachments' content hashes, in order, separated by spaces; sealed when the ledger is
    /// protected (the plain hashes would let a known picture be confirmed), empty when there are none.
    /// </summary>
    public string Attachments { get; set; } = "";

    /// <summary>The incident's fingerprint, to recognise it when imported again.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>The previous entry's hash.</summary>
    public string Previous { get; set; } = "";

    /// <summary>This entry's hash.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The analyser that labelled it (<c>conduct-…</c>); null when the incident was not analysed.</summary>
    public string? AnalyzerVersion { get; set; }

    /// <summary>The labels' ids, comma-separated.</summary>
    public string Labels { get; set; } = "";

    /// <summary>The findings as JSON: <c>[{"label","start","end","rule"}]</c>.</summary>
    public string Findings { get; set; } = "[]";

    /// <summary>
    /// How sure OCR was of the text, 0 to 1, when it was read from a screenshot; null when the text
    /// was not read by OCR. Like the labels, it is beside the record, not in it: a reading, not a fact.
    /// </summary>
    public double? ReadConfidence { get; set; }

    /// <summary>
    /// True when the time is only the latest the contact can have happened: a message on a
    /// screenshot with no time stamp visible above it, dated by the next stamp or the capture.
    /// </summary>
    public bool TimeEstimated { get; set; }

    /// <summary>
    /// The record format its hash was computed in: 1 for entries recorded before the hash covered
    /// the labels (rows of older ledgers read as 1), 2 since (<see cref="EvidenceRecord"/>).
    /// </summary>
    public int RecordFormat { get; set; } = 1;

    /// <summary>True when the entry is a retraction of the entry it supersedes: its text is the reason.</summary>
    public bool Retraction { get; set; }

    /// <summary>Stores an entry of the case <paramref name="caseId"/>, sealing what is sensitive.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="cipher">The ledger's cipher.</param>
    /// <param name="fingerprint">The incident's fingerprint (<see cref="LedgerCipher.Fingerprint"/>), when the caller has it already.</param>
    public static StoredEvidenceEntry Of(Guid caseId, EvidenceEntry entry, LedgerCipher cipher, ContentHash? fingerprint = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(cipher);
        var incident = entry.Incident;
        if (incident.ContactPhone is not null && !cipher.IsProtected)
        {
            throw new InvalidOperationException("A contact's phone number is only stored in a protected ledger.");
        }

        var stored = new StoredEvidenceEntry
        {
            CaseId = caseId,
            Sequence = entry.Sequence,
            RecordedAt = entry.RecordedAt.ToUniversalTime(),
            Supersedes = entry.Supersedes,
            Channel = incident.Channel,
            Direction = incident.Direction,
            Time = incident.Time.ToUniversalTime(),
            Outcome = incident.Outcome,
            DurationSeconds = incident.Duration is { } d ? (long)d.TotalSeconds : null,
            Recipient = incident.Recipient,
            Counterpart = incident.Counterpart,
            Source = incident.Source,
            Fingerprint = (fingerprint ?? cipher.Fingerprint(incident)).Hex,
            Previous = entry.Previous.Hex,
            Hash = entry.Hash.Hex,
            RecordFormat = entry.Format,
            Retraction = entry.IsRetraction,
            AnalyzerVersion = entry.Reading.AnalyzerVersion,
            Labels = string.Join(',', entry.Reading.Labels),
            Findings = System.Text.Json.JsonSerializer.Serialize([.. entry.Reading.Findings], EvidenceJsonContext.Default.RecordedFindingArray),
            ReadConfidence = entry.Reading.ReadConfidence,
            TimeEstimated = entry.Reading.TimeEstimated,
        };
        stored.ContactName = cipher.Seal(incident.ContactName, stored.Sealed(SealedColumns.ContactName));
        stored.ContactPhone = cipher.Seal(incident.ContactPhone, stored.Sealed(SealedColumns.ContactPhone));
        stored.Text = cipher.Seal(incident.Text, stored.Sealed(SealedColumns.Text));
        stored.Attachments = incident.Attachments.Count == 0 ? "" : cipher.Seal(string.Join(' ', incident.Attachments.Select(a => a.Hex)), stored.Sealed(SealedColumns.Attachments))!;
        return stored;
    }

    /// <summary>
    /// The entry as it was stored, its sealed fields opened. Nothing is checked here:
    /// <see cref="EvidenceChain.Verify"/> recomputes the hashes.
    /// </summary>
    /// <exception cref="LedgerException">A sealed field does not open (it was edited).</exception>
    /// <exception cref="ArgumentException">The stored facts contradict each other (a row was edited).</exception>
    public EvidenceEntry ToEntry(LedgerCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        var attachments = ReadAttachments(cipher);
        var incident = new Incident(
            Channel,
            Direction,
            Time,
            Counterpart,
            Recipient,
            cipher.Open(Text, Sealed(SealedColumns.Text)),
            Source,
            cipher.Open(ContactName, Sealed(SealedColumns.ContactName)),
            cipher.Open(ContactPhone, Sealed(SealedColumns.ContactPhone)),
            Outcome,
            DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
            attachments);
        var reading = new EvidenceReading(AnalyzerVersion, Labels.Length == 0 ? [] : Labels.Split(','), ReadFindings(), ReadConfidence, TimeEstimated);
        return new EvidenceEntry(Sequence, RecordedAt, Supersedes, incident, Parse(Previous), Parse(Hash), RecordFormat, reading, Retraction);

        static ContentHash Parse(string hex) => ContentHash.TryParse(hex, out var hash) ? hash : default;
    }

    /// <summary>The attachments' content hashes, opened when sealed.</summary>
    /// <exception cref="LedgerException">The sealed list does not open (it was edited).</exception>
    /// <exception cref="ArgumentException">The list holds something that is not a hash (it was edited).</exception>
    internal IReadOnlyList<ContentHash> ReadAttachments(LedgerCipher cipher)
    {
        // A ledger protected before issue 22 keeps the list plain until its next open finishes it.
        var list = Attachments.Length == 0 || !cipher.IsProtected || AttachmentsPlain ? Attachments : cipher.Open(Attachments, Sealed(SealedColumns.Attachments))!;
        return list.Length == 0
            ? []
            : [.. list.Split(' ').Select(h => ContentHash.TryParse(h, out var hash) ? hash : throw new ArgumentException("Not an attachment hash: " + h))];
    }

    /// <summary>True when the attachment list is stored as plain hashes (a list always starts with one).</summary>
    private bool AttachmentsPlain => Attachments.Length >= 64 && ContentHash.TryParse(Attachments[..64], out _);

    /// <summary>
    /// Seals the text fields and the attachment list of an entry stored before the ledger was
    /// protected. The only change a stored entry ever sees: how it is stored, not what it says, so
    /// its hash still holds.
    /// </summary>
    internal void SealWith(LedgerCipher sealing)
    {
        ContactName = sealing.Seal(ContactName, Sealed(SealedColumns.ContactName));
        ContactPhone = sealing.Seal(ContactPhone, Sealed(SealedColumns.ContactPhone));
        Text = sealing.Seal(Text, Sealed(SealedColumns.Text));
        SealAttachments(sealing);
    }

    /// <summary>
    /// Seals the attachment list when it is still plain (a ledger protected before issue 22, or in
    /// the transaction that protects it); a sealed or empty list is left as it is.
    /// </summary>
    internal void SealAttachments(LedgerCipher sealing)
    {
        if (AttachmentsPlain)
        {
            Attachments = sealing.Seal(Attachments, Sealed(SealedColumns.Attachments))!;
        }
    }

    /// <summary>
    /// Replaces the plain fingerprint of an entry stored before the ledger was protected with the
    /// keyed one (<see cref="LedgerCipher.Fingerprint"/>). A fingerprint already keyed is left as it
    /// is, and so is a row that no longer opens: verify reports it, and it must not stop the ledger
    /// from opening.
    /// </summary>
    internal void KeyFingerprint(LedgerCipher cipher)
    {
        Incident incident;
        try
        {
            incident = ToEntry(cipher).Incident;
        }
        catch (Exception e) when (e is LedgerException or ArgumentException)
        {
            return;
        }

        if (Fingerprint == EvidenceRecord.Fingerprint(incident).Hex)
        {
            Fingerprint = cipher.Fingerprint(incident).Hex;
        }
    }

    /// <summary>The labels as stored.</summary>
    public IReadOnlyList<ConductLabel> ReadLabels() =>
        Labels.Length == 0 ? [] : [.. Labels.Split(',').Select(id => ConductLabels.TryParse(id, out var label) ? label : (ConductLabel?)null).OfType<ConductLabel>()];

    /// <summary>The findings as stored.</summary>
    /// <exception cref="ArgumentException">The stored findings are not the JSON this program writes (the row was edited).</exception>
    public IReadOnlyList<RecordedFinding> ReadFindings()
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(Findings, EvidenceJsonContext.Default.RecordedFindingArray) ?? [];
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArgumentException("Stored findings do not read.", nameof(Findings), e);
        }
    }

    private string Sealed(string column) => column + ":" + CaseId.ToString("N") + ":" + Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static class SealedColumns
    {
        public const string ContactName = "evidence_entries.contact_name";
        public const string ContactPhone = "evidence_entries.contact_phone";
        public const string Text = "evidence_entries.text";
        public const string Attachments = "evidence_entries.attachments";
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RecordedFinding[]))]
internal sealed partial class EvidenceJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
