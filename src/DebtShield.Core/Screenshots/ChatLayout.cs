using System.Text.RegularExpressions;
using DebtShield.Core.Evidence;

namespace DebtShield.Core.Screenshots;

/// <summary>
/// One message bubble read from a chat screenshot.
/// </summary>
/// <param name="Direction">Left bubbles were received, right bubbles sent by the phone's owner.</param>
/// <param name="Text">The bubble's text, its lines joined.</param>
/// <param name="Time">When it was sent: the time stamp above it, or (when that cannot be trusted or none is visible) the latest time it can have been sent.</param>
/// <param name="TimeBasis">What <paramref name="Time"/> rests on: a stamp, or why it is only an upper bound.</param>
/// <param name="Confidence">How sure OCR was of the text, 0 to 1, averaged over its characters.</param>
/// <param name="Box">Where the bubble is on the image (its fill when it was found, else its text).</param>
/// <param name="Doubts">What else makes it doubtful.</param>
public sealed record ChatMessage(IncidentDirection Direction, string Text, DateTimeOffset Time, MessageTimeBasis TimeBasis, double Confidence, PixelBox Box, ReadDoubts Doubts = ReadDoubts.None)
{
    /// <summary>Below this confidence the text is marked for the borrower to confirm or correct before it is relied on.</summary>
    public const double ConfirmBelow = 0.80;

    /// <summary>
    /// From this share of characters in unsure words (<see cref="OcrLine.UnsureWordBelow"/>) the text
    /// is marked too: misread characters (膛 for 還 in a traditional message read with the simplified
    /// model) sit among well-read ones, and the average of the bubble stays high.
    /// </summary>
    public const double ConfirmUnsureShare = 0.1;

    /// <summary>True when <see cref="Time"/> is only an upper bound (<see cref="TimeBasis"/> says why).</summary>
    public bool TimeEstimated => TimeBasis != MessageTimeBasis.Stamp;

    /// <summary>True when the text should be confirmed by the borrower: OCR was unsure, or something else is doubtful.</summary>
    public bool NeedsConfirmation => Confidence < ConfirmBelow || Doubts != ReadDoubts.None;

    /// <summary>
    /// True when a bubble was found but no text read from it (<see cref="ReadDoubts.Unread"/>): it
    /// is never stored as evidence, and only what the borrower types may stand for it.
    /// </summary>
    public bool Unread => Doubts.HasFlag(ReadDoubts.Unread);
}

