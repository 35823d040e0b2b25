using System.Buffers.Binary;

namespace DebtShield.Import.Screenshots;

/// <summary>
/// Writes grey images as the pages of one uncompressed baseline TIFF (8 bits a pixel, 0 black), in
/// memory. Tesseract reads a multi-page TIFF on standard input page by page in one process, with its
/// model loaded once, and numbers each page's words in its report: so the sheets of several
/// screenshots are read as pages of their own without a file on disk and without a process each
/// (starting Tesseract and loading a Chinese model is about half a second of CPU).
/// </summary>
/// <remarks>
/// A page is a header (its image file directory) and one strip holding every row. Only the tags a
/// baseline reader needs are written; leaving out the resolution makes Tesseract estimate it from the
/// text's height, as it does for the grey PGM it was given before.
/// </remarks>
internal static class GreyTiff
{
    private const ushort ShortType = 3;

    private const ushort LongType = 4;

    /// <summary>The TIFF holding <paramref name="pages"/>, in order.</summary>
    /// <param name="pages">Each page's size and pixels, row after row.</param>
    public static byte[] Encode(IReadOnlyList<GreyImage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentOutOfRangeException.ThrowIfZero(pages.Count);
        const int Entries = 9;
        const int DirectorySize = 2 + (Entries * 12) + 4;
        var size = 8L + pages.Sum(p => (long)p.Pixels.Length + (p.Pixels.Length % 2) + DirectorySize);
        if (size > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(pages), size, "A TIFF holds at most 4 GB.");
        }

        var tiff = new byte[size];
        var span = tiff.AsSpan();
        "II*\0"u8.CopyTo(span);
        var link = 4; // where the offset of the next directory goes: the header's, then each directory's last field
        var at = 8;
        foreach (var page in pages)
        {
            var strip = at;
            page.Pixels.Span.CopyTo(span[at..]);
            at += page.Pixels.Length + (page.Pixels.Length % 2); // a directory starts on a word boundary
            BinaryPrimitives.WriteUInt32LittleEndian(span[link..], (uint)at);
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], Entries);
            var entry = at + 2;
            Entry(span, ref entry, 256, LongType, (uint)page.Width); // ImageWidth
            Entry(span, ref entry, 257, LongType, (uint)page.Height); // ImageLength
            Entry(span, ref entry, 258, ShortType, 8); // BitsPerSample
            Entry(span, ref entry, 259, ShortType, 1); // Compression: none
            Entry(span, ref entry, 262, ShortType, 1); // PhotometricInterpretation: BlackIsZero
            Entry(span, ref entry, 273, LongType, (uint)strip); // StripOffsets
            Entry(span, ref entry, 277, ShortType, 1); // SamplesPerPixel
            Entry(span, ref entry, 278, LongType, (uint)page.Height); // RowsPerStrip
            Entry(span, ref entry, 279, LongType, (uint)page.Pixels.Length); // StripByteCounts
            link = entry; // left 0: the last page unless another follows
            at = entry + 4;
        }

        return tiff;

        static void Entry(Span<byte> span, ref int at, ushort tag, ushort type, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], tag);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 2)..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], 1);
            if (type == ShortType)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 8)..], (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 8)..], value);
            }

            at += 12;
        }
    }
}

/// <summary>A grey image in memory: 8 bits a pixel, 0 black, row after row.</summary>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Pixels">Its <paramref name="Width"/> × <paramref name="Height"/> levels.</param>
internal sealed record GreyImage(int Width, int Height, ReadOnlyMemory<byte> Pixels)
{
    /// <summary>
    /// The image of a binary PGM as <see cref="ScreenshotImage.ForOcr"/> writes it (<c>P5</c>, width,
    /// height, 255, each on its own line, then the pixels), its pixels not copied.
    /// </summary>
    /// <exception cref="FormatException">It is not such a PGM.</exception>
    public static GreyImage FromPgm(byte[] pgm)
    {
        ArgumentNullException.ThrowIfNull(pgm);
        var fields = new int[3];
        var at = 3;
        if (pgm.Length < 3 || pgm[0] != (byte)'P' || pgm[1] != (byte)'5' || pgm[2] != (byte)'\n')
        {
            throw new FormatException("not a binary PGM");
        }

        for (var f = 0; f < fields.Length; f++)
        {
            var value = 0;
            var digits = 0;
            while (at < pgm.Length && pgm[at] is >= (byte)'0' and <= (byte)'9' && digits < 9)
            {
                value = (value * 10) + (pgm[at++] - '0');
                digits++;
            }

            if (digits == 0 || at >= pgm.Length || pgm[at] is not ((byte)' ' or (byte)'\n'))
            {
                throw new FormatException("a PGM's header is its width, height and 255");
            }

            fields[f] = value;
            at++;
        }

        var (width, height) = (fields[0], fields[1]);
        if (fields[2] != 255 || (long)width * height != pgm.Length - at)
        {
            throw new FormatException("a PGM's pixels are one byte each, width times height of them");
        }

        return new GreyImage(width, height, pgm.AsMemory(at));
    }
}
