using DebtShield.Core.Evidence;

namespace DebtShield.Core.Screenshots;

/// <summary>
/// One message bubble read from a chat screenshot.
/// </summary>
/// <param name="Direction">Left bubbles were received, right bubbles sent by the phone's owner.</param>
/// <param name="Text">The bubble's text, its lines joined.</param>
/// <param name="Time">When it was sent: the time stamp above it, or (when none is visible) the latest time it can have been sent.</param>
/// <param name="TimeEstimated">True when no time stamp above it was visible, so <paramref name="Time"/> is an upper bound.</param>
/// <param name="Confidence">How sure OCR was of the text, 0 to 1, averaged over its characters.</param>
/// <param name="Box">Where the bubble's text is on the image.</param>
public sealed record ChatMessage(IncidentDirection Direction, string Text, DateTimeOffset Time, bool TimeEstimated, double Confidence, PixelBox Box)
{
    /// <summary>Below this confidence the text is marked for the borrower to confirm or correct before it is relied on.</summary>
    public const double ConfirmBelow = 0.80;

    /// <summary>True when the text should be confirmed by the borrower.</summary>
    public bool NeedsConfirmation => Confidence < ConfirmBelow;
}

/// <summary>What a chat screenshot says: whose conversation it is and its messages, top to bottom.</summary>
/// <param name="Title">The name or number in the title bar (the other side of the conversation), if one was read.</param>
/// <param name="Messages">The bubbles, top to bottom.</param>
public sealed record ChatReading(string? Title, IReadOnlyList<ChatMessage> Messages);

/// <summary>
/// Splits the OCR lines of a chat screenshot (WeChat, SMS and the like) into the conversation it
/// shows: the title bar's name, the bubbles with their side, and the time stamps between them;
/// the status bar, system notices and the input box are dropped. It works on the lines' boxes
/// alone (and the shade under them), so it is the same for every source of OCR.
/// </summary>
/// <remarks>
/// Chat apps share one layout: a status bar (clock, signal, battery) in the top few percent, a
/// title bar with the other side's name centred under it, bubbles hanging from the left (the
/// other side) or the right (the phone's owner), time stamps centred between them, and an input
/// box at the bottom. A bubble's lines are close together and left-aligned; a gap larger than
/// a line's height, a change of side or a time stamp starts the next bubble.
/// </remarks>
public static class ChatLayout
{
    /// <summary>The share of the width, on each side, where chat apps put avatars and never a bubble's text.</summary>
    public const double AvatarMargin = 0.14;

    /// <summary>The top share of the image that holds the status bar.</summary>
    private const double StatusBarShare = 0.045;

    /// <summary>The top share of the image that holds the status bar and the title bar.</summary>
    private const double TitleBarShare = 0.11;

    /// <summary>The bottom share of the image that holds the input box.</summary>
    private const double InputBoxShare = 0.075;

    /// <summary>How far from the middle (as a share of the width) a centred line may be.</summary>
    private const double CentredShare = 0.06;

    /// <summary>How much nearer one edge than the other (as a share of the width) a bubble must be for its position to decide its side.</summary>
    private const double SideMargin = 0.06;

    /// <summary>Reads the conversation on a <paramref name="width"/>×<paramref name="height"/> screenshot taken at <paramref name="captured"/>.</summary>
    public static ChatReading Read(IReadOnlyList<OcrLine> lines, int width, int height, DateTimeOffset captured)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var ordered = lines.Where(l => !string.IsNullOrWhiteSpace(l.Text)).OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
        string? title = null;
        var body = new List<OcrLine>();
        foreach (var line in ordered)
        {
            if (line.Box.Top < height * StatusBarShare || line.Box.Bottom > height * (1 - InputBoxShare))
            {
                continue;
            }

            if (line.Box.Bottom <= height * TitleBarShare)
            {
                if (title is null && IsCentred(line, width))
                {
                    title = line.Text.Trim();
                }

                continue;
            }

            body.Add(line);
        }

