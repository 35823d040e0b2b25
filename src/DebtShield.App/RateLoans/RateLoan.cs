using DebtShield.Core.Rates;
using DebtShield.Core.Reading;
using DebtShield.Import.LoanFiles;

namespace DebtShield.App.RateLoans;

/// <summary>
/// Use case: "what does this loan really cost?" for one loan file. The CLI's
/// <c>debtshield rate LOAN.json</c> and the web app call this.
/// </summary>
public static class RateLoan
{
    /// <summary>Reads the loan file at <paramref name="path"/> and computes its true cost.</summary>
    public static RateLoanOutcome ForFile(string path)
    {
        var reading = LoanFileReader.ReadFile(path);
        return reading.Succeeded
            ? new RateLoanOutcome(RateLoanReport.From(TrueCost.Of(reading.Loan)), [])
            : new RateLoanOutcome(null, reading.Errors);
    }
}

/// <summary>A rate report, or the errors that kept the loan file from being read.</summary>
/// <param name="Report">The report, when the file was valid.</param>
/// <param name="Errors">Every error in the file; empty when <paramref name="Report"/> is set.</param>
public sealed record RateLoanOutcome(RateLoanReport? Report, IReadOnlyList<ReadingProblem> Errors);
