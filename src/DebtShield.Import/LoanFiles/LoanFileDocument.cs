using System.Text.Json.Serialization;

namespace DebtShield.Import.LoanFiles;

// The loan file exactly as written, before any checking. Every member is nullable so that a
// missing field is reported by name rather than by a serializer exception. Documented in
// docs/loan-format.md and data/schemas/loan.schema.json.

internal sealed class LoanFileDocument
{
    public string? Id { get; set; }

    public LenderDocument? Lender { get; set; }

    public DateOnly? ContractDate { get; set; }

    public decimal? Principal { get; set; }

    public decimal? Received { get; set; }

    public List<UpfrontFeeDocument?>? UpfrontFees { get; set; }

    public List<InstalmentDocument?>? Schedule { get; set; }

    public List<PaymentDocument?>? Payments { get; set; }

    public StatedRateDocument? Stated { get; set; }

    public OverdueTermsDocument? OverdueTerms { get; set; }
}

internal sealed class LenderDocument
{
    public string? Name { get; set; }

    public string? Kind { get; set; }
}

internal sealed class UpfrontFeeDocument
{
    public string? Name { get; set; }

    public decimal? Amount { get; set; }

    public DateOnly? Date { get; set; }
}

internal sealed class InstalmentDocument
{
    public DateOnly? DueDate { get; set; }

    public decimal? Principal { get; set; }

    public decimal? Interest { get; set; }

    public decimal? Fees { get; set; }

    public decimal? Total { get; set; }
}

internal sealed class PaymentDocument
{
    public DateOnly? Date { get; set; }

    public decimal? Amount { get; set; }

    public string? AppliesTo { get; set; }
}

internal sealed class StatedRateDocument
{
    public double? Value { get; set; }

    public string? Per { get; set; }

    public string? Method { get; set; }
}

// Absent: the terms are unknown. Present: what the contract agrees; a part left out is not agreed.
internal sealed class OverdueTermsDocument
{
    public OverdueRateDocument? Rate { get; set; }

    public OverduePenaltyDocument? Penalty { get; set; }

    public decimal? OtherFees { get; set; }
}

internal sealed class OverdueRateDocument
{
    public decimal? Value { get; set; }

    public string? Per { get; set; }
}

internal sealed class OverduePenaltyDocument
{
    public decimal? PerDay { get; set; }

    public decimal? Amount { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(LoanFileDocument))]
internal sealed partial class LoanFileJsonContext : JsonSerializerContext;
