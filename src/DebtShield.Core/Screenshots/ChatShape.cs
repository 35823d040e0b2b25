namespace DebtShield.Core.Screenshots;

/// <summary>A sign, in what the layout read, that an image is not a chat screenshot.</summary>
public enum NotChatSign
{
    /// <summary>Wider than tall, and no desktop app's chat pane on it: a phone shows a chat upright.</summary>
    Landscape,

    /// <summary>Two "bubbles" side by side at the same height: rows of a table or a form (a lender's bill page), never a chat.</summary>
    SideBySide,

    /// <summary>Text running from edge to edge, where a bubble leaves room for the avatars on both sides (not looked for in another desktop app's pane, found from its bubbles' fills).</summary>
    EdgeToEdge,

    /// <summary>No flat background: a photo of a screen (grain, uneven light, an angle), not a screenshot.</summary>
    Photographed,

    /// <summary>The chat pane found is a bar across the image, too low to hold a conversation: a browser's or a window's bar, found by <see cref="PageShape"/>.</summary>
    BarForPane,
}

/// <summary>
/// Whether what <see cref="ChatLayout"/> read looks like a conversation at all. The layout turns any
/// text into bubbles, so a lender's bill page or a photo of a document would become "messages";
/// these are the signs, from the boxes alone, that it is not a chat. They are deliberately few and
/// plain, and a screenshot showing any of them is not imported (the borrower is told which). A
/// desktop app's window is wide and read in its chat pane (<see cref="ChatReading.Pane"/>): it is no
/// landscape phone, and its bubbles keep their distance from the pane's edges, not the image's.
/// </summary>
public static class ChatShape
{
    /// <summary>How far from an edge (as a share of the width) a bubble's text always stays: the avatar and the bubble's padding.</summary>
    private const double BubbleInset = 0.08;

    /// <summary>How much of the shorter box two boxes must share vertically to stand side by side.</summary>
    private const double SharedHeight = 0.5;

    /// <summary>
    /// The least share of a screenshot its page's flat background covers: a chat app paints it in one
    /// colour behind the bubbles, a camera never gives one colour over a large area.
    /// </summary>
    public const double FlatPageAtLeast = 0.12;

    /// <summary>The signs against <paramref name="chat"/> being a chat, read on a <paramref name="width"/>×<paramref name="height"/> image; none for a chat.</summary>
    /// <param name="chat">What the layout read.</param>
    /// <param name="width">The image's width.</param>
    /// <param name="height">The image's height.</param>
    /// <param name="pageShare">The share of the image its largest flat region covers (1 when not measured).</param>
    public static IReadOnlyList<NotChatSign> SignsAgainst(ChatReading chat, int width, int height, double pageShare = 1)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var signs = new List<NotChatSign>();
        if (width > height && chat.Pane is null)
        {
            signs.Add(NotChatSign.Landscape);
        }

        if (pageShare < FlatPageAtLeast)
        {
            signs.Add(NotChatSign.Photographed);
        }

        // In a desktop window the conversation's edges are its pane's, not the image's. Another
        // app's pane is there only because bubbles' fills were found hanging on its page, and a
        // publisher's crop of it leaves a wide bubble no margin: there, a fill across it is a bubble.
        var (left, across) = chat.Pane is { } pane ? (pane.Messages.Left, pane.Messages.Width) : (0, width);
        var boxes = chat.Messages.Select(m => m.Box).ToList();
        if (chat.Pane is not { Layout: ChatScreenLayout.Desktop } && boxes.Any(b => b.Left < left + (across * BubbleInset) && b.Right > left + (across * (1 - BubbleInset))))
        {
            signs.Add(NotChatSign.EdgeToEdge);
        }

        if (boxes.SelectMany((a, i) => boxes.Skip(i + 1).Select(b => (a, b))).Any(p => SideBySide(p.a, p.b)))
        {
            signs.Add(NotChatSign.SideBySide);
        }

        return signs;
    }

    private static bool SideBySide(PixelBox a, PixelBox b)
    {
        var shared = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        var apart = a.Right <= b.Left || b.Right <= a.Left;
        return apart && shared > SharedHeight * Math.Min(a.Height, b.Height);
    }
}
