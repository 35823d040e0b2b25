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
/// <param name="PageShare">The share of the image its flat fills cover (the page behind the bubbles, or on a picture wallpaper the bubbles): small on a photo of a screen.</param>
/// <param name="PageSigns">The signs against a chat read from the page around the conversation (<see cref="PageShape"/>): what the layout leaves out of <paramref name="Chat"/>.</param>
public sealed record ScreenshotReading(string MediaType, int Width, int Height, CaptureTime Captured, ChatReading Chat, double PageShare, IReadOnlyList<NotChatSign> PageSigns)
{
    /// <summary>Every sign that it is not a chat, from its messages (<see cref="ChatShape"/>) and from its page; none for a chat.</summary>
    public IReadOnlyList<NotChatSign> SignsAgainstChat => [.. ChatShape.SignsAgainst(Chat, Width, Height, PageShare), .. PageSigns];
}

/// <summary>A screenshot to read: its bytes, its file's name and when the file was last written.</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="Name">The file's name (it may carry the capture time; messages name it).</param>
/// <param name="FileTime">When the file was last written: the capture time when nothing better is known.</param>
public sealed record ScreenshotSource(byte[] Content, string Name, DateTimeOffset FileTime);

/// <summary>One screenshot of a batch (<see cref="ScreenshotReader.ReadAllAsync"/>): what it says, or why it was refused.</summary>
/// <param name="Reading">What it says; null when refused.</param>
/// <param name="Refusal">Why it was refused (not an image, damaged, no text, OCR failed on it), naming the file; null when read.</param>
public sealed record ScreenshotAttempt(ScreenshotReading? Reading, ScreenshotException? Refusal);

/// <summary>
/// Reads chat screenshots: decodes each (refusing what is not a whole image), finds when it was
/// taken (EXIF, else the phone's file name, else the file time), finds its bubbles from their
/// fills, reads its text with OCR (each bubble cropped and read as a block of its own, against its own fill) and lays the text
/// out as a conversation (<see cref="ChatLayout"/>), one message a bubble.
/// </summary>
/// <remarks>
/// A batch of screenshots is read by one Tesseract process a model: every screenshot keeps its own
/// sheet (the page and its bubbles stacked, which reads better than the crops alone), and the
/// sheets are the pages of one image, so the process start and the model load (about half a second
/// of CPU each) are paid once a batch instead of once a screenshot and model.
/// </remarks>
public static class ScreenshotReader
{
    /// <summary>
    /// The most screenshots read in one batch: the decoded images and sheets of a batch are held
    /// together (about 15 MB a phone screenshot), and beyond 8 the model load shared is under a
    /// tenth of a second a screenshot.
    /// </summary>
    public const int BatchSize = 8;

    /// <summary>Reads the screenshot <paramref name="content"/>, named <paramref name="name"/>, last written at <paramref name="fileTime"/>.</summary>
    /// <exception cref="ScreenshotException">It is not an image, is damaged, has no chat text, or OCR is unavailable.</exception>
    public static async Task<ScreenshotReading> ReadAsync(byte[] content, string name, DateTimeOffset fileTime, TesseractOcr ocr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        var attempt = (await ReadAllAsync([new ScreenshotSource(content, name, fileTime)], ocr, cancellationToken).ConfigureAwait(false))[0];
        return attempt.Reading ?? throw attempt.Refusal!;
    }

