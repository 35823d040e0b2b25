using DebtShield.Core.Cases;
using DebtShield.Web.Accounts;
using DebtShield.Web.Forms;
using DebtShield.Web.Hosting;

namespace DebtShield.Web.Api;

/// <summary>A case as the API lists it: its id (what <c>?case=</c> takes), title and size; the borrower's details stay on the case page.</summary>
/// <param name="Id">The case's id: every route about the case names it by this, as <c>?case=</c>.</param>
/// <param name="Title">The title (unique among the account's cases).</param>
/// <param name="Loans">How many loans it holds.</param>
/// <param name="CreatedAt">When it was opened.</param>
public sealed record CaseFigure(Guid Id, string Title, int Loans, DateTimeOffset CreatedAt);

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
            return TypedResults.Ok(cases.Select(c => new CaseFigure(c.Id, c.Profile.Title, c.Loans, c.CreatedAt)).ToList());
        }).WithName("ListCases").CaseFree()
            .WithSummary("The cases the caller may see, with the id every case route takes as ?case=");
        api.MapPost("/cases", async (HttpContext http, CaseRoster roster, TimeProvider time) =>
        {
            var body = await JsonBody.ReadAsync<NewCase>(http);
            if (body.Refusal is { } refused)
            {
                return refused;
            }

            var profile = new CaseProfile(WebInput.Required(body.Value!.Title, "title"));
            var id = await roster.AddAsync(http, profile, time);
            return Results.Created(RequestedCase.LinkTo(id, "/api/v1/loans"), new CaseFigure(id, profile.Title, 0, time.GetUtcNow()));
        }).Accepts<NewCase>("application/json").WithName("AddCase").CaseFree()
            .WithSummary("Opens a case; the answer's id is what ?case= takes on every case route");
    }
}
