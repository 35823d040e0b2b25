using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using DebtShield.App.Batches;
using DebtShield.App.CheckLoans;
using DebtShield.App.RateLoans;

namespace DebtShield.App;

/// <summary>Serialisation of every report the use cases produce: camelCase, nulls written (a missing rate is an answer).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RateLoanReport))]
[JsonSerializable(typeof(LineError))]
[JsonSerializable(typeof(CheckLoanReport))]
public sealed partial class ReportJsonContext : JsonSerializerContext
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