    /// <summary>
    /// The batches a list of <paramref name="count"/> screenshots is read in on <paramref name="cores"/>
    /// cores: as few as keep every core busy, none over <see cref="BatchSize"/>.
    /// </summary>
    public static IEnumerable<Range> Batches(int count, int cores)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cores);
        var size = Math.Clamp((count + cores - 1) / cores, 1, BatchSize);
        for (var start = 0; start < count; start += size)
        {
            yield return start..Math.Min(count, start + size);
        }
    }

    /// <summary>
    /// Reads <paramref name="screenshots"/> as one batch (at most <see cref="BatchSize"/> is meant):
    /// one Tesseract process reads every sheet with the simplified model, and one reads the bubbles
    /// doubtful in script with the traditional model. A screenshot that cannot be read is refused on
    /// its own; the others are read.
    /// </summary>
    /// <returns>For each screenshot, in order, its reading or why it was refused.</returns>
    /// <exception cref="ScreenshotException">OCR is unavailable (<see cref="ScreenshotException.OcrUnavailable"/>).</exception>
    public static async Task<IReadOnlyList<ScreenshotAttempt>> ReadAllAsync(IReadOnlyList<ScreenshotSource> screenshots, TesseractOcr ocr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(screenshots);
        ArgumentNullException.ThrowIfNull(ocr);
        var attempts = new ScreenshotAttempt[screenshots.Count];
        var laid = new List<Laid>(screenshots.Count);
        for (var i = 0; i < screenshots.Count; i++)
        {
            var (content, name, fileTime) = screenshots[i];
            try
            {
                var image = ScreenshotImage.Decode(content, name);
                var captured = FromMetadata(content) ?? CaptureTime.FromFileName(name) ?? new CaptureTime(fileTime, CaptureTimeSource.FileTime);
                var bubbles = image.FindBubbles();
                laid.Add(new Laid(i, name, image, captured, bubbles, image.ForOcr(bubbles)));
            }
            catch (ScreenshotException e) when (!e.OcrUnavailable)
            {
                attempts[i] = new ScreenshotAttempt(null, e);
            }
        }

        var pages = await ocr.ReadPagesAsync([.. laid.Select(l => (l.Sheet.Image, l.Name))], cancellationToken).ConfigureAwait(false);
        var read = new List<(Laid Shot, IReadOnlyList<BubbleArea> Bubbles, IReadOnlyList<OcrLine> Lines)>(laid.Count);
        for (var k = 0; k < laid.Count; k++)
        {
            var shot = laid[k];
            if (pages[k].Failure is { } failure)
            {
                attempts[shot.Index] = new ScreenshotAttempt(null, failure);
                continue;
            }

            var bubbles = shot.Bubbles.Select((b, i) => b with { Ink = shot.Sheet.Crops[i].Ink }).ToList();
            read.Add((shot, bubbles, shot.Sheet.OnScreen(pages[k].Lines)));
        }

        read = await ReadUnreadAgainAsync(read, ocr, cancellationToken).ConfigureAwait(false);
        var kept = await ReadTraditionalAsync(read, ocr, cancellationToken).ConfigureAwait(false);
        for (var k = 0; k < read.Count; k++)
        {
            var (shot, bubbles, _) = read[k];
            var image = shot.Image;
            var shaded = kept[k].Select(l => l with { Shade = image.ShadeAround(l.Box) }).ToList();
            var chat = ChatLayout.Read(shaded, image.Width, image.Height, shot.Captured.Time, bubbles, image.Pane);
            attempts[shot.Index] = chat.Messages.All(m => m.Unread)
                ? new ScreenshotAttempt(null, new ScreenshotException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Screenshot_NoText, shot.Name)))
                : new ScreenshotAttempt(new ScreenshotReading(image.MediaType, image.Width, image.Height, shot.Captured, chat, image.PageShare, PageShape.SignsAgainst(image.Pane, image.Height)), null);
        }

        return attempts;
    }

    /// <summary>
    /// Reads again every bubble that holds rows of ink (<see cref="BubbleArea.Ink"/>) and of which
    /// the sheet gave no line: its crop alone among the others of its kind, enlarged so that its
    /// lowest row of text is about <see cref="ReadableTextHeight"/> pixels high. On the sheet,
    /// Tesseract judges each word against the page's text and drops one much smaller as a speck,
    /// and small text (a desktop client's 9-pixel characters) it may not read at all; enlarged and
    /// alone, such a crop is read. The bubbles of every screenshot of the batch are read by one
    /// process, each screenshot's on a page of its own, and only when there are any. A line read
    /// again is kept only when OCR was fairly sure of it (<see cref="OcrLine.UnsureWordBelow"/>):
    /// enlarged, a settings switch's white knob, found as a green bubble's ink, read as (、 at 0.18.
    /// What stays unread is kept as a bubble without text, flagged (<see cref="ReadDoubts.Unread"/>).
    /// </summary>
    private static async Task<List<(Laid Shot, IReadOnlyList<BubbleArea> Bubbles, IReadOnlyList<OcrLine> Lines)>> ReadUnreadAgainAsync(List<(Laid Shot, IReadOnlyList<BubbleArea> Bubbles, IReadOnlyList<OcrLine> Lines)> read, TesseractOcr ocr, CancellationToken cancellationToken)
    {
        var again = read
            .Select((r, k) => (k, Bubbles: r.Bubbles.Where(b => b.Ink is { Count: > 0 } && Inside(b, r.Lines).Count == 0).ToList()))
            .Where(d => d.Bubbles.Count > 0)
            .Select(d => (d.k, d.Bubbles, Sheet: read[d.k].Shot.Image.ForOcr(d.Bubbles, onlyBubbles: true, scale: Enlargement(d.Bubbles))))
            .ToList();
        if (again.Count == 0)
        {
            return read;
        }

        var pages = await ocr.ReadPagesAsync([.. again.Select(d => (d.Sheet.Image, read[d.k].Shot.Name))], cancellationToken).ConfigureAwait(false);
        for (var p = 0; p < again.Count; p++)
        {
            var (k, _, sheet) = again[p];
            if (pages[p].Failure is null)
            {
                read[k] = read[k] with { Lines = [.. read[k].Lines, .. sheet.OnScreen(pages[p].Lines).Where(l => l.Confidence >= OcrLine.UnsureWordBelow)] };
            }
        }

        return read;

        static int Enlargement(List<BubbleArea> bubbles) =>
            Math.Clamp((int)Math.Ceiling(ReadableTextHeight / (double)bubbles.SelectMany(b => b.Ink!).Min(r => r.Height)), 2, ScreenshotImage.MostEnlarged);
    }

    /// <summary>The height in pixels a row of text is enlarged to when it is read again: Tesseract reads Chinese best at about this size.</summary>
    private const int ReadableTextHeight = 36;

    /// <summary>The lines whose middle is inside <paramref name="bubble"/>.</summary>
    private static List<OcrLine> Inside(BubbleArea bubble, IReadOnlyList<OcrLine> lines) =>
        [.. lines.Where(l => l.Box.CenterX >= bubble.Box.Left && l.Box.CenterX <= bubble.Box.Right && l.Box.Top + (l.Box.Height / 2) >= bubble.Box.Top && l.Box.Top + (l.Box.Height / 2) <= bubble.Box.Bottom)];

    /// <summary>The two scripts' forms of a character (<c>data/scripts/STCharacters.txt</c>, embedded).</summary>
    private static readonly Lazy<CharacterForms> Forms = new(() =>
    {
        using var stream = typeof(ScreenshotReader).Assembly.GetManifestResourceStream("DebtShield.Scripts.STCharacters.txt")
            ?? throw new InvalidOperationException("data/scripts/STCharacters.txt is not embedded in DebtShield.Import.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return CharacterForms.Parse(reader.ReadToEnd());
    });

    /// <summary>
    /// Reads again, with the traditional-character model (<c>chi_tra</c>), every bubble whose script
    /// could be either (its simplified reading holds a character traditional text writes otherwise)
    /// or that the simplified model was unsure of, and keeps for each the reading its glyphs call for
    /// (<see cref="CharacterForms.Votes"/>: a glyph only one model could read). The simplified model
    /// reads a traditional bubble in simplified forms, and often sure of them (咱們聊聊還款 read
    /// 咱们聊聊膛款, 0.87): no confidence rule sees that, but the glyph it could not map (還 read 膛)
    /// does. Where the glyphs do not tell, a bubble the simplified model was unsure of (on average,
    /// or of many of its words) takes the reading the models were surer of; any other keeps its
    /// simplified reading (<see cref="ScriptChoice"/>). The kept lines carry what the two readings
    /// leave in doubt (the script, characters misread). Without the traditional data the simplified reading stands.
    /// The bubbles of every screenshot of the batch are read by one process, each screenshot's on a
    /// page of its own.
    /// </summary>
    /// <returns>The lines kept for each screenshot of <paramref name="read"/>, in order.</returns>
    private static async Task<IReadOnlyList<IReadOnlyList<OcrLine>>> ReadTraditionalAsync(IReadOnlyList<(Laid Shot, IReadOnlyList<BubbleArea> Bubbles, IReadOnlyList<OcrLine> Lines)> read, TesseractOcr ocr, CancellationToken cancellationToken)
    {
        var kept = read.Select(r => r.Lines).ToArray();
        var forms = Forms.Value;
        var again = read
            .Select((r, k) => (k, Bubbles: r.Bubbles.Where(b => Inside(b, r.Lines) is var lines && (ScriptChoice.Unsure(lines) || lines.Any(l => l.Text.Any(forms.IsOnlySimplified)))).ToList()))
            .Where(d => d.Bubbles.Count > 0)
            .Select(d => (d.k, d.Bubbles, Sheet: read[d.k].Shot.Image.ForOcr(d.Bubbles, onlyBubbles: true)))
            .ToList();
        if (again.Count == 0)
        {
            return kept;
        }

        IReadOnlyList<OcrPageReading> pages;
        try
        {
            pages = await ocr.For("chi_tra").ReadPagesAsync([.. again.Select(d => (d.Sheet.Image, read[d.k].Shot.Name))], cancellationToken).ConfigureAwait(false);
        }
        catch (ScreenshotException e) when (e.OcrUnavailable)
        {
            return kept;
        }

        for (var p = 0; p < again.Count; p++)
        {
            var (k, bubbles, sheet) = again[p];
            if (pages[p].Failure is not null)
            {
                continue; // the simplified reading stands, as without the traditional data
            }

            var lines = kept[k].ToList();
            var traditionalLines = sheet.OnScreen(pages[p].Lines);
            foreach (var bubble in bubbles)
            {
                var (simplified, traditional) = (Inside(bubble, kept[k]), Inside(bubble, traditionalLines));
                var choice = ScriptChoice.For(simplified, traditional, forms);
                var chosen = choice.Traditional ? traditional : simplified;
                lines.RemoveAll(simplified.Contains);
                lines.AddRange(chosen.Select(l => l with { Doubts = l.Doubts | choice.Doubts }));
            }

            kept[k] = lines;
        }

        return kept;
    }

    /// <summary>A screenshot decoded, its bubbles found and its sheet made, waiting for OCR.</summary>
    private sealed record Laid(int Index, string Name, ScreenshotImage Image, CaptureTime Captured, IReadOnlyList<BubbleArea> Bubbles, OcrSheet Sheet);

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
