using System.Globalization;
using System.Text.Json;
using DebtShield.App.Batches;
using DebtShield.App.Input;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Reading;
using DebtShield.Import.LegalData;
using DebtShield.Import.LoanFiles;

namespace DebtShield.App.CheckLoans;

/// <summary>
/// Use case: "what does the law say I owe?" for one loan file, or every line of a JSONL file.
/// The CLI's <c>debtshield check</c> and the web app call this.
/// </summary>
public static class CheckLoan
{
    /// <summary>Reads the loan file at <paramref name="path"/> and assesses it.</summary>
    /// <param name="path">The loan file.</param>
    /// <param name="request">The as-of date, the demanded amount and the day count.</param>
    public static CheckLoanOutcome ForFile(string path, CheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reading = LoanFileReader.ReadFile(path);
        if (!reading.Succeeded)
        {
            return new CheckLoanOutcome(null, reading.Errors);
        }

        var asOf = request.AsOfDate;
        if (asOf < reading.Loan.ContractDate)
        {
            return new CheckLoanOutcome(null, [new ReadingProblem(SourceLocation.AtField("contractDate"), string.Format(CultureInfo.CurrentCulture, Resources.AppText.Check_AsOfBeforeContract, asOf))]);
        }

        return new CheckLoanOutcome(Assess(reading.Loan, request, asOf, LegalDataReader.Citations), []);
    }

    /// <summary>Assesses every loan of a JSONL file, streaming, in input order.</summary>
    public static Task<JsonLinesSummary> BatchAsync(Stream input, Stream output, CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = new CheckReportWriter();
        return JsonLinesBatch.RunAsync(input, output, (line, utf8Json, writer) => WriteLine(line, utf8Json, writer, request, report), cancellationToken);
    }

    /// <summary>
    /// A batch's work for one line: reads the loan, checks it and writes its report, or the error
    /// that kept it from being read, as one JSON object. Public so that the cost of one line can be
    /// measured alone (bench/, issue 27).
    /// </summary>
    /// <param name="line">The 1-based line number, written first.</param>
    /// <param name="utf8Json">The line's text.</param>
    /// <param name="writer">Where the object goes.</param>
    /// <param name="request">The as-of date, the demanded amount and the day count.</param>
    /// <param name="report">The report's writer, worded in the batch's UI language.</param>
    /// <returns>Whether the line was read; <see langword="false"/> when an error object was written instead.</returns>
    public static bool WriteLine(long line, ReadOnlySpan<byte> utf8Json, Utf8JsonWriter writer, CheckRequest request, CheckReportWriter report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(report);
        var reading = LoanFileReader.ReadLine(utf8Json, line);
        string? error = reading.Succeeded ? null : reading.Errors.Describe();
        var asOf = reading.Succeeded ? request.AsOfDate : default;
        if (reading.Succeeded && asOf < reading.Loan.ContractDate)
        {
            error = string.Format(CultureInfo.CurrentCulture, Resources.AppText.Check_AsOfBeforeContract, asOf);
        }

        if (error is not null)
        {
            JsonLinesBatch.WriteLineError(writer, line, error);
            return false;
        }

        var options = new CheckOptions(asOf, request.Demanded, request.DayCount);
        report.Write(writer, line, LegalCheck.Of(reading.Loan!, LegalDataReader.Rules, options));
        return true;
    }

    private static CheckLoanReport Assess(Core.Loans.Loan loan, CheckRequest request, DateOnly asOf, IReadOnlyDictionary<string, Citation> citations)
    {
        var options = new CheckOptions(asOf, request.Demanded, request.DayCount);
        return CheckLoanReport.From(LegalCheck.Of(loan, LegalDataReader.Rules, options), citations);
    }
}

/// <summary>What to check a loan for.</summary>
/// <param name="Today">Today in China Standard Time, from the caller's clock: the default as-of date.</param>
/// <param name="AsOf">The day to compute the balance for; today when not given.</param>
/// <param name="Demanded">What the lender or collector demands.</param>
/// <param name="DayCount">365 (default) or 360 days a year.</param>
public sealed record CheckRequest(DateOnly Today, DateOnly? AsOf = null, Money? Demanded = null, DayCount DayCount = DayCount.Actual365)
{
    /// <summary>The as-of date: the one given, else today.</summary>
    public DateOnly AsOfDate => AsOf ?? Today;
}

/// <summary>A legal report, or the errors that kept the loan file from being read.</summary>
/// <param name="Report">The report, when the file was valid.</param>
/// <param name="Errors">Every error; empty when <paramref name="Report"/> is set.</param>
public sealed record CheckLoanOutcome(CheckLoanReport? Report, IReadOnlyList<ReadingProblem> Errors);
