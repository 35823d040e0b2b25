using DebtShield.Core.Loans;
using DebtShield.Core.Reading;

namespace DebtShield.Import.LoanTables;

/// <summary>
/// The outcome of reading a loan table: every loan, or every error (never some of each), so a
/// table is never half imported.
/// </summary>
public sealed class LoanTableReading
{
    internal LoanTableReading(IReadOnlyList<Loan> loans, IReadOnlyList<ReadingProblem> errors)
    {
        Loans = loans;
        Errors = errors;
    }

    /// <summary>The loans in the order their names first appear; empty when there are errors.</summary>
    public IReadOnlyList<Loan> Loans { get; }

    /// <summary>
    /// The errors, by row; at most <see cref="LoanTableReader.MaxErrors"/> plus one line saying how many more there were.
    /// </summary>
    public IReadOnlyList<ReadingProblem> Errors { get; }

    /// <summary>True when the table was read without error.</summary>
    public bool Succeeded => Errors.Count == 0;

    internal static LoanTableReading Failed(ReadingProblem error) => new([], [error]);
}
