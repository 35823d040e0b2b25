using System.Buffers;
using System.Buffers.Binary;

namespace DebtShield.Import.Screenshots;

/// <summary>
/// Writes grey images as the pages of one baseline TIFF (8 bits a pixel, 0 black, each row
/// PackBits-compressed), in memory. Tesseract reads a multi-page TIFF on standard input page by page
/// in one process, with its model loaded once, and numbers each page's words in its report: so the
/// sheets of several screenshots are read as pages of their own without a file on disk and without a
/// process each (starting Tesseract and loading a Chinese model is about half a second of CPU).
/// </summary>
/// <remarks>
/// A page is a header (its image file directory) and one strip holding every row. Only the tags a
/// baseline reader needs are written; leaving out the resolution makes Tesseract estimate it from the
/// text's height, as it does for the grey PGM it was given before. The rows are packed because
/// Tesseract takes standard input one byte at a time (through C++ streams synchronised with C's
/// <c>getc</c>): a sheet is mostly white (the page with its bubbles cleared, margins around every
/// crop), PackBits writes a white run of up to 128 pixels as two bytes and shrinks a sheet 10 to 20
/// times, and the bytes not read cut Tesseract's CPU by 6 % (a sheet of bubbles at 2x) to 13 % (a
/// 3x sheet) with every word of its report the same. PackBits is baseline TIFF: every reader has it.
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
        var strips = new byte[pages.Count][];
        var lengths = new int[pages.Count];
        try
        {
            var size = 8L;
            for (var p = 0; p < pages.Count; p++)
            {
                var page = pages[p];
                strips[p] = ArrayPool<byte>.Shared.Rent(PackBits.MostBytes(page.Width, page.Height));
                lengths[p] = PackBits.Pack(page.Pixels.Span, page.Width, strips[p]);
                size += lengths[p] + (lengths[p] % 2) + DirectorySize;
            }

            if (size > uint.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(pages), size, "A TIFF holds at most 4 GB.");
            }

            var tiff = new byte[size];
            var span = tiff.AsSpan();
            "II*\0"u8.CopyTo(span);
            var link = 4; // where the offset of the next directory goes: the header's, then each directory's last field
            var at = 8;
            for (var p = 0; p < pages.Count; p++)
            {
                var page = pages[p];
                var strip = at;
                strips[p].AsSpan(0, lengths[p]).CopyTo(span[at..]);
                at += lengths[p] + (lengths[p] % 2); // a directory starts on a word boundary
                BinaryPrimitives.WriteUInt32LittleEndian(span[link..], (uint)at);
                BinaryPrimitives.WriteUInt16LittleEndian(span[at..], Entries);
                var entry = at + 2;
                Entry(span, ref entry, 256, LongType, (uint)page.Width); // ImageWidth
                Entry(span, ref entry, 257, LongType, (uint)page.Height); // ImageLength
                Entry(span, ref entry, 258, ShortType, 8); // BitsPerSample
                Entry(span, ref entry, 259, ShortType, PackBits.Compression); // Compression: PackBits
                Entry(span, ref entry, 262, ShortType, 1); // PhotometricInterpretation: BlackIsZero
                Entry(span, ref entry, 273, LongType, (uint)strip); // StripOffsets
                Entry(span, ref entry, 277, ShortType, 1); // SamplesPerPixel
                Entry(span, ref entry, 278, LongType, (uint)page.Height); // RowsPerStrip
                Entry(span, ref entry, 279, LongType, (uint)lengths[p]); // StripByteCounts: the packed bytes
                link = entry; // left 0: the last page unless another follows
                at = entry + 4;
            }

            return tiff;
        }
        finally
        {
            foreach (var strip in strips.Where(s => s is not null))
            {
                ArrayPool<byte>.Shared.Return(strip);
            }
        }

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

/// <summary>
/// TIFF's PackBits compression (TIFF 6.0, section 9), row by row as the standard asks: a run of 2 to
/// 128 equal bytes is written as its length (negated, less one) and the byte; anything else as a
/// count (less one) and up to 128 bytes as they are.
/// </summary>
internal static class PackBits
{
    /// <summary>TIFF's number for PackBits in the Compression tag.</summary>
    public const ushort Compression = 32773;

    /// <summary>The most bytes <see cref="Pack"/> writes for an image of <paramref name="width"/> × <paramref name="height"/>: no run at all costs a count byte every 128.</summary>
    public static int MostBytes(int width, int height) => checked((width + ((width + 127) / 128)) * height);

    /// <summary>Packs <paramref name="pixels"/>, rows of <paramref name="width"/> bytes, into <paramref name="packed"/>.</summary>
    /// <returns>How many bytes were written.</returns>
    public static int Pack(ReadOnlySpan<byte> pixels, int width, Span<byte> packed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var written = 0;
        for (var start = 0; start < pixels.Length; start += width)
        {
            var row = pixels.Slice(start, Math.Min(width, pixels.Length - start));
            var i = 0;
            while (i < row.Length)
            {
                var run = RunAt(row, i);
                if (run >= 2)
                {
                    packed[written++] = unchecked((byte)(1 - run));
                    packed[written++] = row[i];
                    i += run;
                    continue;
                }

                // Bytes as they are, up to the next run of three (a run of two inside costs no more literal).
                var first = i;
                while (i < row.Length && i - first < 128 && !(i + 2 < row.Length && row[i] == row[i + 1] && row[i] == row[i + 2]))
                {
                    i++;
                }

                packed[written++] = (byte)(i - first - 1);
                row[first..i].CopyTo(packed[written..]);
                written += i - first;
            }
        }

        return written;

        static int RunAt(ReadOnlySpan<byte> row, int at)
        {
            var most = row.Slice(at, Math.Min(128, row.Length - at));
            var other = most.IndexOfAnyExcept(most[0]);
            return other < 0 ? most.Length : other;
        }
    }
}

/// <summary>
/// A grey image in memory: 8 bits a pixel, 0 black, row after row. A sheet for OCR is made as one
/// (<see cref="ScreenshotImage.ForOcr"/>) and packed as a TIFF page from it (<see cref="GreyTiff"/>),
/// so it is never written out and parsed back in between.
/// </summary>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Pixels">Its <paramref name="Width"/> × <paramref name="Height"/> levels.</param>
public sealed record GreyImage(int Width, int Height, ReadOnlyMemory<byte> Pixels);
