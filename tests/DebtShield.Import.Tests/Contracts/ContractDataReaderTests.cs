using System.Text.Json;
using DebtShield.Import.Contracts;
using DebtShield.Import.LegalData;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.Contracts;

public sealed class ContractDataReaderTests
{
    [Theory]
    [InlineData("DebtShield.Contracts.clauses.txt", "contracts", "clauses.txt")]
    [InlineData("DebtShield.Scams.patterns.txt", "scams", "patterns.txt")]
    [InlineData("DebtShield.Lenders.licensed.json", "lenders", "licensed.json")]
    [InlineData("DebtShield.Lenders.kinds.json", "lenders", "kinds.json")]
    [InlineData("DebtShield.Guide.hotlines.json", "guide", "hotlines.json")]
    public void ReadEmbedded_EveryDataFile_IsTheRepositoryCopy(string logicalName, string folder, string file)
    {
        Assert.Equal(File.ReadAllText(RepositoryPaths.Data(folder, file)), ContractDataReader.ReadEmbedded(logicalName));
    }

    [Fact]
    public void Analyzers_EveryCitation_IsInTheCatalogue()
    {
        var cited = ContractDataReader.ClauseAnalyzer.Rules.Rules.Concat(ContractDataReader.ScamAnalyzer.Rules.Rules).SelectMany(r => r.Citations).Distinct();

        Assert.All(cited, id => Assert.True(LegalDataReader.Citations.ContainsKey(id), id));
    }

    [Fact]
    public void LenderKinds_EveryCitation_IsInTheCatalogue()
    {
        using var kinds = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Data("lenders", "kinds.json")));
        var cited = kinds.RootElement.GetProperty("kinds").EnumerateArray().SelectMany(k => k.GetProperty("citations").EnumerateArray()).Select(c => c.GetString()!);

        Assert.All(cited, id => Assert.True(LegalDataReader.Citations.ContainsKey(id), id));
    }
}
