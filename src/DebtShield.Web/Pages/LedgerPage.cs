using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.Core;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DebtShield.Web.Pages;

/// <summary>
/// A page over the ledger: it knows the case the request is about (as the case door decided it), today in China, and how to
/// answer a refused request on the page itself, with the form still filled in, instead of an error page.
/// </summary>
public abstract class LedgerPage(LedgerGate gate, TimeProvider time) : PageModel
{
    /// <summary>
    /// The case the page is about, as <see cref="Accounts.CaseAccess"/> decided it for the request
    /// (the ledger's only case when none was named). Never bound from the request by the page
    /// itself (see <see cref="RequestedCase"/>).
    /// </summary>
    public CaseReference Case => RequestedCase.Of(HttpContext).Reference;

    /// <summary>The case's id for the page's links and forms; null for the only case.</summary>
    public Guid? CaseId => RequestedCase.Of(HttpContext).Id;

    /// <summary>What went wrong with the last action, in the user's words.</summary>
    public string? Problem { get; protected set; }

    /// <summary>Today in China.</summary>
    protected DateOnly Today => ChinaStandardTime.Today(time);

    /// <summary>The clock.</summary>
    protected TimeProvider Time => time;

    /// <summary>The open ledger: the borrower's own, or the example's while the browser looks at it (<see cref="ExampleLedger"/>).</summary>
    protected ValueTask<OpenLedger> LedgerAsync() => ExampleLedger.GateFor(HttpContext, gate).OpenAsync(HttpContext.RequestAborted);

    /// <summary>This page's address for the same case, with more query if given.</summary>
    public string Here(string path, string? query = null) => RequestedCase.Of(HttpContext).Link(path, query);

    /// <summary>
    /// Reads what the page shows; a read the ledger refuses (no such case, several cases and none
    /// named) becomes the page's <see cref="Problem"/> instead of an error page. A locked ledger
    /// still goes to the unlock page.
    /// </summary>
    protected async Task ShowAsync(Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            await load().ConfigureAwait(false);
        }
        catch (Exception e) when (RefusalShownOnPage(e) is { } message)
        {
            Problem = message;
        }
    }

    /// <summary>
    /// Runs a form's action: on success redirects with a notice (post, then redirect, so a reload
    /// does not post twice); when the request is refused shows the page again with the reason.
    /// </summary>
    protected async Task<IActionResult> ActAsync(Func<Task<string>> action, string redirect, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(reload);
        try
        {
            TempData["Notice"] = await action().ConfigureAwait(false);
            return Redirect(redirect);
        }
        catch (Exception e) when (RefusalShownOnPage(e) is { } message)
        {
            Problem = message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await reload().ConfigureAwait(false);
            return Page();
        }
    }

    /// <summary>The words for a refusal the page shows itself; null for a locked ledger (the unlock page's) and for failures.</summary>
    private static string? RefusalShownOnPage(Exception e) =>
        LedgerAccess.FailureOf(e) == LedgerFailure.Locked ? null : LedgerAccess.DescribeRefusal(e);
}
