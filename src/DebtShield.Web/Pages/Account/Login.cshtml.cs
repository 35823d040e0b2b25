using DebtShield.Web.Accounts;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using DebtShield.Web.Hosting;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace DebtShield.Web.Pages.Account;

/// <summary>
/// 登录 (multi-user mode): email and password. Wrong passwords slow down the address they come
/// from (<see cref="GuessThrottle"/>), never the account, so nobody can lock another person out;
/// the form also takes only a few tries a minute from one address. An unknown login gets the same
/// answer after the same work (a password hash checked) as a wrong password, so neither the words
/// nor the time tell which accounts exist. Every try is audited.
/// </summary>
[EnableRateLimiting(MultiUserMode.LoginLimit)]
public sealed class LoginModel(SignInManager<IdentityUser> signIn, GuessThrottle throttle) : PageModel
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
        if (throttle.Refuse(HttpContext) is { } wait)
        {
            Problem = wait;
            await AuditLog.WriteAsync(HttpContext, AuditTerms.Login, null, AuditTerms.Throttled, Email?.Trim());
            return Page();
        }

        var user = string.IsNullOrWhiteSpace(Email) ? null : await signIn.UserManager.FindByEmailAsync(Email.Trim());
        SignInResult result;
        if (user is null)
        {
            // The same work as for a real account's wrong password: one password hash checked.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash(signIn.UserManager.PasswordHasher), Password ?? "");
            result = SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Password ?? "", isPersistent: false, lockoutOnFailure: false);
        }

        var outcome = result.Succeeded ? AuditTerms.Allowed : result.IsLockedOut ? AuditTerms.LockedOut : AuditTerms.Failed;
        var client = GuessThrottle.ClientOf(HttpContext);
        if (result.Succeeded)
        {
            throttle.Succeeded(client);
            HttpContext.User = await signIn.CreateUserPrincipalAsync(user!);
        }
        else
        {
            throttle.Failed(client);
            Problem = WebText.Login_Failed;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await AuditLog.WriteAsync(HttpContext, AuditTerms.Login, null, outcome, Email?.Trim());
        return result.Succeeded ? LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/") : Page();
    }

    private static readonly IdentityUser Decoy = new();
    private static string? decoyHash;

    /// <summary>A hash of a random password, made once with the app's own hasher (so with its cost).</summary>
    private static string DecoyHash(IPasswordHasher<IdentityUser> hasher) =>
        decoyHash ??= hasher.HashPassword(Decoy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
}
