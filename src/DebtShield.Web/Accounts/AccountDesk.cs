using DebtShield.App;
using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.Web.Forms;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Web.Accounts;

/// <summary>An account as the admin sees it: login, role and the cases it may see.</summary>
/// <param name="Email">The login.</param>
/// <param name="Role">The role's id (<see cref="Roles"/>; pages show <see cref="Roles.Name"/>).</param>
/// <param name="Cases">The cases assigned to it.</param>
public sealed record AccountFigure(string Email, string Role, IReadOnlyList<AssignedCase> Cases);

/// <summary>A case as the admin sees it in a list: its id (what assignments and <c>?case=</c> take) and title.</summary>
/// <param name="Id">The case's id.</param>
/// <param name="Title">Its title; titles repeat across accounts, so the id is what names it.</param>
public sealed record AssignedCase(Guid Id, string Title);

/// <summary>A new account, as the admin API takes it.</summary>
public sealed record NewAccount(string Email, string Password, string Role);

/// <summary>A case given to (or taken from) an account.</summary>
/// <param name="Email">The account's login.</param>
/// <param name="Case">The case's id, as <c>/api/v1/cases</c> and <c>/api/v1/admin/cases</c> list it.</param>
public sealed record Assignment(string Email, Guid Case);

/// <summary>An account's new role, as the admin API takes it.</summary>
public sealed record RoleChange(string Email, string Role);

/// <summary>A password the admin sets for an account (a borrower who forgot theirs).</summary>
public sealed record PasswordReset(string Email, string Password);

/// <summary>An account to remove.</summary>
public sealed record AccountRemoval(string Email);

