using DebtShield.App.Ledgers;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;

namespace DebtShield.Web.Hosting;

/// <summary>
/// Turns what the user can act on (a refused request, a locked or busy ledger) into an answer
/// instead of an error page: an RFC 9457 problem for the API, the unlock page for a locked
/// ledger. Everything else falls through to the problem page; a crash is a bug.
/// </summary>
public sealed class RefusalHandler : IExceptionHandler
{
    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var message = LedgerAccess.DescribeRefusal(exception);
        if (message is null)
        {
            return false;
        }

        var locked = LedgerAccess.FailureOf(exception) == LedgerFailure.Locked;
        // By now the middleware has pointed the request at the problem page; the feature keeps where it went.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            if (!locked)
            {
                return false;
            }

            httpContext.Response.Redirect("/unlock?returnUrl=" + Uri.EscapeDataString(path + httpContext.Request.QueryString));
            return true;
        }

        await Results.Problem(
            detail: message,
            statusCode: StatusOf(exception),
            title: locked ? WebText.Problem_Locked : WebText.Problem_Refused).ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    private static int StatusOf(Exception exception) => LedgerAccess.FailureOf(exception) switch
    {
        LedgerFailure.Locked or LedgerFailure.WrongPassphrase => StatusCodes.Status423Locked,
        LedgerFailure.Busy or LedgerFailure.Unreachable => StatusCodes.Status503ServiceUnavailable,
        LedgerFailure.Other => StatusCodes.Status409Conflict,
        null => StatusCodes.Status400BadRequest,
    };
}
