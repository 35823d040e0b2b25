using DebtShield.Core.Screenshots;

namespace DebtShield.Import.Screenshots;

/// <summary>
/// What OCR reads for a screenshot (<see cref="ScreenshotImage.ForOcr"/>): one multi-page image,
/// the page first (its bubbles cleared), then each bubble (and stamp pill) cropped onto a page of its
/// own, and where each page came from, so that every line read is put back where it stands on the
/// screenshot. Tesseract reads every page in one process with its model loaded once, and each crop
/// alone: a bubble's reading no longer depends on what else was stacked beside it.
/// </summary>
/// <param name="Image">The pages, a multi-page grey TIFF.</param>
/// <param name="Pages">Where each page came from, in the image's order.</param>
public sealed record OcrSheet(byte[] Image, IReadOnlyList<OcrSheet.Page> Pages)
{
    /// <summary>One page: the screenshot's page, a bubble, or the pill a lender's chat prints a stamp on.</summary>
    /// <param name="Area">What it shows of the screenshot.</param>
    /// <param name="Margin">The white margin around <paramref name="Area"/> on the page (Tesseract wants white around text).</param>
    /// <param name="Ink">A crop's rows of text, where their ink is on the screenshot (<see cref="BubbleArea.Ink"/>); none for the page.</param>
    public readonly record struct Page(PixelBox Area, int Margin, IReadOnlyList<PixelBox>? Ink = null);

    /// <summary>
    /// The lines read on each page (<paramref name="pages"/>, in the sheet's order), placed on the
    /// screenshot: a line moves (and is clipped) into its page's area; a line whose middle is in a
    /// crop's margin belongs to no bubble and is dropped.
    /// </summary>
    public IReadOnlyList<OcrLine> OnScreen(IReadOnlyList<IReadOnlyList<OcrLine>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (pages.Count != Pages.Count)
        {
            throw new ArgumentException($"{pages.Count} pages of lines for a sheet of {Pages.Count}.", nameof(pages));
        }

        var placed = new List<OcrLine>();
        for (var p = 0; p < Pages.Count; p++)
        {
            var (area, margin, _) = Pages[p];
            foreach (var line in pages[p])
            {
                var middle = line.Box.Top + (line.Box.Height / 2) - margin;
                if (middle < 0 || middle >= area.Height)
                {
                    continue;
                }

                var left = Math.Clamp(line.Box.Left - margin, 0, area.Width - 1);
                var top = Math.Clamp(line.Box.Top - margin, 0, area.Height - 1);
                var width = Math.Clamp(line.Box.Width, 1, area.Width - left);
                var height = Math.Clamp(line.Box.Height, 1, area.Height - top);
                placed.Add(line with { Box = new PixelBox(area.Left + left, area.Top + top, width, height) });
            }
        }

        return placed;
    }
}