/// <summary>What a chat screenshot says: whose conversation it is and its messages, top to bottom.</summary>
/// <param name="Title">The name or number in the title bar (the other side of the conversation), if one was read.</param>
/// <param name="Messages">The bubbles, top to bottom.</param>
/// <param name="Pane">The pane of a desktop app's window the conversation was read in; null for a phone's screen, where it is the whole image.</param>
public sealed record ChatReading(string? Title, IReadOnlyList<ChatMessage> Messages, ChatPane? Pane = null);

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
public static partial class ChatLayout
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
    /// <param name="lines">The lines OCR read.</param>
    /// <param name="width">The image's width.</param>
    /// <param name="height">The image's height.</param>
    /// <param name="captured">When the screenshot was taken: relative stamps are read against it and no message is later.</param>
    /// <param name="bubbles">
    /// The bubbles found on the image from their fills, when they were looked for: each becomes one
    /// message of the lines inside it. Null when they were not looked for; empty when none were found,
    /// and then the lines are split by their places alone and every message is flagged
    /// <see cref="ReadDoubts.UnknownLayout"/>.
    /// </param>
    /// <param name="pane">
    /// The chat pane of a desktop app's window, when the image shows one: the conversation is read in
    /// it as on a phone's screen (sides by position within the pane, stamps centred in it), the title
    /// from the band above it, and everything outside it (the contact list, the window's bars, the
    /// desktop) is left out. Null for a phone's screen.
    /// </param>
    public static ChatReading Read(IReadOnlyList<OcrLine> lines, int width, int height, DateTimeOffset captured, IReadOnlyList<BubbleArea>? bubbles = null, ChatPane? pane = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var ordered = lines.Where(l => !string.IsNullOrWhiteSpace(l.Text)).OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
        if (pane is not null)
        {
            return ReadPane(ordered, bubbles ?? [], pane, captured);
        }

        return bubbles is { Count: > 0 }
            ? ReadBubbles(ordered, bubbles, width, height, captured, InputBoxShare)
            : ReadByPlace(ordered, width, height, captured, flag: bubbles is null ? ReadDoubts.None : ReadDoubts.UnknownLayout);
    }

    /// <summary>
    /// The conversation in a desktop window's pane: the lines and bubbles in its message area, read
    /// as a screen of the pane's size (its own input area and title are already outside it, so
    /// nothing at its bottom is taken for an input box), and the title from the band above it.
    /// </summary>
    private static ChatReading ReadPane(List<OcrLine> lines, IReadOnlyList<BubbleArea> bubbles, ChatPane pane, DateTimeOffset captured)
    {
        var area = pane.Messages;
        var title = Title([.. lines.Where(l => pane.InTitle(l.Box))], captured, statusBarBottom: 0);
        var body = lines.Where(l => pane.Holds(l.Box)).Select(l => l with { Box = Moved(l.Box, -area.Left, -area.Top) }).ToList();
        var inside = bubbles.Where(b => pane.Holds(b.Box))
            .Select(b => b with { Box = Moved(b.Box, -area.Left, -area.Top), Ink = b.Ink is { } ink ? [.. ink.Select(r => Moved(r, -area.Left, -area.Top))] : null })
            .ToList();
        var read = inside.Count > 0
            ? ReadBubbles(body, inside, area.Width, area.Height, captured, inputBoxShare: 0)
            : ReadByPlace(body, area.Width, area.Height, captured, ReadDoubts.UnknownLayout);
        return new ChatReading(title, [.. read.Messages.Select(m => m with { Box = Moved(m.Box, area.Left, area.Top) })], pane);

        static PixelBox Moved(PixelBox box, int x, int y) => box with { Left = box.Left + x, Top = box.Top + y };
    }

    /// <summary>The lines in each bubble are its message; the lines outside are the title bar (above the first bubble or stamp) and the stamps.</summary>
    private static ChatReading ReadBubbles(List<OcrLine> lines, IReadOnlyList<BubbleArea> found, int width, int height, DateTimeOffset captured, double inputBoxShare)
    {
        // A narrow fill in the middle is a stamp's pill (a lender's app), not a bubble.
        var bubbles = found.Where(b => !(IsCentred(b.Box, width) && b.Box.Width < width / 2)).OrderBy(b => b.Box.Top).ToList();
        if (bubbles.Count == 0)
        {
            return ReadByPlace(lines, width, height, captured, ReadDoubts.UnknownLayout);
        }

        var inside = bubbles.ToDictionary(b => b, _ => new List<OcrLine>());
        var outside = new List<OcrLine>();
        foreach (var line in lines)
        {
            var home = bubbles.FirstOrDefault(b => Holds(b.Box, line.Box));
            if (home != default)
            {
                inside[home].Add(line);
            }
            else
            {
                outside.Add(line);
            }
        }

        var lineHeight = Median(lines.Select(l => l.Box.Height));
        var stamps = StampRows(outside.Where(l => l.Box.Bottom < height * (1 - inputBoxShare)), width, PaneMiddle(bubbles, width));
        var firstBody = Math.Min(bubbles[0].Box.Top, stamps.Where(s => LooksLikeStamp(s.Text!) || ReadStamp(s.Text!, captured).Item2).Select(s => s.Top).DefaultIfEmpty(int.MaxValue).Min());
        var title = Title(outside.Where(l => l.Box.Bottom <= firstBody).ToList(), captured, (int)(height * StatusBarShare));
        var blocks = stamps.Where(s => s.Top >= firstBody).ToList();
        // A bubble with a row of text's ink that OCR read nothing from is kept as a message without
        // text, flagged unread, so the borrower sees it and notes it down; it never silently vanishes.
        foreach (var bubble in bubbles.Where(b => inside[b].Count > 0 || (b.Ink ?? []).Any(r => r.Height >= width * InkRowShare)))
        {
            blocks.Add(new Block(bubble.Box.Top, inside[bubble]) { Area = bubble });
        }

        return new ChatReading(title, Messages([.. blocks.OrderBy(b => b.Top)], width, captured, lineHeight, ReadDoubts.None));
    }

    /// <summary>The reading when no bubble was found: bubbles are told apart by the lines' places (close together, left-aligned).</summary>
    private static ChatReading ReadByPlace(List<OcrLine> ordered, int width, int height, DateTimeOffset captured, ReadDoubts flag)
    {
        var header = new List<OcrLine>();
        var body = new List<OcrLine>();
        foreach (var line in ordered)
        {
            if (line.Box.Top < height * StatusBarShare || line.Box.Bottom > height * (1 - InputBoxShare))
            {
                continue;
            }

            (line.Box.Bottom <= height * TitleBarShare ? header : body).Add(line);
        }

        var title = header.Where(l => IsCentred(l.Box, width) && !IsCarrier(l.Text)).Select(l => l.Text.Trim()).FirstOrDefault();
        var lineHeight = body.Count == 0 ? 0 : Median(body.Select(l => l.Box.Height));
        var blocks = new List<Block>();
        var centred = body.Where(l => IsCentred(l.Box, width) && l.Box.Width < width / 2).ToList();
        blocks.AddRange(StampRows(centred, width));
        foreach (var line in body.Except(centred))
        {
            var last = blocks.LastOrDefault(b => b.Kind == BlockKind.Bubble);
            if (last is not null && last.Lines[^1].Box.Bottom <= line.Box.Top && !blocks.Any(b => b.Kind != BlockKind.Bubble && b.Top > last.Top && b.Top < line.Box.Top) && last.Continues(line, lineHeight, width))
            {
                last.Lines.Add(line);
            }
            else
            {
                blocks.Add(new Block(line.Box.Top, [line]));
            }
        }

        return new ChatReading(title, Messages([.. blocks.OrderBy(b => b.Top)], width, captured, lineHeight, flag));
    }

    /// <summary>
    /// The centred lines outside bubbles, joined by row (OCR may read <c>2026年11月7日 上午10:37</c> as two
    /// lines side by side), each a stamp, a line that looks like a stamp but does not read as one, or a notice.
    /// A row is centred on the image, or on the chat pane's middle (<paramref name="paneMiddle"/>,
    /// <see cref="PaneMiddle"/>) when the image is a crop cut at one side.
    /// </summary>
    private static List<Block> StampRows(IEnumerable<OcrLine> lines, int width, double? paneMiddle = null)
    {
        var rows = new List<List<OcrLine>>();
        foreach (var line in lines.OrderBy(l => l.Box.Top))
        {
            var row = rows.LastOrDefault();
            if (row is not null && line.Box.Top < row.Max(l => l.Box.Bottom) - (line.Box.Height / 2))
            {
                row.Add(line);
            }
            else
            {
                rows.Add([line]);
            }
        }

        var blocks = new List<Block>();
        foreach (var row in rows)
        {
            var box = row.Skip(1).Aggregate(row[0].Box, (b, l) => b.Union(l.Box));
            if (!(IsCentred(box, width) || (paneMiddle is { } middle && Math.Abs(box.CenterX - middle) < width * CentredShare)) || box.Width >= width / 2)
            {
                continue;
            }

            var text = string.Join(' ', row.OrderBy(l => l.Box.Left).Select(l => l.Text.Trim()));
            blocks.Add(new Block(box.Top, text));
        }

        return blocks;
    }

    /// <summary>
    /// The middle of the chat pane when the bubbles show the image cut at a side: bubbles hang
    /// beside an avatar strip (<see cref="AvatarMargin"/>) at either side of the pane, so a bubble
    /// ending within half that strip of the image's edge says the strip, and that much of the pane,
    /// is cut off there (a publisher's crop through the sent side's avatars), and the pane reaches
    /// out past the edge by what is missing of the strip. Null when neither side is cut, and when both
    /// are (an app without avatars, whose bubbles run near both edges: its pane is the image).
    /// </summary>
    private static double? PaneMiddle(IReadOnlyList<BubbleArea> bubbles, int width)
    {
        var strip = width * AvatarMargin;
        var (left, right) = (bubbles.Min(b => b.Box.Left), width - bubbles.Max(b => b.Box.Right));
        var (cutLeft, cutRight) = (left < strip / 2, right < strip / 2);
        return cutLeft == cutRight ? null
            : cutRight ? (width + strip - right) / 2.0
            : (width - (strip - left)) / 2.0;
    }

    /// <summary>
    /// The title bar's name or number: the tallest line above the conversation that is none of these:
    /// the status bar (the row of the clock, the battery or the carrier's name, whatever OCR made of
    /// the icons beside them; and, when lines stand below it, the top rows down to
    /// <paramref name="statusBarBottom"/>, where an old phone's 71% is read 71鸣); a carrier's name
    /// (MIUI prints 北京移动 under the number); the back button's label (iOS WeChat's 微信(3), an
    /// unread count beside the arrow); a time stamp (a crop of the messages alone has no title bar,
    /// and its first line may be a stamp); WeCom's subtitle under a group's name (外部群，含185位外部联系人
    /// | 群主：…). An arrow on the line (iOS's &gt; after the number, Android's back arrow &lt; before
    /// the name) is not part of it. A group's title ends in its member count, 贷后协商群(5): the count
    /// is the group's size, not its name.
    /// </summary>
    /// <param name="header">The lines above the conversation.</param>
    /// <param name="captured">When the screenshot was taken (a stamp is read against it).</param>
    /// <param name="statusBarBottom">The last row a phone's status bar can reach; 0 in a desktop window's pane.</param>
    /// <returns>
    /// The name; null when none is seen, or when OCR was unsure of the line chosen (under
    /// <see cref="OcrLine.UnsureWordBelow"/> on average): a counterpart left empty is a gap the
    /// borrower fills in, a wrong one puts the messages in another conversation. A number is kept
    /// however unsure: the Chinese model gives digits it reads right 0.4 (an Android SMS title,
    /// 10690588123 at 0.41), so its confidence does not tell a misread number from a right one.
    /// </returns>
    private static string? Title(List<OcrLine> header, DateTimeOffset captured, int statusBarBottom)
    {
        var statusBar = header.Where(l => IsClockOrBattery(l.Text) || IsCarrier(l.Text)).Select(l => l.Box).ToList();
        var candidates = header
            .Where(l => !statusBar.Any(s => l.Box.Top + (l.Box.Height / 2) is var middle && middle >= s.Top && middle <= s.Bottom))
            .Select(l => l with { Text = MemberCount().Replace(l.Text.Trim().TrimEnd('>', '＞', '〉', '》', ' ').TrimStart('<', '＜', '〈', '《', ' ').Trim(), "").Trim() })
            .Where(l => l.Text.Length > 1 && !IsCarrier(l.Text) && l.Text.Any(char.IsLetterOrDigit)
                && !BackLabel().IsMatch(l.Text) && !WeComSubtitle().IsMatch(l.Text) && !ChatTimeStamp.TryRead(l.Text, captured, out _, out _))
            .ToList();
        if (candidates.Any(l => l.Box.Bottom > statusBarBottom))
        {
            candidates.RemoveAll(l => l.Box.Bottom <= statusBarBottom);
        }

        var title = candidates.Count == 0 ? null : candidates.MaxBy(l => l.Box.Height)!;
        return title is null || (title.Confidence < OcrLine.UnsureWordBelow && !title.Text.All(char.IsAsciiDigit)) ? null : title.Text;
    }

    private static bool IsClockOrBattery(string text) => text.Contains('%', StringComparison.Ordinal) || ClockPattern().IsMatch(text);

    private static bool IsCarrier(string text) => CarrierPattern().IsMatch(text);

    /// <summary>
    /// The messages, with times: a stamp dates the messages below it only while the stamps go forward
    /// down the screen and stay before the capture; a stamp that breaks either rule, or a line that
    /// looks like a stamp and does not read as one, makes the messages below it estimates (no later
    /// than the next trusted stamp below, or the capture), each saying why.
    /// </summary>
    private static List<ChatMessage> Messages(List<Block> blocks, int width, DateTimeOffset captured, double lineHeight, ReadDoubts flag)
    {
        var messages = new List<ChatMessage>();
        var shades = new List<LineShade?>();
        var basis = MessageTimeBasis.NoStampAbove;
        DateTimeOffset? current = null;
        DateTimeOffset? latestTrusted = null;
        var trusted = new DateTimeOffset?[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            switch (block.Kind)
            {
                case BlockKind.Stamp:
                    var (time, ok) = ReadStamp(block.Text!, captured);
                    if (!ok)
                    {
                        basis = LooksLikeStamp(block.Text!) ? MessageTimeBasis.StampUnreadable : basis;
                        continue;
                    }

                    if (time > captured)
                    {
                        basis = MessageTimeBasis.StampAfterCapture;
                    }
                    else if (latestTrusted is { } previous && time < previous)
                    {
                        basis = MessageTimeBasis.StampOutOfOrder;
                    }
                    else
                    {
                        basis = MessageTimeBasis.Stamp;
                        current = latestTrusted = trusted[i] = time;
                    }

                    continue;
                case BlockKind.Bubble:
                    break;
            }

            // An estimate is no later than the next trusted stamp below (or the capture).
            var estimate = blocks.Skip(i + 1).Select(b => b.Kind == BlockKind.Stamp ? ReadStamp(b.Text!, captured) : (default, false))
                .Where(s => s.Item2 && s.Item1 <= captured && (latestTrusted is null || s.Item1 >= latestTrusted))
                .Select(s => (DateTimeOffset?)s.Item1).FirstOrDefault() ?? captured;
            var time2 = basis == MessageTimeBasis.Stamp ? current!.Value : estimate;
            var box = block.Area?.Box ?? block.Lines.Skip(1).Aggregate(block.Lines[0].Box, (b, l) => b.Union(l.Box));
            if (block.Lines.Count == 0)
            {
                messages.Add(new ChatMessage(SideOf(block, box, width), "", time2, basis, 0, box, flag | ReadDoubts.Unread));
                shades.Add(block.Area?.Shade);
                continue;
            }

            var characters = block.Lines.Sum(l => Math.Max(1, l.Characters));
            var confidence = block.Lines.Sum(l => l.Confidence * Math.Max(1, l.Characters)) / characters;
            var doubts = flag
                | block.Lines.Aggregate(ReadDoubts.None, (all, line) => all | line.Doubts)
                | (confidence < ChatMessage.ConfirmBelow || block.Lines.Sum(l => l.UnsureCharacters) >= ChatMessage.ConfirmUnsureShare * characters ? ReadDoubts.LowConfidence : ReadDoubts.None)
                | (block.Area is { } area && (Rows(block.Lines) < ExpectedRows(area.Box, lineHeight) || InkUnread(area, block.Lines)) ? ReadDoubts.LinesMissing : ReadDoubts.None);
            messages.Add(new ChatMessage(SideOf(block, box, width), JoinLines(block.Lines), time2, basis, confidence, box, doubts));
            shades.Add(block.Area?.Shade);
        }

        return SidesByFill(messages, shades);
    }

    /// <summary>
    /// Puts a bubble on its fill's side when the screen's fills tell the sides apart: every other
    /// bubble found on the left is neutral (white, grey) and every other on the right coloured (green,
    /// blue), at least one of each. A received bubble long enough to reach across the screen (a
    /// long line in WeChat, from just right of the avatar to the right edge) is nearer the right edge
    /// than the left, and its position alone says sent; its white fill says received.
    /// </summary>
    private static List<ChatMessage> SidesByFill(List<ChatMessage> messages, List<LineShade?> shades)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (shades[i] is not { } shade)
            {
                continue;
            }

            var bySide = shade == LineShade.Colored ? IncidentDirection.Sent : IncidentDirection.Received;
            if (messages[i].Direction == bySide)
            {
                continue;
            }

            var others = Enumerable.Range(0, messages.Count).Where(j => j != i && shades[j] is not null).ToList();
            var perSide = others.Any(j => messages[j].Direction == IncidentDirection.Sent)
                && others.Any(j => messages[j].Direction == IncidentDirection.Received)
                && others.All(j => (shades[j] == LineShade.Colored) == (messages[j].Direction == IncidentDirection.Sent));
            if (perSide)
            {
                messages[i] = messages[i] with { Direction = bySide };
            }
        }

        return messages;
    }

    private static (DateTimeOffset, bool) ReadStamp(string text, DateTimeOffset captured) =>
        ChatTimeStamp.TryRead(text, captured, out var time, out _) ? (time, true) : (default, false);

    private static bool LooksLikeStamp(string text) => StampLike().IsMatch(text.Replace(" ", "", StringComparison.Ordinal));

    /// <summary>How many rows of text the lines of a bubble make (lines side by side are one row).</summary>
    private static int Rows(List<OcrLine> lines)
    {
        var rows = 0;
        int? bottom = null;
        foreach (var line in lines.OrderBy(l => l.Box.Top))
        {
            if (bottom is not { } above || line.Box.Top >= above - (line.Box.Height / 2))
            {
                rows++;
            }

            bottom = Math.Max(bottom ?? line.Box.Bottom, line.Box.Bottom);
        }

        return rows;
    }

    /// <summary>
    /// True when a row of the bubble's ink (<see cref="BubbleArea.Ink"/>) is left uncovered by the
    /// lines read on it over more than <see cref="UnreadInkShare"/> of the row's height (a Chinese
    /// character is about as wide as it is high): OCR dropped a character at a line's end or start,
    /// or one it gave a speck's box, and the words it kept may be sure ones, so only the width shows the loss.
    /// </summary>
    private static bool InkUnread(BubbleArea area, List<OcrLine> lines)
    {
        foreach (var row in area.Ink ?? [])
        {
            int covered = 0, reach = row.Left;
            foreach (var line in lines.Where(l => Math.Min(l.Box.Bottom, row.Bottom) - Math.Max(l.Box.Top, row.Top) >= row.Height / 2).OrderBy(l => l.Box.Left))
            {
                var right = Math.Min(line.Box.Right, row.Right);
                covered += Math.Max(0, right - Math.Max(line.Box.Left, reach));
                reach = Math.Max(reach, right);
            }

            if (row.Width - covered > row.Height * UnreadInkShare)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The least height of a row of ink, as a share of the screen's width, that can be text: a
    /// character is 3–4 % of a phone's width and over 1 % of a desktop pane's; a JPEG's speck or a
    /// fill's ragged corner (3–6 pixels on a 1080-pixel screen) is less.
    /// </summary>
    private const double InkRowShare = 0.008;

    /// <summary>How much of a row's ink, in row heights, may go unread before characters count as lost: less than a character, more than a full stop's ink.</summary>
    private const double UnreadInkShare = 0.7;

    /// <summary>
    /// How many rows of text a bubble of this height holds, with text <paramref name="lineHeight"/>
    /// high: apps space lines about 1.4 text heights apart and pad a bubble by about half a line
    /// above and below. Fewer rows read than this means a line was lost.
    /// </summary>
    private static int ExpectedRows(PixelBox bubble, double lineHeight) =>
        lineHeight <= 0 ? 0 : (int)Math.Round((bubble.Height - lineHeight) / (lineHeight * 1.45));

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

        var colored = block.Area is { } area ? (area.Shade == LineShade.Colored ? 1 : 0) : block.Lines.Count(l => l.Shade == LineShade.Colored);
        var neutral = block.Area is { } shaded ? (shaded.Shade == LineShade.Colored ? 0 : 1) : block.Lines.Count(l => l.Shade == LineShade.Neutral);
        return colored > neutral ? IncidentDirection.Sent
            : neutral > colored ? IncidentDirection.Received
            : leftGap <= rightGap ? IncidentDirection.Received : IncidentDirection.Sent;
    }

    /// <summary>Joins a bubble's lines: wrapped Chinese text joins without a space, wrapped Latin words with one.</summary>
    private static string JoinLines(List<OcrLine> lines)
    {
        var text = new System.Text.StringBuilder();
        foreach (var line in lines.OrderBy(l => l.Box.Top + (l.Box.Height / 2)).ThenBy(l => l.Box.Left))
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

    /// <summary>True when the middle of <paramref name="line"/> is inside <paramref name="bubble"/>.</summary>
    private static bool Holds(PixelBox bubble, PixelBox line)
    {
        var x = line.CenterX;
        var y = line.Top + (line.Height / 2.0);
        return x >= bubble.Left && x <= bubble.Right && y >= bubble.Top && y <= bubble.Bottom;
    }

    private static bool IsCentred(PixelBox box, int width) => Math.Abs(box.CenterX - (width / 2.0)) < width * CentredShare;

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    /// <summary>
    /// A group's member count after its name: (5), （496）, and what OCR read on the same line after
    /// it (up to two characters: the menu and member buttons right of the title, WeCom's 三 and 如),
    /// since the app appends the count at the name's end (Milvus用户交流群110(195)). Not a title that is all digits.
    /// </summary>
    [GeneratedRegex(@"(?<=\D\d*)\s*[(（]\d{1,5}[)）].{0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex MemberCount();

    [GeneratedRegex(@"^\d{1,2}[:：]\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockPattern();

    /// <summary>A carrier's name: at a line's end (MIUI's 北京移动 under the number), or starting the status bar's row (iOS's 中国移动 before the signal icons).</summary>
    [GeneratedRegex(@"(中国)?(移动|联通|电信|广电)(\s*\d?G)?$|^中国(移动|联通|电信|广电)|^(CMCC|CHN-CT|CHN-UNICOM)", RegexOptions.CultureInvariant)]
    private static partial Regex CarrierPattern();

    /// <summary>
    /// The back button's label left of the title, once its arrow is trimmed: iOS WeChat's 微信 with
    /// the unread count, 微信(3), or the count alone in its pill (51). A count is at most three digits
    /// (99+), so a short service number (95588) is never taken for one.
    /// </summary>
    [GeneratedRegex(@"^(微信\s*([(（]\d{1,3}\+?[)）])?|\d{1,3}\+?)$", RegexOptions.CultureInvariant)]
    private static partial Regex BackLabel();

    /// <summary>WeCom's line under an external group's name: 外部群，含185位外部联系人 | 群主：bot.</summary>
    [GeneratedRegex(@"^外部群|含\d+位外部联系人|群主[:：]", RegexOptions.CultureInvariant)]
    private static partial Regex WeComSubtitle();

    /// <summary>What a misread stamp still shows: a clock, a month and day, a relative day or a weekday.</summary>
    [GeneratedRegex(@"\d{1,2}[:：.]\d\d|\d{1,2}月\d{0,2}|(今天|昨天|前天|星期|周[一二三四五六日天])|\d{4}[-/年]|[上下]午\d", RegexOptions.CultureInvariant)]
    private static partial Regex StampLike();

    private enum BlockKind
    {
        Stamp,
        Bubble,
    }

    /// <summary>A centred row (a stamp, or a notice such as 以下为新消息, told apart when the times are worked out), or the lines of one bubble.</summary>
    private sealed class Block
    {
        public Block(int top, string text)
        {
            Top = top;
            Text = text;
            Kind = BlockKind.Stamp;
        }

        public Block(int top, List<OcrLine> lines)
        {
            Top = top;
            Lines = lines;
            Kind = BlockKind.Bubble;
        }

        public BlockKind Kind { get; }

        public int Top { get; }

        public string? Text { get; }

        public List<OcrLine> Lines { get; } = [];

        /// <summary>The fill the lines were found in, when bubbles were found.</summary>
        public BubbleArea? Area { get; init; }

        /// <summary>True when <paramref name="line"/> is the next line of this bubble: just below, left-aligned with it.</summary>
        public bool Continues(OcrLine line, double lineHeight, int width)
        {
            var previous = Lines[^1];
            return line.Box.Top - previous.Box.Bottom < lineHeight * 0.6
                && Math.Abs(line.Box.Left - previous.Box.Left) < width * 0.03;
        }
    }
}
