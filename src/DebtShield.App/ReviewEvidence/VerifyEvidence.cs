using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.StampEvidence;
using DebtShield.Core.Evidence;
using DebtShield.Data;
using DebtShield.Data.Cases;
using DebtShield.Data.Evidence;
using DebtShield.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.ReviewEvidence;

/// <summary>The outcome of checking one case's chain.</summary>
/// <param name="CaseId">The case's key (titles repeat across a server's accounts).</param>
/// <param name="CaseTitle">The case's title.</param>
/// <param name="Head">The head the case recorded.</param>
/// <param name="Verification">How many entries hold, and the first break.</param>
public sealed record CaseChainCheck(Guid CaseId, string CaseTitle, ChainHead Head, ChainVerification Verification);

/// <summary>
/// Use case: recompute every case's evidence chain from the stored rows, attachments included,
/// and say whether it still holds, or where it first breaks (an edited text, a removed or
/// reordered row, a changed attachment, a removed last entry).
/// </summary>
public static class VerifyEvidence
{
    /// <summary>Checks the named case, or every case when none is named.</summary>
    public static Task<IReadOnlyList<CaseChainCheck>> VerifyAsync(OpenLedger ledger, CaseReference @case, CancellationToken cancellationToken = default) =>
        CheckCasesAsync(ledger, every: @case.IsOnly, @case, null, cancellationToken);

