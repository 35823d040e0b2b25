namespace DebtShield.Documents.Letters;

/// <summary>The file formats a letter is written in.</summary>
public enum LetterFormat
{
    /// <summary>Word/WPS document: what recipients open and what the borrower edits.</summary>
    Docx,

    /// <summary>PDF with the Chinese font embedded: prints and reads the same everywhere.</summary>
    Pdf,

    /// <summary>Markdown: plain text to paste into a web form.</summary>
    Markdown,
}

/// <summary>Which format a file name asks for.</summary>
public static class LetterFormats
{
    /// <summary>The format from the file's extension (.docx, .pdf, .md); null for any other.</summary>
    public static LetterFormat? FromPath(string path) => Path.GetExtension(path ?? "").ToLowerInvariant() switch
    {
        ".docx" => LetterFormat.Docx,
        ".pdf" => LetterFormat.Pdf,
        ".md" => LetterFormat.Markdown,
        _ => null,
    };
}
