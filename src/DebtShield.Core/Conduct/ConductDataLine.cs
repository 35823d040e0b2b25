namespace DebtShield.Core.Conduct;

/// <summary>The line syntax shared by the <c>data/conduct</c> files: <c>#</c> starts a comment.</summary>
internal static class ConductDataLine
{
    public static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    public static FormatException Error(string source, int line, string message) =>
        new(source + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + message);
}
