using System.Diagnostics.CodeAnalysis;
using DebtShield.Core.Loans;
using DebtShield.Core.Reading;

namespace DebtShield.Import.LoanFiles;

/// <summary>The outcome of reading one loan: the loan, or every error found in it.</summary>
public sealed class LoanReading
{
    internal LoanReading(Loan? loan, IReadOnlyList<ReadingProblem> errors)
    {
        Loan = loan;
        Errors = errors;
    }

    /// <summary>The loan, when the file was valid.</summary>
    public Loan? Loan { get; }

    /// <summary>Every error found; empty when <see cref="Loan"/> is set.</summary>
    public IReadOnlyList<ReadingProblem> Errors { get; }

    /// <summary>True when the loan was read.</summary>
    [MemberNotNullWhen(true, nameof(Loan))]
    public bool Succeeded => Loan is not null;

    internal static LoanReading Failed(ReadingProblem error) => new(null, [error]);
}
