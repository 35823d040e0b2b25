using DebtShield.Core.Conduct;

namespace DebtShield.Core.Evidence;

/// <summary>
/// What the tool read into an entry when it was recorded: the conduct analyser's labels and
/// findings with the analyser's version, and for a screenshot how sure OCR was and whether the time
/// is only an estimate. Documents are built from it (a message without labels is left out of a
/// police report), so from record format 2 the entry's hash covers it: stripping a label is an
/// edit <c>evidence verify</c> catches.
/// </summary>
/// <param name="AnalyzerVersion">The analyser that labelled the entry (<c>conduct-…</c>); null when it was not analysed.</param>
/// <param name="Labels">The labels' ids, in the analyser's order.</param>
/// <param name="Findings">Where in the text each label was found, and by which rule.</param>
/// <param name="ReadConfidence">OCR's confidence in the text, 0 to 1; null when the text was not read by OCR.</param>
/// <param name="TimeEstimated">True when the time is only the latest the contact can have happened.</param>
public sealed record EvidenceReading(
    string? AnalyzerVersion,
    IReadOnlyList<string> Labels,
    IReadOnlyList<RecordedFinding> Findings,
    double? ReadConfidence = null,
    bool TimeEstimated = false)
{
    /// <summary>Nothing read: not analysed, not from a screenshot.</summary>
    public static EvidenceReading None { get; } = new(null, [], []);

    /// <summary>The reading of an analysis by the analyser <paramref name="analyzerVersion"/>.</summary>
    public static EvidenceReading Of(ConductAnalysis? analysis, string? analyzerVersion, double? readConfidence = null, bool timeEstimated = false) =>
        analysis is null
            ? new(null, [], [], readConfidence, timeEstimated)
            : new(
                analyzerVersion,
                [.. analysis.Labels.Select(l => l.Id())],
                [.. analysis.Findings.Select(f => new RecordedFinding(f.Label.Id(), f.Start, f.End, f.Rule))],
                readConfidence,
                timeEstimated);

    /// <summary>True when both hold the same labels, findings and readings.</summary>
    public bool Equals(EvidenceReading? other) =>
        other is not null && AnalyzerVersion == other.AnalyzerVersion && Labels.SequenceEqual(other.Labels)
        && Findings.SequenceEqual(other.Findings) && ReadConfidence.Equals(other.ReadConfidence) && TimeEstimated == other.TimeEstimated;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AnalyzerVersion, Labels.Count, Findings.Count, ReadConfidence, TimeEstimated);
}

/// <summary>One finding as recorded: which label, where in the text, which rule.</summary>
/// <param name="Label">The label's id.</param>
/// <param name="Start">The first character (UTF-16) of the evidence in the text; null for metadata labels.</param>
/// <param name="End">One past the last.</param>
/// <param name="Rule">The rule's id in <c>data/conduct</c>.</param>
public sealed record RecordedFinding(string Label, int? Start, int? End, string Rule);
