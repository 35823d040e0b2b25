using System.Security.Claims;

namespace DebtShield.Web.Accounts;

/// <summary>Writes the audit log's lines (multi-user mode): one per request that touches a case, login or admin change.</summary>
public static class AuditLog
{
    /// <summary>Appends one line for the request.</summary>
    public static async Task WriteAsync(HttpContext http, string action, Guid? caseId, string outcome, string? userName = null)
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
        });
        // Written even when the client has gone: a refused or abandoned look is still a look.
        await accounts.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
