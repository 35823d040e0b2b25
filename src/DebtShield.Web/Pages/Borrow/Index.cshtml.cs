using System.Globalization;
using DebtShield.App;
using DebtShield.App.CheckOffer;
using DebtShield.App.Input;
using DebtShield.Core;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Borrow;

/// <summary>
/// 借之前: paste what the app offers as it shows it (借10000元，分12期，每期还1045元，日利率低至0.02%…),
/// see the facts read from it in form fields, answer the questions for what it does not say, and
/// get the real annual rate, the legal line for the lender's kind, what it costs, and what it does
/// to the monthly budget, before signing. Nothing is stored.
/// </summary>
public sealed class IndexModel(LedgerGate gate, TimeProvider time) : LedgerPage(gate, time)
{
    /// <summary>The offer as the app shows it.</summary>
    [BindProperty]
    public string? Offer { get; set; }

    /// <summary>The lender or app, if known.</summary>
    [BindProperty]
    public string? Lender { get; set; }

    /// <summary>Monthly income.</summary>
    [BindProperty]
    public string? Income { get; set; }

    /// <summary>Essential monthly expenses; with the income, the monthly burden is worked out.</summary>
    [BindProperty]
    public string? Expenses { get; set; }

    /// <summary>The loan amount, as read or corrected.</summary>
    [BindProperty]
    public string? Amount { get; set; }

    /// <summary>What arrives, as read or corrected.</summary>
    [BindProperty]
    public string? Arrives { get; set; }

    /// <summary>The term's count.</summary>
    [BindProperty]
    public string? TermCount { get; set; }

    /// <summary>"months" or "days".</summary>
    [BindProperty]
    public string? TermUnit { get; set; }

    /// <summary>Each instalment.</summary>
    [BindProperty]
    public string? Instalment { get; set; }

    /// <summary>One sum repaid at the end.</summary>
    [BindProperty]
    public string? AtEnd { get; set; }

    /// <summary>The rate shown, in percent.</summary>
    [BindProperty]
    public string? RatePercent { get; set; }

    /// <summary>"day", "month", "monthfee" or "year".</summary>
    [BindProperty]
    public string? RatePer { get; set; }

    /// <summary>What was read and asked, once the offer was sent.</summary>
    public CheckOfferOutcome? Outcome { get; private set; }

    /// <summary>The check, once nothing is missing.</summary>
    public CheckOfferReport? Report => Outcome?.Report;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Reads the offer and the fields; asks for what is missing, or checks it.</summary>
    public IActionResult OnPost()
    {
        try
        {
            var figures = new OfferFigures
            {
                Amount = Yuan(Amount, WebText.Borrow_Amount),
                Arrives = Yuan(Arrives, WebText.Borrow_ArrivesField),
                Months = TermUnit == "days" ? null : Count(TermCount),
                Days = TermUnit == "days" ? Count(TermCount) : null,
                Instalment = Yuan(Instalment, WebText.Borrow_InstalmentField),
                AtEnd = Yuan(AtEnd, WebText.Borrow_AtEnd),
                DailyRatePercent = RatePer == "day" ? Percent(RatePercent) : null,
                MonthlyRatePercent = RatePer == "month" ? Percent(RatePercent) : null,
                MonthlyFeeRatePercent = RatePer == "monthfee" ? Percent(RatePercent) : null,
                AnnualRatePercent = RatePer == "year" ? Percent(RatePercent) : null,
            };
            var income = Yuan(Income, WebText.Borrow_Income);
            var expenses = Yuan(Expenses, WebText.Borrow_Expenses);
            Outcome = CheckOffer.Run(Offer ?? "", new CheckOfferRequest(
                Today,
                income is > 0 ? new Money(income.Value) : null,
                expenses is { } e ? new Money(e) : null,
                string.IsNullOrWhiteSpace(Lender) ? null : Lender.Trim())
            {
                Figures = figures,
            });
            Fill(Outcome.Read);
        }
        catch (RequestRefusedException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>The question for a field, when the check asks for it.</summary>
    public string? QuestionFor(string fact) => Outcome?.Questions.FirstOrDefault(q => q.Fact == fact)?.Text;

    /// <summary>Shows what was read in the fields the person did not fill in themselves.</summary>
    private void Fill(OfferReadFigures read)
    {
        Amount = Given(Amount) ?? Write(read.Amount);
        Arrives = Given(Arrives) ?? Write(read.Arrives);
        TermCount = Given(TermCount) ?? read.TermCount?.ToString(CultureInfo.InvariantCulture);
        TermUnit = read.TermUnit ?? TermUnit ?? "months";
        Instalment = Given(Instalment) ?? Write(read.Instalment);
        AtEnd = Given(AtEnd) ?? Write(read.AtEnd);
        RatePercent = Given(RatePercent) ?? read.RatePercent?.ToString("0.######", CultureInfo.InvariantCulture);
        RatePer = read.RatePer is { } per ? (per == "month" && read.RateIsFeeRate ? "monthfee" : per) : RatePer ?? "day";
    }

    private static string? Given(string? field) => string.IsNullOrWhiteSpace(field) ? null : field.Trim();

    private static string? Write(decimal? yuan) => yuan?.ToString("0.##", CultureInfo.InvariantCulture);

    private static decimal? Yuan(string? field, string label)
    {
        if (Given(field) is not { } text)
        {
            return null;
        }

        return FactText.TryAmount(text, out var yuan) && yuan >= 0 ? yuan : throw Unreadable(label, text);
    }

    private static int? Count(string? field) =>
        Given(field) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count
        : throw Unreadable(WebText.Borrow_Term, text);

    private static decimal? Percent(string? field)
    {
        if (Given(field) is not { } text)
        {
            return null;
        }

        return decimal.TryParse(text.TrimEnd('%', ' '), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent <= OfferFigureLimits.LargestRatePercent
            ? percent
            : throw Unreadable(WebText.Borrow_Rate, text);
    }

    private static RequestRefusedException Unreadable(string label, string text) =>
        new(string.Format(CultureInfo.CurrentCulture, WebText.Borrow_BadField, label, text));
}
