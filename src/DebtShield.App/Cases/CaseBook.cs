using DebtShield.App.Ledgers;
using DebtShield.App.Resources;
using DebtShield.Core.Cases;
using DebtShield.Data;
using DebtShield.Data.Cases;
using DebtShield.Data.Protection;
using DebtShield.Import.CaseFiles;
using Microsoft.EntityFrameworkCore.Storage;

namespace DebtShield.App.Cases;

/// <summary>
/// Use case: the cases in a ledger, and which one a command means. A borrower's own ledger
/// usually has one case, so <c>--case</c> is only needed where there are several (a clinic's server).
/// </summary>
public static class CaseBook
{
    /// <summary>Every case, oldest first, with its loan count.</summary>
    public static Task<IReadOnlyList<CaseSummary>> ListAsync(OpenLedger ledger, CancellationToken cancellationToken = default) =>
        ListAsync(ledger, null, cancellationToken);

    /// <summary>
    /// The cases among <paramref name="only"/> (every case when null), oldest first, with their
    /// loan counts: a case worker's few among a server's thousands are read, not all of them.
    /// </summary>
    public static Task<IReadOnlyList<CaseSummary>> ListAsync(OpenLedger ledger, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync<IReadOnlyList<CaseSummary>>(async (context, token) =>
        {
            var cases = await CaseRows.WithLoanCountsAsync(context, only, token).ConfigureAwait(false);
            return [.. cases
                .Select(c => new CaseSummary(c.Case.Id, c.Case.ReadProfile(ledger.Cipher), c.Loans, c.Case.CreatedAt))
                .OrderBy(c => c.CreatedAt)];
        }, cancellationToken);
    }

    /// <summary>Opens a new case.</summary>
    /// <exception cref="RequestRefusedException">A case with that title exists.</exception>
    public static Task<Guid> AddAsync(OpenLedger ledger, CaseProfile profile, TimeProvider time, CancellationToken cancellationToken = default) =>
        AddAsync(ledger, profile, time, null, cancellationToken);

    /// <summary>
    /// Opens a new case for <paramref name="owner"/> (none: the ledger's own), in one transaction
    /// with the owner's record of it: if that record cannot be written, no case is opened.
    /// </summary>
    /// <exception cref="RequestRefusedException">A case with that title exists among the owner's (every case, without an owner).</exception>
    public static Task<Guid> AddAsync(OpenLedger ledger, CaseProfile profile, TimeProvider time, ICaseOwner? owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(time);
        return ledger.WriteAsync(async (context, token) =>
        {
            var transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            var among = owner is null ? null : await owner.CasesAsync(transaction!, token).ConfigureAwait(false);
            var existing = await AllAsync(context, ledger.Cipher, token).ConfigureAwait(false);
            if (existing.Any(c => c.Title == profile.Title && (among is null || among.Contains(c.Case.Id))))
            {
                throw new RequestRefusedException(Localized.Format(LedgerText.Case_Exists, profile.Title));
            }

            var created = Create(context, ledger.Cipher, profile, time);
            if (owner is not null)
            {
                await owner.TakeAsync(transaction!, created.Id, token).ConfigureAwait(false);
            }

            return created.Id;
        }, cancellationToken);
    }

    /// <summary>
    /// The case a command means: the one <paramref name="reference"/> names, or the only one when it
    /// names none; <see langword="null"/> when the ledger has no case yet.
    /// </summary>
    /// <exception cref="RequestRefusedException">
    /// No case has that title or id, or there are several and none was named. A case named by id
    /// and not found is refused without a word about the other cases: the web names cases by id,
    /// and its answers must not list titles that belong to someone else.
    /// </exception>
    internal static async Task<StoredCase?> FindAsync(LedgerContext context, LedgerCipher cipher, CaseReference reference, CancellationToken cancellationToken)
    {
        if (reference.Id is { } id
            && (await CaseRows.FindAsync(context, id, cancellationToken).ConfigureAwait(false)
                ?? (reference.Title is null ? throw new RequestRefusedException(LedgerText.Case_NoSuchId) : null)) is { } byId)
        {
            return byId;
        }

        var cases = await AllAsync(context, cipher, cancellationToken).ConfigureAwait(false);
        if (reference.Title is { } title)
        {
            var named = cases.FirstOrDefault(c => c.Title == title);
            return named.Case ?? throw new RequestRefusedException(Localized.Format(LedgerText.Case_NotFound, title, Titles(cases)));
        }

        return cases.Count switch
        {
            0 => null,
            1 => cases[0].Case,
            _ => throw new RequestRefusedException(Localized.Format(LedgerText.Case_Ambiguous, Titles(cases))),
        };
    }

