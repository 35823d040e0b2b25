using System.Globalization;
using System.Text.Json;
using DebtShield.Core;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Vocabulary;

namespace DebtShield.App.ReviewEvidence;

/// <summary>
/// The JSON of evidence lists, figures and checks, shared by the CLI's <c>--json</c> and the web
/// API so both speak the same field names. Times are China time with their offset.
/// </summary>
public static class EvidenceJson
{
    /// <summary>Writes <c>{"case","head":{"count","hash"},"entries":[…]}</c>.</summary>
    public static void Write(Utf8JsonWriter json, CaseEvidenceView view)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(view);
        json.WriteStartObject();
        json.WriteString("case", view.CaseTitle);
        WriteHead(json, view.Head);
        json.WriteStartArray("entries");
        foreach (var item in view.Items)
        {
            json.WriteStartObject();
            WriteEntry(json, item, null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes one entry's fields into the open object: the incident, its labels and findings, the
    /// analyser, corrections, and the hash. Attachments are their hashes, or, with
    /// <paramref name="describeAttachment"/>, objects <c>{"sha256","file","mediaType","name"}</c>.
    /// </summary>
    internal static void WriteEntry(Utf8JsonWriter json, EvidenceItem item, Func<ContentHash, (string? File, string? MediaType, string? Name)>? describeAttachment)
    {
        var entry = item.Entry;
        var incident = entry.Incident;
        json.WriteNumber("sequence", entry.Sequence);
        json.WriteString("time", Time(incident.Time));
        json.WriteString("channel", Vocabularies.Channels.WireId(incident.Channel));
        json.WriteString("direction", incident.Direction.Id());
        json.WriteString("outcome", incident.Outcome?.Id());
        if (incident.Duration is { } duration)
        {
            json.WriteNumber("durationSeconds", (long)duration.TotalSeconds);
        }
        else
        {
            json.WriteNull("durationSeconds");
        }

        json.WriteString("counterpart", incident.Counterpart);
        json.WriteString("recipient", Vocabularies.Recipients.WireId(incident.Recipient));
        json.WriteString("contact", incident.ContactName);
        json.WriteString("text", incident.Text);
        json.WriteString("source", incident.Source);
        if (item.ReadConfidence is { } confidence)
        {
            json.WriteNumber("readConfidence", Math.Round(confidence, 3));
        }
        else
        {
            json.WriteNull("readConfidence");
        }

        json.WriteBoolean("timeEstimated", item.TimeEstimated);
        json.WriteBoolean("needsConfirmation", item.NeedsConfirmation);
        json.WriteStartArray("attachments");
        foreach (var attachment in incident.Attachments)
        {
            if (describeAttachment is null)
            {
                json.WriteStringValue(attachment.Hex);
                continue;
            }

            var (file, mediaType, name) = describeAttachment(attachment);
            json.WriteStartObject();
            json.WriteString("sha256", attachment.Hex);
            json.WriteString("file", file);
            json.WriteString("mediaType", mediaType);
            json.WriteString("name", name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("labels");
        foreach (var label in item.Labels)
        {
            json.WriteStringValue(label.Id());
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in item.Findings)
        {
            json.WriteStartObject();
            json.WriteString("label", finding.Label);
            WriteNumberOrNull(json, "start", finding.Start);
            WriteNumberOrNull(json, "end", finding.End);
            json.WriteString("rule", finding.Rule);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("analyzer", item.AnalyzerVersion);
        WriteNumberOrNull(json, "supersedes", entry.Supersedes);
        WriteNumberOrNull(json, "supersededBy", item.SupersededBy);
        json.WriteBoolean("retraction", entry.IsRetraction);
        json.WriteNumber("recordFormat", entry.Format);
        json.WriteString("recordedAt", Time(entry.RecordedAt));
        json.WriteString("hash", entry.Hash.Hex);
    }

    /// <summary>Writes the figures: <c>{"case","incidents","perLabel","perCounterpart","perDay","offHours","frequencyBreaches","contactsReached"}</c>.</summary>
    /// <param name="json">Where to write.</param>
    /// <param name="title">The case's title, as the figures show it (never used to find the case).</param>
    /// <param name="statistics">The figures.</param>
    public static void Write(Utf8JsonWriter json, string? title, EvidenceStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(statistics);
        json.WriteStartObject();
        json.WriteString("case", title);
        json.WriteNumber("incidents", statistics.Incidents);
        json.WriteStartObject("perLabel");
        foreach (var count in statistics.PerLabel)
        {
            json.WriteNumber(count.Label.Id(), count.Count);
        }

        json.WriteEndObject();
        json.WriteStartArray("perCounterpart");
        foreach (var counterpart in statistics.PerCounterpart)
        {
            json.WriteStartObject();
            json.WriteString("counterpart", counterpart.Counterpart);
            json.WriteNumber("incidents", counterpart.Incidents);
            json.WriteNumber("calls", counterpart.Calls);
            json.WriteString("first", Time(counterpart.First));
            json.WriteString("last", Time(counterpart.Last));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("perDay");
        foreach (var day in statistics.PerDay)
        {
            json.WriteStartObject();
            json.WriteString("day", day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("incidents", day.Incidents);
            json.WriteNumber("abusive", day.Abusive);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("offHours", statistics.OffHours);
        json.WriteStartArray("frequencyBreaches");
        foreach (var breach in statistics.FrequencyBreaches)
        {
            json.WriteStartObject();
            json.WriteString("counterpart", breach.Counterpart);
            json.WriteString("day", breach.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("channel", breach.Channel == ContactChannel.Call ? "call" : "unanswered_call");
            json.WriteNumber("count", breach.Count);
            json.WriteNumber("limit", breach.Limit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("contactsReached");
        foreach (var contact in statistics.ContactsReached)
        {
            json.WriteStartObject();
            json.WriteString("name", contact.Name);
            json.WriteNumber("incidents", contact.Incidents);
            json.WriteString("firstReached", Time(contact.FirstReached));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes the checks: <c>{"intact","cases":[{"case","head","intactEntries","break":{"sequence","position","kind"}}]}</c>.</summary>
    public static void Write(Utf8JsonWriter json, IReadOnlyList<CaseChainCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(checks);
        json.WriteStartObject();
        json.WriteBoolean("intact", checks.All(c => c.Verification.IsIntact));
        json.WriteStartArray("cases");
        foreach (var check in checks)
        {
            json.WriteStartObject();
            json.WriteString("case", check.CaseTitle);
            WriteHead(json, check.Head);
            json.WriteNumber("intactEntries", check.Verification.IntactEntries);
            json.WriteNumber("formatOneEntries", check.Verification.FormatOneEntries);
            if (check.Verification.Break is { } broken)
            {
                json.WriteStartObject("break");
                json.WriteNumber("sequence", broken.Sequence);
                json.WriteNumber("position", broken.Position);
                json.WriteString("kind", ChainBreak.KindIds.Of(broken.Kind));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("break");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>An instant in China time, as the JSON writes it.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToOffset(ChinaStandardTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static void WriteHead(Utf8JsonWriter json, ChainHead head)
    {
        json.WriteStartObject("head");
        json.WriteNumber("count", head.Count);
        json.WriteString("hash", head.Hash.Hex);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
