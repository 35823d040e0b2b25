using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.Core.Budget;
using DebtShield.Core.Loans;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.PlanRepayment;

/// <summary>A case's loans and budget, read in one snapshot: what every planning use case starts from.</summary>
/// <param name="Case">The case's title; null when the ledger has no case yet.</param>
/// <param name="Loans">The loans, by name.</param>
/// <param name="Budget">The monthly budget (empty when none is recorded).</param>
public sealed record CaseFacts(string? Case, IReadOnlyList<Loan> Loans, MonthlyBudget Budget)
{
    /// <summary>The case's key, when read from a ledger that has the case.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>
    /// The count of saves that changed the case's loans, when read from a ledger
    /// (<see cref="Data.Cases.StoredCase.LoansRevision"/>): the same count, the same loans.
    /// </summary>
    public int LoansRevision { get; init; }

    /// <summary>Reads the case's loans and budget.</summary>
    public static Task<CaseFacts> LoadAsync(OpenLedger ledger, CaseReference @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            if (stored is null)
            {
                return new CaseFacts(null, [], new MonthlyBudget([]));
            }

            var loans = await CaseLoans.LoadAsync(context, stored.Id, token).ConfigureAwait(false);
            var lines = await context.BudgetLines.AsNoTracking().Where(b => b.CaseId == stored.Id).OrderBy(b => b.Position).ToListAsync(token).ConfigureAwait(false);
            return new CaseFacts(stored.ReadTitle(ledger.Cipher), [.. loans.Select(CaseLoans.ToLoan)], new MonthlyBudget(lines.Select(l => l.ToBudgetLine(ledger.Cipher)))) { CaseId = stored.Id, LoansRevision = stored.LoansRevision };
        }, cancellationToken);
    }
}