    /// <summary>
    /// The case a command means, opened when the ledger has no case yet. A title no case has is
    /// refused (a typo must not open a second case) unless the case comes from a case file
    /// (<paramref name="from"/>), which names its own case; such a case takes the file's borrower
    /// details and budget. A case named by id must exist: an id is never the start of a new case.
    /// </summary>
    internal static async Task<StoredCase> FindOrCreateAsync(LedgerContext context, LedgerCipher cipher, CaseReference reference, TimeProvider time, CancellationToken cancellationToken, CaseFileContent? from = null)
    {
        if (reference.Id is { } id && (reference.Title is null || await CaseRows.FindAsync(context, id, cancellationToken).ConfigureAwait(false) is not null))
        {
            return (await FindAsync(context, cipher, reference, cancellationToken).ConfigureAwait(false))!;
        }

        var title = reference.Title;
        var cases = await AllAsync(context, cipher, cancellationToken).ConfigureAwait(false);
        var unknown = title is not null && cases.All(c => c.Title != title);
        if (unknown && cases.Count > 0 && from is null)
        {
            throw new RequestRefusedException(Localized.Format(LedgerText.Case_UnknownTitle, title!, Titles(cases)));
        }

        if (cases.Count == 0 || unknown)
        {
            var profile = from?.Profile is { } given
                ? new CaseProfile(title ?? given.Title, given.BorrowerName, given.BorrowerPhone, given.BorrowerIdNumber, given.Notes)
                : new CaseProfile(title ?? LedgerText.Case_DefaultTitle, null, null, null, null);
            var created = Create(context, cipher, profile, time);
            foreach (var (line, position) in (from?.Budget.Lines ?? []).Select((l, i) => (l, i)))
            {
                created.Budget.Add(StoredBudgetLine.From(created.Id, position, line, cipher));
            }

            return created;
        }

        return (await FindAsync(context, cipher, reference, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The case a command means, which must exist.</summary>
    internal static async Task<StoredCase> RequireAsync(LedgerContext context, LedgerCipher cipher, CaseReference reference, CancellationToken cancellationToken) =>
        await FindAsync(context, cipher, reference, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestRefusedException(LedgerText.Case_None);

    internal static StoredCase Create(LedgerContext context, LedgerCipher cipher, CaseProfile profile, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var stored = new StoredCase { Id = Guid.CreateVersion7(now), CreatedAt = now };
        stored.WriteProfile(profile, cipher);
        context.Cases.Add(stored);
        return stored;
    }

    private static async Task<List<(StoredCase Case, string Title)>> AllAsync(LedgerContext context, LedgerCipher cipher, CancellationToken cancellationToken)
    {
        // Titles may be sealed, so they are compared after opening, not in SQL; a ledger has few cases.
        var cases = await CaseRows.AllAsync(context, cancellationToken).ConfigureAwait(false);
        return [.. cases.OrderBy(c => c.CreatedAt).Select(c => (c, c.ReadTitle(cipher)))];
    }

    private static string Titles(List<(StoredCase Case, string Title)> cases) => string.Join("、", cases.Select(c => c.Title));
}

/// <summary>One case in the list.</summary>
/// <param name="Id">The case's key.</param>
/// <param name="Profile">Its own facts, opened.</param>
/// <param name="Loans">How many loans it holds.</param>
/// <param name="CreatedAt">When it was opened.</param>
public sealed record CaseSummary(Guid Id, CaseProfile Profile, int Loans, DateTimeOffset CreatedAt);
