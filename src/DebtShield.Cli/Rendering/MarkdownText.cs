using System.Text.RegularExpressions;
using Spectre.Console;

namespace DebtShield.Cli.Rendering;

/// <summary>
/// The small part of Markdown the guide uses, in the terminal: headings, bullets, paragraphs,
/// tables, <c>**bold**</c> and <c>`commands`</c>. Anything else is printed as written.
/// </summary>
internal static partial class MarkdownText
{
    public static void Write(IAnsiConsole console, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('|'))
            {
                var rows = new List<string[]>();
                for (; i < lines.Length && lines[i].StartsWith('|'); i++)
                {
                    rows.Add([.. lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim())]);
                }

                i--;
                WriteTable(console, rows);
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                console.Write(new Rule("[bold]" + Inline(line[2..]) + "[/]").LeftJustified());
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                console.MarkupLine("[bold underline]" + Inline(line[3..]) + "[/]");
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                console.MarkupLine("  • " + Inline(line[2..]));
            }
            else
            {
                console.MarkupLine(Inline(line));
            }
        }
    }

    private static void WriteTable(IAnsiConsole console, List<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in rows[0])
        {
            table.AddColumn(new TableColumn(Inline(header)));
        }

        foreach (var row in rows.Skip(1).Where(r => !r.All(c => c.Trim('-', ':').Length == 0)))
        {
            table.AddRow([.. row.Take(rows[0].Length).Select(c => new Markup(Inline(c)))]);
        }

        console.Write(table);
    }

    private static string Inline(string text)
    {
        var escaped = Markup.Escape(text);
        escaped = Bold().Replace(escaped, "[bold]$1[/]");
        return Code().Replace(escaped, "[cyan]$1[/]");
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"`(.+?)`")]
    private static partial Regex Code();
}
