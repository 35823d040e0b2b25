using System.Buffers.Binary;
using DebtShield.Import.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

public sealed class GreyTiffTests
{
    [Fact]
    public void Encode_AMostlyWhiteSheet_IsATenthOfItsPixels()
    {
        // Given a phone-sized sheet, white but for three rows of grey text-like ink: what Tesseract
        // reads on standard input a byte at a time.
        var (width, height) = (1080, 2400);
        var pixels = new byte[width * height];
        pixels.AsSpan().Fill(255);
        var random = new Random(20261206);
        foreach (var row in new[] { 100, 101, 1500 })
        {
            random.NextBytes(pixels.AsSpan(row * width, width));
        }

        var tiff = GreyTiff.Encode([new GreyImage(width, height, pixels)]);

        Assert.InRange(tiff.Length, 1, pixels.Length / 10);
    }

    [Fact]
    public void Encode_TwoPages_UnpackRowByRowToTheirPixels()
    {
        // Given rows of every shape PackBits must cut: runs longer than 128, runs of two, single
        // bytes, noise longer than 128, a row ending in a lone byte, widths not a multiple of 128.
        var random = new Random(7);
        var first = new byte[300 * 5];
        random.NextBytes(first);
        first.AsSpan(0, 300).Fill(255);
        first.AsSpan(300, 129).Clear();
        first[429] = first[430] = 17;
        first.AsSpan(600, 299).Fill(9);
        var second = new byte[3 * 2];
        second[0] = second[1] = 4;

        var tiff = GreyTiff.Encode([new GreyImage(300, 5, first), new GreyImage(3, 2, second)]);

        Assert.Equal([first, second], TiffPages(tiff));
    }

    /// <summary>Each page's pixels, read back from the directories as a baseline reader does; every page must be PackBits.</summary>
    private static List<byte[]> TiffPages(byte[] tiff)
    {
        var pages = new List<byte[]>();
        var directory = BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(4));
        while (directory != 0)
        {
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan((int)directory));
            var tags = new Dictionary<int, uint>();
            for (var e = 0; e < entries; e++)
            {
                var at = (int)directory + 2 + (e * 12);
                var type = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(at + 2));
                tags[BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(at))] = type == 3
                    ? BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(at + 8))
                    : BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(at + 8));
            }

            Assert.Equal(32773u, tags[259]);
            var (width, height) = ((int)tags[256], (int)tags[257]);
            var packed = tiff.AsSpan((int)tags[273], (int)tags[279]);
            var pixels = new List<byte>(width * height);
            var i = 0;
            for (var row = 0; row < height; row++)
            {
                var end = pixels.Count + width;
                while (pixels.Count < end)
                {
                    var count = unchecked((sbyte)packed[i++]);
                    if (count >= 0)
                    {
                        pixels.AddRange(packed.Slice(i, count + 1));
                        i += count + 1;
                    }
                    else if (count != -128)
                    {
                        pixels.AddRange(Enumerable.Repeat(packed[i++], 1 - count));
                    }
                }

                Assert.Equal(end, pixels.Count); // no run crosses a row's end
            }

            Assert.Equal(packed.Length, i);
            pages.Add([.. pixels]);
            directory = BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan((int)directory + 2 + (entries * 12)));
        }

        return pages;
    }
}
