using DebtShield.App.CheckOffer;
using DebtShield.Core;
using DebtShield.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DebtShield.Web.Api;

/// <summary>
/// An offer to check: the terms as the app shows them, optionally the figures a form gave (they
/// correct the text), the lender, the monthly income and essential expenses.
/// </summary>
public sealed record OfferCheck(string? Offer, string? Lender, decimal? Income, decimal? Expenses = null, OfferFigures? Figures = null);

/// <summary>
/// <c>/api/v1/offer</c>: the "before borrowing" check of an offer's real cost; nothing is stored.
/// An offer that does not yet say everything is answered with the facts read and the questions for
/// the rest, not refused.
/// </summary>
public static class OfferApi
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/offer", async Task<Results<Ok<CheckOfferOutcome>, StatusCodeHttpResult>> (HttpContext http, TimeProvider time) =>
        {
            var read = await JsonBody.ReadAsync<OfferCheck>(http);
            if (read.Refusal is { } refused)
            {
                return refused;
            }

            var body = read.Value!;
            return TypedResults.Ok(CheckOffer.Run(body.Offer ?? "", new CheckOfferRequest(
                ChinaStandardTime.Today(time),
                body.Income is > 0 and var income ? new Money(income) : null,
                body.Expenses is >= 0 and var expenses ? new Money(expenses) : null,
                string.IsNullOrWhiteSpace(body.Lender) ? null : body.Lender.Trim())
            {
                Figures = body.Figures ?? new OfferFigures(),
            }));
        }).Accepts<OfferCheck>("application/json").WithName("CheckOffer").CaseFree();
    }
}
