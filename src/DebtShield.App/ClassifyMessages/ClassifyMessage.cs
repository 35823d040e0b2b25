using System.Globalization;
using System.Text.Json;
using DebtShield.Core.Conduct;
using DebtShield.Import.Conduct;

namespace DebtShield.App.ClassifyMessages;

/// <summary>
/// Use case: "which rule does this message break?" for one message. The CLI's
/// <c>debtshield classify</c> and (later) the web app and the evidence ledger call this.
/// </summary>
public static class ClassifyMessage
{
    /// <summary>The analyser built from the embedded <c>data/conduct</c> files.</summary>
    public static ConductAnalyzer Analyzer => ConductDataReader.LoadEmbedded();

    /// <summary>Writer options that keep Chinese text readable (no \uXXXX escapes).</summary>
    public static JsonWriterOptions WriterOptions => ReportJsonContext.WriterOptions;

    /// <summary>
    /// The written words of every rule of <see cref="Analyzer"/> (its id, explanation in both
    /// languages and citations), JSON-encoded once: a batch writes the same few dozen rules a
    /// million times, and encoding each Chinese explanation again was a sixth of the line's work.
    /// Found by the finding's explanation itself (by reference), so a finding whose words were
    /// made for it (the model's, which quote the message) is encoded as it is written.
    /// </summary>
    private static readonly Dictionary<ConductExplanation, EncodedRule> Encoded = EncodeRules(Analyzer);

    private static readonly JsonEncodedText[] LabelIds = [.. Enum.GetValues<ConductLabel>().Select(l => JsonEncodedText.Encode(l.Id(), WriterOptions.Encoder))];

    /// <summary>Analyses one message.</summary>
    public static ConductAnalysis Analyze(ConductMessage message) => Analyzer.Analyze(message);

    /// <summary>
    /// Writes the result for one line: <c>{"line","id","labels":[…],"findings":[{"label","start","end","rule","explain","citations"}]}</c>.
    /// <c>explain</c> is in the current UI language; <c>start</c>/<c>end</c> are UTF-16 offsets in
    /// the original text, null for metadata labels.
    /// </summary>
    public static void Write(Utf8JsonWriter json, long? line, string? id, ConductAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(analysis);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        json.WriteStartObject();
        if (line is { } number)
        {
            json.WriteNumber("line"u8, number);
        }

        if (id is null)
        {
            json.WriteNull("id"u8);
        }
        else
        {
            json.WriteString("id"u8, id);
        }

        json.WriteStartArray("labels"u8);
        foreach (var label in analysis.Labels)
        {
            json.WriteStringValue(LabelIds[(int)label]);
        }

        json.WriteEndArray();
        json.WriteStartArray("findings"u8);
        foreach (var finding in analysis.Findings)
        {
            json.WriteStartObject();
            json.WriteString("label"u8, LabelIds[(int)finding.Label]);
            WriteNumberOrNull(json, "start"u8, finding.Start);
            WriteNumberOrNull(json, "end"u8, finding.End);
            if (Encoded.TryGetValue(finding.Explanation, out var rule) && ReferenceEquals(rule.Id, finding.Rule) && ReferenceEquals(rule.Citations, finding.Citations))
            {
                json.WriteString("rule"u8, rule.EncodedId);
                json.WriteString("explain"u8, english ? rule.English : rule.Chinese);
                json.WriteStartArray("citations"u8);
                foreach (var citation in rule.EncodedCitations)
                {
                    json.WriteStringValue(citation);
                }
            }
            else
            {
                json.WriteString("rule"u8, finding.Rule);
                json.WriteString("explain"u8, english ? finding.Explanation.English : finding.Explanation.Chinese);
                json.WriteStartArray("citations"u8);
                foreach (var citation in finding.Citations)
                {
                    json.WriteStringValue(citation);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes <c>{"line":N,"error":"…"}</c> for a line that could not be read.</summary>
    public static void WriteError(Utf8JsonWriter json, long line, string error)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteNumber("line"u8, line);
        json.WriteString("error"u8, error);
        json.WriteEndObject();
    }

    private static Dictionary<ConductExplanation, EncodedRule> EncodeRules(ConductAnalyzer analyzer)
    {
        var encoder = WriterOptions.Encoder;
        var rules = analyzer.Rules.Rules.Select(r => (r.Id, r.Explanation, r.Citations))
            .Concat(analyzer.Policy.Rules.Values.Select(r => (r.Id, r.Explanation, r.Citations)));
        var encoded = new Dictionary<ConductExplanation, EncodedRule>(ReferenceEqualityComparer.Instance);
        foreach (var (id, explanation, citations) in rules)
        {
            encoded.TryAdd(explanation, new EncodedRule(
                id,
                citations,
                JsonEncodedText.Encode(id, encoder),
                JsonEncodedText.Encode(explanation.Chinese, encoder),
                JsonEncodedText.Encode(explanation.English, encoder),
                [.. citations.Select(c => JsonEncodedText.Encode(c, encoder))]));
        }

        return encoded;
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

/// <summary>A rule's words as <see cref="ClassifyMessage.Write"/> writes them, encoded once.</summary>
/// <param name="Id">The rule id the encoding was made from.</param>
/// <param name="Citations">The citation list the encoding was made from.</param>
/// <param name="EncodedId">The id, encoded.</param>
/// <param name="Chinese">The Chinese explanation, encoded.</param>
/// <param name="English">The English explanation, encoded.</param>
/// <param name="EncodedCitations">The citations, encoded.</param>
internal sealed record EncodedRule(string Id, IReadOnlyList<string> Citations, JsonEncodedText EncodedId, JsonEncodedText Chinese, JsonEncodedText English, JsonEncodedText[] EncodedCitations);
