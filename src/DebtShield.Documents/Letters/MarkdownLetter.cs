using System.Text;

namespace DebtShield.Documents.Letters;

/// <summary>
/// A letter as Markdown, for pasting into a regulator's or a platform's web form: headings as
/// <c>#</c>, one paragraph per line with a blank line between, so a form that takes plain text
/// receives the same paragraphs.
/// </summary>
public static class MarkdownLetter
{
    /// <summary>The Markdown text.</summary>
    public static string Write(LetterDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            text.Append(block.Kind switch
            {
                LetterBlockKind.Title => "# " + block.Text,
                LetterBlockKind.Heading => "## " + block.Text,
                LetterBlockKind.ListItem when block.Text.StartsWith("• ", StringComparison.Ordinal) => "- " + block.Text[2..],
                _ => block.Text,
            });
            text.Append("\n\n");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }
}
