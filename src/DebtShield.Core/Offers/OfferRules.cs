using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Offers;

/// <summary>What an offer rule concluded, and how much it should weigh on the decision.</summary>
public enum OfferSeverity
{
    /// <summary>Worth knowing; not a reason to refuse by itself.</summary>
    Note,

    /// <summary>A reason to think twice and ask the lender.</summary>
    Caution,

    /// <summary>A reason not to sign.</summary>
    Avoid,
}

/// <summary>The plain verdict on an offer: the weight of its worst finding.</summary>
public enum OfferVerdict
{
    /// <summary>No rule found a problem. Never "safe": only "nothing found by these rules".</summary>
    NoProblemFound,

    /// <summary>At least one caution, nothing to avoid.</summary>
    Caution,

    /// <summary>At least one reason not to sign.</summary>
    Avoid,
}

/// <summary>
/// What an offer rule found, one member for each sentence the check can say: a rule that can find
/// several things (the legal line under one view or every view, each kind of bundled fee) has a
/// member for each.
/// </summary>
public enum OfferFindingKind
{
    /// <summary>Above the one legal line of the lender's known kind.</summary>
    RateAboveLegalLine,

    /// <summary>Above the legal line of every kind the lender may be.</summary>
    RateAboveLegalLineEveryView,

    /// <summary>Above the private-lending line, within the licensed lenders' line: the lender's kind decides.</summary>
    RateAboveLineIfUnlicensed,

    /// <summary>Money kept back or paid before the loan arrives (砍头息).</summary>
    UpfrontDeduction,

    /// <summary>The rate shown is well under the real one.</summary>
    AdvertisedRateUnderstates,

    /// <summary>The rate is shown only per day or per month.</summary>
    RateShownPerDayOrMonth,

    /// <summary>Service and similar fees.</summary>
    BundledServiceFees,

    /// <summary>Guarantee fees.</summary>
    BundledGuaranteeFees,

    /// <summary>A membership sold with the loan.</summary>
    BundledMembershipFees,

    /// <summary>Insurance sold with the loan.</summary>
    BundledInsuranceFees,

    /// <summary>The instalment is more than income less essentials.</summary>
    MonthlyBurdenUnaffordable,

    /// <summary>The instalment's share of income, when it can be paid from it.</summary>
    MonthlyBurdenShare,

    /// <summary>Repaying early costs a share of what is repaid.</summary>
    EarlyRepaymentChargeShare,

    /// <summary>Repaying early costs a sum.</summary>
    EarlyRepaymentChargeAmount,

    /// <summary>Repaying early costs a charge of unstated size.</summary>
    EarlyRepaymentChargeUnstated,
}

/// <summary>
/// One finding of an offer rule: what it found, how much it weighs, the numbers it used (rates as
/// fractions, money as <see cref="Money"/>) and the citations behind it. The App words it.
/// </summary>
/// <param name="Kind">What was found.</param>
/// <param name="Severity">How much it weighs.</param>
/// <param name="Values">The figures the wording needs, in order.</param>
/// <param name="Basis">The citations and the weakest status of the facts used; empty for rules that rest on arithmetic alone.</param>
public sealed record OfferFinding(OfferFindingKind Kind, OfferSeverity Severity, IReadOnlyList<object> Values, LegalBasis Basis)
{
    /// <summary>
    /// The finding's stable id, such as <c>rate_above_legal_line</c> or <c>bundled_fees.membership</c>:
    /// what <c>offer --json</c> writes as its <c>rule</c>, and what its words are found under.
    /// </summary>
    public string Rule => KindIds.Of(Kind);

