using DebtShield.App.Cases;
using DebtShield.Core.Cases;
using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;

namespace DebtShield.Web.Api;

/// <summary>A case as the API lists it: its title and size; the borrower's details stay on the case page.</summary>
public sealed record CaseFigure(string Title, int Loans, DateTimeOffset CreatedAt);

/// <summary>A new case.</summary>
public sealed record NewCase(string Title);

/// <summary><c>/api/v1/cases</c>: list and open cases.</summary>
public static class CaseApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/cases", async (HttpContext http, CaseRoster roster) =>
        {
            var cases = await roster.VisibleAsync(http);
            return cases.Select(c => new CaseFigure(c.Profile.Title, c.Loans, c.CreatedAt)).ToList();
        }).WithName("ListCases");
        api.MapPost("/cases", async (NewCase body, HttpContext http, CaseRoster roster, LedgerGate gate, TimeProvider time, CancellationToken token) =>
        {
            await roster.AddedAsync(http, await CaseBook.AddAsync(await gate.OpenAsync(token), new CaseProfile(WebInput.Required(body.Title, "title")), time, token));
            return Results.Created("/api/v1/loans?case=" + Uri.EscapeDataString(body.Title.Trim()), new CaseFigure(body.Title.Trim(), 0, time.GetUtcNow()));
        }).WithName("AddCase");
    }
}
