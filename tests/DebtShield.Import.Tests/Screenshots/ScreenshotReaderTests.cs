using DebtShield.Core.Evidence;
using DebtShield.Core.Screenshots;
using DebtShield.Import.Screenshots;
using DebtShield.Tests.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

/// <summary>Reads painted screenshots of issue 24's set with the real Tesseract.</summary>
public sealed class ScreenshotReaderTests
{
    [Fact]
    public async Task ReadAsync_LendersChat_FindsItsWhiteBubblesReadsItsStampPillsAndLeavesTheEmojiOut()
    {
        // White bubbles on an F5F5F5 page, stamps in white on grey pills, a reply ending in an emoji.
        var shot = ChatShotSet.All().First(s => s.Truth.App == "lender" && s.Truth.Variant == "whole" && s.Truth.Scale == 2);

        var reading = await ScreenshotReader.ReadAsync(shot.Image, shot.Truth.Name, DateTimeOffset.UnixEpoch, new TesseractOcr());

        Assert.Equal(shot.Truth.Bubbles.Select(b => (MessageTimeBasis.Stamp, b.Time)), reading.Chat.Messages.Select(m => (m.TimeBasis, (DateTimeOffset?)m.Time)));
        Assert.Equal(shot.Truth.Counterpart, reading.Chat.Title);
        var last = reading.Chat.Messages[^1].Text;
        Assert.True(last.EndsWith("谢谢", StringComparison.Ordinal) || last.EndsWith("謝謝", StringComparison.Ordinal), last);
    }

    [Theory]
    [InlineData("wechat-desktop-light", "window")]
    [InlineData("wechat-desktop-dark", "whole")]
    [InlineData("wechat-desktop-light", "group")]
    public async Task ReadAsync_DesktopWeChat_ReadsThePaneWithItsTitleAndSidesNotRefusedAsLandscape(string app, string variant)
    {
        // Given a wide screenshot of WeChat for the desktop: a contact list at the left (the
        // counterpart's name in it, selected), the name again at the pane's top left, bubbles
        // with avatars at the pane's edges
        var shot = ChatShotSet.All().Single(s => s.Truth.App == app && s.Truth.Variant == variant);
        Assert.True(shot.Truth.Bubbles.Count >= 4);

        var reading = await ScreenshotReader.ReadAsync(shot.Image, shot.Truth.Name, DateTimeOffset.UnixEpoch, new TesseractOcr());

        // Then it is a chat (not landscape), its counterpart is the pane's title (a group's
        // without its member count), and each bubble is one message on its side.
        Assert.Empty(ChatShape.SignsAgainst(reading.Chat, reading.Width, reading.Height, reading.PageShare));
        Assert.Equal(shot.Truth.Counterpart, reading.Chat.Title);
        Assert.Equal(
            shot.Truth.Bubbles.Select(b => b.Side == "sent" ? IncidentDirection.Sent : IncidentDirection.Received),
            reading.Chat.Messages.Select(m => m.Direction));
    }
}
