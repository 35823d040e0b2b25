using System.Text.Json;
using DebtShield.App.Batches;
using DebtShield.App.Input;
using DebtShield.Core.Loans;
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
    /// <summary>
    /// Processes every line of <paramref name="input"/> and writes the results to
    /// <paramref name="output"/>: the whole report, or only <paramref name="fields"/> (with
    /// <c>line</c> and <c>id</c>), in which case only those figures are computed.
    /// </summary>
    public static Task<JsonLinesSummary> RunAsync(Stream input, Stream output, RateFields fields = RateFields.All, CancellationToken cancellationToken = default)
    {
        var report = new RateReportWriter(fields);
        return JsonLinesBatch.RunAsync(input, output, (line, utf8Json, json) => WriteLine(line, utf8Json, json, report), cancellationToken);
    }

    /// <summary>
    /// One line's whole work: reads the loan from <paramref name="utf8Json"/>, computes what
    /// <paramref name="report"/> writes and writes it, or the line's error; returns whether the loan
    /// was read. The batch runs this on every line, and the per-line benchmark on one.
    /// </summary>
    public static bool WriteLine(long line, ReadOnlySpan<byte> utf8Json, Utf8JsonWriter json, RateReportWriter report)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(report);

        // Asked for the IRR alone, a line whose loan the checks would make needs no loan made: its
        // columns, checked as the loan would be, are solved as the loan's cost solves them. Any
        // other line is read the ordinary way below, which words what is wrong with it.
        if (report.WritesIrrOnly
            && LoanFileReader.TryReadLineColumns(utf8Json, line, out var columns)
            && Loan.HoldFromTotals(columns.ContractDate, columns.Principal, columns.Received, columns.UpfrontFees, columns.DueDates, columns.Totals, columns.PaidOn, columns.PaidAmounts, out var principalBasis))
        {
            report.WriteIrr(json, line, columns.IdUtf8, TrueCost.IrrOf(columns.ContractDate, principalBasis, columns.DueDates, columns.Totals));
            return true;
        }

        var reading = LoanFileReader.ReadLine(utf8Json, line);
        if (!reading.Succeeded)
        {
            JsonLinesBatch.WriteLineError(json, line, reading.Errors.Describe());
            return false;
        }

        report.Write(json, line, TrueCost.Of(reading.Loan));
        return true;
    }
}
