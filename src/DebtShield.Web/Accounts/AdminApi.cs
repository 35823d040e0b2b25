using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace DebtShield.Web.Accounts;

/// <summary><c>/api/v1/admin</c> (multi-user mode, admins only): accounts and case assignments.</summary>
public static class AdminApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/accounts", async (AccountsContext accounts, LedgerGate gate, CancellationToken token) =>
            await AccountDesk.ListAsync(accounts, await gate.OpenAsync(token), token)).WithName("ListAccounts");
        admin.MapPost("/accounts", async (NewAccount body, UserManager<IdentityUser> users) =>
        {
            await AccountDesk.CreateAsync(users, body.Email, body.Password, body.Role);
            return Results.Created("/api/v1/admin/accounts", new { email = body.Email.Trim() });
        }).WithName("AddAccount");
        admin.MapPost("/assignments", async (Assignment body, AccountsContext accounts, LedgerGate gate, CancellationToken token) =>
        {
            await AccountDesk.AssignAsync(accounts, await gate.OpenAsync(token), body, give: true, token);
            return Results.NoContent();
        }).WithName("AssignCase");
        admin.MapPost("/assignments/remove", async (Assignment body, AccountsContext accounts, LedgerGate gate, CancellationToken token) =>
        {
            await AccountDesk.AssignAsync(accounts, await gate.OpenAsync(token), body, give: false, token);
            return Results.NoContent();
        }).WithName("UnassignCase");
    }
}