    /// <summary>Checks one case, and that its chain still holds a head kept apart.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="case">The case; null for the ledger's only case.</param>
    /// <param name="kept">
    /// A head the borrower kept apart (<c>evidence head</c>, a bundle, a document): the chain must
    /// still hold that entry with that hash, which a rewrite of the whole chain and of the head the
    /// case records cannot fake.
    /// </param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <exception cref="RequestRefusedException">There is no such case.</exception>
    public static async Task<CaseChainCheck> VerifyAsync(OpenLedger ledger, CaseReference @case, ChainHead kept, CancellationToken cancellationToken = default) =>
        (await CheckCasesAsync(ledger, every: false, @case, kept, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Checks the one case a command means (the named one, or the ledger's only case).</summary>
    /// <exception cref="RequestRefusedException">There is no such case.</exception>
    public static async Task<CaseChainCheck> VerifyCaseAsync(OpenLedger ledger, CaseReference @case, CancellationToken cancellationToken = default) =>
        (await CheckCasesAsync(ledger, every: false, @case, null, cancellationToken).ConfigureAwait(false))[0];

    private static Task<IReadOnlyList<CaseChainCheck>> CheckCasesAsync(OpenLedger ledger, bool every, CaseReference @case, ChainHead? kept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync<IReadOnlyList<CaseChainCheck>>(async (context, token) =>
        {
            var cases = every
                ? await context.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync(token).ConfigureAwait(false)
                : [(await CaseBook.RequireAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false))];
            var store = new AttachmentStore(ledger.Ledger);
            var checks = new List<CaseChainCheck>(cases.Count);
            foreach (var stored in cases)
            {
                var head = HeadOf(stored);
                var verification = await CheckAsync(context, ledger.Cipher, store, stored, token).ConfigureAwait(false);
                if (kept is { } keptHead && verification.IsIntact && !await HoldsAsync(context, stored.Id, keptHead, token).ConfigureAwait(false))
                {
                    verification = verification with { Break = new ChainBreak(keptHead.Count, Math.Min(keptHead.Count, verification.IntactEntries + 1), ChainBreakKind.KeptHeadMismatch) };
                }

                if (verification.IsIntact && await StampedHeadMissingAsync(context, stored.Id, token).ConfigureAwait(false) is { } stamped)
                {
                    verification = verification with { Break = new ChainBreak(stamped, Math.Min(stamped, verification.IntactEntries + 1), ChainBreakKind.StampedHeadMismatch) };
                }

                checks.Add(new CaseChainCheck(stored.Id, stored.ReadTitle(ledger.Cipher), head, verification));
            }

            return checks;
        }, cancellationToken);
    }

    /// <summary>Whether the case's (verified) chain holds the kept head's entry with its hash.</summary>
    private static async Task<bool> HoldsAsync(LedgerContext context, Guid caseId, ChainHead kept, CancellationToken cancellationToken)
    {
        var hash = await context.EvidenceEntries.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.Sequence == kept.Count)
            .Select(e => e.Hash)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return hash == kept.Hash.Hex;
    }

    /// <summary>
    /// The entry count of the first stored time-stamp whose head the (verified) chain no longer
    /// holds, or null when the chain passed through every stamped head. The head is the one the
    /// authority signed, read from the stored reply; a reply that no longer verifies counts as missing.
    /// </summary>
    internal static async Task<int?> StampedHeadMissingAsync(LedgerContext context, Guid caseId, CancellationToken cancellationToken)
    {
        var stamps = await StampEvidenceHead.ReadAsync(context, caseId, cancellationToken).ConfigureAwait(false);
        foreach (var (stamp, _, reply) in stamps)
        {
            if (TimeStampReply.StampedHead(reply) is not { } signed || signed != stamp.Head
                || !await HoldsAsync(context, caseId, new ChainHead(stamp.Count, signed), cancellationToken).ConfigureAwait(false))
            {
                return stamp.Count;
            }
        }

        return null;
    }

    /// <summary>The head the case recorded.</summary>
    internal static ChainHead HeadOf(StoredCase stored) =>
        new(stored.EvidenceCount, ContentHash.TryParse(stored.EvidenceHead, out var hash) ? hash : default);

    /// <summary>Checks one case's chain inside a read the caller holds, attachments included.</summary>
    internal static async Task<ChainVerification> CheckAsync(LedgerContext context, LedgerCipher cipher, AttachmentStore store, StoredCase stored, CancellationToken cancellationToken)
    {
        var (verification, attachments) = await CheckRowsAsync(context, cipher, stored.Id, cancellationToken).ConfigureAwait(false);
        var result = verification.Finish(HeadOf(stored));

        // Attachments are checked once the rows are read (PostgreSQL runs one command at a time):
        // the first entry whose attachment no longer holds breaks the chain there, if nothing broke earlier.
        foreach (var (attachment, (sequence, position)) in attachments.OrderBy(a => a.Value.Position))
        {
            if (result.Break is { } earlier && earlier.Position < position)
            {
                break;
            }

            if (!await store.HoldsAsync(context, attachment, cancellationToken).ConfigureAwait(false))
            {
                return new ChainVerification(position - 1, new ChainBreak(sequence, position, ChainBreakKind.AttachmentChanged));
            }
        }

        return result;
    }

    /// <summary>Streams the case's rows through a verifier; notes where each attachment is first named.</summary>
    private static async Task<(ChainVerifier Verifier, Dictionary<ContentHash, (int Sequence, int Position)> Attachments)> CheckRowsAsync(
        LedgerContext context, LedgerCipher cipher, Guid caseId, CancellationToken cancellationToken)
    {
        var verifier = new ChainVerifier();
        var attachments = new Dictionary<ContentHash, (int, int)>();
        var position = 0;
        var lastSequence = 0;
        try
        {
            await foreach (var row in EvidenceRows.ReadAsync(context, caseId, cancellationToken).ConfigureAwait(false))
            {
                position++;
                EvidenceEntry entry;
                try
                {
                    entry = row.ToEntry(cipher);
                }
                catch (Exception e) when (e is LedgerException or ArgumentException)
                {
                    // A row that no longer even reads (a sealed field edited, facts that contradict each other).
                    verifier.Unreadable(row.Sequence);
                    break;
                }

                foreach (var attachment in entry.Incident.Attachments)
                {
                    attachments.TryAdd(attachment, (entry.Sequence, position));
                }

                lastSequence = entry.Sequence;
                if (!verifier.Add(entry))
                {
                    break;
                }
            }
        }
        catch (LedgerException e) when (e.Problem is LedgerProblem.SealedValueDamaged or LedgerProblem.StoredValueUnknown)
        {
            verifier.Unreadable(lastSequence + 1);
        }

        return (verifier, attachments);
    }
}
