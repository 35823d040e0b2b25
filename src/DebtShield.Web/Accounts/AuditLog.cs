using System.Globalization;
using System.Security.Claims;
using DebtShield.App;
using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Web.Accounts;

/// <summary>One line of the audit log as the admin reads it.</summary>
/// <param name="At">When.</param>
/// <param name="User">The login, when someone was logged in.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The path asked for.</param>
/// <param name="Action">read, change, login, …</param>
/// <param name="Case">The case's title (its id when the case is gone); null when no case was touched.</param>
/// <param name="Outcome">allowed, refused, denied, failed, no-case.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Handler">What served it: a page and its handler method, or the API endpoint's name.</param>
public sealed record AuditLine(DateTimeOffset At, string? User, string Method, string Route, string Action, string? Case, string Outcome, int? Status, string? Handler);

/// <summary>A page of the audit log, newest first.</summary>
/// <param name="Lines">The lines.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="HasMore">Whether older lines follow.</param>
public sealed record AuditPage(IReadOnlyList<AuditLine> Lines, int Page, bool HasMore);

/// <summary>
/// The audit log (multi-user mode): one line per request that touches a case, a login or an admin
/// change, written as it happens and read by admins, filtered by login or case, newest first.
/// </summary>
public static class AuditLog
{
    /// <summary>Lines per page.</summary>
    public const int PageSize = 100;

    /// <summary>Page <paramref name="page"/> of the lines by <paramref name="user"/> (a login) about the case <paramref name="caseId"/>, either optional.</summary>
    /// <exception cref="RequestRefusedException">The page is not a positive number.</exception>
    public static async Task<AuditPage> ReadAsync(AccountsContext accounts, OpenLedger ledger, string? user, Guid? caseId, int page, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (page < 1)
        {
            throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Invalid, WebText.Field_Page, page));
        }

        var titles = (await CaseBook.ListAsync(ledger, token).ConfigureAwait(false)).ToDictionary(c => c.Id, c => c.Profile.Title);
        var lines = accounts.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
        {
            var login = user.Trim();
            lines = lines.Where(e => e.UserName == login);
        }

        if (caseId is { } id)
        {
            // A case that is gone still has its lines: the filter is by id, not by the cases that remain.
            lines = lines.Where(e => e.CaseId == id);
        }

        var found = await lines.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(token).ConfigureAwait(false);
        return new AuditPage(
            [.. found.Take(PageSize).Select(e => new AuditLine(e.At, e.UserName, e.Method, e.Route, e.Action, e.CaseId is { } c ? titles.GetValueOrDefault(c, c.ToString()) : null, e.Outcome, e.Status, e.Handler))],
            page,
            found.Count > PageSize);
    }

    /// <summary>Appends one line for the request: <paramref name="caseId"/> is the case the door decided, <paramref name="handler"/> what served it.</summary>
    public static async Task WriteAsync(HttpContext http, string action, Guid? caseId, string outcome, string? userName = null, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var accounts = http.RequestServices.GetRequiredService<AccountsContext>();
        accounts.AuditEntries.Add(new AuditEntry
        {
            At = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            UserId = CaseRoster.UserIdOf(http.User),
            UserName = userName ?? http.User.FindFirstValue(ClaimTypes.Name),
            Method = http.Request.Method,
            Route = http.Request.Path.Value ?? "/",
            Action = action,
            CaseId = caseId,
            Outcome = outcome,
            Status = http.Response.StatusCode,
            Handler = handler is { Length: > AuditEntry.HandlerLength } ? handler[..AuditEntry.HandlerLength] : handler,
        });
        // Written even when the client has gone: a refused or abandoned look is still a look.
        await accounts.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
