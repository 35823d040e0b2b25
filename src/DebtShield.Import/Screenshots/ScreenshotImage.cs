using System.Globalization;
using DebtShield.Core.Screenshots;
using DebtShield.Import.Resources;
using SkiaSharp;

namespace DebtShield.Import.Screenshots;

/// <summary>
/// A screenshot decoded whole: its size, its format, and the shade under a line of text. Decoding
/// it before OCR is what tells a non-image or a truncated PNG apart from an image without text,
/// so each gets its own message and nothing is stored for either.
/// </summary>
public sealed class ScreenshotImage : IDisposable
{
    private readonly SKBitmap _bitmap;

    private ScreenshotImage(SKBitmap bitmap, string mediaType)
    {
        _bitmap = bitmap;
        MediaType = mediaType;
    }

    /// <summary>Its width in pixels.</summary>
    public int Width => _bitmap.Width;

    /// <summary>Its height in pixels.</summary>
    public int Height => _bitmap.Height;

    /// <summary>Its media type (<c>image/png</c>…), from its content, not its name.</summary>
    public string MediaType { get; }

    /// <summary>Decodes <paramref name="content"/>.</summary>
    /// <exception cref="ScreenshotException">It is not an image, or it is damaged.</exception>
    public static ScreenshotImage Decode(byte[] content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data) ?? throw new ScreenshotException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Screenshot_NotImage, name));
        var mediaType = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => "image/png",
            SKEncodedImageFormat.Jpeg => "image/jpeg",
            SKEncodedImageFormat.Webp => "image/webp",
            SKEncodedImageFormat.Gif => "image/gif",
            SKEncodedImageFormat.Bmp => "image/bmp",
            _ => throw new ScreenshotException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Screenshot_NotImage, name)),
        };
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new ScreenshotException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Screenshot_Damaged, name, result));
        }

        return new ScreenshotImage(bitmap, mediaType);
    }

    /// <summary>
    /// The shade a line of text is painted on: the pixels of a frame a few pixels outside its box,
    /// inside the bubble's padding. Colored when most of them are saturated (a sent bubble).
    /// </summary>
    public LineShade ShadeAround(PixelBox box)
    {
        const int Gap = 5;
        var left = Math.Clamp(box.Left - Gap, 0, Width - 1);
        var right = Math.Clamp(box.Right + Gap, 0, Width - 1);
        var top = Math.Clamp(box.Top - Gap, 0, Height - 1);
        var bottom = Math.Clamp(box.Bottom + Gap, 0, Height - 1);
        int colored = 0, all = 0;
        var step = Math.Max(1, (right - left) / 64);
        for (var x = left; x <= right; x += step)
        {
            Count(x, top);
            Count(x, bottom);
        }

        for (var y = top; y <= bottom; y += Math.Max(1, (bottom - top) / 8))
        {
            Count(left, y);
            Count(right, y);
        }

        return all == 0 ? LineShade.Unknown : colored * 2 > all ? LineShade.Colored : LineShade.Neutral;

        void Count(int x, int y)
        {
            var pixel = _bitmap.GetPixel(x, y);
            var max = Math.Max(pixel.Red, Math.Max(pixel.Green, pixel.Blue));
            var min = Math.Min(pixel.Red, Math.Min(pixel.Green, pixel.Blue));
            all++;
            if (max > 40 && (max - min) / (double)max > 0.25)
            {
                colored++;
            }
        }
    }

    /// <summary>
    /// The image as OCR is given it: a binary PGM in black and white, text black. Tesseract reads a
    /// coloured bubble (WeChat's green) as a picture and skips its text, and takes an avatar beside
    /// a bubble for a character of the line; here a dark-mode screenshot (mostly dark) is inverted,
    /// every pixel darker than <see cref="InkBelow"/> (text, and the light grey of time stamps)
    /// becomes black and the rest white, and solid blocks in the avatar margins are cleared.
    /// </summary>
    public byte[] ForOcr()
    {
        var pixels = _bitmap.GetPixelSpan();
        var header = System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{Width} {Height}\n255\n"));
        var grey = new byte[Width * Height];
        long total = 0;
        for (int i = 0, p = 0; i < grey.Length; i++, p += 4)
        {
            var luminance = (byte)(((pixels[p] * 299) + (pixels[p + 1] * 587) + (pixels[p + 2] * 114)) / 1000);
            grey[i] = luminance;
            total += luminance;
        }

        var dark = total < 110L * grey.Length;
        for (var i = 0; i < grey.Length; i++)
        {
            var luminance = dark ? 255 - grey[i] : grey[i];
            grey[i] = luminance < InkBelow ? (byte)0 : (byte)255;
        }

        ClearAvatars(grey);
        var image = new byte[header.Length + grey.Length];
        header.CopyTo(image, 0);
        grey.CopyTo(image, header.Length);
        return image;
    }

    /// <summary>Grey levels below this are ink: black text, and the #999 grey of time stamps.</summary>
    private const int InkBelow = 180;

    /// <summary>
    /// Whitens runs of black in the left and right margins (<see cref="ChatLayout.AvatarMargin"/>)
    /// longer than any stroke of a character: the avatars beside the bubbles.
    /// </summary>
    private void ClearAvatars(byte[] grey)
    {
        var margin = (int)(Width * ChatLayout.AvatarMargin);
        var longest = Width * 6 / 100;
        for (var y = 0; y < Height; y++)
        {
            var row = grey.AsSpan(y * Width, Width);
            Clear(row[..margin]);
            Clear(row[(Width - margin)..]);
        }

        void Clear(Span<byte> band)
        {
            var start = -1;
            for (var x = 0; x <= band.Length; x++)
            {
                if (x < band.Length && band[x] == 0)
                {
                    start = start < 0 ? x : start;
                    continue;
                }

                if (start >= 0 && x - start >= longest)
                {
                    band[start..x].Fill(255);
                }

                start = -1;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _bitmap.Dispose();
}
