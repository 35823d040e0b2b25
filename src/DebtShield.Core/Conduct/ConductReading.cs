namespace DebtShield.Core.Conduct;

/// <summary>
/// What the words of one message say to its recipient (<see cref="ConductAnalyzer.Read"/>): the text's findings and
/// labels, before those of its time and counts. A batch reads its messages on every core and completes each, in the
/// order they were sent, with <see cref="ConductAnalyzer.Analyze(ConductReading, ConductMessage)"/>.
/// </summary>
public sealed class ConductReading
{
    internal ConductReading(string text, Recipient recipient, ConductFinding[] textFindings, int textLabels)
    {
        Text = text;
        Recipient = recipient;
        TextFindings = textFindings;
        TextLabels = textLabels;
    }

    /// <summary>The text that was read.</summary>
    public string Text { get; }

    /// <summary>The recipient it was read for: the rules of some labels depend on who received the words.</summary>
    public Recipient Recipient { get; }

    /// <summary>The text's findings, in the order the analyser found them (not yet ordered for the analysis).</summary>
    internal ConductFinding[] TextFindings { get; }

    /// <summary>The text's labels, one bit a <see cref="ConductLabel"/>.</summary>
    internal int TextLabels { get; }
}
