using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Offers;

/// <summary>
/// What a lending app shows before the borrower signs: the amount, what will arrive, the term,
/// how repayment is stated, and the fees. Facts as shown, not yet a loan: <see cref="OfferSchedule"/>
/// turns them into a <see cref="Loan"/> so the existing rate and legal engines can judge them.
/// </summary>
/// <remarks>
/// Apps present the same loan in several ways ("日利率0.05%", "月费率1.5%", "每期应还 ¥368.50 共12期",
/// "借1000元每天只需0.5元"); <see cref="Repayment"/> holds whichever was shown. When the app shows
/// the instalment itself, that figure is the fact and any rate shown beside it is only advertised.
/// </remarks>
public sealed record LoanOffer
{
    /// <summary>The contract amount (借款金额).</summary>
    public required Money Amount { get; init; }

    /// <summary>What the app says will arrive (到账金额); <see langword="null"/> when the whole amount arrives.</summary>
    public Money? Arrives { get; init; }

    /// <summary>The term.</summary>
    public required OfferTerm Term { get; init; }

    /// <summary>How the repayment was shown.</summary>
    public required OfferRepayment Repayment { get; init; }

    /// <summary>A rate shown beside the instalment, if any (it is compared, not used to build the schedule).</summary>
    public AdvertisedRate? AdvertisedBeside { get; init; }

    /// <summary>Fees: service, membership, insurance, guarantee…, each paid once up front or with every instalment.</summary>
    public IReadOnlyList<OfferFee> Fees { get; init; } = [];

    /// <summary>Who lends, as far as the borrower knows.</summary>
    public Lender Lender { get; init; } = new("", LenderKind.Unknown);

    /// <summary>What the offer says about repaying early (提前还款违约金); <see langword="null"/> when it says nothing.</summary>
    public EarlyRepaymentCharge? EarlyRepayment { get; init; }

    /// <summary>The rate the offer states in its own words, for comparison: the instalment's rate or the one beside it.</summary>
    public AdvertisedRate? Advertised => Repayment switch
    {
        OfferRepayment.AtRate rate => rate.Rate,
        _ => AdvertisedBeside,
    };
}

/// <summary>A term: a number of monthly instalments, or a number of days repaid at once.</summary>
/// <param name="Count">How many months or days; positive.</param>
/// <param name="Unit">Months (分期, one instalment a month) or days (one repayment at the end).</param>
public sealed record OfferTerm(int Count, TermUnit Unit);

/// <summary>The unit of an <see cref="OfferTerm"/>.</summary>
public enum TermUnit
{
    /// <summary>Monthly instalments (12期, 12个月).</summary>
    Months,

    /// <summary>Days, repaid in one sum at the end (30天).</summary>
    Days,
}

/// <summary>How an offer states what the borrower repays.</summary>
public abstract record OfferRepayment
{
    private OfferRepayment()
    {
    }

    /// <summary>The app shows the amount of each instalment (每期应还 ¥368.50).</summary>
    /// <param name="Amount">Each instalment, fees per instalment not included.</param>
    public sealed record PerInstalment(Money Amount) : OfferRepayment;

    /// <summary>
    /// The app shows one sum repaid at the end of the term (到期还款 ¥5,000): principal, interest
    /// and fees together, in one repayment.
    /// </summary>
    /// <param name="Total">What is repaid at the end.</param>
    public sealed record AtEnd(Money Total) : OfferRepayment;

    /// <summary>
    /// The app shows a rate: per day (日利率, "借1000元每天只需0.5元"), per month (月利率) or a
    /// monthly fee rate on the original amount (月费率), or a yearly rate.
    /// </summary>
    /// <param name="Rate">The rate as shown.</param>
    public sealed record AtRate(AdvertisedRate Rate) : OfferRepayment;
}

/// <summary>A fee the offer names.</summary>
/// <param name="Name">What the app calls it (服务费, 会员费, 保险费…).</param>
/// <param name="Amount">The amount each time it is charged.</param>
/// <param name="Timing">Once at the start, or with every instalment.</param>
/// <param name="Kind">What kind of fee it is, for the verdict.</param>
public sealed record OfferFee(string Name, Money Amount, FeeTiming Timing, OfferFeeKind Kind)
{
    /// <summary>
    /// The id each kind has in the offer check's JSON (a fee's <c>kind</c>, a finding's
    /// <c>offer.fees.guarantee</c>), spelled out so that renaming a member changes neither.
    /// </summary>
    public static WireIds<OfferFeeKind> KindIds { get; } = new(
        (OfferFeeKind.Service, "service"),
        (OfferFeeKind.Guarantee, "guarantee"),
        (OfferFeeKind.Membership, "membership"),
        (OfferFeeKind.Insurance, "insurance"));
}

/// <summary>When a fee is paid.</summary>
public enum FeeTiming
{
    /// <summary>Once, at or before disbursement, paid on top of the loan.</summary>
    Upfront,

    /// <summary>Kept back from the amount before it arrives: already counted in <see cref="LoanOffer.Arrives"/>.</summary>
    Deducted,

    /// <summary>With every instalment.</summary>
    EveryInstalment,
}

/// <summary>The kinds of fee that matter for the verdict.</summary>
public enum OfferFeeKind
{
    /// <summary>Service, handling, management, consulting or other loan fees.</summary>
    Service,

    /// <summary>
    /// A guarantee fee (担保费), paid to a guarantee company the lender chose: a cost of the loan
    /// like interest, and a kind of its own because apps name it apart and courts look at it apart.
    /// </summary>
    Guarantee,

    /// <summary>A membership (会员) sold with the loan.</summary>
    Membership,

    /// <summary>Insurance sold with the loan.</summary>
    Insurance,
}

/// <summary>
/// What an offer says about repaying before the term ends (提前还款违约金): nothing to pay, a charge
/// of unknown size, a share of what is repaid early, or a sum.
/// </summary>
/// <param name="Charged">Whether repaying early costs anything.</param>
/// <param name="Fraction">The charge as a fraction of what is repaid early (0.03 for 3%), when stated.</param>
/// <param name="Amount">The charge as a sum, when stated.</param>
public sealed record EarlyRepaymentCharge(bool Charged, double? Fraction = null, Money? Amount = null)
{
    /// <summary>The offer says repaying early is free (无提前还款违约金).</summary>
    public static EarlyRepaymentCharge None { get; } = new(false);
}
