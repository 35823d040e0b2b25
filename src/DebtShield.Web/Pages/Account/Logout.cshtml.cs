using DebtShield.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DebtShield.Web.Pages.Account;

/// <summary>退出登录 (multi-user mode): a form post only, so no other site's link can log anyone out; it ends every session of the account.</summary>
public sealed class LogoutModel(SignInManager<IdentityUser> signIn) : PageModel
{
    /// <summary>Nothing to show: back to the login form.</summary>
    public IActionResult OnGet() => Redirect("/account/login");

    /// <summary>Ends the session.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await AuditLog.WriteAsync(HttpContext, AuditTerms.Logout, null, AuditTerms.Allowed);

            // A new stamp ends every session of the account, a copied cookie included (each
            // request checks the stamp), not only this browser's.
            if (await signIn.UserManager.GetUserAsync(User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }
        }

        await signIn.SignOutAsync();
        return Redirect("/account/login");
    }
}
