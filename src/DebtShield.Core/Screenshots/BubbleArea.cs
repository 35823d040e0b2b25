namespace DebtShield.Core.Screenshots;

/// <summary>
/// A message bubble found on a screenshot from its flat fill, before any text is read: where the
/// fill is and whether it is coloured. Finding the bubbles first is what keeps one bubble one
/// message: the lines read inside a fill belong to it however far apart OCR puts them, and two
/// bubbles a few pixels apart stay two.
/// </summary>
/// <param name="Box">The fill's bounding box.</param>
/// <param name="Shade">Its colour: <see cref="LineShade.Colored"/> for the saturated fill apps give the phone owner's own messages.</param>
/// <param name="Ink">
/// Where its text's ink is, row by row (each row of text's extent on the screenshot), when it was
/// measured: what OCR read must cover it, or characters were lost (<see cref="ReadDoubts.LinesMissing"/>).
/// </param>
public readonly record struct BubbleArea(PixelBox Box, LineShade Shade, IReadOnlyList<PixelBox>? Ink = null);
