using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DebtShield.Web.Pages.Example;

/// <summary>
/// 示例: what the worked example is, and the buttons into it and back out (<see cref="ExampleLedger"/>).
/// Going in and out are posts with the form's token, so another site's page cannot switch a
/// borrower's browser into the example behind their back. Local mode only.
/// </summary>
public sealed class IndexModel(WebOptions options) : PageModel
{
    /// <summary>Whether this browser is looking at the example now.</summary>
    public bool Shown { get; private set; }

    /// <summary>Explains the example.</summary>
    public IActionResult OnGet()
    {
        if (options.MultiUser)
        {
            return NotFound();
        }

        Shown = ExampleLedger.IsShown(HttpContext);
        return Page();
    }

    /// <summary>Shows the example: its first page, from its own ledger.</summary>
    public IActionResult OnPost()
    {
        if (options.MultiUser)
        {
            return NotFound();
        }

        ExampleLedger.Show(Response);
        return Redirect("/");
    }

    /// <summary>Back to the borrower's own ledger.</summary>
    public IActionResult OnPostLeave()
    {
        if (options.MultiUser)
        {
            return NotFound();
        }

        ExampleLedger.Leave(Response);
        TempData["Notice"] = WebText.Example_Left;
        return Redirect("/");
    }
}
