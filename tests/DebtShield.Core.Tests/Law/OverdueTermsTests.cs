using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// The contract's agreed overdue terms and what the law makes of them: 2020 rules Art 28 (the
/// agreed overdue rate; none agreed, the term rate; no rate at all, the one-year LPR) and Art 29
/// (overdue interest, penalty and fees together held to 4×LPR); 2015 rules Arts 29 and 30 (6%
/// with nothing agreed; 24% combined). Every figure is worked by hand in the test.
/// </summary>
public sealed class OverdueTermsTests
{
    // LPR 3.45% from 2023-08-21 in the test rules: the private cap for a 2023-09-01 contract is 13.8%.
    private static readonly DateOnly Lent = new(2023, 9, 1);
    private static readonly DateOnly Due = new(2024, 3, 1);

    [Fact]
    public void Of_InterestFreeLoan90DaysOverdueNothingAgreed_OwesOneYearLprFromTheOverdueDay()
    {
        // 10,000 interest-free, due 2024-03-01, unpaid; 2024-05-30 is 90 days later.
        // Art 28 para 2(1): one-year LPR in force on 2024-03-01, 3.45%: 10,000 × 3.45% × 90 / 365 = 85.07.
        var loan = Bullet(10_000m, OverdueTerms.NoneAgreed);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(new DateOnly(2024, 5, 30)));

