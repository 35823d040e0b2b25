using System.Globalization;
using DebtShield.App.RateLoans;
using DebtShield.App.Resources;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Core.Reading;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.Offers;

namespace DebtShield.App.CheckOffer;

/// <summary>
/// What the offer check answers: the facts read (for the form fields a page shows them in), the
/// parts of the text not used, the questions for the facts still missing, and the report once
/// nothing is missing. Rates are fractions, money is yuan.
/// </summary>
/// <param name="Read">The facts read from the text and the figures given.</param>
/// <param name="Unread">What the text holds that was not used, line by line: each at its line, quoted (written <c>{line, text, reason}</c>).</param>
/// <param name="Questions">One question a missing fact, in the borrower's words; empty when the check ran.</param>
/// <param name="Report">The check, when nothing is missing.</param>
public sealed record CheckOfferOutcome(
    OfferReadFigures Read,
    IReadOnlyList<ReadingProblem> Unread,
    IReadOnlyList<OfferQuestionFigure> Questions,
    CheckOfferReport? Report);

/// <summary>A question for a missing fact.</summary>
/// <param name="Fact">amount, arrives, term or repayment: the field it fills.</param>
/// <param name="Text">The question in the current UI language ("借多少钱？").</param>
public sealed record OfferQuestionFigure(string Fact, string Text);

/// <summary>A fee as read.</summary>
/// <param name="Name">What the offer calls it.</param>
/// <param name="Kind">service, guarantee, membership or insurance.</param>
/// <param name="KindText">The kind in the current UI language.</param>
/// <param name="Amount">Yuan each time it is charged.</param>
/// <param name="EachInstalment">Charged with every instalment, else once.</param>
public sealed record OfferFeeFigure(string Name, string Kind, string KindText, decimal Amount, bool EachInstalment);

/// <summary>The facts read from an offer, as figures a form can show and send back.</summary>
public sealed record OfferReadFigures
{
    /// <summary>The loan amount.</summary>
    public decimal? Amount { get; init; }

    /// <summary>A credit line or maximum the offer shows (最高可借): never the loan.</summary>
    public decimal? Limit { get; init; }

    /// <summary>What arrives.</summary>
    public decimal? Arrives { get; init; }

    /// <summary>The term's count.</summary>
    public int? TermCount { get; init; }

    /// <summary>"months" or "days".</summary>
    public string? TermUnit { get; init; }

    /// <summary>Each instalment.</summary>
    public decimal? Instalment { get; init; }

    /// <summary>The one sum repaid at the end.</summary>
    public decimal? AtEnd { get; init; }

    /// <summary>The rate shown, in percent as apps show it (0.05 for 0.05%).</summary>
    public decimal? RatePercent { get; init; }

    /// <summary>"day", "month" or "year".</summary>
    public string? RatePer { get; init; }

    /// <summary>Whether the rate is a fee rate on the original amount (月费率).</summary>
    public bool RateIsFeeRate { get; init; }

    /// <summary>The fees.</summary>
    public IReadOnlyList<OfferFeeFigure> Fees { get; init; } = [];

    /// <summary>What the offer says about repaying early, in the current UI language; null when it says nothing.</summary>
    public string? EarlyRepayment { get; init; }

    /// <summary>The figures of a draft.</summary>
    internal static OfferReadFigures From(OfferDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new OfferReadFigures
        {
            Amount = draft.Amount?.Yuan,
            Limit = draft.Limit?.Yuan,
            Arrives = draft.Arrives?.Yuan,
            TermCount = draft.Term?.Count,
            TermUnit = draft.Term is { } term ? (term.Unit == Core.Offers.TermUnit.Months ? "months" : "days") : null,
            Instalment = draft.Instalment?.Yuan,
            AtEnd = draft.AtEnd?.Yuan,
            RatePercent = draft.Rate is { } rate ? Math.Round((decimal)rate.Value * 100m, 6) : null,
            RatePer = draft.Rate?.Per switch
            {
                Core.Loans.RatePer.Day => "day",
                Core.Loans.RatePer.Month => "month",
                Core.Loans.RatePer.Year => "year",
                null => null,
            },
            RateIsFeeRate = draft.Rate is { Method: AdvertisedMethod.FeeRate },
            Fees = [.. draft.Fees.Select(f => Fee(f.Name, f.Amount, f.EveryInstalment))],
            EarlyRepayment = draft.EarlyRepayment switch
            {
                null => null,
                { Charged: false } => CheckText.OfferEarly_Free,
                { Fraction: { } fraction } => string.Format(CultureInfo.CurrentCulture, CheckText.OfferEarly_Share, RateLoanReport.Percent(fraction)),
                { Amount: { } amount } => string.Format(CultureInfo.CurrentCulture, CheckText.OfferEarly_Amount, amount),
                _ => CheckText.OfferEarly_Unstated,
            },
        };
    }

    /// <summary>What each kind of fee is called, under its id.</summary>
    private static MemberTexts<OfferFeeKind> FeeNames { get; } = MemberTexts.ByWireId<OfferFeeKind>(CheckText.ResourceManager, "OfferFee_", OfferFee.KindIds);

    private static OfferFeeFigure Fee(string name, Money amount, bool each)
    {
        var kind = OfferDraft.FeeKindOf(name);
        var id = OfferFee.KindIds.Of(kind);
        return new OfferFeeFigure(name, id, FeeNames.Text(kind), amount.Yuan, each);
    }
}
