using System.Text;
using DebtShield.Core.Contracts;

namespace DebtShield.Import.Contracts;

/// <summary>
/// Loads the clause patterns (<c>data/contracts/clauses.txt</c>) and the scam patterns
/// (<c>data/scams/patterns.txt</c>) embedded in this assembly, so the commands work from any
/// folder; <see cref="Load"/> reads an edited copy for a reviewer.
/// </summary>
public static class ContractDataReader
{
    private static readonly Lazy<ClauseAnalyzer> Clauses = new(() => new ClauseAnalyzer(ClauseRuleSet.Parse(ReadEmbedded("DebtShield.Contracts.clauses.txt"), "clauses.txt")));
    private static readonly Lazy<ClauseAnalyzer> Scams = new(() => new ClauseAnalyzer(ClauseRuleSet.Parse(ReadEmbedded("DebtShield.Scams.patterns.txt"), "patterns.txt")));

    /// <summary>The contract-clause analyser; built once, shared.</summary>
    public static ClauseAnalyzer ClauseAnalyzer => Clauses.Value;

    /// <summary>The scam analyser; built once, shared.</summary>
    public static ClauseAnalyzer ScamAnalyzer => Scams.Value;

    /// <summary>An analyser from a pattern file on disk.</summary>
    /// <exception cref="FormatException">The file is malformed; the message names file and line.</exception>
    public static ClauseAnalyzer Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ClauseAnalyzer(ClauseRuleSet.Parse(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path)));
    }

    /// <summary>The text of an embedded data file by its logical name, such as <c>DebtShield.Contracts.clauses.txt</c>.</summary>
    public static string ReadEmbedded(string logicalName)
    {
        using var stream = typeof(ContractDataReader).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException("The data file " + logicalName + " is not embedded in DebtShield.Import.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
