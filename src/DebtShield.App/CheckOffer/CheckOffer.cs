using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Import.LegalData;
using DebtShield.Import.LoanFiles;
using DebtShield.Import.Offers;

namespace DebtShield.App.CheckOffer;

/// <summary>
/// Use case: "should I borrow this?" An offer as the app shows it → the facts a careful person
/// reads from it → either the questions for the facts still missing, or the loan it would become
/// → the real rate (rate engine), the legal view (legal engine), the total, the monthly burden and
/// a plain verdict with its reasons. The CLI's <c>debtshield offer</c> and the web app call this.
/// </summary>
public static class CheckOffer
{
    /// <summary>
    /// Reads the offer text (may be empty), puts the request's own figures over it (they correct
    /// the text), and checks it when nothing is missing. Never refuses for a missing fact: it asks.
    /// </summary>
    /// <exception cref="RequestRefusedException">The facts make no loan (an instalment of nothing, say); the message says why.</exception>
    public static CheckOfferOutcome Run(string offerText, CheckOfferRequest request)
    {
        ArgumentNullException.ThrowIfNull(offerText);
        ArgumentNullException.ThrowIfNull(request);
        var reading = OfferTextReader.Read(offerText);
        var draft = reading.Draft;
        request.Figures.ApplyTo(draft);
        var kind = request.LenderKind ?? (request.LenderName is { } name ? CheckLender.CheckLender.KindOf(name) : LenderKind.Unknown);
        var offer = draft.ToOffer(new Lender(request.LenderName ?? "", kind));
        return new CheckOfferOutcome(
            OfferReadFigures.From(draft),
            reading.Unread,
            [.. draft.Questions().Select(q => new OfferQuestionFigure(FactId(q.Fact), q.Text))],
            offer is null ? null : Check(offer, request));
    }

    private static string FactId(OfferFact fact) => fact switch
    {
        OfferFact.Amount => "amount",
        OfferFact.Arrives => "arrives",
        OfferFact.Term => "term",
        OfferFact.Repayment => "repayment",
    };

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
    /// <summary>Figures given outside the text (form fields, command-line options); they correct what the text says.</summary>
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

    /// <summary>The one sum repaid at the end (到期还款), in yuan.</summary>
    public decimal? AtEnd { get; init; }

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

    /// <summary>Puts the figures over what the text said: a figure given here corrects the text.</summary>
    internal void ApplyTo(OfferDraft draft)
    {
        var rate = new[]
        {
            (Percent: DailyRatePercent, Per: RatePer.Day, Method: AdvertisedMethod.Nominal),
            (Percent: MonthlyRatePercent, Per: RatePer.Month, Method: AdvertisedMethod.Nominal),
            (Percent: MonthlyFeeRatePercent, Per: RatePer.Month, Method: AdvertisedMethod.FeeRate),
            (Percent: AnnualRatePercent, Per: RatePer.Year, Method: AdvertisedMethod.Unknown),
        }.Where(r => r.Percent is >= 0 and <= OfferFigureLimits.LargestRatePercent).Select(r => new AdvertisedRate((double)(r.Percent!.Value / 100m), r.Per, r.Method)).FirstOrDefault();
        draft.Correct(
            Yuan(Amount),
            Yuan(Arrives),
            Months is { } months ? Term(months, TermUnit.Months) : Days is { } days ? Term(days, TermUnit.Days) : null,
            Yuan(Instalment),
            Yuan(AtEnd),
            rate);
        foreach (var fee in Fees.Where(f => f.Value > 0))
        {
            draft.AddFee(fee.Key, new Money(fee.Value), everyInstalment: false);
        }

        foreach (var fee in FeesEachInstalment.Where(f => f.Value > 0))
        {
            draft.AddFee(fee.Key, new Money(fee.Value), everyInstalment: true);
        }
    }

    private static Money? Yuan(decimal? yuan) => yuan is > 0 and <= Loan.LargestAmount ? new Money(yuan.Value) : null;

    private static OfferTerm? Term(int count, TermUnit unit) => count is >= 1 and <= OfferDraft.LongestTerm ? new OfferTerm(count, unit) : null;
}

/// <summary>The bounds a figure given outside the text must keep to be used.</summary>
public static class OfferFigureLimits
{
    /// <summary>The largest rate taken, in percent per its unit (1000%).</summary>
    public const decimal LargestRatePercent = 1000m;
}
