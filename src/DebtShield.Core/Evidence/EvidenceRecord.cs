using System.Globalization;
using System.Text;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Evidence;

/// <summary>
/// The canonical bytes of an evidence entry: what its hash is computed over, and what an evidence
/// bundle ships as one text file per entry so that <c>sha256sum</c> of that file is the entry's
/// hash. The format is fixed and versioned; changing it would break every stored chain.
/// </summary>
/// <remarks>
/// <para>UTF-8, one field a line, in this order:</para>
/// <code>
/// debtshield-evidence 1
/// sequence 17
/// recorded 2026-11-28T08:00:00.000Z
/// supersedes 3              (or "supersedes -")
/// channel sms
/// direction received
/// time 2026-11-03T13:43:00.000Z
/// outcome -                 (answered, missed, rejected, blocked, voicemail for a call)
/// duration -                (whole seconds for a call, when known)
/// recipient third_party
/// counterpart 11 13800138000
/// contact 6 小王
/// contact-phone 0
/// text 27 …                 (byte length, a space, the text; it may span lines)
/// attachment 9f86d0…        (one line each, in order)
/// previous 000…000
/// </code>
/// <para>Text fields carry their UTF-8 byte length, so no text can forge a field. Times are UTC to
/// the millisecond. The incident block (channel to attachments) alone is the fingerprint that
/// recognises the same contact imported twice.</para>
/// <para>Format 2 (every entry recorded since) adds, after <c>supersedes</c>, the line
/// <c>kind incident</c> or <c>kind retraction</c>, and after the attachments what the tool read into
/// the entry, which documents rely on:</para>
/// <code>
/// source 14 backup-1103.xml
/// analyzer 20 conduct-3f2a1b0c9d8e
/// label threat              (one line each, in order)
/// finding 6 threat 4 9 8 threat-1   (label and rule as text fields; start and end or -)
/// read-confidence 0.8125    (or -; the shortest text that reads back as the same double)
/// time-estimated no
/// </code>
/// <para>Format 1 entries keep their format: they verify as they always did, and their readings are
/// not covered (<c>evidence verify</c> counts them).</para>
/// </remarks>
public static class EvidenceRecord
{
    /// <summary>The format's first line.</summary>
    public const string Header = "debtshield-evidence 1";

    /// <summary>The format every new entry is recorded in.</summary>
    public const int CurrentFormat = 2;

    /// <summary>The canonical bytes of an entry, in the format it was recorded in.</summary>
    public static byte[] Entry(EvidenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Format == 1
            ? Entry(entry.Sequence, entry.RecordedAt, entry.Supersedes, entry.Incident, entry.Previous)
            : FormatTwo(entry);
    }

    /// <summary>The canonical bytes of a format-1 entry.</summary>
    public static byte[] Entry(int sequence, DateTimeOffset recordedAt, int? supersedes, Incident incident, ContentHash previous)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var builder = new StringBuilder(256 + (incident.Text?.Length ?? 0));
        builder.Append(Header).Append('\n');
        Line(builder, "sequence", sequence.ToString(CultureInfo.InvariantCulture));
        Line(builder, "recorded", Instant(recordedAt));
        Line(builder, "supersedes", supersedes?.ToString(CultureInfo.InvariantCulture) ?? "-");
        AppendIncident(builder, incident);
        Line(builder, "previous", previous.Hex);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static byte[] FormatTwo(EvidenceEntry entry)
    {
        if (entry.Format != 2)
        {
            throw new ArgumentException("Unknown evidence record format " + entry.Format.ToString(CultureInfo.InvariantCulture) + ".", nameof(entry));
        }

        var incident = entry.Incident;
        var reading = entry.Reading;
        var builder = new StringBuilder(384 + (incident.Text?.Length ?? 0));
        builder.Append("debtshield-evidence 2\n");
        Line(builder, "sequence", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Line(builder, "recorded", Instant(entry.RecordedAt));
        Line(builder, "supersedes", entry.Supersedes?.ToString(CultureInfo.InvariantCulture) ?? "-");
        Line(builder, "kind", entry.IsRetraction ? "retraction" : "incident");
        AppendIncident(builder, incident);
        Text(builder, "source", incident.Source);
        Text(builder, "analyzer", reading.AnalyzerVersion);
        foreach (var label in reading.Labels)
        {
            Text(builder, "label", label);
        }

        foreach (var finding in reading.Findings)
        {
            builder.Append("finding ");
            Counted(builder, finding.Label);
            builder.Append(' ').Append(finding.Start?.ToString(CultureInfo.InvariantCulture) ?? "-")
                .Append(' ').Append(finding.End?.ToString(CultureInfo.InvariantCulture) ?? "-").Append(' ');
            Counted(builder, finding.Rule);
            builder.Append('\n');
        }

        Line(builder, "read-confidence", reading.ReadConfidence?.ToString("R", CultureInfo.InvariantCulture) ?? "-");
        Line(builder, "time-estimated", reading.TimeEstimated ? "yes" : "no");
        Line(builder, "previous", entry.Previous.Hex);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>The canonical bytes of the incident block alone.</summary>
    public static byte[] Incident(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var builder = new StringBuilder(192 + (incident.Text?.Length ?? 0));
        AppendIncident(builder, incident);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>The incident's fingerprint: the hash of its block, the same for the same contact read twice.</summary>
    public static ContentHash Fingerprint(Incident incident) => ContentHash.Of(Incident(incident));

    /// <summary>The stable id of a direction (<see cref="Vocabularies.Directions"/>).</summary>
    public static string Id(this IncidentDirection direction) => Vocabularies.Directions.WireId(direction);

    /// <summary>The stable id of a call outcome (<see cref="Vocabularies.CallOutcomes"/>).</summary>
    public static string Id(this CallOutcome outcome) => Vocabularies.CallOutcomes.WireId(outcome);

    /// <summary>An instant as records write it: UTC, milliseconds, Z.</summary>
    public static string Instant(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void AppendIncident(StringBuilder builder, Incident incident)
    {
        Line(builder, "channel", Vocabularies.Channels.WireId(incident.Channel));
        Line(builder, "direction", incident.Direction.Id());
        Line(builder, "time", Instant(incident.Time));
        Line(builder, "outcome", incident.Outcome?.Id() ?? "-");
        Line(builder, "duration", incident.Duration is { } d ? ((long)d.TotalSeconds).ToString(CultureInfo.InvariantCulture) : "-");
        Line(builder, "recipient", Vocabularies.Recipients.WireId(incident.Recipient));
        Text(builder, "counterpart", incident.Counterpart);
        Text(builder, "contact", incident.ContactName);
        Text(builder, "contact-phone", incident.ContactPhone);
        Text(builder, "text", incident.Text);
        foreach (var attachment in incident.Attachments)
        {
            Line(builder, "attachment", attachment.Hex);
        }
    }

    private static void Line(StringBuilder builder, string name, string value) =>
        builder.Append(name).Append(' ').Append(value).Append('\n');

    private static void Text(StringBuilder builder, string name, string? value)
    {
        builder.Append(name).Append(' ');
        Counted(builder, value);
        builder.Append('\n');
    }

    /// <summary>A text as records write it: its UTF-8 byte length, then (unless absent) a space and the text.</summary>
    private static void Counted(StringBuilder builder, string? value)
    {
        builder.Append(Encoding.UTF8.GetByteCount(value ?? "").ToString(CultureInfo.InvariantCulture));
        if (value is not null)
        {
            builder.Append(' ').Append(value);
        }
    }
}
