namespace DebtShield.Core.Screenshots;

/// <summary>A rectangle of an image in pixels, from its top-left corner.</summary>
/// <param name="Left">The first column.</param>
/// <param name="Top">The first row.</param>
/// <param name="Width">How many columns.</param>
/// <param name="Height">How many rows.</param>
public readonly record struct PixelBox(int Left, int Top, int Width, int Height)
{
    /// <summary>One past the last column.</summary>
    public int Right => Left + Width;

    /// <summary>One past the last row.</summary>
    public int Bottom => Top + Height;

    /// <summary>The middle column.</summary>
    public double CenterX => Left + (Width / 2.0);

    /// <summary>The smallest box holding both.</summary>
    public PixelBox Union(PixelBox other)
    {
        var left = Math.Min(Left, other.Left);
        var top = Math.Min(Top, other.Top);
        return new PixelBox(left, top, Math.Max(Right, other.Right) - left, Math.Max(Bottom, other.Bottom) - top);
    }
}

/// <summary>
/// The background a line of text sits on. Chat apps paint the borrower's own bubbles in a colour
/// (WeChat green, SMS blue) and the other side's in white or grey: when the position of a wide
/// bubble leaves its side in doubt, the colour decides.
/// </summary>
public enum LineShade
{
    /// <summary>Not sampled.</summary>
    Unknown,

    /// <summary>White, grey or black: a received bubble or the page.</summary>
    Neutral,

    /// <summary>A saturated colour: a sent bubble.</summary>
    Colored,
}

/// <summary>
/// One line of text as OCR read it: what it says, where it is, how sure the reader was and what
/// it is painted on. The layout of a chat screenshot is worked out from these alone.
/// </summary>
/// <param name="Text">The text, words joined (no space between Chinese characters).</param>
/// <param name="Box">Where it is.</param>
/// <param name="Confidence">How sure the reader was, 0 to 1, averaged over its characters.</param>
/// <param name="Characters">How many characters the confidence was averaged over.</param>
/// <param name="Shade">What it is painted on.</param>
/// <param name="UnsureCharacters">
/// How many of its characters are in words the reader was unsure of (<see cref="UnsureWordBelow"/>).
/// A misread character barely moves the line's average, and one unsure word alone says little
/// (Tesseract gives a well-read 点 a confidence of 0 at times); many unsure characters in a line
/// go with a bad reading.
/// </param>
/// <param name="Doubts">
/// What the reader already doubts of the line before any layout (its script could not be told, two
/// models read it differently): the message it ends up in carries the doubt.
/// </param>
public sealed record OcrLine(string Text, PixelBox Box, double Confidence, int Characters, LineShade Shade = LineShade.Unknown, int UnsureCharacters = 0, ReadDoubts Doubts = ReadDoubts.None)
{
    /// <summary>Below this confidence a word is unsure.</summary>
    public const double UnsureWordBelow = 0.5;
}
