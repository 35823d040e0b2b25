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
public sealed record ScreenshotReading(string MediaType, int Width, int Height, CaptureTime Captured, ChatReading Chat);

/// <summary>
/// Reads a chat screenshot: decodes it (refusing what is not a whole image), finds when it was
/// taken (EXIF, else the phone's file name, else the file time), reads its text with OCR and
/// lays the text out as a conversation (<see cref="ChatLayout"/>).
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
        using var image = ScreenshotImage.Decode(content, name);
        var captured = FromMetadata(content) ?? CaptureTime.FromFileName(name) ?? new CaptureTime(fileTime, CaptureTimeSource.FileTime);
        var lines = await ocr.ReadAsync(image.ForOcr(), name, cancellationToken).ConfigureAwait(false);
        var shaded = lines.Select(l => l with { Shade = image.ShadeAround(l.Box) }).ToList();
        var chat = ChatLayout.Read(shaded, image.Width, image.Height, captured.Time);
        if (chat.Messages.Count == 0)
        {
            throw new ScreenshotException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Screenshot_NoText, name));
        }

        return new ScreenshotReading(image.MediaType, image.Width, image.Height, captured, chat);
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