    /// <summary>Every finding's id, spelled out: renaming a member changes no JSON and loses no words.</summary>
    public static WireIds<OfferFindingKind> KindIds { get; } = new(
        (OfferFindingKind.RateAboveLegalLine, "rate_above_legal_line"),
        (OfferFindingKind.RateAboveLegalLineEveryView, "rate_above_legal_line.every_view"),
        (OfferFindingKind.RateAboveLineIfUnlicensed, "rate_above_line_if_unlicensed"),
        (OfferFindingKind.UpfrontDeduction, "upfront_deduction"),
        (OfferFindingKind.AdvertisedRateUnderstates, "advertised_rate_understates"),
        (OfferFindingKind.RateShownPerDayOrMonth, "rate_shown_per_day_or_month"),
        (OfferFindingKind.BundledServiceFees, "bundled_fees.service"),
        (OfferFindingKind.BundledGuaranteeFees, "bundled_fees.guarantee"),
        (OfferFindingKind.BundledMembershipFees, "bundled_fees.membership"),
        (OfferFindingKind.BundledInsuranceFees, "bundled_fees.insurance"),
        (OfferFindingKind.MonthlyBurdenUnaffordable, "monthly_burden.unaffordable"),
        (OfferFindingKind.MonthlyBurdenShare, "monthly_burden.share"),
        (OfferFindingKind.EarlyRepaymentChargeShare, "early_repayment_charge.share"),
        (OfferFindingKind.EarlyRepaymentChargeAmount, "early_repayment_charge.amount"),
        (OfferFindingKind.EarlyRepaymentChargeUnstated, "early_repayment_charge.unstated"));
}

/// <summary>The facts an offer rule looks at: the offer, its legal assessment and the borrower's budget.</summary>
/// <param name="Offer">The offer as shown.</param>
/// <param name="Assessment">The legal engine's assessment of the loan the offer would become.</param>
/// <param name="Rules">The law as data, for the bases of the legal lines.</param>
/// <param name="MonthlyIncome">The borrower's monthly income, if given.</param>
/// <param name="MonthlyEssentials">The borrower's essential monthly expenses, if given.</param>
public sealed record OfferFacts(
    LoanOffer Offer,
    LegalAssessment Assessment,
    LegalRules Rules,
    Money? MonthlyIncome,
    Money? MonthlyEssentials)
{
    /// <summary>The largest instalment the borrower would pay in a month.</summary>
    public Money LargestInstalment => Assessment.Loan.Schedule.Max(i => i.Total);
}

/// <summary>One small, named rule of the offer check (STYLE.md §9): it looks at the facts and returns findings, never throws.</summary>
public interface IOfferRule
{
    /// <summary>The rule's stable id.</summary>
    string Id { get; }

    /// <summary>Evaluates the rule; empty when it has nothing to say.</summary>
    IEnumerable<OfferFinding> Evaluate(OfferFacts facts);
}

/// <summary>
/// The real rate is above a line the law draws (4×LPR for private lending, the 24% court line for
/// licensed lenders, 36%): the legal engine's views and flags, restated as a reason not to sign.
/// Each finding names the line of the view it speaks of, so the wording never cites a line the
/// page does not show: one view (the lender's kind is known) gives that view's line; several views
/// all exceeded give the lowest and the highest of them; only some exceeded is a caution that says
/// which kind of lender it depends on, never more than the facts support.
/// </summary>
public sealed class RateAboveLegalLineRule : IOfferRule
{
    /// <inheritdoc />
    public string Id => "rate_above_legal_line";

    /// <inheritdoc />
    public IEnumerable<OfferFinding> Evaluate(OfferFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var assessment = facts.Assessment;
        if (assessment.RateAnnual is not { } rate)
        {
            yield break;
        }

        var flags = assessment.Flags.Where(f => f.Flag is LegalFlagKind.Above36 or LegalFlagKind.Above24 or LegalFlagKind.AbovePrivateCap).ToArray();
        var basis = flags.Aggregate(assessment.Primary.Cap.Basis, (b, f) => b.With(f.Basis));
        var views = assessment.Views;
        var exceeded = views.Where(v => v.ExceedsCap == true).ToArray();
        if (exceeded.Length == 0)
        {
            yield break;
        }

        if (views.Count == 1)
        {
            yield return new OfferFinding(OfferFindingKind.RateAboveLegalLine, OfferSeverity.Avoid, [rate, views[0].Cap.Annual], basis);
        }
        else if (exceeded.Length == views.Count)
        {
            yield return new OfferFinding(OfferFindingKind.RateAboveLegalLineEveryView, OfferSeverity.Avoid, [rate, views.Min(v => v.Cap.Annual), views.Max(v => v.Cap.Annual)], basis);
        }
        else
        {
            // The lender's kind decides: above the private-lending line, within the licensed lenders' line.
            var within = views.First(v => v.ExceedsCap != true);
            var severity = flags.Any(f => f.Flag == LegalFlagKind.Above36) ? OfferSeverity.Avoid : OfferSeverity.Caution;
            yield return new OfferFinding(OfferFindingKind.RateAboveLineIfUnlicensed, severity, [rate, exceeded[0].Cap.Annual, within.Cap.Annual], basis);
        }
    }
}

