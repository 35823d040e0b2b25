using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Authorization;

namespace DebtShield.Web.Accounts;

/// <summary>
/// The multi-user app's door to every case (after login, before any page or endpoint runs): a
/// route that touches a case must name it with <c>?case=</c>, and the case must be one assigned
/// to the account, or the answer is "no such case" (404, the same as for a case that does not
/// exist, so titles cannot be probed). Without <c>?case=</c> nothing falls back to "the only case
/// in the database": a page goes to the account's one case, or to the case list. Every route
/// touches a case unless it is in <see cref="CaseFreeRoutes"/>, so a route added later is guarded
/// by default. Each request is written to the audit log with its outcome.
/// </summary>
public static class CaseAccess
{
    /// <summary>Routes that read or change no case's contents (lists filter themselves by <see cref="CaseRoster"/>).</summary>
    public static IReadOnlyList<string> CaseFreeRoutes { get; } =
    [
        "problem", "unlock", "cases", "guide", "guide/{topic}", "start/{door}", "borrow", "account/login", "account/logout", "admin", "admin/audit",
        "api/v1/cases", "api/v1/guide", "api/v1/guide/{topic}", "api/v1/offer", "api/v1/documents", "api/v1/admin/accounts", "api/v1/admin/accounts/role", "api/v1/admin/accounts/password",
        "api/v1/admin/accounts/remove", "api/v1/admin/audit", "api/v1/admin/assignments",
        "api/v1/admin/assignments/remove", "openapi/{documentname}.json",
    ];

    /// <summary>Whether an endpoint's route touches no case.</summary>
    public static bool IsCaseFree(Endpoint endpoint) =>
        endpoint is RouteEndpoint route && CaseFreeRoutes.Contains((route.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant());

    /// <summary>The middleware.</summary>
    public static async Task CheckAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        var endpoint = http.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var action = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? "read" : "change";
        Guid? caseId = null;
        if (!IsCaseFree(endpoint))
        {
            var title = http.Request.Query["case"].ToString();
            var visible = await http.RequestServices.GetRequiredService<CaseRoster>().VisibleAsync(http).ConfigureAwait(false);
            if (title.Length == 0)
            {
                await AskForCaseAsync(http, visible.Count == 1 ? visible[0].Profile.Title : null).ConfigureAwait(false);
                await AuditLog.WriteAsync(http, action, null, "no-case").ConfigureAwait(false);
                return;
            }

            if (visible.FirstOrDefault(c => c.Profile.Title == title) is not { } found)
            {
                await RefuseAsync(http, StatusCodes.Status404NotFound, WebText.Access_NotFound).ConfigureAwait(false);
                await AuditLog.WriteAsync(http, action, null, "denied").ConfigureAwait(false);
                return;
            }

            caseId = found.Id;
        }

        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch
        {
            await AuditLog.WriteAsync(http, action, caseId, "failed").ConfigureAwait(false);
            throw;
        }

        await AuditLog.WriteAsync(http, action, caseId, http.Response.StatusCode < 400 ? "allowed" : "refused").ConfigureAwait(false);
    }

    private static Task AskForCaseAsync(HttpContext http, string? onlyCase)
    {
        if (IsApi(http) || !HttpMethods.IsGet(http.Request.Method))
        {
            return RefuseAsync(http, StatusCodes.Status400BadRequest, WebText.Access_CaseRequired);
        }

        http.Response.Redirect(onlyCase is null
            ? "/cases"
            : http.Request.Path + (http.Request.QueryString.HasValue ? http.Request.QueryString.Value + "&" : "?") + "case=" + Uri.EscapeDataString(onlyCase));
        return Task.CompletedTask;
    }

    private static Task RefuseAsync(HttpContext http, int status, string message)
    {
        if (!IsApi(http))
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        return Results.Problem(detail: message, statusCode: status, title: WebText.Problem_Refused).ExecuteAsync(http);
    }

    /// <summary>Whether the request is for the API, which is answered with status codes and problems, not pages.</summary>
    internal static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
