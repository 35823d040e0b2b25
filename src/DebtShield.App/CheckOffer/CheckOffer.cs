using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Import.LegalData;
using DebtShield.Import.LoanFiles;
using DebtShield.Import.Offers;

namespace DebtShield.App.CheckOffer;

/// <summary>
/// Use case: "should I borrow this?" An offer as the app shows it → the loan it would become →
/// the real rate (rate engine), the legal view (legal engine), the total, the monthly burden and
/// a plain verdict with its reasons. The CLI's <c>debtshield offer</c> and the web app call this.
/// </summary>
public static class CheckOffer
{
    /// <summary>Reads the offer text (may be empty), applies <paramref name="request"/>'s own figures on top, and checks it.</summary>
    /// <exception cref="RequestRefusedException">The offer cannot be read or is incomplete; the message lists every problem.</exception>
    public static CheckOfferReport Run(string offerText, CheckOfferRequest request)
    {
        ArgumentNullException.ThrowIfNull(offerText);
        ArgumentNullException.ThrowIfNull(request);
        var reading = OfferTextReader.Read(offerText);
        var draft = reading.Draft;
        var errors = reading.Errors.Select(e => e.Describe()).ToList();
        foreach (var problem in request.Figures.ApplyTo(draft))
        {
            errors.Add(problem);
        }

        var kind = request.LenderKind ?? (request.LenderName is { } name ? CheckLender.CheckLender.KindOf(name) : LenderKind.Unknown);
        var lender = new Lender(request.LenderName ?? "", kind);
        var complete = draft.ToOffer(lender);
        errors.AddRange(complete.Errors.Select(e => e.Describe()));
        if (errors.Count > 0 || complete.Offer is not { } offer)
        {
            throw new RequestRefusedException(string.Join("；", errors));
        }

        return Check(offer, request);
    }

    /// <summary>Checks a complete offer.</summary>
    public static CheckOfferReport Check(LoanOffer offer, CheckOfferRequest request)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(request);
        var creation = OfferSchedule.ToLoan(offer, request.Today);
        if (!creation.Succeeded)
        {
            throw new RequestRefusedException(LoanProblemText.Describe(creation.Problems));
        }

        var rules = LegalDataReader.Rules;
        var assessment = LegalCheck.Of(creation.Loan, rules, new CheckOptions(request.Today));
        var facts = new OfferFacts(offer, assessment, rules, request.MonthlyIncome, request.MonthlyEssentials);
        return CheckOfferReport.From(OfferCheck.Of(facts)) with
        {
            LenderCheck = offer.Lender.Name.Length > 0 ? CheckLender.CheckLender.Run(offer.Lender.Name) : null,
        };
    }
}

/// <summary>What to check an offer against.</summary>
/// <param name="Today">The signing day: today in China Standard Time, from the caller's clock.</param>
/// <param name="MonthlyIncome">The borrower's monthly income, if given.</param>
/// <param name="MonthlyEssentials">Essential monthly expenses, if given.</param>
/// <param name="LenderName">The lender or app name, if given.</param>
/// <param name="LenderKind">The lender's kind, if known from the contract; else the lender check decides from <paramref name="LenderName"/>.</param>
public sealed record CheckOfferRequest(
    DateOnly Today,
    Money? MonthlyIncome = null,
    Money? MonthlyEssentials = null,
    string? LenderName = null,
    LenderKind? LenderKind = null)
{
    /// <summary>Figures given outside the text (command-line options); they join what the text says.</summary>
    public OfferFigures Figures { get; init; } = new();
}

/// <summary>
/// An offer's figures given one by one (command-line options, form fields) rather than as text.
/// Rates are percentages as apps show them (0.05 for 0.05%).
/// </summary>
public sealed record OfferFigures
{
    /// <summary>The contract amount in yuan.</summary>
    public decimal? Amount { get; init; }

    /// <summary>What arrives, in yuan.</summary>
    public decimal? Arrives { get; init; }

    /// <summary>The term in monthly instalments.</summary>
    public int? Months { get; init; }

    /// <summary>The term in days, repaid at once.</summary>
    public int? Days { get; init; }

    /// <summary>Each instalment in yuan.</summary>
    public decimal? Instalment { get; init; }

    /// <summary>A day rate in percent (日利率).</summary>
    public decimal? DailyRatePercent { get; init; }

    /// <summary>A month rate in percent (月利率).</summary>
    public decimal? MonthlyRatePercent { get; init; }

    /// <summary>A monthly fee rate in percent on the original amount (月费率).</summary>
    public decimal? MonthlyFeeRatePercent { get; init; }

    /// <summary>A yearly rate in percent (年利率).</summary>
    public decimal? AnnualRatePercent { get; init; }

    /// <summary>One-off fees: name and yuan.</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> Fees { get; init; } = [];

    /// <summary>Fees with every instalment: name and yuan.</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> FeesEachInstalment { get; init; } = [];

    /// <summary>Adds the figures to <paramref name="draft"/>; returns every conflict with what the text said.</summary>
    internal IEnumerable<string> ApplyTo(OfferDraft draft)
    {
        IEnumerable<string?> Apply()
        {
            if (Amount is { } amount)
            {
                yield return draft.SetAmount(new Money(amount));
            }

            if (Arrives is { } arrives)
            {
                yield return draft.SetArrives(new Money(arrives));
            }

            if (Months is { } months)
            {
                yield return draft.SetTerm(new OfferTerm(months, TermUnit.Months));
            }

            if (Days is { } days)
            {
                yield return draft.SetTerm(new OfferTerm(days, TermUnit.Days));
            }

            if (Instalment is { } each)
            {
                yield return draft.SetInstalment(new Money(each), null);
            }

            foreach (var (percent, per, method) in new[]
            {
                (DailyRatePercent, RatePer.Day, AdvertisedMethod.Nominal),
                (MonthlyRatePercent, RatePer.Month, AdvertisedMethod.Nominal),
                (MonthlyFeeRatePercent, RatePer.Month, AdvertisedMethod.FeeRate),
                (AnnualRatePercent, RatePer.Year, AdvertisedMethod.Unknown),
            })
            {
                if (percent is { } value)
                {
                    yield return draft.SetRatePercent(value, per, method);
                }
            }

            foreach (var fee in Fees)
            {
                yield return draft.AddFee(fee.Key, new Money(fee.Value), everyInstalment: false);
            }

            foreach (var fee in FeesEachInstalment)
            {
                yield return draft.AddFee(fee.Key, new Money(fee.Value), everyInstalment: true);
            }
        }

        return Apply().OfType<string>().ToArray();
    }
}
