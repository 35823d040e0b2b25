using DebtShield.Core.Reading;

namespace DebtShield.Core.Conduct;

/// <summary>The line syntax shared by the <c>data/conduct</c> files: <c>#</c> starts a comment.</summary>
internal static class ConductDataLine
{
    /// <summary>The lines that say something, numbered from 1: comments stripped, blank lines skipped.</summary>
    public static IEnumerable<(int Number, string Text)> Significant(string text)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = StripComment(raw);
            if (line.Length > 0)
            {
                yield return (number, line);
            }
        }
    }

    /// <summary>
    /// Reads a sectioned file: a <c>[id]</c> line opens a section (<paramref name="section"/> gets
    /// its line and id), each <c>key: value</c> line after it goes to <paramref name="entry"/>. A
    /// <see cref="FormatException"/> from <paramref name="entry"/> is located on its line.
    /// </summary>
    /// <exception cref="FormatException">A line is neither; or an entry is wrong. The message names file and line.</exception>
    public static void ReadSections(string text, string source, Action<int, string> section, Action<string, string> entry)
    {
        var open = false;
        foreach (var (number, line) in Significant(text))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section(number, line[1..^1].Trim());
                open = true;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (!open || colon < 0)
            {
                throw Error(source, number, "expected [rule.id], then key: value lines");
            }

            try
            {
                entry(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
            catch (FormatException e) when (e is not DataFileException)
            {
                throw new DataFileException(source, new ReadingProblem(SourceLocation.AtLine(number), e.Message), e);
            }
        }
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    /// <summary>A problem on line <paramref name="line"/> of <paramref name="source"/>: <c>rules.txt:12: …</c>.</summary>
    public static DataFileException Error(string source, int line, string message) => DataFileException.AtLine(source, line, message);
}
