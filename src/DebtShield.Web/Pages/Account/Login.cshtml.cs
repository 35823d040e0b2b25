using DebtShield.Web.Accounts;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DebtShield.Web.Pages.Account;

/// <summary>
/// 登录 (multi-user mode): email and password. Five wrong passwords lock the account for a
/// while and the form takes only a few tries a minute from one address; every try is audited.
/// </summary>
[EnableRateLimiting(MultiUserMode.LoginLimit)]
public sealed class LoginModel(SignInManager<IdentityUser> signIn) : PageModel
{
    /// <summary>Where to go after logging in (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The login.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The password.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Why the last try failed.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Tries the password.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await signIn.UserManager.FindByEmailAsync(Email.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password ?? "", isPersistent: false, lockoutOnFailure: true);
        var outcome = result.Succeeded ? "allowed" : result.IsLockedOut ? "locked-out" : "failed";
        if (result.Succeeded)
        {
            HttpContext.User = await signIn.CreateUserPrincipalAsync(user!);
        }
        else
        {
            Problem = result.IsLockedOut ? WebText.Login_LockedOut : WebText.Login_Failed;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await AuditLog.WriteAsync(HttpContext, "login", null, outcome, Email?.Trim());
        return result.Succeeded ? LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/") : Page();
    }
}
