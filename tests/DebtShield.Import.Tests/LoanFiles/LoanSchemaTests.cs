using System.Text.Json.Nodes;
using DebtShield.Import.LoanFiles;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.LoanFiles;

public sealed class LoanSchemaTests
{
    private static readonly JsonNode Schema =
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Data("schemas", "loan.schema.json")))!;

    [Fact]
    public void Schema_ComparedWithTheReader_DescribesExactlyTheFieldsItAccepts()
    {
        // The published schema and the reader must never drift apart: same fields at every level.
        var context = LoanFileJsonContext.Default;
        SchemaFields.AssertSame(Schema, context.LoanFileDocument);
        SchemaFields.AssertSame(Schema["properties"]!["lender"]!, context.LenderDocument);
        SchemaFields.AssertSame(Schema["properties"]!["upfrontFees"]!["items"]!, context.UpfrontFeeDocument);
        SchemaFields.AssertSame(Schema["properties"]!["schedule"]!["items"]!, context.InstalmentDocument);
        SchemaFields.AssertSame(Schema["properties"]!["payments"]!["items"]!, context.PaymentDocument);
        SchemaFields.AssertSame(Schema["properties"]!["stated"]!, context.StatedRateDocument);
        SchemaFields.AssertSame(Schema["properties"]!["overdueTerms"]!, context.OverdueTermsDocument);
        SchemaFields.AssertSame(Schema["properties"]!["overdueTerms"]!["properties"]!["rate"]!, context.OverdueRateDocument);
        SchemaFields.AssertSame(Schema["properties"]!["overdueTerms"]!["properties"]!["penalty"]!, context.OverduePenaltyDocument);
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
}
