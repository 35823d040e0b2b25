using System.Globalization;
using SkiaSharp;

namespace DebtShield.Documents.Letters;

/// <summary>
/// A letter as PDF (A4, 2.54 cm margins, 12 pt body, page numbers), set in a Chinese font that
/// Skia embeds as a subset, so it prints the same everywhere and its text can be copied and searched.
/// </summary>
/// <remarks>
/// Lines break between any two Chinese characters and at spaces in Latin text; a closing
/// punctuation mark never starts a line (it stays at the end of the previous one).
/// </remarks>
public static class PdfLetter
{
    private const float PageWidth = 595.28f;
    private const float PageHeight = 841.89f;
    private const float Margin = 72f;
    private const float BodySize = 12f;
    private const string NoLineStart = "，。、；：！？）》」』〕】”’,.;:!?)]%";

    /// <summary>Writes the document to <paramref name="output"/> in <paramref name="font"/>.</summary>
    /// <exception cref="CjkFontException">The font cannot be loaded.</exception>
    public static void Write(LetterDocument document, Stream output, CjkFont font)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(font);
        using var typeface = font.Load() ?? throw new CjkFontException(font.Path, true);
        var pages = Layout(document, typeface);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Creator = "DebtShield",
            Producer = "DebtShield",
            RasterDpi = 150,
        };
        using var managed = new SKManagedWStream(output);
        using var pdf = SKDocument.CreatePdf(managed, metadata);
        using var footerFont = new SKFont(typeface, 9f);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (var p = 0; p < pages.Count; p++)
        {
            var canvas = pdf.BeginPage(PageWidth, PageHeight);
            foreach (var line in pages[p])
            {
                using var blob = Run(line, typeface);
                if (blob is not null)
                {
                    canvas.DrawText(blob, 0, line.Y, paint);
                }
            }

            var footer = string.Create(CultureInfo.InvariantCulture, $"第 {p + 1} 页 / 共 {pages.Count} 页");
            canvas.DrawText(footer, PageWidth / 2f, PageHeight - (Margin / 2f), SKTextAlign.Center, footerFont, paint);
            pdf.EndPage();
        }

        pdf.Close();
    }

    /// <summary>
    /// One line as a text run that carries its own text. Fonts such as Noto Sans CJK map a
    /// Kangxi radical (⾦, U+2FA6) and the ordinary character (金, U+91D1) to one glyph, and Skia's
    /// PDF text map names the lower code point; given the run's text and clusters, Skia writes the
    /// real characters as ActualText, so copying, searching and pdftotext give 金, not ⾦.
    /// </summary>
    private static SKTextBlob? Run(PlacedLine line, SKTypeface typeface)
    {
        using var font = new SKFont(typeface, line.Size) { Embolden = line.Bold };
        var glyphs = font.GetGlyphs(line.Text);
        if (glyphs.Length == 0)
        {
            return null;
        }

        var positions = font.GetGlyphPositions(glyphs, new SKPoint(line.X, 0)).Select(p => p.X).ToArray();
        var clusters = new uint[glyphs.Length];
        var offset = 0u;
        var index = 0;
        foreach (var rune in line.Text.EnumerateRunes())
        {
            if (index < clusters.Length)
            {
                clusters[index++] = offset;
            }

            offset += (uint)rune.Utf8SequenceLength;
        }

        var text = System.Text.Encoding.UTF8.GetBytes(line.Text);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocateHorizontalTextRun(font, glyphs.Length, 0, text.Length);
        glyphs.CopyTo(run.Glyphs);
        positions.CopyTo(run.Positions);
        text.CopyTo(run.Text);
        clusters.CopyTo(run.Clusters);
        return builder.Build();
    }

    private sealed record PlacedLine(string Text, float X, float Y, float Size, bool Bold);

    private static List<List<PlacedLine>> Layout(LetterDocument document, SKTypeface typeface)
    {
        var pages = new List<List<PlacedLine>> { new() };
        var y = Margin;
        var width = PageWidth - (2 * Margin);
        foreach (var block in document.Blocks)
        {
            var (size, bold, before, after) = block.Kind switch
            {
                LetterBlockKind.Title => (18f, true, 0f, 12f),
                LetterBlockKind.Heading => (14f, true, 8f, 2f),
                LetterBlockKind.Signature => (BodySize, false, 6f, 0f),
                _ => (BodySize, false, 0f, 3f),
            };
            using var font = new SKFont(typeface, size) { Embolden = bold };
            var (first, rest) = block.Kind switch
            {
                LetterBlockKind.Paragraph => (2 * size, 0f),
                LetterBlockKind.ListItem => (size, 2 * size),
                _ => (0f, 0f),
            };
            var lines = Wrap(block.Text, font, width - first, width - rest);
            var height = size * 1.6f;
            y += before;
            for (var i = 0; i < lines.Count; i++)
            {
                if (y + height > PageHeight - Margin)
                {
                    pages.Add([]);
                    y = Margin;
                }

                y += height;
                var lineWidth = font.MeasureText(lines[i]);
                var x = block.Kind switch
                {
                    LetterBlockKind.Title => Margin + ((width - lineWidth) / 2f),
                    LetterBlockKind.Signature => PageWidth - Margin - lineWidth,
                    _ => Margin + (i == 0 ? first : rest),
                };
                pages[^1].Add(new PlacedLine(lines[i], x, y - (size * 0.35f), size, bold));
            }

            y += after;
        }

        return pages;
    }

    /// <summary>Breaks <paramref name="text"/> into lines no wider than the widths given (the first line may differ).</summary>
    internal static List<string> Wrap(string text, SKFont font, float firstWidth, float width)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var limit = lines.Count == 0 ? firstWidth : width;
            var end = start;
            var lastBreak = -1;
            while (end < text.Length && font.MeasureText(text.AsSpan(start, end - start + 1)) <= limit)
            {
                end++;
                if (end < text.Length && !(InWord(text[end - 1]) && InWord(text[end])))
                {
                    lastBreak = end;
                }
            }

            if (end < text.Length)
            {
                if (end == start)
                {
                    end = start + 1; // a single glyph wider than the line: place it anyway
                }
                else if (InWord(text[end - 1]) && InWord(text[end]) && lastBreak > start)
                {
                    end = lastBreak; // do not split a Latin word, a number or a hash
                }

                while (end < text.Length && NoLineStart.Contains(text[end], StringComparison.Ordinal))
                {
                    end++;
                }
            }

            lines.Add(text[start..end].TrimEnd());
            start = end;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }
        }

        return lines.Count == 0 ? [""] : lines;
    }

    /// <summary>Characters that belong to one unbreakable run: Latin letters, digits and the marks inside numbers and file names.</summary>
    private static bool InWord(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or ',' or '%' or '-' or '/' or '_' or ':';
}
