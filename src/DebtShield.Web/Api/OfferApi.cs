using DebtShield.App.CheckOffer;
using DebtShield.Core;

namespace DebtShield.Web.Api;

/// <summary>An offer to check: the terms as the app shows them, and optionally the lender and monthly income.</summary>
public sealed record OfferCheck(string? Offer, string? Lender, decimal? Income);

/// <summary><c>/api/v1/offer</c>: the "before borrowing" check of an offer's real cost; nothing is stored.</summary>
public static class OfferApi
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/offer", (OfferCheck body, TimeProvider time) =>
            CheckOffer.Run(WebInput.Required(body.Offer, "offer"), new CheckOfferRequest(
                ChinaStandardTime.Today(time),
                body.Income is > 0 and var income ? new Money(income) : null,
                null,
                string.IsNullOrWhiteSpace(body.Lender) ? null : body.Lender.Trim()))).WithName("CheckOffer");
    }
}
