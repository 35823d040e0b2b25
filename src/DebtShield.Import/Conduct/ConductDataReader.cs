using System.Text;
using DebtShield.Core.Conduct;

namespace DebtShield.Import.Conduct;

/// <summary>
/// Loads the conduct analyser's reviewable data (<c>data/conduct/*.txt</c>): from the copies
/// embedded in this assembly, so the command works from any directory, or from a folder, so a
/// reviewer can try an edited lexicon without rebuilding.
/// </summary>
public static class ConductDataReader
{
    /// <summary>The data files, in the order the analyser needs them.</summary>
    /// <remarks>
    /// Not <c>model.txt</c>: the learned n-gram model stays in the repository with its training command,
    /// but the analyser runs the rules only. With the labelling guide's own wording written as rules, the
    /// model, retrained for each source left out, found nothing the rules miss on unseen sources and
    /// added a wrong label (rules 0.861, rules + model 0.860, issue 21); a label that neither the rules nor
    /// a reader can explain word by word has to earn its place. <c>NgramModelTests</c> is the gate that says
    /// when it does.
    /// </remarks>
    public static IReadOnlyList<string> FileNames { get; } = ["normalise.txt", "lexicon.txt", "rules.txt", "contact-rules.txt"];

    private static readonly Lazy<ConductAnalyzer> Embedded = new(() => Build(ReadEmbedded), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<string> EmbeddedDataVersion = new(() =>
    {
        var data = string.Join("\u0000", FileNames.Select(ReadEmbedded));
        return "conduct-" + Core.Evidence.ContentHash.Of(Encoding.UTF8.GetBytes(data)).Hex[..12];
    });

    /// <summary>
    /// Names the embedded analyser: "conduct-" and the start of the hash of its data files, so
    /// stored labels say which lexicon and rules produced them, and change when either changes.
    /// </summary>
    public static string EmbeddedVersion => EmbeddedDataVersion.Value;

    /// <summary>The analyser built from the embedded data (rules only); built once, shared by every caller.</summary>
    public static ConductAnalyzer LoadEmbedded() => Embedded.Value;

    /// <summary>The analyser built from the files in <paramref name="directory"/>.</summary>
    /// <exception cref="FormatException">A file is malformed; the message names the file and line.</exception>
    /// <exception cref="IOException">A file is missing or unreadable.</exception>
    public static ConductAnalyzer Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Build(name => File.ReadAllText(Path.Combine(directory, name), Encoding.UTF8));
    }

    /// <summary>The text of one embedded data file, such as <c>rules.txt</c>.</summary>
    public static string ReadEmbedded(string fileName)
    {
        using var stream = typeof(ConductDataReader).Assembly.GetManifestResourceStream("DebtShield.Conduct." + fileName)
            ?? throw new InvalidOperationException("The conduct data file " + fileName + " is not embedded in DebtShield.Import.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static ConductAnalyzer Build(Func<string, string> read)
    {
        var normalizer = ConductNormalizer.Parse(read("normalise.txt"));
        var rules = ConductRuleSet.Parse(normalizer, read("lexicon.txt"), read("rules.txt"));
        var policy = ContactPolicy.Parse(read("contact-rules.txt"));
        return new ConductAnalyzer(rules, policy);
    }
}
