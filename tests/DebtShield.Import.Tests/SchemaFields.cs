using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace DebtShield.Import.Tests;

/// <summary>Compares a published JSON schema object with the fields a reader's document type accepts.</summary>
internal static class SchemaFields
{
    public static void AssertSame(JsonNode schemaObject, JsonTypeInfo typeInfo)
    {
        var schemaFields = schemaObject["properties"]!.AsObject().Select(p => p.Key).Order();
        var readerFields = typeInfo.Properties.Select(p => p.Name).Order();
        Assert.Equal(schemaFields, readerFields);
    }
}
