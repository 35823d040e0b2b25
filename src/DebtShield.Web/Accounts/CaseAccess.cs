using System.Text.Json;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DebtShield.Web.Accounts;

/// <summary>
/// The door to every case, in both modes (after login, before any page or endpoint runs). It
/// decides once which case the request is about and keeps it as the request's
/// <see cref="RequestedCase"/>; pages and endpoints read only that. A case is named once, by its id
/// in the query (<c>?case=</c>): a second value, or a <c>case</c> in a form or JSON body of a route that
/// touches a case, is refused, because a handler reading one and the door checking the other is how
/// one account reached another's case. A named case is looked up among the cases the person may
/// see (every case in local mode); anything else, a title included, is "no such case" (404).
/// <para>
/// In multi-user mode the case must be one assigned to the account, or the answer is "no such
/// case" (404, the same as for a case that does not exist, so titles cannot be probed); without a
/// case named nothing falls back to "the only case in the database": a page goes to the account's
/// one case, or to the case list. Every route touches a case unless it is in
/// <see cref="CaseFreeRoutes"/>, so a route added later is guarded by default. Each request is
/// written to the audit log with the case decided, the handler and the outcome.
/// </para>
/// </summary>
public static class CaseAccess
{
    /// <summary>The query parameter, the one place a request names its case.</summary>
    public const string Parameter = "case";

    /// <summary>Routes that read or change no case's contents (lists filter themselves by <see cref="CaseRoster"/>).</summary>
    public static IReadOnlyList<string> CaseFreeRoutes { get; } =
    [
        "problem", "unlock", "cases", "phone", "example", "guide", "guide/{topic}", "guide/images/{name}", "start/{door}", "borrow", "account/login", "account/logout", "admin", "admin/audit",
        "api/v1/cases", "api/v1/guide", "api/v1/guide/{topic}", "api/v1/offer", "api/v1/documents", "api/v1/admin/accounts", "api/v1/admin/accounts/role", "api/v1/admin/accounts/password",
        "api/v1/admin/accounts/remove", "api/v1/admin/cases", "api/v1/admin/audit", "api/v1/admin/assignments",
        "api/v1/admin/assignments/remove", "openapi/{documentname}.json", "calendar/{secret}.ics",
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
        if (endpoint is null)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var caseFree = IsCaseFree(endpoint);
        var audited = http.RequestServices.GetRequiredService<WebOptions>().MultiUser
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && http.User.Identity?.IsAuthenticated == true;
        var action = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? AuditTerms.Read : AuditTerms.Change;
        if (await NamingProblemAsync(http, caseFree).ConfigureAwait(false) is { } problem)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            await AuditAsync(audited, http, action, null, AuditTerms.Refused).ConfigureAwait(false);
            return;
        }

        var named = http.Request.Query[Parameter].ToString();
        var id = Guid.TryParse(named, out var parsed) ? parsed : (Guid?)null;
        var decided = caseFree && id is not null ? new RequestedCase(id, null) : RequestedCase.None;
        var multiUser = http.RequestServices.GetRequiredService<WebOptions>().MultiUser;
        if (!caseFree && named.Length == 0 && !multiUser && IsPageRead(http) && await HoldsSeveralCasesAsync(http).ConfigureAwait(false))
        {
            // Local mode names no case for the only one; with several, the borrower picks one from the list.
            http.Response.Redirect("/cases");
            return;
        }

        if (!caseFree && (named.Length > 0 || multiUser))
        {
            var visible = await http.RequestServices.GetRequiredService<CaseRoster>().VisibleAsync(http).ConfigureAwait(false);
            if (named.Length == 0)
            {
                await AskForCaseAsync(http, visible.Count == 1 ? visible[0].Id : null).ConfigureAwait(false);
                await AuditAsync(audited, http, action, null, AuditTerms.NoCase).ConfigureAwait(false);
                return;
            }

            if (visible.FirstOrDefault(c => c.Id == id) is not { } found)
            {
                await RefuseAsync(http, StatusCodes.Status404NotFound, WebText.Access_NotFound).ConfigureAwait(false);
                await AuditAsync(audited, http, action, null, AuditTerms.Denied).ConfigureAwait(false);
                return;
            }

            decided = new RequestedCase(found.Id, found.Profile.Title);
        }

