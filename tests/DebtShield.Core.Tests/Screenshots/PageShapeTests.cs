using DebtShield.Core.Screenshots;

namespace DebtShield.Core.Tests.Screenshots;

public sealed class PageShapeTests
{
    private static OcrLine Line(int left, int top, int width, int height) => new("字", new PixelBox(left, top, width, height), 0.9, 1);

    /// <summary>A conversation list: each row a name, the last message's first line and its date, 277 pixels a row.</summary>
    private static List<OcrLine> ConversationList(int rows) =>
        [.. Enumerable.Range(0, rows).SelectMany(r => new[] { Line(213, 345 + (277 * r), 320, 42), Line(212, 412 + (277 * r), 560, 40), Line(213, 475 + (277 * r), 70, 25) })];

    [Fact]
    public void SignsAgainst_RowsAtOneEvenStepAndNoBubble_ListRows()
    {
        // Given seven rows of a conversation list on the bare page (no bubble's fill found)
        var lines = ConversationList(7);

        // Then it is a list
        Assert.Equal([NotChatSign.ListRows], PageShape.SignsAgainst(lines, bubblesFound: 0, pane: null, 1080, 2400));
    }

    [Fact]
    public void SignsAgainst_SettingsLabelsWithSectionHeads_ListRows()
    {
        // Given a settings page: labels at the left edge (some with their value under them), a row
        // of 150 to 200 pixels, broken by section heads
        (int Top, int Height)[] labels = [(330, 28), (459, 30), (639, 28), (760, 35), (811, 37), (964, 38), (1130, 37), (1295, 37), (1448, 30), (1502, 29), (1670, 28), (1799, 30), (1953, 38), (2007, 37), (2175, 28)];
        var lines = labels.Select(l => Line(47, l.Top, 420, l.Height)).ToList();

        Assert.Equal([NotChatSign.ListRows], PageShape.SignsAgainst(lines, bubblesFound: 0, pane: null, 1080, 2400));
    }

    [Fact]
    public void SignsAgainst_TheSameRowsInBubbles_None()
    {
        // Given the same lines, but fills found around them: a collector's one-line messages repeated, each in its bubble
        Assert.Empty(PageShape.SignsAgainst(ConversationList(7), bubblesFound: 7, pane: null, 1080, 2400));
    }

    [Fact]
    public void SignsAgainst_FewRows_None()
    {
        // Given three rows only: as many as one-line messages read without bubbles can show by chance
        Assert.Empty(PageShape.SignsAgainst(ConversationList(3), bubblesFound: 0, pane: null, 1080, 2400));
    }

    [Fact]
    public void SignsAgainst_MessagesLinesWithoutBubbles_None()
    {
        // Given a chat whose fills were not found (QQ for Windows cut to its messages): a name, then
        // the message's lines one under the other, 40 pixels a line, then the next name further down
        int[] tops = [64, 105, 144, 185, 223, 325, 369, 424, 465, 505];
        var lines = tops.Select(t => Line(22, t, 240, 34)).ToList();

        Assert.Empty(PageShape.SignsAgainst(lines, bubblesFound: 0, pane: null, 907, 581));
    }

    [Fact]
    public void SignsAgainst_MessagesOfManyHeights_None()
    {
        // Given received messages read by place, each as tall as its text (one to four lines)
        int[] lines = [1, 3, 1, 2, 4, 1, 2];
        var top = 300;
        var read = new List<OcrLine>();
        foreach (var count in lines)
        {
            read.AddRange(Enumerable.Range(0, count).Select(k => Line(200, top + (k * 55), 600, 44)));
            top += (count * 55) + 90;
        }

        Assert.Empty(PageShape.SignsAgainst(read, bubblesFound: 0, pane: null, 1080, 2400));
    }

    [Fact]
    public void SignsAgainst_PaneABarAcrossThePage_BarForPane()
    {
        // Given a browser page whose navigation bar (39 of 322 pixels) was taken for a chat pane
        var pane = new ChatPane(ChatScreenLayout.WeChatDesktop, new PixelBox(0, 0, 1066, 39), 0);

        Assert.Equal([NotChatSign.BarForPane], PageShape.SignsAgainst([Line(8, 2, 54, 34)], bubblesFound: 1, pane, 1066, 322));
    }

    [Fact]
    public void SignsAgainst_PaneMostOfTheWindow_None()
    {
        // Given a chat window's pane below its title, above its input area
        var pane = new ChatPane(ChatScreenLayout.WeChatDesktop, new PixelBox(380, 80, 1020, 520), 20);

        Assert.Empty(PageShape.SignsAgainst([Line(450, 120, 300, 40)], bubblesFound: 1, pane, 1400, 850));
    }
}
