using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.MakeDocument;
using DebtShield.App.Resources;
using DebtShield.Core.Evidence;
using DebtShield.Data;
using DebtShield.Data.Evidence;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.RecordEvidence;

/// <summary>One number that contacted the borrower about a debt, and the lender its contacts are taken to concern.</summary>
/// <param name="Number">The number, normalised.</param>
/// <param name="Contacts">How many standing collection contacts came from it.</param>
/// <param name="Lender">The lender, when one is known.</param>
/// <param name="Basis">Why that lender: the borrower said so, or the messages name it; null when unknown.</param>
public sealed record CollectorNumber(string Number, int Contacts, string? Lender, AttributionBasis? Basis);

/// <summary>
/// Use case: say which lender a collector's number collects for, so that a complaint about that
/// lender cites what the number did even where its messages never name the lender. The borrower's
/// word wins over what the messages suggest (<see cref="LenderAttribution"/>), and can be taken back.
/// </summary>
public static class CollectorLenders
{
    /// <summary>The numbers of the case's collection contacts, most contacts first, with the lender each is taken to collect for.</summary>
    /// <exception cref="RequestRefusedException">The case does not exist.</exception>
    public static async Task<IReadOnlyList<CollectorNumber>> ListAsync(OpenLedger ledger, CaseReference @case, CancellationToken cancellationToken = default)
    {
        var record = await CaseRecord.LoadAsync(ledger, @case, cancellationToken).ConfigureAwait(false);
        var attribution = record.Attribution();
        return [.. record.CollectionContacts.Select(i => i.Entry.Incident).Where(c => c.Counterpart is not null)
            .GroupBy(c => c.Counterpart!, StringComparer.Ordinal)
            .Select(g =>
            {
                // A number's contacts share its lender unless only some of its messages name one; show the borrower's word, else the most common reading.
                var reading = g.Select(attribution.Attribute).Where(a => a is not null).GroupBy(a => a).OrderByDescending(r => r.Count()).Select(r => r.Key).FirstOrDefault();
                return new CollectorNumber(g.Key, g.Count(), reading?.Lender, reading?.Basis);
            })
            .OrderByDescending(n => n.Contacts)
            .ThenBy(n => n.Number, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Records that <paramref name="number"/> collects for <paramref name="lender"/> (a lender of the
    /// case, by the name its loans carry), or, with no lender, that the borrower no longer says which.
    /// The number becomes a collector's if it was not, so its messages are kept from later imports.
    /// </summary>
    /// <returns>The number, normalised.</returns>
    /// <exception cref="RequestRefusedException">The number cannot be read, or the case has no lender of that name.</exception>
    public static async Task<string> MarkAsync(OpenLedger ledger, CaseReference @case, string number, string? lender, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        var normalized = PhoneNumber.Normalize(number) ?? throw new RequestRefusedException(Localized.Format(EvidenceText.Collector_BadNumber, number ?? ""));
        var now = time.GetUtcNow();
        return await ledger.WriteAsync(async (context, token) =>
        {
            var stored = await CaseBook.RequireAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            Guid? lenderId = null;
            if (!string.IsNullOrWhiteSpace(lender))
            {
                var lenders = await context.Lenders.Where(l => l.CaseId == stored.Id).ToListAsync(token).ConfigureAwait(false);
                lenderId = lenders.FirstOrDefault(l => l.Name == lender.Trim())?.Id
                    ?? throw new RequestRefusedException(Localized.Format(EvidenceText.Collector_NoSuchLender, lender, string.Join("、", lenders.Select(l => l.Name))));
            }

            var row = await context.Collectors.FirstOrDefaultAsync(c => c.CaseId == stored.Id && c.Number == normalized, token).ConfigureAwait(false);
            if (row is null)
            {
                context.Collectors.Add(row = new StoredCollector { CaseId = stored.Id, Number = normalized, Origin = CollectorOrigin.Marked, AddedAt = now.ToUniversalTime() });
            }

            row.LenderId = lenderId;
            return normalized;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The numbers of a case the borrower said collect for a lender: number to the lender's name.</summary>
    internal static async Task<IReadOnlyDictionary<string, string>> ReadAsync(LedgerContext context, Guid caseId, CancellationToken cancellationToken)
    {
        var marked = await context.Collectors.AsNoTracking()
            .Where(c => c.CaseId == caseId && c.LenderId != null)
            .Join(context.Lenders.AsNoTracking(), c => c.LenderId, l => (Guid?)l.Id, (c, l) => new { c.Number, l.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return marked.ToDictionary(m => m.Number, m => m.Name, StringComparer.Ordinal);
    }
}
