using System.Text.Json.Nodes;
using DebtShield.Import.CaseFiles;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.CaseFiles;

public sealed class CaseSchemaTests
{
    private static readonly JsonNode Schema =
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Data("schemas", "case.schema.json")))!;

    [Fact]
    public void Schema_ComparedWithTheReader_DescribesExactlyTheFieldsItAccepts()
    {
        // The published schema and the reader must never drift apart: same fields at every level.
        var context = CaseFileJsonContext.Default;
        var @case = Schema["properties"]!["case"]!;
        SchemaFields.AssertSame(Schema, context.CaseFileDocument);
        SchemaFields.AssertSame(@case, context.CaseDocument);
        SchemaFields.AssertSame(@case["properties"]!["borrower"]!, context.BorrowerDocument);
        SchemaFields.AssertSame(@case["properties"]!["budget"]!["items"]!, context.BudgetLineDocument);
    }

    [Fact]
    public void Schema_FormatVersionAndLoans_AreTheOnesTheReaderUses()
    {
        Assert.Equal(CaseFileReader.FormatName, Schema["properties"]!["format"]!["const"]!.GetValue<string>());
        Assert.Equal(CaseFileReader.FormatVersion, Schema["properties"]!["version"]!["const"]!.GetValue<int>());
        Assert.Equal("loan.schema.json", Schema["properties"]!["loans"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.True(File.Exists(RepositoryPaths.Data("schemas", "loan.schema.json")));
    }

    [Fact]
    public void Schema_BudgetKinds_AreTheOnesTheReaderKnows()
    {
        var kinds = Schema["properties"]!["case"]!["properties"]!["budget"]!["items"]!["properties"]!["kind"]!["enum"]!
            .AsArray().Select(k => k!.GetValue<string>());

        foreach (var kind in kinds)
        {
            var json = $$"""{"format":"debtshield-case","version":1,"case":{"title":"t","budget":[{"kind":"{{kind}}","name":"n","monthly":1}]},"loans":[]}""";
            Assert.True(CaseFileReader.Read(System.Text.Encoding.UTF8.GetBytes(json)).Succeeded, kind);
        }
    }
}