/// <summary>
/// The admin's work (page and API alike): accounts with one role each, and which cases each may
/// see. Refusals are <see cref="RequestRefusedException"/>s in the admin's words.
/// </summary>
public static class AccountDesk
{
    /// <summary>Every account, by login.</summary>
    public static async Task<IReadOnlyList<AccountFigure>> ListAsync(AccountsContext accounts, OpenLedger ledger, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var titles = (await CaseBook.ListAsync(ledger, token).ConfigureAwait(false)).ToDictionary(c => c.Id, c => c.Profile.Title);
        var users = await accounts.Users.OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(token).ConfigureAwait(false);
        var roles = await (from link in accounts.UserRoles join role in accounts.Roles on link.RoleId equals role.Id select new { link.UserId, role.Name })
            .ToListAsync(token).ConfigureAwait(false);
        var given = await accounts.CaseAssignments.ToListAsync(token).ConfigureAwait(false);
        return [.. users.Select(u => new AccountFigure(
            u.Email ?? "",
            string.Join(",", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)),
            [.. given.Where(g => g.UserId == u.Id).Select(g => new AssignedCase(g.CaseId, titles.GetValueOrDefault(g.CaseId, g.CaseId.ToString())))]))];
    }

    /// <summary>Creates an account with its role.</summary>
    public static async Task CreateAsync(UserManager<IdentityUser> users, string? email, string? password, string? role)
    {
        ArgumentNullException.ThrowIfNull(users);
        var login = WebInput.Required(email, "email");
        role = KnownRole(role);
        var user = new IdentityUser { UserName = login, Email = login, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password ?? "").ConfigureAwait(false);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role).ConfigureAwait(false);
        }

        if (!created.Succeeded)
        {
            throw new RequestRefusedException(Localized.Format(WebText.Admin_Refused, login, string.Join(" ", created.Errors.Select(e => e.Description))));
        }
    }

    /// <summary>Every case on the server, oldest first, for the admin to pick from.</summary>
    public static async Task<IReadOnlyList<AssignedCase>> CasesAsync(OpenLedger ledger, CancellationToken token) =>
        [.. (await CaseBook.ListAsync(ledger, token).ConfigureAwait(false)).Select(c => new AssignedCase(c.Id, c.Profile.Title))];

    /// <summary>Lets an account see a case (or, with <paramref name="give"/> false, no longer see it); returns the case's title.</summary>
    public static async Task<string> AssignAsync(UserManager<IdentityUser> users, AccountsContext accounts, OpenLedger ledger, Assignment assignment, bool give, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(assignment);
        var user = await FindAsync(users, assignment.Email).ConfigureAwait(false);
        var found = await CaseBook.ListAsync(ledger, [assignment.Case], token).ConfigureAwait(false) is [var one]
            ? one
            : throw new RequestRefusedException(WebText.Admin_NoSuchCase);
        var existing = await accounts.CaseAssignments.FindAsync([user.Id, found.Id], token).ConfigureAwait(false);
        if (give && existing is null)
        {
            accounts.CaseAssignments.Add(new CaseAssignment { UserId = user.Id, CaseId = found.Id, AssignedAt = DateTimeOffset.UtcNow });
        }
        else if (!give && existing is not null)
        {
            accounts.CaseAssignments.Remove(existing);
        }

        await accounts.SaveChangesAsync(token).ConfigureAwait(false);
        return found.Profile.Title;
    }

    /// <summary>Gives the account the new role in place of its role; the last admin stays an admin.</summary>
    public static async Task SetRoleAsync(UserManager<IdentityUser> users, RoleChange change)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(change);
        var role = KnownRole(change.Role);
        var user = await FindAsync(users, change.Email).ConfigureAwait(false);
        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        if (current.Contains(Roles.Admin) && role != Roles.Admin)
        {
            await KeepAnAdminAsync(users, user).ConfigureAwait(false);
        }

        Succeed(user, await users.RemoveFromRolesAsync(user, [.. current.Where(r => r != role)]).ConfigureAwait(false));
        if (!current.Contains(role))
        {
            Succeed(user, await users.AddToRoleAsync(user, role).ConfigureAwait(false));
        }

        // Every session of the account is checked against its stamp on each request, so a new
        // stamp ends them at once: the next request logs in again with the new role.
        Succeed(user, await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
    }

    /// <summary>
    /// Sets a new password for the account (and lifts any lockout an older version set); its sessions elsewhere end, since
    /// the old password may be what someone else knows.
    /// </summary>
    public static async Task ResetPasswordAsync(UserManager<IdentityUser> users, PasswordReset reset)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(reset);
        var user = await FindAsync(users, reset.Email).ConfigureAwait(false);
        var token = await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
        Succeed(user, await users.ResetPasswordAsync(user, token, reset.Password ?? "").ConfigureAwait(false));
        if (await users.GetLockoutEnabledAsync(user).ConfigureAwait(false))
        {
            // Accounts made before wrong passwords slowed the address instead may still carry a lock.
            Succeed(user, await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false));
            Succeed(user, await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Removes the account and its case assignments; the cases stay, and so do the audit lines,
    /// which keep the login. An admin cannot remove their own account, nor the last admin.
    /// </summary>
    public static async Task RemoveAsync(UserManager<IdentityUser> users, AccountsContext accounts, AccountRemoval removal, string? actingUserId)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(removal);
        var user = await FindAsync(users, removal.Email).ConfigureAwait(false);
        if (user.Id == actingUserId)
        {
            throw new RequestRefusedException(Localized.Format(WebText.Admin_NotYourself, user.Email ?? ""));
        }

        if (await users.IsInRoleAsync(user, Roles.Admin).ConfigureAwait(false))
        {
            await KeepAnAdminAsync(users, user).ConfigureAwait(false);
        }

        accounts.CaseAssignments.RemoveRange(await accounts.CaseAssignments.Where(a => a.UserId == user.Id).ToListAsync().ConfigureAwait(false));
        await accounts.SaveChangesAsync().ConfigureAwait(false);
        Succeed(user, await users.DeleteAsync(user).ConfigureAwait(false));
    }

    private static string KnownRole(string? role) =>
        role is not null && Roles.All.Contains(role) ? role : throw new RequestRefusedException(Localized.Format(WebText.Admin_BadRole, role ?? "", string.Join("、", Roles.All.Select(Roles.Name))));

    private static async Task<IdentityUser> FindAsync(UserManager<IdentityUser> users, string? email)
    {
        var login = WebInput.Required(email, "email");
        return await users.FindByEmailAsync(login).ConfigureAwait(false) ?? throw new RequestRefusedException(Localized.Format(WebText.Admin_NoSuchAccount, login));
    }

    private static async Task KeepAnAdminAsync(UserManager<IdentityUser> users, IdentityUser leaving)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin).ConfigureAwait(false)).All(admin => admin.Id == leaving.Id))
        {
            throw new RequestRefusedException(Localized.Format(WebText.Admin_LastAdmin, leaving.Email ?? ""));
        }
    }

    private static void Succeed(IdentityUser user, IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new RequestRefusedException(Localized.Format(WebText.Admin_ChangeRefused, user.Email ?? "", string.Join(" ", result.Errors.Select(e => e.Description))));
        }
    }
}
