using DebtShield.Core.Evidence;
using DebtShield.Core.Screenshots;

namespace DebtShield.Core.Tests.Screenshots;

public sealed class ChatShapeTests
{
    private static readonly DateTimeOffset Captured = new(2026, 11, 4, 21, 5, 0, ChinaStandardTime.Offset);

    private static ChatReading Reading(params PixelBox[] boxes) =>
        new("催收王经理", [.. boxes.Select(b => new ChatMessage(IncidentDirection.Received, "字", Captured, MessageTimeBasis.Stamp, 0.9, b))]);

    [Fact]
    public void SignsAgainst_NoFlatPageBehindTheBubbles_IsAPhotoOfAScreen()
    {
        var chat = Reading(new PixelBox(190, 413, 590, 108), new PixelBox(300, 660, 590, 44));

        Assert.Equal([NotChatSign.Photographed], ChatShape.SignsAgainst(chat, 1080, 2400, pageShare: 0.05));
        Assert.Empty(ChatShape.SignsAgainst(chat, 1080, 2400, pageShare: 0.45));
    }

    [Fact]
    public void SignsAgainst_BubblesStackedWithAvatarRoom_None()
    {
        var chat = Reading(new PixelBox(190, 413, 590, 108), new PixelBox(300, 660, 590, 44), new PixelBox(190, 975, 180, 44));

        Assert.Empty(ChatShape.SignsAgainst(chat, 1080, 2400));
    }

    [Fact]
    public void SignsAgainst_LabelAndValueOnOneRow_SideBySide()
    {
        var bill = Reading(new PixelBox(60, 320, 190, 48), new PixelBox(800, 322, 220, 46));

        Assert.Equal([NotChatSign.SideBySide], ChatShape.SignsAgainst(bill, 1080, 2400));
    }

    [Fact]
    public void SignsAgainst_TextFromEdgeToEdge_EdgeToEdge()
    {
        var page = Reading(new PixelBox(40, 320, 1000, 48));

        Assert.Equal([NotChatSign.EdgeToEdge], ChatShape.SignsAgainst(page, 1080, 2400));
    }

    [Fact]
    public void SignsAgainst_WiderThanTall_Landscape()
    {
        Assert.Equal([NotChatSign.Landscape], ChatShape.SignsAgainst(Reading(new PixelBox(300, 300, 500, 44)), 2400, 1080));
    }

    [Fact]
    public void SignsAgainst_DesktopWindowWiderThanTall_NotLandscape()
    {
        var pane = new ChatPane(ChatScreenLayout.WeChatDesktop, new PixelBox(380, 80, 1020, 580), 0);
        var window = Reading(new PixelBox(450, 120, 300, 40), new PixelBox(1000, 200, 300, 40)) with { Pane = pane };

        Assert.Empty(ChatShape.SignsAgainst(window, 1400, 850));
    }

    [Fact]
    public void SignsAgainst_DesktopPane_TextAcrossThePaneIsEdgeToEdge()
    {
        // Given a row of text across the whole pane (a page in the pane, not a bubble), though far from the image's left edge
        var pane = new ChatPane(ChatScreenLayout.WeChatDesktop, new PixelBox(380, 80, 1020, 580), 0);
        var page = Reading(new PixelBox(390, 120, 1000, 40)) with { Pane = pane };

        Assert.Equal([NotChatSign.EdgeToEdge], ChatShape.SignsAgainst(page, 1400, 850));
    }

    [Fact]
    public void SignsAgainst_AnotherAppsPaneCroppedToItsMessages_ABubbleAcrossItIsNoSign()
    {
        // Given QQ for Windows' messages cut out by a publisher: the pane is the crop, and a long
        // received bubble's fill runs from 2 pixels off its left edge to 2 off its right one
        var pane = new ChatPane(ChatScreenLayout.Desktop, new PixelBox(0, 0, 907, 581), 0);
        var crop = Reading(new PixelBox(2, 90, 903, 217), new PixelBox(2, 350, 133, 58)) with { Pane = pane };

        Assert.Empty(ChatShape.SignsAgainst(crop, 907, 581));
    }
}
