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

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    public static FormatException Error(string source, int line, string message) =>
        new(source + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + message);
}
