using System.Diagnostics.CodeAnalysis;

namespace DebtShield.Core.Loans;

/// <summary>The outcome of <see cref="Loan.Create"/>: a loan, or every problem with its facts.</summary>
public sealed class LoanCreation
{
    internal LoanCreation(Loan? loan, IReadOnlyList<LoanProblem> problems)
    {
        Loan = loan;
        Problems = problems;
    }

    /// <summary>The loan, when every fact checked out.</summary>
    public Loan? Loan { get; }

    /// <summary>Every problem found; empty when <see cref="Loan"/> is set.</summary>
    public IReadOnlyList<LoanProblem> Problems { get; }

    /// <summary>True when the loan was created.</summary>
    [MemberNotNullWhen(true, nameof(Loan))]
    public bool Succeeded => Loan is not null;
}

/// <summary>One thing wrong with a loan's facts.</summary>
/// <param name="Field">The field of the loan file, as a path: <c>schedule[3].dueDate</c>.</param>
/// <param name="Kind">What is wrong with it.</param>
public sealed record LoanProblem(string Field, LoanProblemKind Kind);

/// <summary>What can be wrong with a loan's facts.</summary>
public enum LoanProblemKind
{
    /// <summary>An amount that must be above zero is zero or below.</summary>
    NotPositive,

    /// <summary>An amount that must not be below zero is.</summary>
    Negative,

    /// <summary>More arrived than was contracted.</summary>
    ReceivedAbovePrincipal,

    /// <summary>A list that must have entries has none.</summary>
    Empty,

    /// <summary>The first due date is on or before the contract date.</summary>
    NotAfterContractDate,

    /// <summary>A due date is on or before the previous one.</summary>
    OutOfOrder,

    /// <summary>An instalment's principal, interest and fees do not add up to its total.</summary>
    PartsDisagreeWithTotal,

    /// <summary>The schedule asks for nothing at all.</summary>
    NeverRepays,

    /// <summary>An upfront fee is dated after the first instalment; it belongs in the schedule.</summary>
    FeeAfterFirstInstalment,

    /// <summary>The upfront fees take all that arrived, or more.</summary>
    FeesConsumeReceived,

    /// <summary>A payment is dated before the contract date.</summary>
    BeforeContractDate,

    /// <summary>An amount beyond a trillion yuan: certainly a typo.</summary>
    ImplausiblyLarge,

    /// <summary>A rate below zero, or beyond 10,000% a period: certainly a typo (a percentage written as a fraction, say).</summary>
    RateOutOfRange,

    /// <summary>A contract or a payment dated after today (beyond <see cref="RecordedDates.Leeway"/>): it has not happened yet.</summary>
    AfterToday,
}
