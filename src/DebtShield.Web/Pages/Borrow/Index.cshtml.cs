using System.Globalization;
using DebtShield.App;
using DebtShield.App.CheckOffer;
using DebtShield.App.Input;
using DebtShield.Core;
using DebtShield.Web.Api;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Borrow;

/// <summary>
/// 借之前: paste what the app offers (日利率 0.05%, 借1000元每天只需…, 每期应还…共12期), and see the
/// real annual rate, whether it is above the legal cap, what it costs, and what it does to the
/// monthly budget, before signing. Nothing is stored.
/// </summary>
public sealed class IndexModel(LedgerGate gate, TimeProvider time) : LedgerPage(gate, time)
{
    /// <summary>The offer as the app shows it.</summary>
    [BindProperty]
    public string? Offer { get; set; }

    /// <summary>The lender or app, if known.</summary>
    [BindProperty]
    public string? Lender { get; set; }

    /// <summary>Monthly income, for the share of it the instalment would take.</summary>
    [BindProperty]
    public string? Income { get; set; }

    /// <summary>The check, once asked for.</summary>
    public CheckOfferReport? Report { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the offer; a text that does not read is answered with every problem in it.</summary>
    public IActionResult OnPost()
    {
        try
        {
            Money? income = null;
            if (!string.IsNullOrWhiteSpace(Income))
            {
                income = FactText.TryAmount(Income, out var yuan) && yuan > 0 ? new Money(yuan) : throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Invalid, "income", Income));
            }

            Report = CheckOffer.Run(WebInput.Required(Offer, "offer"), new CheckOfferRequest(Today, income, null, string.IsNullOrWhiteSpace(Lender) ? null : Lender.Trim()));
        }
        catch (RequestRefusedException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
