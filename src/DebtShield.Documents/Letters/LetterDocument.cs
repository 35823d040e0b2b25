namespace DebtShield.Documents.Letters;

/// <summary>What a line of a rendered letter is.</summary>
public enum LetterBlockKind
{
    /// <summary>The document's title (<c># …</c>), centred.</summary>
    Title,

    /// <summary>A section heading (<c>## …</c>).</summary>
    Heading,

    /// <summary>An ordinary paragraph.</summary>
    Paragraph,

    /// <summary>A list item (<c>- …</c> or <c>1. …</c>), indented; the text keeps its own number.</summary>
    ListItem,

    /// <summary>A line set to the right (<c>:: …</c>): the signature and the date.</summary>
    Signature,
}

/// <summary>One paragraph of a letter.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Its text, without the marker.</param>
public sealed record LetterBlock(LetterBlockKind Kind, string Text);

/// <summary>
/// A letter as the three writers see it: a title and paragraphs. Each non-blank line of the
/// rendered template is one paragraph, so a template's line breaks are the document's.
/// </summary>
/// <param name="Title">The title (also the DOCX and PDF title property).</param>
/// <param name="Blocks">The paragraphs in order, the title among them.</param>
public sealed record LetterDocument(string Title, IReadOnlyList<LetterBlock> Blocks)
{
    /// <summary>Splits rendered template text into paragraphs.</summary>
    public static LetterDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<LetterBlock>();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            blocks.Add(line switch
            {
                _ when line.StartsWith("## ", StringComparison.Ordinal) => new LetterBlock(LetterBlockKind.Heading, line[3..].Trim()),
                _ when line.StartsWith("# ", StringComparison.Ordinal) => new LetterBlock(LetterBlockKind.Title, line[2..].Trim()),
                _ when line.StartsWith(":: ", StringComparison.Ordinal) => new LetterBlock(LetterBlockKind.Signature, line[3..].Trim()),
                _ when line.StartsWith("- ", StringComparison.Ordinal) => new LetterBlock(LetterBlockKind.ListItem, "• " + line[2..].Trim()),
                _ when IsNumbered(line) => new LetterBlock(LetterBlockKind.ListItem, line),
                _ => new LetterBlock(LetterBlockKind.Paragraph, line),
            });
        }

        var title = blocks.FirstOrDefault(b => b.Kind == LetterBlockKind.Title)?.Text ?? "";
        return new LetterDocument(title, blocks);
    }

    private static bool IsNumbered(string line)
    {
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 4 && line.Length > digits + 1 && line[digits] == '.' && line[digits + 1] == ' ';
    }
}
