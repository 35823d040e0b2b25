using DebtShield.Core.Evidence;

namespace DebtShield.App.ReviewEvidence;

/// <summary>One piece of an incident's text: plain, or a span the analyser marked as evidence.</summary>
/// <param name="Text">The piece, as written but with control and bidirectional characters made visible
/// (<see cref="Core.DisplayText"/>); encode it before putting it in markup.</param>
/// <param name="Marked">True for a span a finding points at.</param>
public readonly record struct TextSegment(string Text, bool Marked);

/// <summary>
/// Splits an incident's text at the spans the analyser found, so every view (the web timeline,
/// the bundle's printable timeline) marks the same words. Spans outside the text, empty spans and
/// spans overlapping an earlier one are left unmarked rather than trusted.
/// </summary>
public static class MarkedText
{
    /// <summary>The text in order, split at the findings' spans; nothing for no text.</summary>
    public static IReadOnlyList<TextSegment> Split(string? text, IReadOnlyList<RecordedFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var spans = findings
            .Where(f => f.Start is { } s && f.End is { } e && s >= 0 && e <= text.Length && s < e)
            .Select(f => (Start: f.Start!.Value, End: f.End!.Value))
            .OrderBy(s => s.Start);
        var segments = new List<TextSegment>();
        var position = 0;
        foreach (var (start, end) in spans)
        {
            if (start < position)
            {
                continue;
            }

            if (start > position)
            {
                segments.Add(new TextSegment(Core.DisplayText.Neutralise(text[position..start]), false));
            }

            segments.Add(new TextSegment(Core.DisplayText.Neutralise(text[start..end]), true));
            position = end;
        }

        if (position < text.Length)
        {
            segments.Add(new TextSegment(Core.DisplayText.Neutralise(text[position..]), false));
        }

        return segments;
    }
}
