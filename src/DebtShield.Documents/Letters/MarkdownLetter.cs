using System.Text;

namespace DebtShield.Documents.Letters;

/// <summary>
/// A letter as Markdown, for pasting into a regulator's or a platform's web form: headings as
/// <c>#</c>, one paragraph per line with a blank line between, so a form that takes plain text
/// receives the same paragraphs.
/// </summary>
/// <remarks>
/// A block's text is plain text (a template writes no inline Markdown), and it carries the
/// borrower's and the collectors' words, so every character Markdown or HTML would act on is
/// escaped: a collector's <c>&lt;img onerror=…&gt;</c> or <c>[link](javascript:…)</c> shows as
/// written, and control and bidirectional characters are made visible.
/// </remarks>
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
                LetterBlockKind.Title => "# " + Escape(block.Text, lineStart: false),
                LetterBlockKind.Heading => "## " + Escape(block.Text, lineStart: false),
                LetterBlockKind.ListItem when block.Text.StartsWith("• ", StringComparison.Ordinal) => "- " + Escape(block.Text[2..], lineStart: false),
                LetterBlockKind.ListItem when NumberedItem(block.Text) is > 0 and var marker => block.Text[..marker] + Escape(block.Text[marker..], lineStart: false),
                _ => Escape(block.Text, lineStart: true),
            });
            text.Append("\n\n");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Plain text as Markdown that shows it as written: ASCII punctuation that starts emphasis, code,
    /// links, images, HTML, entities, tables or strike-through is backslash-escaped, and at the start
    /// of a paragraph so is what would make it a heading, quote, list or rule.
    /// </summary>
    public static string Escape(string text, bool lineStart)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = Core.DisplayText.Neutralise(text).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var escaped = new StringBuilder(plain.Length + 8);
        foreach (var c in plain)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '!' or '&' or '|' or '~' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        if (lineStart && escaped.Length > 0 && (escaped[0] is '-' or '+' or '=' || NumberedItem(escaped.ToString()) > 0))
        {
            var at = escaped[0] is '-' or '+' or '=' ? 0 : NumberedItem(escaped.ToString()) - 2;
            escaped.Insert(at, '\\');
        }

        return escaped.ToString();
    }

    /// <summary>The length of a leading "12. " or "12) " (digits, the mark, a space); 0 when there is none.</summary>
    private static int NumberedItem(string text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] == ' ' ? digits + 2 : 0;
    }
}
