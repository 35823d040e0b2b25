using DebtShield.Core.Screenshots;
using DebtShield.Import.Screenshots;
using DebtShield.Tests.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

/// <summary>Finds the bubbles of issue 24's painted screenshots from their fills, before any OCR.</summary>
public sealed class ScreenshotImageTests
{
    [Fact]
    public void FindBubbles_JpegAtQuality70_FindsEveryPaintedBubbleColouredOnesIncluded()
    {
        // Given every app's chat saved as JPEG at quality 70: the compression rings along a green,
        // blue or dark sent bubble's edge, so the page's own colour starts a few pixels out.
        var shots = ChatShotSet.All().Where(s => s.Truth.IsChat && s.Truth.Format == "jpeg70").ToList();
        Assert.True(shots.Count >= 7, $"{shots.Count} JPEG chats");

        foreach (var shot in shots)
        {
            var image = ScreenshotImage.Decode(shot.Image, shot.Truth.Name);

            var found = image.FindBubbles();

            // Then each painted bubble is found once, where it was painted, on its side's shade.
            var painted = shot.Truth.Bubbles.Select(b => (b.Side, Box: new PixelBox(b.Box[0], b.Box[1], b.Box[2], b.Box[3]))).ToList();
            Assert.Equal(painted.Select(p => $"{p.Side} at {p.Box.Top}"), painted.Where(p => found.Count(f => Overlaps(f.Box, p.Box)) == 1).Select(p => $"{p.Side} at {p.Box.Top}"));
            Assert.Equal(painted.Count, found.Count);
        }
    }

    /// <summary>True when the two boxes share most of the smaller one.</summary>
    private static bool Overlaps(PixelBox a, PixelBox b)
    {
        var width = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var height = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        return width > 0 && height > 0 && width * (long)height >= 0.5 * Math.Min((long)a.Width * a.Height, (long)b.Width * b.Height);
    }
}
