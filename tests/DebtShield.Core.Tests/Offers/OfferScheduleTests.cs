using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Core.Rates;

namespace DebtShield.Core.Tests.Offers;

public sealed class OfferScheduleTests
{
    private static readonly DateOnly Signed = new(2026, 1, 15);

    private static LoanOffer Offer(OfferRepayment repayment, int count = 12, TermUnit unit = TermUnit.Months, Money? arrives = null, params OfferFee[] fees) => new()
    {
        Amount = new Money(10_000m),
        Arrives = arrives,
        Term = new OfferTerm(count, unit),
        Repayment = repayment,
        Fees = fees,
    };

    private static Loan ToLoan(LoanOffer offer)
    {
        var creation = OfferSchedule.ToLoan(offer, Signed);
        Assert.True(creation.Succeeded, string.Join(", ", creation.Problems));
        return creation.Loan;
    }

    [Fact]
    public void ToLoan_DayRate_IsEqualInstalmentsAtThirtyDaysAMonth()
    {
        // 0.05% a day × 30 = 1.5% a month, 12 equal instalments on 10,000: 916.80.
        var loan = ToLoan(Offer(new OfferRepayment.AtRate(new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal))));

        Assert.Equal(12, loan.Schedule.Count);
        Assert.All(loan.Schedule, i => Assert.Equal(916.80m, i.Total.Yuan));
        Assert.Equal(new DateOnly(2026, 2, 15), loan.Schedule[0].DueDate);
        Assert.Equal(new DateOnly(2027, 1, 15), loan.FinalDueDate);
        Assert.Equal(0.18, TrueCost.Of(loan).IrrAnnualNominal!.Value.Fraction, 4);
    }

    [Fact]
    public void ToLoan_MonthlyFeeRate_ChargesTheOriginalAmountEveryMonth()
    {
        // 1.5% of 10,000 every month plus 10,000 / 12: 983.33, far above a 1.5% monthly rate.
        var loan = ToLoan(Offer(new OfferRepayment.AtRate(new AdvertisedRate(0.015, RatePer.Month, AdvertisedMethod.FeeRate))));

        Assert.All(loan.Schedule, i => Assert.Equal(983.33m, i.Total.Yuan));
        Assert.Equal(0.3172, TrueCost.Of(loan).IrrAnnualNominal!.Value.Fraction, 4);
    }

    [Fact]
    public void ToLoan_PerInstalmentWithDeductionAndFeeEachMonth_UsesTheFactsAsShown()
    {
        var loan = ToLoan(Offer(
            new OfferRepayment.PerInstalment(new Money(900m)),
            arrives: new Money(9_500m),
            fees:
            [
                new OfferFee("服务费", new Money(500m), FeeTiming.Deducted, OfferFeeKind.Service),
                new OfferFee("保险费", new Money(20m), FeeTiming.EveryInstalment, OfferFeeKind.Insurance),
            ]));

        Assert.Equal(9_500m, loan.PrincipalBasis.Yuan);
        Assert.Empty(loan.UpfrontFees);
        Assert.All(loan.Schedule, i => Assert.Equal(920m, i.Total.Yuan));
        Assert.All(loan.Schedule, i => Assert.Null(i.Fees));
    }

    [Fact]
    public void ToLoan_FeePaidOnTop_IsAnUpfrontFee()
    {
        var loan = ToLoan(Offer(
            new OfferRepayment.PerInstalment(new Money(900m)),
            fees: [new OfferFee("会员费", new Money(199m), FeeTiming.Upfront, OfferFeeKind.Membership)]));

        Assert.Equal(new UpfrontFee("会员费", new Money(199m), Signed), Assert.Single(loan.UpfrontFees));
        Assert.Equal(9_801m, loan.PrincipalBasis.Yuan);
    }

    [Fact]
    public void ToLoan_TermInDays_RepaysOnceWithSimpleInterest()
    {
        // "借1000元每天只需0.5元": 0.05% a day on 10,000 for 30 days = 150.
        var loan = ToLoan(Offer(new OfferRepayment.AtRate(new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal)), 30, TermUnit.Days));

        var only = Assert.Single(loan.Schedule);
        Assert.Equal(10_150m, only.Total.Yuan);
        Assert.Equal(Signed.AddDays(30), only.DueDate);
        Assert.Equal(0.1825, TrueCost.Of(loan).IrrAnnualNominal!.Value.Fraction, 4);
    }

    [Theory]
    [InlineData(7, TermUnit.Days, 7)]
    [InlineData(3, TermUnit.Months, 90)]
    public void ToLoan_OneSumAtTheEnd_FallsDueWhenTheTermEnds(int count, TermUnit unit, int days)
    {
        // "借款期限 7天 / 到期还款 5000元": one repayment of the sum shown, on the term's last day.
        var loan = ToLoan(Offer(new OfferRepayment.AtEnd(new Money(10_500m)), count, unit));

        var only = Assert.Single(loan.Schedule);
        Assert.Equal(10_500m, only.Total.Yuan);
        Assert.Equal(unit == TermUnit.Days ? Signed.AddDays(count) : Signed.AddMonths(count), only.DueDate);
        Assert.InRange(only.DueDate.DayNumber - Signed.DayNumber, days - 1, days);
    }

    [Fact]
    public void ToLoan_PbocPublishedExample_ReproducesTheOfficialRates()
    {
        // PBOC 〔2021〕第3号: 100,000 with a 1,000 fee, 12 × 8,833.3 → 12.80% simple, 13.58% compounded.
        var offer = Offer(new OfferRepayment.PerInstalment(new Money(8_833.3m))) with
        {
            Amount = new Money(100_000m),
            Fees = [new OfferFee("手续费", new Money(1_000m), FeeTiming.Upfront, OfferFeeKind.Service)],
        };

        var cost = TrueCost.Of(ToLoan(offer));

        Assert.Equal(0.1280, cost.IrrAnnualNominal!.Value.Fraction, 4);
        Assert.Equal(0.1358, cost.IrrAnnualEffective!.Value.Fraction, 4);
    }

    [Fact]
    public void ToLoan_ZeroRate_RepaysTheAmountInEqualParts()
    {
        var loan = ToLoan(Offer(new OfferRepayment.AtRate(new AdvertisedRate(0, RatePer.Year, AdvertisedMethod.Unknown)), 4));

        Assert.All(loan.Schedule, i => Assert.Equal(2_500m, i.Total.Yuan));
    }
}
