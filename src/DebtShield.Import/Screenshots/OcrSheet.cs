using DebtShield.Core.Screenshots;

namespace DebtShield.Import.Screenshots;

/// <summary>
/// The one image OCR reads for a screenshot (<see cref="ScreenshotImage.ForOcr"/>): the page, then
/// its bubbles (and stamp pills) cropped and stacked below it, and where each crop came from, so that every line read
/// on a crop is put back where it stands on the screenshot.
/// </summary>
/// <param name="Image">The sheet, a grey image.</param>
/// <param name="PageHeight">How many rows of the sheet are the page (none when only bubbles are read).</param>
/// <param name="Crops">Where each bubble's crop lies on the sheet, top to bottom.</param>
/// <param name="Scale">
/// How many times larger than the screenshot's pixels <paramref name="Image"/> is drawn: 1, or
/// more when crops are read again enlarged (small text that read as nothing). Rows and columns of
/// <see cref="PageHeight"/> and <see cref="Crops"/> are the screenshot's.
/// </param>
public sealed record OcrSheet(GreyImage Image, int PageHeight, IReadOnlyList<OcrSheet.Crop> Crops, int Scale = 1)
{
    /// <summary>One crop on the sheet: a bubble, or the pill a lender's chat prints a stamp on.</summary>
    /// <param name="Area">Its box on the screenshot.</param>
    /// <param name="SheetLeft">The crop's first column on the sheet.</param>
    /// <param name="SheetTop">The crop's first row on the sheet.</param>
    /// <param name="Ink">Its rows of text, where their ink is on the screenshot (<see cref="BubbleArea.Ink"/>), once measured.</param>
    public readonly record struct Crop(PixelBox Area, int SheetLeft, int SheetTop, IReadOnlyList<PixelBox>? Ink = null);

    /// <summary>
    /// <paramref name="lines"/> read on the sheet, placed on the screenshot: a line whose middle is on
    /// a crop moves (and is clipped) into its bubble; a line above the crops is on the page and stays;
    /// a line in the margin between crops belongs to no bubble and is dropped.
    /// </summary>
    public IReadOnlyList<OcrLine> OnScreen(IReadOnlyList<OcrLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var placed = new List<OcrLine>(lines.Count);
        foreach (var read in lines)
        {
            var line = Scale == 1 ? read : read with { Box = new PixelBox(read.Box.Left / Scale, read.Box.Top / Scale, Math.Max(1, read.Box.Width / Scale), Math.Max(1, read.Box.Height / Scale)) };
            var middle = line.Box.Top + (line.Box.Height / 2);
            if (middle < PageHeight)
            {
                placed.Add(line);
                continue;
            }

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
    }
}
