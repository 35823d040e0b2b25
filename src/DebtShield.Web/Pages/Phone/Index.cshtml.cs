using DebtShield.Web.Hosting;
using DebtShield.Web.Phone;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DebtShield.Web.Pages.Phone;

/// <summary>
/// 在手机上打开: starts and stops the phone listener, shows a new one-time pairing link as a QR code
/// with the certificate's fingerprint, and lists the paired phones for revoking. Only the computer
/// sees it: a paired phone asking gets 404, so a phone cannot mint links for other devices or
/// unpair the others; in multi-user mode there is no phone listener and no page.
/// </summary>
public sealed class IndexModel(IServiceProvider services, WebOptions options) : PageModel
{
    private PhoneListener Listener => services.GetRequiredService<PhoneListener>();

    private PhonePairings Pairings => services.GetRequiredService<PhonePairings>();

    /// <summary>Where phones reach the app, while the listener runs.</summary>
    public Uri? Address { get; private set; }

    /// <summary>The certificate's fingerprint, while the listener runs.</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>The pairing link just made, shown once (after a post, never on a plain visit).</summary>
    public Uri? Link { get; private set; }

    /// <summary>The live pairings.</summary>
    public IReadOnlyList<PhonePairing> Paired { get; private set; } = [];

    /// <summary>Why the listener could not start.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the state.</summary>
    public IActionResult OnGet() => (IActionResult?)Refused() ?? Show();

    /// <summary>Starts the listener (when not running) and makes a pairing link.</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        Problem = await Listener.StartAsync();
        if (Problem is null)
        {
            Link = Listener.PairingLink(Pairings.Offer());
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Show();
    }

    /// <summary>Ends one pairing.</summary>
    public IActionResult OnPostRevoke(Guid pairing)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        TempData["Notice"] = Pairings.Revoke(pairing) ? WebText.Phone_Revoked : WebText.Phone_RevokeMissing;
        return RedirectToPage();
    }

    /// <summary>Stops the listener; every pairing ends with it.</summary>
    public async Task<IActionResult> OnPostStopAsync()
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        await Listener.StopAsync();
        TempData["Notice"] = WebText.Phone_Stopped;
        return RedirectToPage();
    }

    private NotFoundResult? Refused() => options.MultiUser || PhoneListener.IsPhone(HttpContext) ? NotFound() : null;

    private PageResult Show()
    {
        Address = Listener.Address;
        Fingerprint = Listener.Fingerprint;
        Paired = Pairings.List();
        return Page();
    }
}
