using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Core.Tests.Law;

namespace DebtShield.Core.Tests.Offers;

public sealed class OfferCheckTests
{
    private static readonly DateOnly Signed = new(2025, 6, 1);

    private static OfferAssessment Check(decimal instalment, LenderKind kind = LenderKind.Unknown, Money? income = null, Money? essentials = null, AdvertisedRate? shown = null, params OfferFee[] fees)
    {
        var offer = new LoanOffer
        {
            Amount = new Money(10_000m),
            Term = new OfferTerm(12, TermUnit.Months),
            Repayment = new OfferRepayment.PerInstalment(new Money(instalment)),
            AdvertisedBeside = shown,
            Fees = fees,
            Lender = new Lender("测试", kind),
        };
        var loan = OfferSchedule.ToLoan(offer, Signed).Loan!;
        var legal = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Signed));
        return OfferCheck.Of(new OfferFacts(offer, legal, TestLaw.Rules, income, essentials));
    }

    private static string[] Rules(OfferAssessment assessment) => [.. assessment.Findings.Select(f => f.Rule)];

    [Fact]
    public void Of_RateAboveEveryViewOfAnUnknownLender_IsAvoidNamingTheLowestAndHighestLine()
    {
        // 12 × 1,000 on 10,000: 35.07% nominal, above 4×LPR (12%) and 24%.
        var assessment = Check(1_000m);

        Assert.Equal(OfferVerdict.Avoid, assessment.Verdict);
        var finding = assessment.Findings.Single(f => f.Rule == "rate_above_legal_line.every_view");
        Assert.Equal(OfferSeverity.Avoid, finding.Severity);
        Assert.Equal([0.12m, 0.24m], finding.Values.Skip(1).Cast<decimal>());
    }

    [Fact]
    public void Of_RateAboveTheLineOfAKnownLender_NamesThatViewsLine()
    {
        var assessment = Check(1_000m, LenderKind.ConsumerFinance);

        var finding = assessment.Findings.Single(f => f.Rule == "rate_above_legal_line");
        Assert.Equal(assessment.Facts.Assessment.Primary.Cap.Annual, finding.Values[1]);
        Assert.Single(assessment.Facts.Assessment.Views);
    }

    [Fact]
    public void Of_UnknownLenderBetweenTheLines_IsCautionNamingBothLines()
    {
        // 12 × 916.80: 18% nominal, above 12% (private lending), within 24% (licensed).
        var assessment = Check(916.80m);

        Assert.Equal(OfferVerdict.Caution, assessment.Verdict);
        var finding = assessment.Findings.Single(f => f.Rule == "rate_above_line_if_unlicensed");
        Assert.Equal([0.12m, 0.24m], finding.Values.Skip(1).Cast<decimal>());
    }

    [Fact]
    public void Of_BankAtEighteenPercent_FindsNoRateProblem()
    {
        var assessment = Check(916.80m, LenderKind.Bank);

        Assert.DoesNotContain(assessment.Findings, f => f.Rule.StartsWith("rate_above", StringComparison.Ordinal));
        Assert.Equal(OfferVerdict.NoProblemFound, assessment.Verdict);
    }

    [Fact]
    public void Of_ShownRateFarBelowTheRealOne_FlagsTheUnderstatement()
    {
        var shown = new AdvertisedRate(0.0002, RatePer.Day, AdvertisedMethod.Nominal);

        var assessment = Check(916.80m, LenderKind.Bank, shown: shown);

        var finding = assessment.Findings.Single(f => f.Rule == "advertised_rate_understates");
        Assert.Equal(0.073, (double)finding.Values[0], 6);
        Assert.Equal(OfferVerdict.Caution, assessment.Verdict);
    }

    [Fact]
    public void Of_ShownDayRateMatchingTheRealOne_IsOnlyANote()
    {
        var shown = new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal);

        var assessment = Check(916.80m, LenderKind.Bank, shown: shown);

        Assert.Equal(["rate_shown_per_day_or_month"], Rules(assessment));
        Assert.Equal(OfferVerdict.NoProblemFound, assessment.Verdict);
    }

    [Fact]
    public void Of_MembershipAndInsurance_AreCautionsWithTheirTotals()
    {
        var assessment = Check(
            850m,
            LenderKind.Bank,
            fees:
            [
                new OfferFee("会员费", new Money(199m), FeeTiming.Upfront, OfferFeeKind.Membership),
                new OfferFee("保险费", new Money(10m), FeeTiming.EveryInstalment, OfferFeeKind.Insurance),
            ]);

        Assert.Equal(new Money(199m), assessment.Findings.Single(f => f.Rule == "bundled_fees.membership").Values[0]);
        Assert.Equal(new Money(120m), assessment.Findings.Single(f => f.Rule == "bundled_fees.insurance").Values[0]);
        Assert.Contains(assessment.Findings, f => f.Rule == "upfront_deduction");
    }

    [Fact]
    public void Of_InstalmentAboveWhatIsLeft_IsAvoid()
    {
        var assessment = Check(850m, LenderKind.Bank, income: new Money(3_000m), essentials: new Money(2_500m));

        var finding = assessment.Findings.Single(f => f.Rule == "monthly_burden.unaffordable");
        Assert.Equal(new Money(500m), finding.Values[2]);
        Assert.Equal(OfferVerdict.Avoid, assessment.Verdict);
    }

    [Fact]
    public void Of_AffordableInstalment_ReportsTheShareAsANote()
    {
        var assessment = Check(850m, LenderKind.Bank, income: new Money(8_500m), essentials: new Money(3_000m));

        var finding = assessment.Findings.Single(f => f.Rule == "monthly_burden.share");
        Assert.Equal(0.1, (double)finding.Values[3], 10);
        Assert.Equal(OfferSeverity.Note, finding.Severity);
    }

    [Fact]
    public void Of_IncomeWithoutEssentials_SaysNothingAboutWhatIsLeft()
    {
        var assessment = Check(850m, LenderKind.Bank, income: new Money(8_500m));

        Assert.DoesNotContain(assessment.Findings, f => f.Rule.StartsWith("monthly_burden", StringComparison.Ordinal));
    }

    [Fact]
    public void Of_GuaranteeFee_IsACautionOfItsOwnKind()
    {
        var assessment = Check(850m, LenderKind.Bank, fees: [new OfferFee("担保费", new Money(120m), FeeTiming.EveryInstalment, OfferFeeKind.Guarantee)]);

        var finding = assessment.Findings.Single(f => f.Rule == "bundled_fees.guarantee");
        Assert.Equal(new Money(1_440m), finding.Values[0]);
        Assert.Equal(OfferSeverity.Caution, finding.Severity);
    }

    [Fact]
    public void Of_EarlyRepaymentCharged_IsANoteWithItsShare()
    {
        var offer = new LoanOffer
        {
            Amount = new Money(10_000m),
            Term = new OfferTerm(12, TermUnit.Months),
            Repayment = new OfferRepayment.PerInstalment(new Money(850m)),
            Lender = new Lender("测试", LenderKind.Bank),
            EarlyRepayment = new EarlyRepaymentCharge(true, Fraction: 0.03),
        };
        var legal = LegalCheck.Of(OfferSchedule.ToLoan(offer, Signed).Loan!, TestLaw.Rules, new CheckOptions(Signed));

        var finding = OfferCheck.Of(new OfferFacts(offer, legal, TestLaw.Rules, null, null)).Findings.Single(f => f.Rule == "early_repayment_charge.share");

        Assert.Equal(0.03, finding.Values[0]);
        Assert.Equal(OfferSeverity.Note, finding.Severity);
    }

    [Fact]
    public void Rules_EveryRule_HasADistinctId()
    {
        Assert.Equal(OfferCheck.Rules.Count, OfferCheck.Rules.Select(r => r.Id).Distinct().Count());
    }
}
