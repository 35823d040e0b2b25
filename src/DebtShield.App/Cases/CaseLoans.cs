using DebtShield.App.Resources;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Data;
using DebtShield.Data.Loans;
using DebtShield.Import.LoanFiles;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.Cases;

/// <summary>Loading a case's loans with every fact, and turning them back into Core loans.</summary>
internal static class CaseLoans
{
    /// <summary>
    /// Every loan of the case with its lender, schedule, fees and payments, by reference, untracked:
    /// read with plain SQL (<see cref="LoanRows"/>), since the front page reads it first thing.
    /// </summary>
    public static Task<List<StoredLoan>> LoadAsync(LedgerContext context, Guid caseId, CancellationToken cancellationToken) =>
        LoanRows.WithFactsAsync(context, caseId, cancellationToken);

    /// <summary>One loan of the case with every fact, tracked for changes.</summary>
    /// <exception cref="RequestRefusedException">The case has no loan by that name.</exception>
    public static async Task<StoredLoan> FindAsync(LedgerContext context, Guid caseId, string reference, CancellationToken cancellationToken)
    {
        var loan = await WithFacts(context.Loans.Where(l => l.CaseId == caseId && l.Reference == reference))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (loan is not null)
        {
            return loan;
        }

        var known = await context.Loans.Where(l => l.CaseId == caseId).Select(l => l.Reference).ToListAsync(cancellationToken).ConfigureAwait(false);
        throw new RequestRefusedException(Localized.Format(LedgerText.Loan_NotFound, reference, known.Count == 0 ? "—" : string.Join("、", known.Order(StringComparer.Ordinal))));
    }

    /// <summary>Loans with every row that makes their facts; one query a table, not one wide join.</summary>
    private static IQueryable<StoredLoan> WithFacts(IQueryable<StoredLoan> loans) => loans
        .Include(l => l.Lender)
        .Include(l => l.Schedule)
        .Include(l => l.UpfrontFees)
        .Include(l => l.Payments)
        .AsSplitQuery();

    /// <summary>The Core loan; a stored loan whose facts no longer check out was edited outside DebtShield.</summary>
    public static Loan ToLoan(StoredLoan stored)
    {
        var creation = stored.ToLoan();
        return creation.Succeeded
            ? creation.Loan
            : throw new RequestRefusedException(Localized.Format(LedgerText.Loan_StoredFactsInvalid, stored.Reference, LoanProblemText.Describe(creation.Problems)));
    }

    /// <summary>
    /// The case's lender by name, created when new. A lender recorded with another kind takes the
    /// new kind when no loan but <paramref name="changing"/> is under it (the borrower is correcting
    /// a mistake); otherwise the change is refused, naming the loans it would affect.
    /// </summary>
    public static async Task<StoredLender> LenderAsync(LedgerContext context, Guid caseId, Lender lender, DateTimeOffset now, CancellationToken cancellationToken, IReadOnlySet<string>? changing = null)
    {
        var stored = context.Lenders.Local.FirstOrDefault(l => l.CaseId == caseId && l.Name == lender.Name)
            ?? await context.Lenders.SingleOrDefaultAsync(l => l.CaseId == caseId && l.Name == lender.Name, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            stored = new StoredLender { Id = Guid.CreateVersion7(now), CaseId = caseId, Name = lender.Name, Kind = lender.Kind };
            context.Lenders.Add(stored);
        }
        else if (stored.Kind != lender.Kind)
        {
            var under = await context.Loans.Where(l => l.LenderId == stored.Id).Select(l => l.Reference).ToListAsync(cancellationToken).ConfigureAwait(false);
            var others = under.Where(r => changing?.Contains(r) != true).Order(StringComparer.Ordinal).ToArray();
            if (others.Length > 0)
            {
                throw new RequestRefusedException(Localized.Format(LedgerText.Lender_KindConflict, lender.Name, Vocabularies.LenderKinds.WireId(stored.Kind), Vocabularies.LenderKinds.WireId(lender.Kind), string.Join("、", others)));
            }

            stored.Kind = lender.Kind;
            context.Lenders.Update(stored);
        }

        return stored;
    }

    /// <summary>Removes the case's lenders that no longer have a loan; saves first, so pending changes count.</summary>
    public static async Task RemoveIdleLendersAsync(LedgerContext context, Guid caseId, CancellationToken cancellationToken)
    {
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await context.Lenders
            .Where(l => l.CaseId == caseId && !context.Loans.Any(loan => loan.LenderId == l.Id))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The loan, when everything it records has happened by <paramref name="today"/> (a day's leeway, <see cref="RecordedDates"/>);
    /// otherwise refused with every date that has not.
    /// </summary>
    public static Loan RequireHappened(Loan loan, DateOnly today)
    {
        var problems = RecordedDates.Check(loan, today);
        return problems.Count == 0
            ? loan
            : throw new RequestRefusedException(Localized.Format(LedgerText.Loan_Invalid, loan.Id, LoanProblemText.Describe(problems)));
    }

    /// <summary>Creates a Core loan or refuses with every problem worded.</summary>
    public static Loan Require(LoanCreation creation, string reference) =>
        creation.Succeeded
            ? creation.Loan
            : throw new RequestRefusedException(Localized.Format(LedgerText.Loan_Invalid, reference, LoanProblemText.Describe(creation.Problems)));
}
