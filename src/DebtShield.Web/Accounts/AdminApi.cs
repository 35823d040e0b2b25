using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Accounts;

/// <summary>The answer to an account made: its e-mail address as kept.</summary>
/// <param name="Email">The address, trimmed.</param>
public sealed record AddedAccount(string Email);

/// <summary><c>/api/v1/admin</c> (multi-user mode, admins only): accounts, case assignments and the audit log.</summary>
public static class AdminApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/accounts", async (AccountsContext accounts, LedgerGate gate, CancellationToken token) =>
            TypedResults.Ok(await AccountDesk.ListAsync(accounts, await gate.OpenAsync(token), token))).WithName("ListAccounts");
        admin.MapPost("/accounts", async (NewAccount body, UserManager<IdentityUser> users) =>
        {
            await AccountDesk.CreateAsync(users, body.Email, body.Password, body.Role);
            return Results.Created("/api/v1/admin/accounts", new AddedAccount(body.Email.Trim()));
        }).WithName("AddAccount");
        admin.MapPost("/accounts/role", async (RoleChange body, UserManager<IdentityUser> users) =>
        {
            await AccountDesk.SetRoleAsync(users, body);
            return Results.NoContent();
        }).WithName("SetRole");
        admin.MapPost("/accounts/password", async (PasswordReset body, UserManager<IdentityUser> users) =>
        {
            await AccountDesk.ResetPasswordAsync(users, body);
            return Results.NoContent();
        }).WithName("ResetPassword");
        admin.MapPost("/accounts/remove", async (AccountRemoval body, UserManager<IdentityUser> users, AccountsContext accounts, HttpContext http) =>
        {
            await AccountDesk.RemoveAsync(users, accounts, body, CaseRoster.UserIdOf(http.User));
            return Results.NoContent();
        }).WithName("RemoveAccount");
        admin.MapGet("/cases", async (LedgerGate gate, CancellationToken token) =>
            TypedResults.Ok(await AccountDesk.CasesAsync(await gate.OpenAsync(token), token))).WithName("ListAllCases")
            .WithSummary("Every case on the server with its id, to assign (assignments name a case by this id)");
        admin.MapGet("/audit", async ([FromQuery] string? user, [FromQuery(Name = "case")] Guid? caseId, [FromQuery] int? page, AccountsContext accounts, LedgerGate gate, CancellationToken token) =>
            TypedResults.Ok(await AuditLog.ReadAsync(accounts, await gate.OpenAsync(token), user, caseId, page ?? 1, token))).WithName("ReadAuditLog")
            .WithSummary("The audit log, newest first; case takes a case's id");
        admin.MapPost("/assignments", async (Assignment body, UserManager<IdentityUser> users, AccountsContext accounts, LedgerGate gate, CancellationToken token) =>
        {
            await AccountDesk.AssignAsync(users, accounts, await gate.OpenAsync(token), body, give: true, token);
            return Results.NoContent();
        }).WithName("AssignCase")
            .WithSummary("Lets an account see a case, named by its id");
        admin.MapPost("/assignments/remove", async (Assignment body, UserManager<IdentityUser> users, AccountsContext accounts, LedgerGate gate, CancellationToken token) =>
        {
            await AccountDesk.AssignAsync(users, accounts, await gate.OpenAsync(token), body, give: false, token);
            return Results.NoContent();
        }).WithName("UnassignCase");
    }
}
