using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace DebtShield.App.RateLoans;

/// <summary>Serialisation of rate reports: camelCase, nulls written (a missing rate is an answer).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RateLoanReport))]
[JsonSerializable(typeof(RateLoanLineError))]
[JsonSerializable(typeof(IReadOnlyList<Import.LoanFiles.LoanFileError>))]
public sealed partial class RateLoanJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Writer options that keep Chinese text readable (no \uXXXX escapes); HTML-sensitive
    /// characters are still escaped.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