        var lineHeight = body.Count == 0 ? 0 : Median(body.Select(l => l.Box.Height));
        var blocks = new List<Block>();
        foreach (var line in body)
        {
            if (IsCentred(line, width) && line.Box.Width < width / 2)
            {
                // A time stamp, or a system notice ("以下为新消息", "对方撤回了一条消息"): either way not a bubble.
                if (ChatTimeStamp.TryRead(line.Text, captured, out var time, out _))
                {
                    blocks.Add(new Block(time));
                }

                continue;
            }

            var last = blocks.Count > 0 ? blocks[^1] : null;
            if (last is { Stamp: null } && last.Continues(line, lineHeight, width))
            {
                last.Lines.Add(line);
            }
            else
            {
                blocks.Add(new Block(line));
            }
        }

        return new ChatReading(title, Messages(blocks, width, captured));
    }

    private static List<ChatMessage> Messages(List<Block> blocks, int width, DateTimeOffset captured)
    {
        var messages = new List<ChatMessage>();
        DateTimeOffset? current = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Stamp is { } stamp)
            {
                current = stamp;
                continue;
            }

            // Above the first visible stamp a message is no later than that stamp (or the capture).
            var time = current ?? blocks.Skip(i + 1).Select(b => b.Stamp).FirstOrDefault(s => s is not null) ?? captured;
            var box = block.Lines.Skip(1).Aggregate(block.Lines[0].Box, (b, l) => b.Union(l.Box));
            var characters = block.Lines.Sum(l => Math.Max(1, l.Characters));
            var confidence = block.Lines.Sum(l => l.Confidence * Math.Max(1, l.Characters)) / characters;
            messages.Add(new ChatMessage(SideOf(block, box, width), JoinLines(block.Lines), time, current is null, confidence, box));
        }

        return messages;
    }

    private static IncidentDirection SideOf(Block block, PixelBox box, int width)
    {
        var leftGap = box.Left / (double)width;
        var rightGap = (width - box.Right) / (double)width;
        if (leftGap + SideMargin < rightGap)
        {
            return IncidentDirection.Received;
        }

        if (rightGap + SideMargin < leftGap)
        {
            return IncidentDirection.Sent;
        }

        var colored = block.Lines.Count(l => l.Shade == LineShade.Colored);
        var neutral = block.Lines.Count(l => l.Shade == LineShade.Neutral);
        return colored > neutral ? IncidentDirection.Sent
            : neutral > colored ? IncidentDirection.Received
            : leftGap <= rightGap ? IncidentDirection.Received : IncidentDirection.Sent;
    }

    /// <summary>Joins a bubble's lines: wrapped Chinese text joins without a space, wrapped Latin words with one.</summary>
    private static string JoinLines(List<OcrLine> lines)
    {
        var text = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            var part = line.Text.Trim();
            if (text.Length > 0 && part.Length > 0 && char.IsAsciiLetterOrDigit(text[^1]) && char.IsAsciiLetterOrDigit(part[0]))
            {
                text.Append(' ');
            }

            text.Append(part);
        }

        return text.ToString();
    }

    private static bool IsCentred(OcrLine line, int width) => Math.Abs(line.Box.CenterX - (width / 2.0)) < width * CentredShare;

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Either a time stamp or the lines of one bubble.</summary>
    private sealed class Block
    {
        public Block(DateTimeOffset stamp) => Stamp = stamp;

        public Block(OcrLine first) => Lines.Add(first);

        public DateTimeOffset? Stamp { get; }

        public List<OcrLine> Lines { get; } = [];

        /// <summary>True when <paramref name="line"/> is the next line of this bubble: just below, left-aligned with it.</summary>
        public bool Continues(OcrLine line, double lineHeight, int width)
        {
            var previous = Lines[^1];
            return line.Box.Top - previous.Box.Bottom < lineHeight * 0.6
                && Math.Abs(line.Box.Left - previous.Box.Left) < width * 0.03;
        }
    }
}
