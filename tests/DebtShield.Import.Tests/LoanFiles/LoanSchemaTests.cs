using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DebtShield.Import.LoanFiles;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.LoanFiles;

public sealed class LoanSchemaTests
{
    private static readonly JsonNode Schema =
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Data("schemas", "loan.schema.json")))!;

    [Fact]
    public void Schema_DescribesExactlyTheFieldsTheReaderAccepts()
    {
        // The published schema and the reader must never drift apart: same fields at every level.
        var context = LoanFileJsonContext.Default;
        AssertSameFields(Schema, context.LoanFileDocument);
        AssertSameFields(Schema["properties"]!["lender"]!, context.LenderDocument);
        AssertSameFields(Schema["properties"]!["upfrontFees"]!["items"]!, context.UpfrontFeeDocument);
        AssertSameFields(Schema["properties"]!["schedule"]!["items"]!, context.InstalmentDocument);
        AssertSameFields(Schema["properties"]!["payments"]!["items"]!, context.PaymentDocument);
        AssertSameFields(Schema["properties"]!["stated"]!, context.StatedRateDocument);
    }

    [Fact]
    public void Schema_LenderKinds_AreTheOnesTheReaderKnows()
    {
        var kinds = Schema["properties"]!["lender"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>());

        foreach (var kind in kinds)
        {
            var json = $$"""{"lender":{"kind":"{{kind}}"},"contractDate":"2025-01-01","principal":1,"schedule":[{"dueDate":"2025-02-01","total":2}]}""";
            Assert.True(LoanFileReader.Read(System.Text.Encoding.UTF8.GetBytes(json), "k").Succeeded, kind);
        }
    }

    private static void AssertSameFields(JsonNode schemaObject, JsonTypeInfo typeInfo)
    {
        var schemaFields = schemaObject["properties"]!.AsObject().Select(p => p.Key).Order();
        var readerFields = typeInfo.Properties.Select(p => p.Name).Order();
        Assert.Equal(schemaFields, readerFields);
    }
}
