namespace DebtShield.Core.Screenshots;

/// <summary>
/// Signs that an image is not a chat, read from the whole page (every line OCR read, how many
/// bubbles' fills were found, the pane) rather than from the conversation the layout made of it:
/// the layout keeps what it takes for messages and drops the rest, and it turns a list's rows into
/// "messages" as readily as bubbles. <see cref="ChatShape"/> holds the signs read from the messages.
/// </summary>
/// <remarks>
/// The pages that look most like a chat are an app's own lists: the conversation list (a picture, a
/// name, the last message's first line and its time, row after row), a contact picker, a settings
/// page, a list of blocked numbers. They have no bubble: their text stands on the page, and every
/// row is as tall as the one before, since a list gives each row the same height whatever it holds.
/// A chat's messages stand in bubbles as tall as their text, so its lines step down unevenly; where
/// no bubble was found at all (an app whose fills match its page), its lines are a message's lines
/// one under the other, closer than a row's height. That last holds on the tuning side but not
/// everywhere: scored once on the held-out side, the list sign refused three real chats in which no
/// fill was found (a WeChat group, two robots' reports running off the screen; docs/benchmarks.md,
/// 2026-12-07, s26-nonchat).
/// </remarks>
public static class PageShape
{
    /// <summary>
    /// The fewest rows in one even run that make a list. A list on a phone shows six to ten rows (OCR
    /// misses some of a row's lines); the three real chats read without bubbles on the tuning side
    /// had three at most, as two messages of one line each between a name and the next do (docs/benchmarks.md, 2026-12-07).
    /// </summary>
    public const int ListRowsAtLeast = 4;

    /// <summary>How far apart (as a share of the width) two lines' left edges may be and still hang from one edge.</summary>
    private const double SameEdge = 0.01;

    /// <summary>How much two lines' heights may differ (as a share of the first) and still be one kind of line (a row's name, its preview).</summary>
    private const double SameHeight = 0.25;

    /// <summary>How much a step may differ from the first step of its column (as a share of it) and still be the same step.</summary>
    private const double SameStep = 0.08;

    /// <summary>How many line heights at least a row's step is: closer lines are one paragraph's or one message's lines, not rows.</summary>
    private const double RowStepInLines = 2.5;

    /// <summary>The top share of a phone's screen that holds the status bar (its clock and icons are no row).</summary>
    private const double StatusBarShare = 0.045;

    /// <summary>
    /// The least share of the image's height a chat pane's message area takes: in a chat window the
    /// conversation is most of it (the title and the input area are the rest), so a "pane" lower than
    /// this is a bar across a page (a browser's navigation bar, a window's title bar).
    /// </summary>
    public const double PaneHeightAtLeast = 0.25;

    /// <summary>The signs against a <paramref name="width"/>×<paramref name="height"/> image being a chat, from its whole page; none for a chat.</summary>
    /// <param name="lines">Every line OCR read on the image.</param>
    /// <param name="bubblesFound">How many bubbles' fills were found on the image.</param>
    /// <param name="pane">The desktop chat pane found on it, if any.</param>
    /// <param name="width">The image's width.</param>
    /// <param name="height">The image's height.</param>
    public static IReadOnlyList<NotChatSign> SignsAgainst(IReadOnlyList<OcrLine> lines, int bubblesFound, ChatPane? pane, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfNegative(bubblesFound);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var signs = new List<NotChatSign>();
        var below = lines.Where(l => l.Box.Top > height * StatusBarShare && !string.IsNullOrWhiteSpace(l.Text)).Select(l => l.Box).ToList();
        if (bubblesFound == 0 && LongestEvenColumn(below, width) >= ListRowsAtLeast)
        {
            signs.Add(NotChatSign.ListRows);
        }

        if (pane is { } found && found.Messages.Height < height * PaneHeightAtLeast)
        {
            signs.Add(NotChatSign.BarForPane);
        }

        return signs;
    }

    /// <summary>
    /// The most rows in one run down the page: lines of one kind (one left edge, one height) at one
    /// even step of at least <see cref="RowStepInLines"/> line heights, with every other line of that
    /// kind between them repeating at the same step (a row's name between two previews, each row
    /// having one). A list's names, previews or labels make such a run; a chat's lines (a message's
    /// lines close together, messages of many heights) break it within a few steps.
    /// </summary>
    private static int LongestEvenColumn(List<PixelBox> lines, int width)
    {
        var longest = 0;
        foreach (var first in lines)
        {
            var tops = lines
                .Where(l => Math.Abs(l.Left - first.Left) <= width * SameEdge && Math.Abs(l.Height - first.Height) <= first.Height * SameHeight)
                .OrderBy(l => l.Top)
                .Select(l => (Top: l.Top, l.Height))
                .ToList();
            for (var i = 0; i < tops.Count; i++)
            {
                for (var j = i + 1; j < tops.Count; j++)
                {
                    var step = tops[j].Top - tops[i].Top;
                    if (step < RowStepInLines * tops[i].Height || !Repeats(tops[i].Top, tops[j].Top, step))
                    {
                        continue;
                    }

                    var (count, last) = (2, tops[j].Top);
                    while (At(last + step, step) is { } next && Repeats(last, next, step))
                    {
                        (count, last) = (count + 1, next);
                    }

                    longest = Math.Max(longest, count);
                }
            }

            int? At(int top, int step) => tops.FirstOrDefault(t => Math.Abs(t.Top - top) <= step * SameStep) is { Height: > 0 } found ? found.Top : null;

            // Every line of the kind between two rows' lines is part of a row: another row holds it one step above or below.
            bool Repeats(int from, int to, int step) =>
                tops.Where(t => t.Top > from + (step * SameStep) && t.Top < to - (step * SameStep)).All(t => At(t.Top + step, step) is not null || At(t.Top - step, step) is not null);
        }

        return longest;
    }
}
