using System.Globalization;
using DebtShield.Core.Screenshots;
using DebtShield.Import.Resources;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace DebtShield.Import.Screenshots;

/// <summary>What one screenshot says, and what is known about the image.</summary>
/// <param name="MediaType">Its media type, from its content.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Captured">When it was taken, and how that is known.</param>
/// <param name="Chat">The conversation on it.</param>
/// <param name="PageShare">The share of the image its largest flat region (the page behind the bubbles) covers: small on a photo of a screen.</param>
public sealed record ScreenshotReading(string MediaType, int Width, int Height, CaptureTime Captured, ChatReading Chat, double PageShare);

/// <summary>
/// Reads a chat screenshot: decodes it (refusing what is not a whole image), finds when it was
/// taken (EXIF, else the phone's file name, else the file time), finds its bubbles from their
/// fills, reads its text with OCR (each bubble cropped and read as a block of its own, against its own fill) and lays the text
/// out as a conversation (<see cref="ChatLayout"/>), one message a bubble.
/// </summary>
public static class ScreenshotReader
{
    /// <summary>Reads the screenshot <paramref name="content"/>, named <paramref name="name"/>, last written at <paramref name="fileTime"/>.</summary>
    /// <exception cref="ScreenshotException">It is not an image, is damaged, has no chat text, or OCR is unavailable.</exception>
    public static async Task<ScreenshotReading> ReadAsync(byte[] content, string name, DateTimeOffset fileTime, TesseractOcr ocr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(ocr);
        var image = ScreenshotImage.Decode(content, name);
        var captured = FromMetadata(content) ?? CaptureTime.FromFileName(name) ?? new CaptureTime(fileTime, CaptureTimeSource.FileTime);
        var bubbles = image.FindBubbles();
        var sheet = image.ForOcr(bubbles);
        var lines = sheet.OnScreen(await ocr.ReadAsync(sheet.Image, name, cancellationToken).ConfigureAwait(false));
        bubbles = [.. bubbles.Select((b, i) => b with { Ink = sheet.Crops[i].Ink })];
        lines = await ReadTraditionalAsync(image, bubbles, lines, ocr, name, cancellationToken).ConfigureAwait(false);
        var shaded = lines.Select(l => l with { Shade = image.ShadeAround(l.Box) }).ToList();
        var chat = ChatLayout.Read(shaded, image.Width, image.Height, captured.Time, bubbles, image.Pane);
        if (chat.Messages.Count == 0)
        {
            throw new ScreenshotException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Screenshot_NoText, name));
        }

        return new ScreenshotReading(image.MediaType, image.Width, image.Height, captured, chat, image.PageShare);
    }

    /// <summary>Below this confidence a bubble is read again with the traditional-character model.</summary>
    private const double TraditionalBelow = 0.86;

    /// <summary>How much surer the traditional model must be of a bubble for its reading to be kept.</summary>
    private const double TraditionalMargin = 0.04;

    /// <summary>
    /// Reads again, with the traditional-character model (<c>chi_tra</c>), the bubbles the simplified
    /// model was unsure of (on average, or of many of its words), and keeps for each bubble the reading the models were surer of: the
    /// simplified model reads 還款 as 还款 with low confidence, and the evidence must keep what the
    /// image shows. Traditional script is told apart this way, by which model reads it better, so
    /// simplified text keeps its reading. Without the traditional data the simplified reading stands.
    /// </summary>
    private static async Task<IReadOnlyList<OcrLine>> ReadTraditionalAsync(ScreenshotImage image, IReadOnlyList<BubbleArea> bubbles, IReadOnlyList<OcrLine> lines, TesseractOcr ocr, string name, CancellationToken cancellationToken)
    {
        var doubtful = bubbles.Where(b => Inside(b, lines) is var read && (Confidence(read) is < TraditionalBelow || (read.Count > 0 && read.Sum(l => l.UnsureCharacters) >= ChatMessage.ConfirmUnsureShare * read.Sum(l => l.Characters)))).ToList();
        if (doubtful.Count == 0)
        {
            return lines;
        }

        IReadOnlyList<OcrLine> again;
        try
        {
            var sheet = image.ForOcr(doubtful, onlyBubbles: true);
            again = sheet.OnScreen(await ocr.For("chi_tra").ReadAsync(sheet.Image, name, cancellationToken).ConfigureAwait(false));
        }
        catch (ScreenshotException e) when (e.OcrUnavailable)
        {
            return lines;
        }

        var kept = lines.ToList();
        foreach (var bubble in doubtful)
        {
            var simplified = Inside(bubble, lines);
            var traditional = Inside(bubble, again);
            if (Confidence(traditional) is { } better && better > Confidence(simplified) + TraditionalMargin)
            {
                kept.RemoveAll(simplified.Contains);
                kept.AddRange(traditional);
            }
        }

        return kept;

        static List<OcrLine> Inside(BubbleArea bubble, IReadOnlyList<OcrLine> lines) =>
            [.. lines.Where(l => l.Box.CenterX >= bubble.Box.Left && l.Box.CenterX <= bubble.Box.Right && l.Box.Top + (l.Box.Height / 2) >= bubble.Box.Top && l.Box.Top + (l.Box.Height / 2) <= bubble.Box.Bottom)];

        static double? Confidence(List<OcrLine> lines) =>
            lines.Sum(l => l.Characters) is > 0 and var characters ? lines.Sum(l => l.Confidence * l.Characters) / characters : null;
    }

    /// <summary>The EXIF time the picture was taken, China time unless it carries its own offset.</summary>
    internal static CaptureTime? FromMetadata(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var exif = ImageMetadataReader.ReadMetadata(stream).OfType<ExifSubIfdDirectory>().FirstOrDefault();
            if (exif is null || !exif.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var local))
            {
                return null;
            }

            var offset = exif.GetString(ExifDirectoryBase.TagTimeZoneOriginal) is { } zone
                && TimeSpan.TryParseExact(zone.TrimStart('+'), @"hh\:mm", CultureInfo.InvariantCulture, out var parsed)
                ? (zone.StartsWith('-') ? -parsed : parsed)
                : Core.ChinaStandardTime.Offset;
            return new CaptureTime(new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset), CaptureTimeSource.Metadata);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException or MetadataException or FormatException or ArgumentException)
        {
            // Unreadable metadata is no reason to refuse the picture (MetadataExtractor throws
            // ArgumentException for a PNG chunk whose type is not four letters: found by fuzzing).
            return null;
        }
    }
}