/// <summary>Money is kept back or paid before the loan arrives (砍头息): the law counts only what arrived as principal.</summary>
public sealed class UpfrontDeductionRule : IOfferRule
{
    /// <inheritdoc />
    public string Id => "upfront_deduction";

    /// <inheritdoc />
    public IEnumerable<OfferFinding> Evaluate(OfferFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var loan = facts.Assessment.Loan;
        if (loan.UpfrontDeduction.IsPositive)
        {
            yield return new OfferFinding(OfferFindingKind.UpfrontDeduction, OfferSeverity.Caution, [loan.UpfrontDeduction, loan.PrincipalBasis], facts.Rules.PrincipalBasis);
        }
    }
}

/// <summary>
/// The rate the app shows is far below the real annual rate, or it is shown only per day or per
/// month: lenders must show the annualised rate, with all fees, at least as prominently.
/// </summary>
public sealed class AdvertisedRateUnderstatesRule : IOfferRule
{
    /// <summary>A shown rate this far (in fraction points) under the real one is misleading, not rounding.</summary>
    public const double Tolerance = 0.01;

    /// <inheritdoc />
    public string Id => "advertised_rate_understates";

    /// <inheritdoc />
    public IEnumerable<OfferFinding> Evaluate(OfferFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Offer.Advertised is not { } advertised || facts.Assessment.RateAnnual is not { } real)
        {
            yield break;
        }

        var shown = advertised.NominalAnnual;
        var basis = facts.Rules.RateMeasure;
        if (real - shown > Tolerance)
        {
            yield return new OfferFinding(OfferFindingKind.AdvertisedRateUnderstates, OfferSeverity.Caution, [shown, real], basis);
        }
        else if (advertised.Per != RatePer.Year)
        {
            yield return new OfferFinding(OfferFindingKind.RateShownPerDayOrMonth, OfferSeverity.Note, [advertised.Value, shown], basis);
        }
    }
}

/// <summary>
/// Service, guarantee, membership or insurance fees sold with the loan, one finding a kind: they
/// are part of its cost, and courts may cut them. Service fees are a note; the others, which the
/// borrower may be able to refuse or question, a caution.
/// </summary>
public sealed class BundledFeesRule : IOfferRule
{
    /// <inheritdoc />
    public string Id => "bundled_fees";

    /// <inheritdoc />
    public IEnumerable<OfferFinding> Evaluate(OfferFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var count = facts.Assessment.Loan.Schedule.Count;
        foreach (var kind in Enum.GetValues<OfferFeeKind>())
        {
            var fees = facts.Offer.Fees.Where(f => f.Kind == kind).ToArray();
            if (fees.Length == 0)
            {
                continue;
            }

            var total = Money.Sum(fees.Select(f => f.Timing == FeeTiming.EveryInstalment ? f.Amount * count : f.Amount));
            var basis = facts.Rules.Flags.TryGetValue(LegalFlagKind.DisguisedFees, out var disguised) ? disguised : facts.Rules.RateMeasure;
            yield return new OfferFinding(Bundled(kind), kind == OfferFeeKind.Service ? OfferSeverity.Note : OfferSeverity.Caution, [total], basis);
        }
    }

