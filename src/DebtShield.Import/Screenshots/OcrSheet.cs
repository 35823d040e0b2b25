using DebtShield.Core.Screenshots;

namespace DebtShield.Import.Screenshots;

/// <summary>
/// The one image OCR reads for a screenshot (<see cref="ScreenshotImage.ForOcr"/>): the page's strips
/// of text (title, stamps), then its bubbles (and stamp pills), cropped and stacked, and where each
/// crop came from, so that every line read on a crop is put back where it stands on the screenshot.
/// </summary>
/// <param name="Image">The sheet, a grey PGM.</param>
/// <param name="Crops">Where each crop lies on the sheet, top to bottom, before the sheet is scaled.</param>
/// <param name="Scale">The sheet's pixels to one of the screenshot's (below 1 when its text was made smaller for OCR).</param>
public sealed record OcrSheet(byte[] Image, IReadOnlyList<OcrSheet.Crop> Crops, double Scale = 1)
{
    /// <summary>One crop on the sheet: a strip of the page, a bubble, or the pill a lender's chat prints a stamp on.</summary>
    /// <param name="Area">Its box on the screenshot.</param>
    /// <param name="SheetLeft">The crop's first column on the sheet.</param>
    /// <param name="SheetTop">The crop's first row on the sheet.</param>
    public readonly record struct Crop(PixelBox Area, int SheetLeft, int SheetTop);

    /// <summary>
    /// <paramref name="lines"/> read on the sheet, placed on the screenshot: a line whose middle is on
    /// a crop moves (and is clipped) back to where the crop was cut from; a line in the margin between
    /// crops belongs to nothing on the screenshot and is dropped.
    /// </summary>
    public IReadOnlyList<OcrLine> OnScreen(IReadOnlyList<OcrLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var placed = new List<OcrLine>(lines.Count);
        foreach (var read in lines)
        {
            var line = Scale == 1 ? read : read with
            {
                Box = new PixelBox(Unscaled(read.Box.Left), Unscaled(read.Box.Top), Unscaled(read.Box.Width), Unscaled(read.Box.Height)),
            };
            var middle = line.Box.Top + (line.Box.Height / 2);
            foreach (var crop in Crops.Where(c => middle >= c.SheetTop && middle < c.SheetTop + c.Area.Height).Take(1))
            {
                var left = Math.Clamp(line.Box.Left - crop.SheetLeft, 0, crop.Area.Width - 1);
                var top = Math.Clamp(line.Box.Top - crop.SheetTop, 0, crop.Area.Height - 1);
                var width = Math.Clamp(line.Box.Width, 1, crop.Area.Width - left);
                var height = Math.Clamp(line.Box.Height, 1, crop.Area.Height - top);
                placed.Add(line with { Box = new PixelBox(crop.Area.Left + left, crop.Area.Top + top, width, height) });
            }
        }

        return placed;

        int Unscaled(int sheetPixels) => (int)Math.Round(sheetPixels / Scale);
    }
}
