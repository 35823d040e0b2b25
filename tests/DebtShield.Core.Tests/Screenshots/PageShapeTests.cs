using DebtShield.Core.Screenshots;

namespace DebtShield.Core.Tests.Screenshots;

public sealed class PageShapeTests
{
    [Fact]
    public void SignsAgainst_PaneABarAcrossThePage_BarForPane()
    {
        // Given a browser page whose navigation bar (39 of 322 pixels) was taken for a chat pane
        var pane = new ChatPane(ChatScreenLayout.WeChatDesktop, new PixelBox(0, 0, 1066, 39), 0);

        Assert.Equal([NotChatSign.BarForPane], PageShape.SignsAgainst(pane, 322));
    }

    [Fact]
    public void SignsAgainst_PaneMostOfTheWindow_None()
    {
        // Given a chat window's pane below its title, above its input area
        var pane = new ChatPane(ChatScreenLayout.WeChatDesktop, new PixelBox(380, 80, 1020, 520), 20);

        Assert.Empty(PageShape.SignsAgainst(pane, 850));
    }

    [Fact]
    public void SignsAgainst_NoPane_None()
    {
        // Given a phone screenshot, where no desktop pane is looked for
        Assert.Empty(PageShape.SignsAgainst(pane: null, 2400));
    }
}
