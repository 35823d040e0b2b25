using DebtShield.Web.Api;
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
        admin.MapPost("/accounts", async (HttpContext http, UserManager<IdentityUser> users) =>
        {
            var read = await JsonBody.ReadAsync<NewAccount>(http);
            if (read.Refusal is { } refused)
            {
                return refused;
            }

            var body = read.Value!;
            await AccountDesk.CreateAsync(users, body.Email, body.Password, body.Role);
            return Results.Created("/api/v1/admin/accounts", new AddedAccount(body.Email.Trim()));
        }).Accepts<NewAccount>("application/json").WithName("AddAccount");
        admin.MapPost("/accounts/role", async (HttpContext http, UserManager<IdentityUser> users) =>
        {
            var read = await JsonBody.ReadAsync<RoleChange>(http);
            if (read.Refusal is { } refused)
            {
                return refused;
            }

            var body = read.Value!;
            await AccountDesk.SetRoleAsync(users, body);
            return Results.NoContent();
        }).Accepts<RoleChange>("application/json").WithName("SetRole");
        admin.MapPost("/accounts/password", async (HttpContext http, UserManager<IdentityUser> users) =>
        {
            var read = await JsonBody.ReadAsync<PasswordReset>(http);
            if (read.Refusal is { } refused)
            {
                return refused;
            }

            var body = read.Value!;
            await AccountDesk.ResetPasswordAsync(users, body);
            return Results.NoContent();
        }).Accepts<PasswordReset>("application/json").WithName("ResetPassword");
        admin.MapPost("/accounts/remove", async (HttpContext http, UserManager<IdentityUser> users, AccountsContext accounts) =>
        {
            var read = await JsonBody.ReadAsync<AccountRemoval>(http);
            if (read.Refusal is { } refused)
            {
                return refused;
            }

            var body = read.Value!;
            await AccountDesk.RemoveAsync(users, accounts, body, CaseRoster.UserIdOf(http.User));
            return Results.NoContent();
        }).Accepts<AccountRemoval>("application/json").WithName("RemoveAccount");
        admin.MapGet("/cases", async (LedgerGate gate, CancellationToken token) =>
            TypedResults.Ok(await AccountDesk.CasesAsync(await gate.OpenAsync(token), token))).WithName("ListAllCases")
            .WithSummary("Every case on the server with its id, to assign (assignments name a case by this id)");
        admin.MapGet("/audit", async ([FromQuery] string? user, [FromQuery(Name = "case")] Guid? caseId, [FromQuery] int? page, AccountsContext accounts, LedgerGate gate, CancellationToken token) =>
            TypedResults.Ok(await AuditLog.ReadAsync(accounts, await gate.OpenAsync(token), user, caseId, page ?? 1, token))).WithName("ReadAuditLog")
            .WithSummary("The audit log, newest first; case takes a case's id");
        admin.MapPost("/assignments", async (HttpContext http, UserManager<IdentityUser> users, AccountsContext accounts, LedgerGate gate, CancellationToken token) =>
        {
            var read = await JsonBody.ReadAsync<Assignment>(http);
            if (read.Refusal is { } refused)
            {
                return refused;
            }

            var body = read.Value!;
            await AccountDesk.AssignAsync(users, accounts, await gate.OpenAsync(token), body, give: true, token);
            return Results.NoContent();
        }).Accepts<Assignment>("application/json").WithName("AssignCase")
            .WithSummary("Lets an account see a case, named by its id");
        admin.MapPost("/assignments/remove", async (HttpContext http, UserManager<IdentityUser> users, AccountsContext accounts, LedgerGate gate, CancellationToken token) =>
        {
            var read = await JsonBody.ReadAsync<Assignment>(http);
            if (read.Refusal is { } refused)
            {
                return refused;
            }

            var body = read.Value!;
            await AccountDesk.AssignAsync(users, accounts, await gate.OpenAsync(token), body, give: false, token);
            return Results.NoContent();
        }).Accepts<Assignment>("application/json").WithName("UnassignCase");
    }
}
