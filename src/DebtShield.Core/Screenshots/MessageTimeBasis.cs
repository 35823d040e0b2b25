namespace DebtShield.Core.Screenshots;

/// <summary>
/// What a message's time read from a screenshot rests on. Only <see cref="Stamp"/> is a time the
/// screenshot shows; every other value is an estimate (the latest time the message can have been
/// sent) and says why, because a time in an evidence chain that cannot be trusted must say so.
/// </summary>
public enum MessageTimeBasis
{
    /// <summary>The time stamp above it, read and consistent with the stamps around it and the capture time.</summary>
    Stamp,

    /// <summary>No time stamp is visible above it (it scrolled out of view).</summary>
    NoStampAbove,

    /// <summary>The line above it looks like a time stamp but could not be read as one.</summary>
    StampUnreadable,

    /// <summary>The stamp above it reads earlier than a stamp higher up the screen: one of them was misread.</summary>
    StampOutOfOrder,

    /// <summary>The stamp above it reads later than the moment the screenshot was taken: it was misread.</summary>
    StampAfterCapture,
}

/// <summary>What else makes a message read from a screenshot doubtful, besides its time.</summary>
[Flags]
public enum ReadDoubts
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>OCR was unsure of its characters (<see cref="ChatMessage.ConfirmBelow"/>) or of many of its words (<see cref="ChatMessage.ConfirmUnsureShare"/>).</summary>
    LowConfidence = 1,

    /// <summary>Its bubble shows more text than was read (a line, or characters of a line, the ink of which no word read covers): part of it is missing.</summary>
    LinesMissing = 2,

    /// <summary>No bubbles were found on the screenshot: it was split into messages by the lines' places alone.</summary>
    UnknownLayout = 4,

    /// <summary>
    /// Whether it is written in simplified or traditional characters could not be told from its
    /// glyphs (the two models' readings point both ways, or each read a form of its own script at
    /// the same place): some of its characters may be in the wrong script's form, or misread.
    /// </summary>
    ScriptUnsure = 8,

    /// <summary>
    /// The simplified- and the traditional-character models read it differently at places where the
    /// scripts write alike (a character dropped, added or read as another): one of them misread it.
    /// </summary>
    ReadingsDisagree = 16,

    /// <summary>
    /// A bubble was found (its fill, with ink on it) but OCR read no text from it: the message has no
    /// text, and only what the borrower types or confirms from the screenshot may stand for it.
    /// </summary>
    Unread = 32,
}
