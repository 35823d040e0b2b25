using System.Text.Json;
using System.Text.Json.Serialization;

namespace DebtShield.Import.CaseFiles;

// The case file exactly as written, before any checking. Every member is nullable so that a
// missing field is reported by name rather than by a serializer exception. The loans are kept as
// the places they stand in the file and read one by one by LoanFileReader, so that a mistake in
// one loan does not hide the mistakes in the others. Documented in docs/case-format.md and
// data/schemas/case.schema.json.

internal sealed class CaseFileDocument
{
    public string? Format { get; set; }

    public int? Version { get; set; }

    public CaseDocument? Case { get; set; }

    public List<LoanObjectPlace>? Loans { get; set; }
}

internal sealed class CaseDocument
{
    public string? Title { get; set; }

    public BorrowerDocument? Borrower { get; set; }

    public string? Notes { get; set; }

    public List<BudgetLineDocument?>? Budget { get; set; }
}

internal sealed class BorrowerDocument
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? IdNumber { get; set; }
}

internal sealed class BudgetLineDocument
{
    public string? Kind { get; set; }

    public string? Name { get; set; }

    public decimal? Monthly { get; set; }
}

/// <summary>Where one value of the <c>loans</c> list stands in the file: its first byte and its length.</summary>
[JsonConverter(typeof(LoanObjectPlaceConverter))]
internal readonly record struct LoanObjectPlace(int Start, int Length);

/// <summary>
/// Notes where a loan value starts and ends and skips it (its JSON syntax is still checked);
/// <c>LoanFileReader</c> reads it afterwards, strictly, on its own.
/// </summary>
internal sealed class LoanObjectPlaceConverter : JsonConverter<LoanObjectPlace>
{
    public override LoanObjectPlace Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var start = checked((int)reader.TokenStartIndex);
        reader.Skip();
        return new LoanObjectPlace(start, checked((int)reader.BytesConsumed) - start);
    }

    public override void Write(Utf8JsonWriter writer, LoanObjectPlace value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Case files are written by CaseFileWriter.");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CaseFileDocument))]
internal sealed partial class CaseFileJsonContext : JsonSerializerContext;
