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
        Assert.Empty(reading.Unread);
        Assert.Empty(reading.Draft.Questions());
        return reading.Draft.ToOffer(new Lender("", LenderKind.Unknown))!;
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
        Assert.Equal(new AdvertisedRate(0.012, RatePer.Month, AdvertisedMethod.Nominal), RateOf(Read("借款金额：8000\n12个月\n月利率 1.2%")));
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
    public void Read_TermOrRateBeyondTheLimits_IsShownBackAndAskedFor(string text)
    {
        var reading = OfferTextReader.Read(text);

        Assert.NotEmpty(reading.Unread);
        Assert.NotEmpty(reading.Draft.Questions());
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
    public void Read_LineWithFiguresNotUnderstood_IsShownBackNamingTheLineAndIgnored()
    {
        var reading = OfferTextReader.Read("借款金额 10000元\n提前还款 3 次免费\n12期\n月利率1%");

        var note = Assert.Single(reading.Unread);
        Assert.Equal(2, note.Location.Line);
        Assert.Equal("提前还款 3 次免费", note.Location.Text);
        Assert.StartsWith("line 2 \"提前还款 3 次免费\": not understood", ReadingProblemText.Describe(note), StringComparison.Ordinal);
        Assert.NotNull(reading.Draft.ToOffer(new Lender("", LenderKind.Unknown)));
    }

    [Fact]
    public void Read_TwoDifferentAmounts_KeepsTheFirstAndShowsTheSecondBack()
    {
        var reading = OfferTextReader.Read("借款金额 10000元\n借款金额 20000元");

        Assert.Equal(2, Assert.Single(reading.Unread).Location.Line);
        Assert.Equal(new Money(10_000m), reading.Draft.Amount);
    }

    [Fact]
    public void Questions_MissingFields_AskForEveryOne()
    {
        var draft = OfferTextReader.Read("到账 9500元").Draft;

        Assert.Equal([OfferFact.Amount, OfferFact.Term, OfferFact.Repayment], draft.Questions().Select(q => q.Fact));
        Assert.Null(draft.ToOffer(new Lender("", LenderKind.Unknown)));
    }

    [Fact]
    public void Questions_ArrivesAboveAmount_AsksToCheckThem()
    {
        var draft = OfferTextReader.Read("借款 1000\n到账 2000\n12期\n月利率1%").Draft;

        Assert.Equal(OfferFact.Arrives, Assert.Single(draft.Questions()).Fact);
    }

    [Fact]
    public void Read_AdvertOnOneLine_ReadsEveryItem()
    {
        var offer = Read("借10000元，分12期，每期还1045元，日利率低至0.02%，需缴会员费299元");

        Assert.Equal(new Money(10_000m), offer.Amount);
        Assert.Equal(new OfferTerm(12, TermUnit.Months), offer.Term);
        Assert.Equal(new OfferRepayment.PerInstalment(new Money(1045m)), offer.Repayment);
        Assert.Equal(new AdvertisedRate(0.0002, RatePer.Day, AdvertisedMethod.Nominal), offer.AdvertisedBeside);
        Assert.Equal(new OfferFee("会员费", new Money(299m), FeeTiming.Upfront, OfferFeeKind.Membership), Assert.Single(offer.Fees));
    }

    [Fact]
    public void Read_CostPerDayWithoutATerm_GivesTheRateAndAsksForTheAmountAndTerm()
    {
        var draft = OfferTextReader.Read("借1000元每天只需0.5元").Draft;

        Assert.Equal(new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal), draft.Rate);
        Assert.Null(draft.Amount);
        Assert.Equal([OfferFact.Amount, OfferFact.Term], draft.Questions().Select(q => q.Fact));
    }

    [Fact]
    public void Read_CreditLineBesideTheLoan_IsALimitNotTheAmount()
    {
        var draft = OfferTextReader.Read("最高可借20万\n借款10000元\n分12期\n每月还930元").Draft;

        Assert.Equal(new Money(200_000m), draft.Limit);
        Assert.Equal(new Money(10_000m), draft.Amount);
        Assert.Empty(draft.Questions());
    }

    [Fact]
    public void Read_SevenDayLoanRepaidAtTheEnd_IsOneSumAtTheEnd()
    {
        var offer = Read("借款金额 4000元\n借款期限 7天\n到期还款 5000元");

        Assert.Equal(new OfferTerm(7, TermUnit.Days), offer.Term);
        Assert.Equal(new OfferRepayment.AtEnd(new Money(5_000m)), offer.Repayment);
    }

    [Fact]
    public void Read_GuaranteeFeeEachInstalment_IsAGuaranteeFeeNotInsurance()
    {
        var offer = Read("借款金额 10000元\n12期\n每期应还 900元\n担保费 每期120元");

        Assert.Equal(new OfferFee("担保费", new Money(120m), FeeTiming.EveryInstalment, OfferFeeKind.Guarantee), Assert.Single(offer.Fees));
    }

    [Theory]
    [InlineData("3分钟到账\n日利率0.05%\n期限 3 -36期")]
    [InlineData("日利率0.05%\n6/12/24月")]
    [InlineData("日利率0.05%\n期限最长 36 期")]
    [InlineData("日利率0.05%\n快至1天放款")]
    public void Read_RangeOrMaximumOfTerms_IsNoTerm(string text)
    {
        Assert.Null(OfferTextReader.Read(text).Draft.Term);
    }

    [Fact]
    public void Read_LabelAndFigureOnSeparateLines_AreReadTogether()
    {
        var draft = OfferTextReader.Read("最高可借额度(元)\n500000").Draft;

        Assert.Equal(new Money(500_000m), draft.Limit);
    }

    [Fact]
    public void Read_OverdueRateBesideTheLoansRate_IsNotTheLoansRate()
    {
        Assert.Equal(new AdvertisedRate(0.072, RatePer.Year, AdvertisedMethod.Unknown), OfferTextReader.Read("逾期罚息年化利率24%，正常借款年化利率7.2%。").Draft.Rate);
    }

    [Theory]
    [InlineData("无提前还款违约金", false, null)]
    [InlineData("提前还款违约金3%", true, 0.03)]
    [InlineData("本贷款提前还款需支付违约金", true, null)]
    public void Read_EarlyRepayment_IsReadAsStated(string text, bool charged, double? fraction)
    {
        Assert.Equal(new EarlyRepaymentCharge(charged, fraction), OfferTextReader.Read(text).Draft.EarlyRepayment);
    }
}
