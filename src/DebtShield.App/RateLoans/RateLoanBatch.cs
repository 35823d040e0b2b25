using System.Globalization;
using System.Text.Json;
using DebtShield.App.Batches;
using DebtShield.Core.Rates;
using DebtShield.Import.LoanFiles;

namespace DebtShield.App.RateLoans;

/// <summary>
/// Use case: the true cost of every loan in a JSONL file (one loan file a line), for researchers
/// with millions of loans. Writes one report per line, in input order, with <c>line</c>; a line
/// that cannot be read gets <c>{"line":N,"error":"…"}</c> and the rest go on.
/// </summary>
public static class RateLoanBatch
{
    /// <summary>Processes every line of <paramref name="input"/> and writes the results to <paramref name="output"/>.</summary>
    public static Task<JsonLinesSummary> RunAsync(Stream input, Stream output, CancellationToken cancellationToken = default) =>
        JsonLinesBatch.RunAsync(input, output, Rate, cancellationToken);

    private static bool Rate(long line, ReadOnlySpan<byte> utf8Json, Utf8JsonWriter output)
    {
        var reading = LoanFileReader.Read(utf8Json, "line-" + line.ToString(CultureInfo.InvariantCulture));
        if (!reading.Succeeded)
        {
            JsonSerializer.Serialize(output, new LineError(line, reading.Errors.Describe()), ReportJsonContext.Default.LineError);
            return false;
        }

        var report = RateLoanReport.From(TrueCost.Of(reading.Loan)) with { Line = line };
        JsonSerializer.Serialize(output, report, ReportJsonContext.Default.RateLoanReport);
        return true;
    }
}
