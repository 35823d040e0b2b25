using System.Globalization;
using DebtShield.App;
using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Admin;

/// <summary>
/// 账户管理 (multi-user mode, admins only): the accounts, a new account, who sees which case, an
/// account's role, a new password for someone who forgot theirs, and removing an account.
/// </summary>
public sealed class IndexModel(LedgerGate gate, TimeProvider time, AccountsContext accounts, UserManager<IdentityUser> users) : LedgerPage(gate, time)
{
    /// <summary>Every account.</summary>
    public IReadOnlyList<AccountFigure> Accounts { get; private set; } = [];

    /// <summary>The account's login.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The new account's password.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The new account's role.</summary>
    [BindProperty]
    public string? Role { get; set; } = Roles.CaseWorker;

    /// <summary>Every case, for the assignment form's list.</summary>
    public IReadOnlyList<AssignedCase> Cases { get; private set; } = [];

    /// <summary>The case to assign, picked from the list by id (not <c>case</c>, which would name the page's case).</summary>
    [BindProperty]
    public Guid? CaseToAssign { get; set; }

    /// <summary>Assign (true) or take away (false).</summary>
    [BindProperty]
    public bool Give { get; set; } = true;

    /// <summary>Lists the accounts.</summary>
    public Task OnGetAsync() => LoadAsync();

    /// <summary>Creates an account.</summary>
    public Task<IActionResult> OnPostCreateAsync() => ActAsync(
        async () =>
        {
            await AccountDesk.CreateAsync(users, Email, Password, Role);
            return string.Format(CultureInfo.CurrentCulture, WebText.Admin_AccountCreated, Email?.Trim(), Roles.Name(Role ?? ""));
        },
        "/admin",
        LoadAsync);

    /// <summary>Gives or takes away a case.</summary>
    public Task<IActionResult> OnPostAssignAsync() => ActAsync(
        async () =>
        {
            var title = await AccountDesk.AssignAsync(users, accounts, await LedgerAsync(), new Assignment(Email ?? "", CaseToAssign ?? throw new RequestRefusedException(WebText.Admin_PickCase)), Give, HttpContext.RequestAborted);
            return string.Format(CultureInfo.CurrentCulture, Give ? WebText.Admin_Assigned : WebText.Admin_Unassigned, Email?.Trim(), title);
        },
        "/admin",
        LoadAsync);

    /// <summary>Gives an account another role.</summary>
    public Task<IActionResult> OnPostRoleAsync() => ActAsync(
        async () =>
        {
            await AccountDesk.SetRoleAsync(users, new RoleChange(Email ?? "", Role ?? ""));
            return string.Format(CultureInfo.CurrentCulture, WebText.Admin_RoleChanged, Email?.Trim(), Roles.Name(Role ?? ""));
        },
        "/admin",
        LoadAsync);

    /// <summary>Sets a new password and lifts the lockout.</summary>
    public Task<IActionResult> OnPostPasswordAsync() => ActAsync(
        async () =>
        {
            await AccountDesk.ResetPasswordAsync(users, new PasswordReset(Email ?? "", Password ?? ""));
            return string.Format(CultureInfo.CurrentCulture, WebText.Admin_PasswordReset, Email?.Trim());
        },
        "/admin",
        LoadAsync);

    /// <summary>Removes an account.</summary>
    public Task<IActionResult> OnPostRemoveAsync() => ActAsync(
        async () =>
        {
            await AccountDesk.RemoveAsync(users, accounts, new AccountRemoval(Email ?? ""), CaseRoster.UserIdOf(User));
            return string.Format(CultureInfo.CurrentCulture, WebText.Admin_Removed, Email?.Trim());
        },
        "/admin",
        LoadAsync);

    private async Task LoadAsync()
    {
        var ledger = await LedgerAsync();
        Accounts = await AccountDesk.ListAsync(accounts, ledger, HttpContext.RequestAborted);
        Cases = await AccountDesk.CasesAsync(ledger, HttpContext.RequestAborted);
    }
}
