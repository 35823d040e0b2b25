using System.Security.Claims;
using DebtShield.App.Cases;
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
        var ledger = await gate.OpenAsync(token).ConfigureAwait(false);
        if (!options.MultiUser)
        {
            return await CaseBook.ListAsync(ledger, token).ConfigureAwait(false);
        }

        var user = UserIdOf(http.User);
        var mine = await http.RequestServices.GetRequiredService<AccountsContext>().CaseAssignments
            .Where(a => a.UserId == user).Select(a => a.CaseId).ToListAsync(token).ConfigureAwait(false);
        return mine.Count == 0 ? [] : await CaseBook.ListAsync(ledger, mine, token).ConfigureAwait(false);
    }

    /// <summary>A case the person just opened is theirs: in multi-user mode it is assigned to their account.</summary>
    public async Task AddedAsync(HttpContext http, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!options.MultiUser || UserIdOf(http.User) is not { } user)
        {
            return;
        }

        var accounts = http.RequestServices.GetRequiredService<AccountsContext>();
        accounts.CaseAssignments.Add(new CaseAssignment { UserId = user, CaseId = caseId, AssignedAt = DateTimeOffset.UtcNow });
        await accounts.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The logged-in account's id; null when nobody is logged in.</summary>
    public static string? UserIdOf(ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.NameIdentifier);
}