    private static OfferFindingKind Bundled(OfferFeeKind kind) => kind switch
    {
        OfferFeeKind.Service => OfferFindingKind.BundledServiceFees,
        OfferFeeKind.Guarantee => OfferFindingKind.BundledGuaranteeFees,
        OfferFeeKind.Membership => OfferFindingKind.BundledMembershipFees,
        OfferFeeKind.Insurance => OfferFindingKind.BundledInsuranceFees,
    };
}

/// <summary>
/// The monthly instalment against what the borrower has left each month: above income less
/// essential expenses it cannot be paid from income. Arithmetic, not law, and only when the
/// borrower gave both figures: what is "left" is never guessed from the income alone.
/// </summary>
public sealed class MonthlyBurdenRule : IOfferRule
{
    /// <inheritdoc />
    public string Id => "monthly_burden";

    /// <inheritdoc />
    public IEnumerable<OfferFinding> Evaluate(OfferFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.MonthlyIncome is not { IsPositive: true } income || facts.MonthlyEssentials is not { } essentials)
        {
            yield break;
        }

        var instalment = facts.LargestInstalment;
        var left = income - essentials;
        var share = (double)(instalment.Yuan / income.Yuan);
        var none = new LegalBasis([], FactStatus.Verified);
        if (instalment > left)
        {
            yield return new OfferFinding(OfferFindingKind.MonthlyBurdenUnaffordable, OfferSeverity.Avoid, [instalment, income, left, share], none);
        }
        else
        {
            yield return new OfferFinding(OfferFindingKind.MonthlyBurdenShare, OfferSeverity.Note, [instalment, income, left, share], none);
        }
    }
}

/// <summary>
/// Repaying early costs a charge (提前还款违约金): the borrower who wants out of an expensive loan
/// pays to leave. Worth knowing before signing; a note, since the contract decides its size.
/// </summary>
public sealed class EarlyRepaymentChargeRule : IOfferRule
{
    /// <inheritdoc />
    public string Id => "early_repayment_charge";

    /// <inheritdoc />
    public IEnumerable<OfferFinding> Evaluate(OfferFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Offer.EarlyRepayment is not { Charged: true } charge)
        {
            yield break;
        }

        var none = new LegalBasis([], FactStatus.Verified);
        yield return charge switch
        {
            { Fraction: { } fraction } => new OfferFinding(OfferFindingKind.EarlyRepaymentChargeShare, OfferSeverity.Note, [fraction], none),
            { Amount: { } amount } => new OfferFinding(OfferFindingKind.EarlyRepaymentChargeAmount, OfferSeverity.Note, [amount], none),
            _ => new OfferFinding(OfferFindingKind.EarlyRepaymentChargeUnstated, OfferSeverity.Note, [], none),
        };
    }
}

/// <summary>The offer check: every rule over the facts, and the verdict from the worst finding.</summary>
public static class OfferCheck
{
    /// <summary>The rules, in the order their findings are reported.</summary>
    public static IReadOnlyList<IOfferRule> Rules { get; } =
    [
        new RateAboveLegalLineRule(),
        new UpfrontDeductionRule(),
        new AdvertisedRateUnderstatesRule(),
        new BundledFeesRule(),
        new MonthlyBurdenRule(),
        new EarlyRepaymentChargeRule(),
    ];

    /// <summary>Runs every rule.</summary>
    public static OfferAssessment Of(OfferFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var findings = Rules.SelectMany(r => r.Evaluate(facts)).ToArray();
        var worst = findings.Length == 0 ? OfferSeverity.Note : findings.Max(f => f.Severity);
        var verdict = worst switch
        {
            OfferSeverity.Avoid => OfferVerdict.Avoid,
            OfferSeverity.Caution => OfferVerdict.Caution,
            OfferSeverity.Note => OfferVerdict.NoProblemFound,
        };
        return new OfferAssessment(facts, findings, verdict);
    }
}

/// <summary>The outcome of the offer check.</summary>
/// <param name="Facts">What was checked.</param>
/// <param name="Findings">Every finding, in rule order.</param>
/// <param name="Verdict">The plain verdict.</param>
public sealed record OfferAssessment(OfferFacts Facts, IReadOnlyList<OfferFinding> Findings, OfferVerdict Verdict);
