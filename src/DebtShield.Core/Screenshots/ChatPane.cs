namespace DebtShield.Core.Screenshots;

/// <summary>The screen layout a chat screenshot shows, told from the image (never from its file name).</summary>
public enum ChatScreenLayout
{
    /// <summary>A phone's chat screen: the conversation is the whole image, upright.</summary>
    Phone,

    /// <summary>
    /// WeChat for the desktop: a window (or a crop of it) whose chat pane sits right of a strip of
    /// icons and a contact list, its title at the pane's top left, the input area below it.
    /// </summary>
    WeChatDesktop,

    /// <summary>
    /// Another desktop app's chat pane (QQ for Windows, Telegram Desktop…), or a crop of one: found
    /// from its page, not from an app's colours, and read as WeChat's is.
    /// </summary>
    Desktop,
}

/// <summary>
/// Where the conversation is on a screenshot of a desktop chat app: the pane's message area, and the
/// band above it that holds the pane's title. Only what is inside the pane is the conversation: the
/// contact list beside it holds other people's names and other chats' last messages, the window's
/// title bar and the desktop around a window that is not maximised hold words that are no message,
/// and the counterpart's name is the pane's title, never a name in the list.
/// </summary>
/// <param name="Layout">The app's layout.</param>
/// <param name="Messages">The message area: the pane below its title, above its input area, in image pixels.</param>
/// <param name="TitleTop">The first row of the band above <paramref name="Messages"/> that holds the pane's title (equal to its top when no title is visible: a crop of the messages alone).</param>
public sealed record ChatPane(ChatScreenLayout Layout, PixelBox Messages, int TitleTop)
{
    /// <summary>True when the middle of <paramref name="box"/> is in the message area.</summary>
    public bool Holds(PixelBox box)
    {
        var x = box.CenterX;
        var y = box.Top + (box.Height / 2.0);
        return x >= Messages.Left && x <= Messages.Right && y >= Messages.Top && y <= Messages.Bottom;
    }

    /// <summary>True when <paramref name="box"/> lies in the title band: above the message area, in its columns.</summary>
    public bool InTitle(PixelBox box) =>
        box.CenterX >= Messages.Left && box.CenterX <= Messages.Right && box.Top >= TitleTop && box.Bottom <= Messages.Top;
}
