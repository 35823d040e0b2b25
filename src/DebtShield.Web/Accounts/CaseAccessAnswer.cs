using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace DebtShield.Web.Accounts;

/// <summary>
/// Answers what authorization decided. A refusal of the case door (<see cref="CaseRefusal"/>) is
/// answered as the door's own: a page gets the status (the problem page says it) or is sent on, a
/// program gets a problem document. Anything else (no login, a missing role) is answered by
/// ASP.NET Core's usual handler. In multi-user mode every request of a logged-in person that
/// reaches the case door is written to the audit log, with the case decided, the handler and the
/// outcome.
/// </summary>
public sealed class CaseAccessAnswer(WebOptions options) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler usual = new();

    /// <inheritdoc/>
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var audited = options.MultiUser && context.User.Identity?.IsAuthenticated == true;
        var action = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? AuditTerms.Read : AuditTerms.Change;
        if (!authorizeResult.Succeeded)
        {
            if (context.Features.Get<CaseRefusal?>() is not { } refusal || authorizeResult.AuthorizationFailure?.FailedRequirements.Any(r => r is not CaseAccessRequirement) == true)
            {
                await usual.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
                return;
            }

            await RefuseAsync(context, refusal).ConfigureAwait(false);
            await AuditAsync(audited, context, action, null, refusal.Outcome).ConfigureAwait(false);
            return;
        }

        var endpoint = context.GetEndpoint();
        var touched = endpoint is null || CaseAccess.IsCaseFree(endpoint) ? null : context.Features.Get<RequestedCase>()?.Id; // on a case-free route the id is unchecked, only carried along in links
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            if (!context.Response.HasStarted)
            {
                // The line records what the person will get: the exception handler answers 500.
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            await AuditAsync(audited, context, action, touched, AuditTerms.Failed).ConfigureAwait(false);
            throw;
        }

        await AuditAsync(audited, context, action, touched, context.Response.StatusCode < 400 ? AuditTerms.Allowed : AuditTerms.Refused).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext http, CaseRefusal refusal)
    {
        if (refusal.Location is { } location)
        {
            http.Response.Redirect(location);
            return Task.CompletedTask;
        }

        if (!CaseAccess.IsApi(http))
        {
            http.Response.StatusCode = refusal.Status;
            return Task.CompletedTask;
        }

        return Results.Problem(detail: refusal.Message, statusCode: refusal.Status, title: WebText.Problem_Refused).ExecuteAsync(http);
    }

    private static Task AuditAsync(bool audited, HttpContext http, string action, Guid? caseId, string outcome) =>
        audited ? AuditLog.WriteAsync(http, action, caseId, outcome, handler: CaseAccess.HandlerOf(http)) : Task.CompletedTask;
}
