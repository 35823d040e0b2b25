using DebtShield.App.Ledgers;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DebtShield.Web.Pages;

/// <summary>
/// What the person sees when a request could not be served, whatever the status (400, 403, 404,
/// 500…), in both modes: a page in their language that says what happened and the way back. The
/// app sends every failed request without a body of its own here, and every crash. A program (a
/// path under <c>/api</c>, or one asking for <c>application/problem+json</c>) gets an RFC 9457
/// problem document with the same status instead of a page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ProblemModel : PageModel
{
    /// <summary>The status answered.</summary>
    public int Status { get; private set; }

    /// <summary>The heading for the status.</summary>
    public string Heading { get; private set; } = "";

    /// <summary>What happened, in the user's words.</summary>
    public string Message { get; private set; } = "";

    /// <summary>Shows the problem.</summary>
    public Task<IActionResult> OnGetAsync() => DescribeAsync();

    /// <summary>Shows the problem of a failed form.</summary>
    public Task<IActionResult> OnPostAsync() => DescribeAsync();

    /// <summary>Whether the request that failed came from a program, which reads a problem document, not a page.</summary>
    public static bool WantsProblemDocument(HttpContext http, PathString path)
    {
        ArgumentNullException.ThrowIfNull(http);
        return path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || http.Request.Headers.Accept.Any(a => a is not null && a.Contains("application/problem+json", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<IActionResult> DescribeAsync()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Status = Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        (string Heading, string Message) described = Status switch
        {
            StatusCodes.Status404NotFound => (WebText.Problem_NotFoundTitle, WebText.Problem_NotFound),
            StatusCodes.Status403Forbidden => (WebText.Problem_ForbiddenTitle, WebText.Problem_Forbidden),
            StatusCodes.Status413PayloadTooLarge => (WebText.Problem_TooLargeTitle, Hosting.UploadLimit.Message),
            >= 400 and < 500 => (WebText.Problem_Refused, failure?.Error is { } refused && LedgerAccess.DescribeRefusal(refused) is { } why ? why : WebText.Problem_BadRequest),
            _ => (WebText.Problem_Title, WebText.Problem_Unexpected),
        };
        (Heading, Message) = described;
        var path = reExecuted?.OriginalPath ?? failure?.Path ?? Request.Path.Value ?? "/";
        if (WantsProblemDocument(HttpContext, path))
        {
            await Results.Problem(detail: Message, statusCode: Status, title: Heading).ExecuteAsync(HttpContext);
            return new EmptyResult();
        }

        Response.StatusCode = Status;
        return Page();
    }
}
