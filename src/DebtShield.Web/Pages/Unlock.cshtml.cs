using DebtShield.App.Ledgers;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DebtShield.Web.Pages;

/// <summary>解锁: the passphrase of a protected ledger, asked once after the app starts; nothing is shown before it.</summary>
public sealed class UnlockModel(LedgerGate gate, GuessThrottle throttle) : PageModel
{
    /// <summary>Where to go after unlocking (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The passphrase.</summary>
    [BindProperty]
    public string? Passphrase { get; set; }

    /// <summary>Why the last try failed.</summary>
    public string? Problem { get; private set; }

    /// <summary>True when setting the passphrase was interrupted: unlocking finishes it first, and the page says so.</summary>
    public bool Unfinished { get; private set; }

    /// <summary>Shows the form, or goes on when the ledger is already open.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (gate.IsOpen)
        {
            return LocalRedirect(Target);
        }

        Unfinished = (await LedgerAdministration.StatusAsync(gate.Location, HttpContext.RequestAborted)).ProtectionUnfinished;
        return Page();
    }

    /// <summary>Tries the passphrase; after a few wrong ones each further try waits longer (<see cref="GuessThrottle"/>).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (throttle.Refuse(HttpContext) is { } wait)
        {
            Problem = wait;
            return Page();
        }

        var client = GuessThrottle.ClientOf(HttpContext);
        try
        {
            await gate.UnlockAsync(Passphrase ?? "", HttpContext.RequestAborted);
            throttle.Succeeded(client);
            return LocalRedirect(Target);
        }
        catch (Exception e) when (LedgerAccess.FailureOf(e) is { } failure)
        {
            if (failure == LedgerFailure.WrongPassphrase)
            {
                throttle.Failed(client);
            }

            Problem = LedgerAccess.DescribeRefusal(e);
            Unfinished = (await LedgerAdministration.StatusAsync(gate.Location, HttpContext.RequestAborted)).ProtectionUnfinished;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private string Target => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}
