using DebtShield.App.Cases;
using DebtShield.Core.Evidence;
using DebtShield.Data;
using DebtShield.Data.Evidence;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.ReviewEvidence;

/// <summary>The outcome of checking one case's chain.</summary>
/// <param name="CaseTitle">The case.</param>
/// <param name="Head">The head the case recorded.</param>
/// <param name="Verification">How many entries hold, and the first break.</param>
public sealed record CaseChainCheck(string CaseTitle, ChainHead Head, ChainVerification Verification);

/// <summary>
/// Use case: recompute every case's evidence chain from the stored rows, attachments included,
/// and say whether it still holds, or where it first breaks (an edited text, a removed or
/// reordered row, a changed attachment, a removed last entry).
/// </summary>
public static class VerifyEvidence
{
    /// <summary>Checks the named case, or every case when no title is given.</summary>
    public static Task<IReadOnlyList<CaseChainCheck>> VerifyAsync(Ledger ledger, string? caseTitle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync<IReadOnlyList<CaseChainCheck>>(async (context, token) =>
        {
            var cases = caseTitle is null
                ? await context.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync(token).ConfigureAwait(false)
                : [(await CaseBook.RequireAsync(context, ledger.Cipher, caseTitle, token).ConfigureAwait(false))];
            var store = new AttachmentStore(ledger);
            var checks = new List<CaseChainCheck>(cases.Count);
            foreach (var stored in cases)
            {
                var head = new ChainHead(stored.EvidenceCount, ContentHash.TryParse(stored.EvidenceHead, out var hash) ? hash : default);
                var rows = await context.EvidenceEntries.AsNoTracking()
                    .Where(e => e.CaseId == stored.Id)
                    .OrderBy(e => e.Sequence)
                    .ToListAsync(token).ConfigureAwait(false);

                // A row that no longer even reads (a sealed field edited, facts that contradict
                // each other) is where the chain breaks: check what comes before it.
                var entries = new List<EvidenceEntry>(rows.Count);
                ChainBreak? unreadable = null;
                foreach (var row in rows)
                {
                    try
                    {
                        entries.Add(row.ToEntry(ledger.Cipher));
                    }
                    catch (Exception e) when (e is LedgerException or ArgumentException or FormatException or InvalidOperationException)
                    {
                        unreadable = new ChainBreak(row.Sequence, entries.Count + 1, ChainBreakKind.ContentChanged);
                        break;
                    }
                }

                var intactAttachments = new HashSet<ContentHash>();
                foreach (var attachment in entries.SelectMany(e => e.Incident.Attachments).Distinct())
                {
                    if (await store.HoldsAsync(context, attachment, token).ConfigureAwait(false))
                    {
                        intactAttachments.Add(attachment);
                    }
                }

                var verification = EvidenceChain.Verify(entries, unreadable is null ? head : entries.Count == 0 ? ChainHead.Empty : ChainHead.After(entries[^1]), intactAttachments.Contains);
                if (unreadable is not null && verification.IsIntact)
                {
                    verification = new ChainVerification(entries.Count, unreadable);
                }

                checks.Add(new CaseChainCheck(stored.ReadTitle(ledger.Cipher), head, verification));
            }

            return checks;
        }, cancellationToken);
    }
}