        var primary = assessment.Primary;
        Assert.Equal(10_085.07m, primary.Lawful.TotalDue.Yuan);
        Assert.Equal(primary.Lawful, primary.Most);
        Assert.Null(primary.OverdueCharges);
        Assert.Equal(OverdueRateSource.Lpr, primary.Overdue!.Source);
        Assert.Equal(new DateOnly(2023, 8, 21), primary.Overdue.Lpr!.Date);
        Assert.Contains(assessment.Steps, s => s.Kind == StepKind.OverdueAtLpr);
        Assert.Contains(Uncertainty.OverdueLprDateUnsettled, assessment.Uncertain);
        Assert.DoesNotContain(Uncertainty.OverdueChargesNotIncluded, assessment.Uncertain);
    }

    [Fact]
    public void Of_InterestFreeLoanOverdueTermsUnknown_GivesTheLprFigureUpToTheCap()
    {
        // Lowest, nothing agreed: 10,085.07 as above. Highest, the cap: 10,000 × 13.8% × 90 / 365 = 340.27.
        var loan = Bullet(10_000m, OverdueTerms.Unknown);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(new DateOnly(2024, 5, 30), new Money(10_300m)));

        var primary = assessment.Primary;
        Assert.Equal(10_085.07m, primary.Lawful.TotalDue.Yuan);
        Assert.Equal(10_340.27m, primary.Most.TotalDue.Yuan);
        Assert.Contains(Uncertainty.OverdueChargesNotIncluded, assessment.Uncertain);
        Assert.True(assessment.ExcessDemanded!.Value.IsNegative, "a demand inside the range is not an excess");
    }

    [Fact]
    public void Of_AgreedDailyPenaltyAboveTheCap_IsHeldToTheCap()
    {
        // 10,000 at 12% for 182 days: 10,598.36 due 2024-03-01; 2024-06-01 is 92 days later.
        // Agreed: 0.1% a day penalty (36.5% a year) on top of the 12% running on: held to 13.8%.
        // 598.36 to the due date, then 10,000 × 13.8% × 92 / 365 = 347.84: 10,946.20, "at most", no range.
        var loan = Bullet(10_598.36m, OverdueTerms.Agreed(null, OverduePenalty.PerDay(0.001m), null));

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(new DateOnly(2024, 6, 1), new Money(11_000m)));

        var primary = assessment.Primary;
        Assert.Equal(10_946.20m, primary.Lawful.TotalDue.Yuan);
        Assert.Null(primary.OverdueCharges);
        Assert.Equal(0.138m, primary.Overdue!.Applied);
        Assert.True(primary.Overdue.Asked > 0.48m);
        Assert.Equal(53.80m, assessment.ExcessDemanded!.Value.Yuan);
        Assert.Contains(assessment.Steps, s => s.Kind == StepKind.OverdueAgreed);
        Assert.DoesNotContain(Uncertainty.OverdueChargesNotIncluded, assessment.Uncertain);
    }

    [Fact]
    public void Of_AgreedOverdueRateBelowTheCap_RunsAtThatRate()
    {
        // Agreed 0.03% a day: 10,000 × 0.03% × 92 = 276.00 after 598.36 to the due date: 10,874.36.
        var loan = Bullet(10_598.36m, OverdueTerms.Agreed(new OverdueRate(0.0003m, RatePer.Day), null, null));

        var primary = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(new DateOnly(2024, 6, 1))).Primary;

        Assert.Equal(10_874.36m, primary.Lawful.TotalDue.Yuan);
        Assert.Equal(OverdueRateSource.Agreed, primary.Overdue!.Source);
    }

    [Fact]
    public void Of_AgreedFeesBeyondWhatTheCapLeaves_CountOnlyUpToTheCap()
    {
        // As above (276.00 of overdue interest), plus a 500 penalty and 100 of fees: the cap allows
        // 347.84 in all over the 92 days, so 71.84 of the 600 counts: 10,946.20.
        var loan = Bullet(10_598.36m, OverdueTerms.Agreed(new OverdueRate(0.0003m, RatePer.Day), OverduePenalty.Once(new Money(500m)), new Money(100m)));

        var primary = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(new DateOnly(2024, 6, 1))).Primary;

        Assert.Equal(10_946.20m, primary.Lawful.TotalDue.Yuan);
        Assert.Equal(600m, primary.Overdue!.ChargesAgreed.Yuan);
        Assert.Equal(71.84m, primary.Overdue.ChargesAllowed.Yuan);
    }

    [Fact]
    public void Of_2015RegimeLoanWithDailyPenalty_IsHeldTo24PercentCombined()
    {
        // Formed 2019-03-01, 10,000 interest-free, due 2019-09-01; 2020-03-01 is 182 days later, before
        // 2020-08-20, so the 2015 rules govern. 0.1% a day (36.5%) is held to 24% (2015 Art 30):
        // 10,000 × 24% × 182 / 365 = 1,196.71.
        var loan = Bullet(10_000m, OverdueTerms.Agreed(null, OverduePenalty.PerDay(0.001m), null), new DateOnly(2019, 3, 1), new DateOnly(2019, 9, 1));

        var primary = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(new DateOnly(2020, 3, 1))).Primary;

        Assert.Equal(CapRule.OldPrivateLine, primary.Cap.Rule);
        Assert.Equal(11_196.71m, primary.Lawful.TotalDue.Yuan);
    }

    [Fact]
    public void Of_2015RegimeInterestFreeLoanNothingAgreed_OwesSixPercent()
    {
        // 2015 rules Art 29 para 2(1): 6% a year from the overdue day: 10,000 × 6% × 182 / 365 = 299.18.
        var loan = Bullet(10_000m, OverdueTerms.NoneAgreed, new DateOnly(2019, 3, 1), new DateOnly(2019, 9, 1));

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(new DateOnly(2020, 3, 1)));

        Assert.Equal(10_299.18m, assessment.Primary.Lawful.TotalDue.Yuan);
        Assert.Contains(assessment.Steps, s => s.Kind == StepKind.OverdueAtOldDefault);
    }

    [Fact]
    public void Create_NegativeOverdueRate_IsAProblemOnItsField()
    {
        var creation = Loan.Create(
            "bad",
            new Lender("person", LenderKind.PrivateIndividual),
            Lent,
            new Money(10_000m),
            null,
            [],
            [new Instalment(Due, new Money(10_000m))],
            [],
            null,
            OverdueTerms.Agreed(new OverdueRate(-0.001m, RatePer.Day), null, new Money(-5m)));

        Assert.False(creation.Succeeded);
        Assert.Equal(
            [new LoanProblem("overdueTerms.rate.value", LoanProblemKind.RateOutOfRange), new LoanProblem("overdueTerms.otherFees", LoanProblemKind.Negative)],
            creation.Problems);
    }

    [Fact]
    public void HasSameFacts_DifferentOverdueTerms_IsFalse()
    {
        var unknown = Bullet(10_000m, OverdueTerms.Unknown);
        var none = Bullet(10_000m, OverdueTerms.NoneAgreed);

        Assert.False(unknown.HasSameFacts(none));
        Assert.True(none.HasSameFacts(Bullet(10_000m, OverdueTerms.Agreed(null, null, null))));
    }

    [Property(MaxTest = 200)]
    public Property Of_AnyAgreedTerms_OverdueChargesNeverExceedTheCapOverTheOverdueDays()
    {
        // Art 29: overdue interest + penalty + fees ≤ principal × 4×LPR × overdue days / 365, and never below nothing.
        var cases = from basisPoints in Gen.Choose(0, 1_300)
                    from overdueDays in Gen.Choose(1, 600)
                    from ratePerMille in Gen.Choose(0, 2_000)
                    from per in Gen.Elements(RatePer.Day, RatePer.Month, RatePer.Year)
                    from penaltyMicros in Gen.Choose(0, 5_000)
                    from lump in Gen.Choose(0, 5_000)
                    from fees in Gen.Choose(0, 5_000)
                    select (Rate: basisPoints / 10_000m, Overdue: overdueDays, Terms: OverdueTerms.Agreed(
                        ratePerMille == 0 ? null : new OverdueRate(ratePerMille / 1_000_000m * (per == RatePer.Day ? 1 : per == RatePer.Month ? 30 : 365), per),
                        penaltyMicros % 2 == 0 ? OverduePenalty.PerDay(penaltyMicros / 1_000_000m) : OverduePenalty.Once(new Money(lump)),
                        fees == 0 ? null : new Money(fees)));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var total = decimal.Round(10_000m * (1 + (c.Rate * 182 / 365)), 2);
            var loan = Bullet(total, c.Terms);
            var asOf = Due.AddDays(c.Overdue);
            var primary = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(asOf)).Primary;
            var charges = primary.Lawful.TotalDue.Yuan - total;
            return charges >= -0.01m && charges <= (10_000m * 0.138m * c.Overdue / 365) + 0.01m && primary.Most == primary.Lawful;
        });
    }

    private static Loan Bullet(decimal total, OverdueTerms terms, DateOnly? lent = null, DateOnly? due = null)
    {
        var creation = Loan.Create(
            "bullet",
            new Lender("person", LenderKind.PrivateIndividual),
            lent ?? Lent,
            new Money(10_000m),
            null,
            [],
            [new Instalment(due ?? Due, new Money(total))],
            [],
            null,
            terms);
        Assert.True(creation.Succeeded, string.Join(", ", creation.Problems));
        return creation.Loan;
    }
}