        http.Features.Set(decided);
        var touched = caseFree ? null : decided.Id; // on a case-free route the id is unchecked, only carried along in links
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch
        {
            if (!http.Response.HasStarted)
            {
                // The line records what the person will get: the exception handler answers 500.
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            await AuditAsync(audited, http, action, touched, AuditTerms.Failed).ConfigureAwait(false);
            throw;
        }

        await AuditAsync(audited, http, action, touched, http.Response.StatusCode < 400 ? AuditTerms.Allowed : AuditTerms.Refused).ConfigureAwait(false);
    }

    /// <summary>
    /// Why the request names its case (or its page handler) ambiguously: twice in the query, or, on
    /// a route that touches a case, in a form or JSON body; null when it does not.
    /// </summary>
    private static async Task<string?> NamingProblemAsync(HttpContext http, bool caseFree)
    {
        var request = http.Request;
        if (request.Query[Parameter].Count > 1 || request.Query["handler"].Count > 1)
        {
            return WebText.Access_NamedTwice;
        }

        if (caseFree)
        {
            return null;
        }

        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
                return form.ContainsKey(Parameter) || form.ContainsKey("handler") ? WebText.Access_NamedInBody : null;
            }
            catch (InvalidDataException)
            {
                return WebText.Access_BadForm;
            }
        }

        if (request.HasJsonContentType())
        {
            request.EnableBuffering();
            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
                return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.EnumerateObject().Any(p => p.NameEquals(Parameter) || string.Equals(p.Name, Parameter, StringComparison.OrdinalIgnoreCase))
                    ? WebText.Access_NamedInBody
                    : null;
            }
            catch (JsonException)
            {
                return null; // The endpoint's own reading says what is wrong with the body.
            }
            finally
            {
                request.Body.Position = 0;
            }
        }

        return null;
    }

    private static Task AuditAsync(bool audited, HttpContext http, string action, Guid? caseId, string outcome) =>
        audited ? AuditLog.WriteAsync(http, action, caseId, outcome, handler: HandlerOf(http)) : Task.CompletedTask;

    /// <summary>What served the request, as the audit log records it: a page and its handler method, or the API endpoint's name.</summary>
    internal static string? HandlerOf(HttpContext http)
    {
        if (http.GetEndpoint() is not { } endpoint)
        {
            return null;
        }

        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            var handler = http.GetRouteValue("handler") as string is { Length: > 0 } routed ? routed : http.Request.Query["handler"].ToString();
            var method = http.Request.Method.Length == 0 ? "" : char.ToUpperInvariant(http.Request.Method[0]) + http.Request.Method[1..].ToLowerInvariant();
            return page.ViewEnginePath + " On" + method + handler;
        }

        return endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName;
    }

    private static bool IsPageRead(HttpContext http) => HttpMethods.IsGet(http.Request.Method) && !IsApi(http);

    /// <summary>Whether the local ledger holds more than one case; false while it is locked (the page sends the borrower to unlock it).</summary>
    private static async Task<bool> HoldsSeveralCasesAsync(HttpContext http)
    {
        try
        {
            return (await http.RequestServices.GetRequiredService<CaseRoster>().VisibleAsync(http).ConfigureAwait(false)).Count > 1;
        }
        catch (Data.LedgerException)
        {
            return false;
        }
    }

    private static Task AskForCaseAsync(HttpContext http, Guid? onlyCase)
    {
        if (IsApi(http) || !HttpMethods.IsGet(http.Request.Method))
        {
            return RefuseAsync(http, StatusCodes.Status400BadRequest, WebText.Access_CaseRequired);
        }

        http.Response.Redirect(onlyCase is null
            ? "/cases"
            : http.Request.Path + (http.Request.QueryString.HasValue ? http.Request.QueryString.Value + "&" : "?") + Parameter + "=" + onlyCase.Value.ToString("D"));
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
