using System.Globalization;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Import.Offers;

namespace DebtShield.Import.Tests.Offers;

/// <summary>Golden tests: every way an app presents an offer, read into the same facts.</summary>
public sealed class OfferTextReaderTests
{
    public OfferTextReaderTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private static LoanOffer Read(string text)
    {
        var reading = OfferTextReader.Read(text);
        Assert.Empty(reading.Errors);
        var complete = reading.Draft.ToOffer(new Lender("", LenderKind.Unknown));
        Assert.Empty(complete.Errors);
        return complete.Offer!;
    }

    private static AdvertisedRate RateOf(LoanOffer offer) => Assert.IsType<OfferRepayment.AtRate>(offer.Repayment).Rate;

    [Fact]
    public void Read_DayRate_IsANominalRatePerDay()
    {
        var offer = Read("借款金额 10000元\n期限 12期\n日利率0.05%");

        Assert.Equal(new Money(10_000m), offer.Amount);
        Assert.Equal(new OfferTerm(12, TermUnit.Months), offer.Term);
        Assert.Equal(new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal), RateOf(offer));
    }

    [Fact]
    public void Read_MonthlyFeeRate_IsAFeeRatePerMonth()
    {
        var offer = Read("借款 2万元，分12期，月费率1.5%");

        Assert.Equal(new Money(20_000m), offer.Amount);
        Assert.Equal(new AdvertisedRate(0.015, RatePer.Month, AdvertisedMethod.FeeRate), RateOf(offer));
    }

    [Fact]
    public void Read_MonthRate_IsANominalRatePerMonth()
    {
        Assert.Equal(new AdvertisedRate(0.012, RatePer.Month, AdvertisedMethod.Nominal), RateOf(Read("额度：8000\n12个月\n月利率 1.2%")));
    }

    [Fact]
    public void Read_InstalmentWithCount_GivesInstalmentAndTerm()
    {
        var offer = Read("借款金额：¥4,000.00\n每期应还 ¥368.50 共12期");

        Assert.Equal(new OfferRepayment.PerInstalment(new Money(368.50m)), offer.Repayment);
        Assert.Equal(new OfferTerm(12, TermUnit.Months), offer.Term);
    }

    [Fact]
    public void Read_CostPerThousandPerDay_IsADayRate()
    {
        var offer = Read("借1000元每天只需0.5元\n借款 5000\n30天");

        Assert.Equal(new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal), RateOf(offer));
        Assert.Equal(new OfferTerm(30, TermUnit.Days), offer.Term);
        Assert.Equal(new Money(5_000m), offer.Amount);
    }

    [Fact]
    public void Read_AnnualRateBesideTheInstalment_IsAdvertisedNotUsed()
    {
        var offer = Read("借款金额 10000\n每月还款 916.8 元，共 12 期\n年化利率（单利）18%");

        Assert.IsType<OfferRepayment.PerInstalment>(offer.Repayment);
        Assert.Equal(new AdvertisedRate(0.18, RatePer.Year, AdvertisedMethod.Apr), offer.AdvertisedBeside);
    }

    [Fact]
    public void Read_AnnualRateByIrr_IsAnIrrRate()
    {
        Assert.Equal(new AdvertisedRate(0.24, RatePer.Year, AdvertisedMethod.Irr), RateOf(Read("借款金额 10000\n12期\n年化利率(IRR) 24%")));
    }

    [Theory]
    [InlineData("借款金额 10000\n0期\n月利率1%")]
    [InlineData("借款金额 10000\n3651天\n日利率0.05%")]
    [InlineData("借款金额 10000\n12期\n月利率1001%")]
    public void Read_TermOrRateBeyondTheLimits_IsAnError(string text)
    {
        Assert.NotEmpty(OfferTextReader.Read(text).Errors);
    }

    [Fact]
    public void Read_FullWidthFigures_AreRead()
    {
        var offer = Read("借款金额　１００００元\n１２期\n日利率０．０５％");

        Assert.Equal(new Money(10_000m), offer.Amount);
        Assert.Equal(new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal), RateOf(offer));
    }

    [Fact]
    public void Read_FeesCoveredByWhatIsKeptBack_AreDeducted()
    {
        var offer = Read("借款金额 10000\n到账金额 9500\n12期\n日利率0.05%\n服务费 500元\n保险费 每期20元");

        Assert.Equal(
            [
                new OfferFee("服务费", new Money(500m), FeeTiming.Deducted, OfferFeeKind.Service),
                new OfferFee("保险费", new Money(20m), FeeTiming.EveryInstalment, OfferFeeKind.Insurance),
            ],
            offer.Fees);
        Assert.Equal(new Money(9_500m), offer.Arrives);
    }

    [Fact]
    public void Read_MonthlyServiceFee_IsAFeeWithEveryInstalmentNotTheInstalment()
    {
        var offer = Read("借款金额 10000\n每期应还 900元 共12期\n每月服务费 30元");

        Assert.Equal(new OfferRepayment.PerInstalment(new Money(900m)), offer.Repayment);
        Assert.Equal(FeeTiming.EveryInstalment, Assert.Single(offer.Fees).Timing);
    }

    [Fact]
    public void Read_FeeNotKeptBack_IsPaidOnTop()
    {
        var offer = Read("借款金额 10000\n12期\n月利率1%\n会员费 199元");

        Assert.Equal(new OfferFee("会员费", new Money(199m), FeeTiming.Upfront, OfferFeeKind.Membership), Assert.Single(offer.Fees));
    }

    [Fact]
    public void Read_HeadingsWithoutFigures_AreIgnored()
    {
        var offer = Read("借款详情\n借款金额 10000元\n\n还款计划\n12期\n月利率1%");

        Assert.Equal(new Money(10_000m), offer.Amount);
    }

    [Fact]
    public void Read_LineWithFiguresNotUnderstood_IsAnErrorNamingTheLine()
    {
        var reading = OfferTextReader.Read("借款金额 10000元\n提前还款 3 次免费");

        var error = Assert.Single(reading.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("提前还款 3 次免费", error.Where);
        Assert.StartsWith("line 2 \"提前还款 3 次免费\": this line has figures", error.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoDifferentAmounts_IsAnError()
    {
        var reading = OfferTextReader.Read("借款金额 10000元\n借款金额 20000元");

        Assert.Equal(2, Assert.Single(reading.Errors).Line);
    }

    [Fact]
    public void ToOffer_MissingFields_ListsEveryOne()
    {
        var complete = OfferTextReader.Read("到账 9500元").Draft.ToOffer(new Lender("", LenderKind.Unknown));

        Assert.Equal(["amount", "term", "repayment"], complete.Errors.Select(e => e.Where));
        Assert.Null(complete.Offer);
    }

    [Fact]
    public void ToOffer_ArrivesAboveAmount_IsRefused()
    {
        var complete = OfferTextReader.Read("借款 1000\n到账 2000\n12期\n月利率1%").Draft.ToOffer(new Lender("", LenderKind.Unknown));

        Assert.Equal("arrives", Assert.Single(complete.Errors).Where);
    }
}
