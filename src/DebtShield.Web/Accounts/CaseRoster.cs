using System.Data.Common;
using System.Security.Claims;
using DebtShield.App.Cases;
using DebtShield.Core.Cases;
using DebtShield.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Web.Accounts;

/// <summary>
/// The cases the person asking may see. In local mode that is every case in the ledger (the
/// machine is the borrower's); in multi-user mode only the cases assigned to the logged-in
/// account, so the case list, the API's list and every case route answer from the same rule.
/// </summary>
public sealed class CaseRoster(LedgerGate gate, WebOptions options)
{
    /// <summary>The visible cases, oldest first.</summary>
    public async Task<IReadOnlyList<CaseSummary>> VisibleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var token = http.RequestAborted;
        var ledger = await ExampleLedger.GateFor(http, gate).OpenAsync(token).ConfigureAwait(false);
        if (!options.MultiUser)
        {
            return await CaseBook.ListAsync(ledger, token).ConfigureAwait(false);
        }

        var user = UserIdOf(http.User);
        var mine = await http.RequestServices.GetRequiredService<AccountsContext>().CaseAssignments
            .Where(a => a.UserId == user).Select(a => a.CaseId).ToListAsync(token).ConfigureAwait(false);
        return mine.Count == 0 ? [] : await CaseBook.ListAsync(ledger, mine, token).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a case for the person asking. In multi-user mode it is assigned to their account in
    /// the same transaction, and its title need only differ from their own cases' titles.
    /// </summary>
    /// <exception cref="App.RequestRefusedException">They already have a case with that title.</exception>
    public async Task<Guid> AddAsync(HttpContext http, CaseProfile profile, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ledger = await ExampleLedger.GateFor(http, gate).OpenAsync(http.RequestAborted).ConfigureAwait(false);
        var owner = options.MultiUser ? new AccountCases(UserIdOf(http.User) ?? throw new InvalidOperationException("A case opened in multi-user mode without a login."), time) : null;
        return await CaseBook.AddAsync(ledger, profile, time, owner, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The logged-in account's id; null when nobody is logged in.</summary>
    public static string? UserIdOf(ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.NameIdentifier);
}

/// <summary>An account's cases, as the owner of a case it opens (multi-user mode).</summary>
/// <param name="userId">The account.</param>
/// <param name="time">The clock, for the assignment's time.</param>
public sealed class AccountCases(string userId, TimeProvider time) : ICaseOwner
{
    /// <inheritdoc/>
    public async Task<IReadOnlyCollection<Guid>> CasesAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var accounts = await JoinAsync(transaction, cancellationToken).ConfigureAwait(false);
        return await accounts.CaseAssignments.Where(a => a.UserId == userId).Select(a => a.CaseId).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task TakeAsync(DbTransaction transaction, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var accounts = await JoinAsync(transaction, cancellationToken).ConfigureAwait(false);
        accounts.CaseAssignments.Add(new CaseAssignment { UserId = userId, CaseId = caseId, AssignedAt = time.GetUtcNow() });
        await accounts.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<AccountsContext> JoinAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var accounts = AccountsContext.Over(transaction.Connection ?? throw new InvalidOperationException("The ledger's transaction has ended."));
        await accounts.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        return accounts;
    }
}
