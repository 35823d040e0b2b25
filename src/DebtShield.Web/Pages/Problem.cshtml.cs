using DebtShield.App.Ledgers;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DebtShield.Web.Pages;

/// <summary>What the borrower sees when a request could not be served: the reason when they can act on it, an apology otherwise.</summary>
[IgnoreAntiforgeryToken]
public sealed class ProblemModel : PageModel
{
    /// <summary>The reason, when it is one the user can act on.</summary>
    public string? Message { get; private set; }

    /// <summary>Shows the problem.</summary>
    public void OnGet() => Describe();

    /// <summary>Shows the problem of a failed form.</summary>
    public void OnPost() => Describe();

    private void Describe()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        Message = error is null ? null : LedgerAccess.DescribeRefusal(error);
    }
}
