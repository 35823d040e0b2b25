using DebtShield.Core.Screenshots;

namespace DebtShield.Import.Screenshots;

/// <summary>
/// Which of a bubble's two readings is kept, the simplified-character model's or the
/// traditional-character model's, and what the two readings leave in doubt: its script, or its
/// characters where the scripts write alike.
/// </summary>
/// <remarks>
/// The glyphs decide (<see cref="CharacterForms.Votes"/>: a glyph only one model could read). Where
/// each model read a form only its own script writes and neither is the other's (還 read 迁 by one,
/// 還 by the other), one of them misread that glyph: the model surer of the bubble is kept. Where
/// nothing tells, a bubble the simplified model was unsure of takes the reading the models were
/// surer of. That last choice is the weak one: the simplified model is unsure of a traditional
/// glyph it cannot read, but also of a simplified glyph it misread, and the traditional model is
/// sure of its own forms of simplified glyphs (尊敬的用户 read 尊敬的用戶 at 0.94); so it is doubtful
/// in script when the two readings also disagree where the scripts write alike. The screenshot's
/// other bubbles are no evidence here: their votes are few (a tenth of the bubbles read twice
/// carry one) and a traditional reply among simplified messages keeps its own script. Where both
/// models read characters the scripts write alike they should agree: many places where they do
/// not go with a bad reading, whichever was kept.
/// </remarks>
/// <param name="Traditional">True when the traditional model's reading is kept.</param>
/// <param name="Doubts"><see cref="ReadDoubts.ScriptUnsure"/>, <see cref="ReadDoubts.ReadingsDisagree"/>, both or none.</param>
internal readonly record struct ScriptChoice(bool Traditional, ReadDoubts Doubts)
{
    /// <summary>Below this confidence (on average, or with many unsure words) the simplified reading of a bubble is unsure, and the traditional one may be kept for being surer.</summary>
    public const double TraditionalBelow = 0.86;

    /// <summary>How much surer the traditional model must be of an unsure bubble for its reading to be kept, when no glyph told the script.</summary>
    public const double TraditionalMargin = 0.04;

    /// <summary>
    /// From this share of a bubble's characters (the longer reading's letters, digits and Chinese
    /// characters) at places where the two readings differ beyond the scripts' forms, the readings
    /// disagree (<see cref="ReadDoubts.ReadingsDisagree"/>).
    /// </summary>
    public const double DisagreeShare = 0.15;

    /// <summary>Chooses between the two readings of one bubble.</summary>
    /// <param name="simplified">The simplified model's lines in the bubble.</param>
    /// <param name="traditional">The traditional model's lines in it.</param>
    /// <param name="forms">The scripts' forms.</param>
    public static ScriptChoice For(IReadOnlyList<OcrLine> simplified, IReadOnlyList<OcrLine> traditional, CharacterForms forms)
    {
        ArgumentNullException.ThrowIfNull(simplified);
        ArgumentNullException.ThrowIfNull(traditional);
        ArgumentNullException.ThrowIfNull(forms);
        if (traditional.Count == 0)
        {
            return new ScriptChoice(false, ReadDoubts.None);
        }

        var (s, t) = (Text(simplified), Text(traditional));
        var comparison = forms.Compare(s, t);
        var votes = comparison.Votes;
        var margin = Math.Abs(votes.Traditional - votes.Simplified);
        var (surer, lessSure) = (Confidence(traditional), Confidence(simplified));
        bool keepTraditional, scriptUnsure;
        if (margin > 0)
        {
            // The glyphs decide; doubtful when they point the other way about as often, or when the
            // model they side with was the less sure of the bubble while the readings also differ
            // where the scripts write alike: that model misread or dropped characters, and its vote
            // may be one of them (您的网贷逾期 read 您的网貨 by chi_tra: 逾期 dropped, 貨 paired
            // with a glyph chi_sim read surely).
            keepTraditional = votes.Traditional > votes.Simplified;
            scriptUnsure = Math.Min(votes.Traditional, votes.Simplified) >= margin
                || (comparison.Disagreements > 0 && (keepTraditional ? surer < lessSure : lessSure < surer));
        }
        else if (comparison.Contested > 0)
        {
            // Each model read a form of its own script where the other read one of its own: one of
            // them misread that glyph, and the one less sure of the bubble is the likelier; doubtful
            // when the two were about as sure.
            keepTraditional = surer > lessSure;
            scriptUnsure = Math.Abs(surer - lessSure) < TraditionalMargin;
        }
        else
        {
            // Kept in traditional forms only because that model was surer: doubtful when the
            // simplified model's unsureness may come from characters it misread where the scripts
            // write alike (the readings disagree there).
            keepTraditional = Unsure(simplified) && surer > lessSure + TraditionalMargin;
            scriptUnsure = keepTraditional && comparison.Disagreements > 0;
        }

        // A glyph the model not kept read in a form only its own script writes, where the kept
        // model read nothing at all: the kept model may not know that glyph (我會按時還款 read
        // 我会按时款 by chi_sim, sure of it: 還 dropped, no vote, no disagreement).
        scriptUnsure |= keepTraditional ? comparison.LoneSimplified > 0 : comparison.LoneTraditional > 0;
        var doubts = (scriptUnsure ? ReadDoubts.ScriptUnsure : ReadDoubts.None)
            | (comparison.Disagreements >= DisagreeShare * comparison.Length && comparison.Disagreements > 0 ? ReadDoubts.ReadingsDisagree : ReadDoubts.None);
        return new ScriptChoice(keepTraditional, doubts);
    }

    /// <summary>True when the simplified model was unsure of the lines: on average, or of many of their words.</summary>
    public static bool Unsure(IReadOnlyList<OcrLine> lines) =>
        Confidence(lines) < TraditionalBelow || (lines.Count > 0 && lines.Sum(l => l.UnsureCharacters) >= ChatMessage.ConfirmUnsureShare * lines.Sum(l => l.Characters));

    /// <summary>The lines' text in reading order.</summary>
    public static string Text(IReadOnlyList<OcrLine> lines) => string.Concat(lines.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).Select(l => l.Text));

    private static double Confidence(IReadOnlyList<OcrLine> lines) =>
        lines.Sum(l => l.Characters) is > 0 and var characters ? lines.Sum(l => l.Confidence * l.Characters) / characters : 0;
}
