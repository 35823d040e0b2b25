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
}
