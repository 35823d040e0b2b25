namespace DebtShield.Core.Screenshots;

/// <summary>
/// Signs that an image is not a chat, read from the page around the conversation (the pane the
/// layout found) rather than from the messages the layout made of it. <see cref="ChatShape"/>
/// holds the signs read from the messages.
/// </summary>
/// <remarks>
/// A sign for an app's own lists (a conversation list, a contact picker, a settings page: lines
/// at one even step on a page with no bubble) was tried and left out: it caught the tuning side's
/// lists, but scored once on the held-out side it also refused three real chats in which no
/// bubble's fill was found (docs/benchmarks.md, 2026-12-07, s26-nonchat). Refusing a chat is a
/// loss the user cannot undo in the app, so a list sign waits for one that tells those apart.
/// </remarks>
public static class PageShape
{
    /// <summary>
    /// The least share of the image's height a chat pane's message area takes: in a chat window the
    /// conversation is most of it (the title and the input area are the rest), so a "pane" lower than
    /// this is a bar across a page (a browser's navigation bar, a window's title bar).
    /// </summary>
    public const double PaneHeightAtLeast = 0.25;

    /// <summary>The signs against an image <paramref name="height"/> pixels high being a chat, from its page; none for a chat.</summary>
    /// <param name="pane">The desktop chat pane found on it, if any.</param>
    /// <param name="height">The image's height.</param>
    public static IReadOnlyList<NotChatSign> SignsAgainst(ChatPane? pane, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return pane is { } found && found.Messages.Height < height * PaneHeightAtLeast ? [NotChatSign.BarForPane] : [];
    }
}
