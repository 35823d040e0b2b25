using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Budget;
using DebtShield.Core.Cases;
using DebtShield.Core.Evidence;
using DebtShield.Core.Loans;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.MakeDocument;

/// <summary>
/// Everything a document may say about a case, read in one snapshot: who the borrower is, the
/// loans, the budget and the evidence, so that a letter never mixes two states of the ledger.
/// </summary>
/// <param name="Profile">The case's own facts (the borrower).</param>
/// <param name="Loans">The loans.</param>
/// <param name="Budget">The monthly budget.</param>
/// <param name="Evidence">The evidence, in chain order, with what supersedes what.</param>
/// <param name="CollectorLenders">The numbers the borrower marked as collecting for a lender: number to the lender's name.</param>
public sealed record CaseRecord(CaseProfile Profile, IReadOnlyList<Loan> Loans, MonthlyBudget Budget, CaseEvidenceView Evidence, IReadOnlyDictionary<string, string>? CollectorLenders = null)
{
    /// <summary>The collection contacts that stand: received from a collector, neither corrected nor retracted.</summary>
    public IReadOnlyList<EvidenceItem> CollectionContacts => [.. Evidence.Items.Where(i => i.Stands && i.Entry.Incident.IsCollectorContact)];

    /// <summary>Which of the case's lenders each collection contact concerns (<see cref="LenderAttribution"/>), the borrower's marks included.</summary>
    public LenderAttribution Attribution() =>
        LenderAttribution.Of(Loans.Select(l => l.Lender.Name), CollectionContacts.Select(i => i.Entry.Incident), CollectorLenders);

    /// <summary>Reads the case named <paramref name="case"/> (or the only one).</summary>
    /// <exception cref="RequestRefusedException">The ledger has no case, or the title is unknown or needed.</exception>
    public static Task<CaseRecord> LoadAsync(OpenLedger ledger, CaseReference @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false)
                ?? throw new RequestRefusedException(Resources.DocumentText.Doc_NoCase);
            var loans = await CaseLoans.LoadAsync(context, stored.Id, token).ConfigureAwait(false);
            var lines = await context.BudgetLines.AsNoTracking().Where(b => b.CaseId == stored.Id).OrderBy(b => b.Position).ToListAsync(token).ConfigureAwait(false);
            var evidence = await ReviewEvidence.ReviewEvidence.ReadAsync(context, ledger.Cipher, stored, token).ConfigureAwait(false);
            var collectors = await RecordEvidence.CollectorLenders.ReadAsync(context, stored.Id, token).ConfigureAwait(false);
            return new CaseRecord(stored.ReadProfile(ledger.Cipher), [.. loans.Select(CaseLoans.ToLoan)], new MonthlyBudget(lines.Select(l => l.ToBudgetLine(ledger.Cipher))), evidence, collectors);
        }, cancellationToken);
    }
}
