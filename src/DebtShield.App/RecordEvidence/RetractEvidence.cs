using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.Resources;
using DebtShield.Core.Evidence;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.RecordEvidence;

/// <summary>
/// Use case: say that an entry is not evidence (不是证据) — a courier's text caught by a collector's
/// number, a screenshot of the wrong chat — with the reason. Nothing is deleted, since the chain
/// only grows: a retraction is a new chained entry naming the old one, and from then on the lists,
/// the figures and the documents leave both out, while the chain, its verification and the bundle
/// keep both (the bundle shows the retraction and its reason).
/// </summary>
public static class RetractEvidence
{
    /// <summary>The longest reason kept, in characters.</summary>
    public const int LongestReason = 2_000;

    /// <summary>Retracts entry <paramref name="sequence"/> of the case for <paramref name="reason"/>.</summary>
    /// <returns>The retraction entry.</returns>
    /// <exception cref="RequestRefusedException">The case or entry does not exist, the entry is itself a retraction or no
    /// longer stands (corrected or retracted), or the reason is blank or too long.</exception>
    public static async Task<EvidenceEntry> RetractAsync(OpenLedger ledger, CaseReference @case, int sequence, string? reason, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestRefusedException(EvidenceText.Retract_ReasonRequired);
        }

        if (reason.Length > LongestReason)
        {
            throw new RequestRefusedException(Localized.Format(EvidenceText.Retract_ReasonTooLong, LongestReason));
        }

        var now = time.GetUtcNow();
        return await ledger.WriteAsync(async (context, token) =>
        {
            var stored = await CaseBook.RequireAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            var target = await context.EvidenceEntries.AsNoTracking()
                .Where(e => e.CaseId == stored.Id && e.Sequence == sequence)
                .Select(e => new { e.Retraction })
                .FirstOrDefaultAsync(token).ConfigureAwait(false);
            if (target is null)
            {
                throw new RequestRefusedException(Localized.Format(EvidenceText.Retract_NoSuchEntry, sequence, stored.EvidenceCount));
            }

            if (target.Retraction)
            {
                throw new RequestRefusedException(Localized.Format(EvidenceText.Retract_IsRetraction, sequence));
            }

            var by = await context.EvidenceEntries.AsNoTracking()
                .Where(e => e.CaseId == stored.Id && e.Supersedes == sequence)
                .Select(e => (int?)e.Sequence)
                .FirstOrDefaultAsync(token).ConfigureAwait(false);
            if (by is { } later)
            {
                throw new RequestRefusedException(Localized.Format(EvidenceText.Retract_NoLongerStands, sequence, later));
            }

            return await CaseEvidence.RetractAsync(context, ledger.Cipher, stored, sequence, reason, now, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
