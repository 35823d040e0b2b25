using DebtShield.Core.Conduct;
using DebtShield.Core.Reading;
using DebtShield.Import.Conduct;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.Conduct;

public sealed class ConductDataReaderTests
{
    public static TheoryData<string> Files() => [.. ConductDataReader.FileNames];

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadEmbedded_EveryDataFile_IsTheRepositoryCopy(string name)
    {
        Assert.Equal(File.ReadAllText(RepositoryPaths.Data("conduct", name)), ConductDataReader.ReadEmbedded(name));
    }

    [Fact]
    public void LoadEmbedded_Twice_ReturnsOneSharedAnalyser()
    {
        var analyzer = ConductDataReader.LoadEmbedded();

        Assert.Same(analyzer, ConductDataReader.LoadEmbedded());
        Assert.Equal([ConductLabel.ThreatExposure], analyzer.Analyze("通*讯*录已导出").Labels);
    }

    [Fact]
    public void LoadEmbedded_ShippedAnalyser_RunsTheRulesWithoutTheLearnedModel()
    {
        // The model does not ship (issue 21: it found nothing the rules miss on unseen sources); its
        // file stays in data/conduct for the gate in NgramModelTests, but the program neither embeds
        // nor runs it.
        var analyzer = ConductDataReader.LoadEmbedded();

        Assert.Null(analyzer.Model);
        Assert.DoesNotContain("model.txt", ConductDataReader.FileNames);
        Assert.Null(typeof(ConductDataReader).Assembly.GetManifestResourceStream("DebtShield.Conduct.model.txt"));
    }

    [Fact]
    public void Load_FolderWithABrokenRule_NamesFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("debtshield-conduct-").FullName;
        try
        {
            foreach (var name in ConductDataReader.FileNames)
            {
                File.WriteAllText(Path.Combine(folder, name), ConductDataReader.ReadEmbedded(name));
            }

            File.AppendAllText(Path.Combine(folder, "rules.txt"), "\n[insult.typo]\nlabel: insullt\n");

            var error = Assert.Throws<DataFileException>(() => ConductDataReader.Load(folder));

            var lines = File.ReadAllLines(Path.Combine(folder, "rules.txt")).Length;
            Assert.StartsWith("rules.txt:" + lines.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": unknown label insullt", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
