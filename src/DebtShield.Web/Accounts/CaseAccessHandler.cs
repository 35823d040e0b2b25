using System.Text.Json;
using DebtShield.App.Ledgers;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Authorization;

namespace DebtShield.Web.Accounts;

/// <summary>The case door's requirement: the request's case is one the person may see, or the endpoint touches no case.</summary>
public sealed class CaseAccessRequirement : IAuthorizationRequirement
{
    /// <summary>The requirement (it has no parameters).</summary>
    public static CaseAccessRequirement Instance { get; } = new();

    private CaseAccessRequirement()
    {
    }
}

/// <summary>
/// Why the case door turned a request away, kept on the request for <see cref="CaseAccessAnswer"/>:
/// a status with a message, or an address to go to instead.
/// </summary>
/// <param name="Status">The answer's status (400 or 404); 302 for <paramref name="Location"/>.</param>
/// <param name="Message">What the person is told (an API's problem detail); null with a location.</param>
/// <param name="Location">Where a page request is sent instead; null for a refusal.</param>
/// <param name="Outcome">The audit log's outcome (<see cref="AuditTerms"/>).</param>
public sealed record CaseRefusal(int Status, string? Message, string? Location, string Outcome)
{
    /// <summary>A refusal with <paramref name="status"/> and <paramref name="message"/>.</summary>
    public static CaseRefusal Refuse(int status, string message, string outcome) => new(status, message, null, outcome);

    /// <summary>A page request sent to <paramref name="location"/>.</summary>
    public static CaseRefusal SendTo(string location, string outcome) => new(StatusCodes.Status302Found, null, location, outcome);
}

/// <summary>
/// Decides which case a request is about. A case is named once, by its id in the query
/// (<c>?case=</c>): a second value, or a <c>case</c> in a form or JSON body of a route that touches a
/// case, is refused, because a handler reading one and the door checking the other is how one
/// account reached another's case. A named case is looked up among the cases the person may see
/// (every case in local mode); anything else, a title included, is "no such case" (404, the same
/// as for a case that does not exist, so titles cannot be probed).
/// <para>
/// In multi-user mode, without a case named nothing falls back to "the only case in the
/// database": a page goes to the account's one case, or to the case list. In local mode a page
/// read without a case goes to the case list when the ledger holds several.
/// </para>
/// </summary>
public sealed class CaseAccessHandler(WebOptions options, CaseRoster roster) : AuthorizationHandler<CaseAccessRequirement>
{
    /// <inheritdoc/>
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CaseAccessRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Resource is not HttpContext http)
        {
            return; // Not a request through endpoint routing: nothing to decide by, so not allowed.
        }

        if (http.GetEndpoint() is not { } endpoint)
        {
            context.Succeed(requirement); // No route matched: nothing will be served but "not found".
            return;
        }

        http.Features.Set<CaseRefusal?>(null);
        if (options.MultiUser && http.User.Identity?.IsAuthenticated != true)
        {
            return; // The login requirement answers (the login page or 401) before any case is looked at.
        }

        if (await DecideAsync(http, CaseAccess.IsCaseFree(endpoint)).ConfigureAwait(false) is { } refusal)
        {
            http.Features.Set<CaseRefusal?>(refusal);
            context.Fail(new AuthorizationFailureReason(this, refusal.Message ?? refusal.Outcome));
            return;
        }

        context.Succeed(requirement);
    }

    /// <summary>Keeps the request's case on <paramref name="http"/>, or says why there is none to keep.</summary>
    private async Task<CaseRefusal?> DecideAsync(HttpContext http, bool caseFree)
    {
        if (await NamingProblemAsync(http, caseFree).ConfigureAwait(false) is { } problem)
        {
            return CaseRefusal.Refuse(StatusCodes.Status400BadRequest, problem, AuditTerms.Refused);
        }

        var named = http.Request.Query[CaseAccess.Parameter].ToString();
        var id = Guid.TryParse(named, out var parsed) ? parsed : (Guid?)null;
        var decided = caseFree && id is not null ? new RequestedCase(id, null) : RequestedCase.None;
        if (!caseFree && named.Length == 0 && !options.MultiUser && IsPageRead(http) && await HoldsSeveralCasesAsync(http).ConfigureAwait(false))
        {
            // Local mode names no case for the only one; with several, the borrower picks one from the list.
            return CaseRefusal.SendTo("/cases", AuditTerms.NoCase);
        }

        if (!caseFree && (named.Length > 0 || options.MultiUser))
        {
            var visible = await roster.VisibleAsync(http).ConfigureAwait(false);
            if (named.Length == 0)
            {
                return AskForCase(http, visible.Count == 1 ? visible[0].Id : null);
            }

            if (visible.FirstOrDefault(c => c.Id == id) is not { } found)
            {
                return CaseRefusal.Refuse(StatusCodes.Status404NotFound, WebText.Access_NotFound, AuditTerms.Denied);
            }

            decided = new RequestedCase(found.Id, found.Profile.Title);
        }

        http.Features.Set(decided);
        return null;
    }

    /// <summary>
    /// Why the request names its case (or its page handler) ambiguously: twice in the query, or, on
    /// a route that touches a case, in a form or JSON body; null when it does not.
    /// </summary>
    private static async Task<string?> NamingProblemAsync(HttpContext http, bool caseFree)
    {
        var request = http.Request;
        if (request.Query[CaseAccess.Parameter].Count > 1 || request.Query["handler"].Count > 1)
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
                return form.ContainsKey(CaseAccess.Parameter) || form.ContainsKey("handler") ? WebText.Access_NamedInBody : null;
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
                return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.EnumerateObject().Any(p => string.Equals(p.Name, CaseAccess.Parameter, StringComparison.OrdinalIgnoreCase))
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

    private static bool IsPageRead(HttpContext http) => HttpMethods.IsGet(http.Request.Method) && !CaseAccess.IsApi(http);

    /// <summary>Whether the local ledger holds more than one case; false while it is locked (the page sends the borrower to unlock it).</summary>
    private async Task<bool> HoldsSeveralCasesAsync(HttpContext http)
    {
        try
        {
            return (await roster.VisibleAsync(http).ConfigureAwait(false)).Count > 1;
        }
        catch (Exception e) when (LedgerAccess.FailureOf(e) is not null)
        {
            return false;
        }
    }

    private static CaseRefusal AskForCase(HttpContext http, Guid? onlyCase)
    {
        if (CaseAccess.IsApi(http) || !HttpMethods.IsGet(http.Request.Method))
        {
            return CaseRefusal.Refuse(StatusCodes.Status400BadRequest, WebText.Access_CaseRequired, AuditTerms.NoCase);
        }

        return CaseRefusal.SendTo(
            onlyCase is null
                ? "/cases"
                : http.Request.Path + (http.Request.QueryString.HasValue ? http.Request.QueryString.Value + "&" : "?") + CaseAccess.Parameter + "=" + onlyCase.Value.ToString("D"),
            AuditTerms.NoCase);
    }
}
