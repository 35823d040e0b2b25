using System.Text;

namespace DebtShield.Documents.Letters;

/// <summary>
/// The shipped templates (<c>data/templates/*.txt</c>, embedded in this assembly so the published
/// command has them), in <c>doc list</c> order; or the templates of a folder a lawyer is editing.
/// </summary>
public static class LetterLibrary
{
    private const string Prefix = "DebtShield.Templates.";

    private static readonly Lazy<IReadOnlyList<LetterTemplate>> Shipped = new(() => Assemble(
        typeof(LetterLibrary).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Select(n => (n[Prefix.Length..], ReadEmbedded(n)))));

    /// <summary>The shipped templates, in order.</summary>
    public static IReadOnlyList<LetterTemplate> Templates => Shipped.Value;

    /// <summary>The templates of <paramref name="folder"/> (every <c>*.txt</c>), in order.</summary>
    /// <exception cref="Core.Reading.DataFileException">A template is malformed; the problem names its file, line and character.</exception>
    public static IReadOnlyList<LetterTemplate> Load(string folder) =>
        Assemble(Directory.EnumerateFiles(folder, "*.txt").Select(f => (Path.GetFileName(f), File.ReadAllText(f, Encoding.UTF8))));

    /// <summary>Files named <c>_NAME.txt</c> are shared pieces; the others are documents, in order.</summary>
    private static List<LetterTemplate> Assemble(IEnumerable<(string Name, string Text)> files)
    {
        var all = files.ToList();
        var partials = all.Where(f => f.Name.StartsWith('_'))
            .ToDictionary(f => f.Name[1..^".txt".Length], f => f.Text, StringComparer.Ordinal);
        return [.. all.Where(f => !f.Name.StartsWith('_'))
            .Select(f => LetterTemplate.Parse(f.Name, f.Text).WithPartials(partials))
            .OrderBy(t => t.Order).ThenBy(t => t.Kind, StringComparer.Ordinal)];
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(LetterLibrary).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
