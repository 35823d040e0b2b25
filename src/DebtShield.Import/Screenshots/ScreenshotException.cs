namespace DebtShield.Import.Screenshots;

/// <summary>
/// A screenshot that cannot be read (not an image, damaged, no chat text on it), or OCR that is
/// not available. The message is for the user: it names the file and, for OCR, how to install it.
/// </summary>
public sealed class ScreenshotException(string message, bool ocrUnavailable = false) : Exception(message)
{
    /// <summary>True when no screenshot can be read on this machine (tesseract or its Chinese data is missing).</summary>
    public bool OcrUnavailable { get; } = ocrUnavailable;
}
