using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Rates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Law;

/// <summary>A rate exactly at a line is not above it: the comparison is exact, with the schedule's own rounding.</summary>
public sealed class CapComparisonTests
{
    // LPR 3.45% on 2023-09-01 in the test rules: the private cap is 13.8%, 1.15% a month.
    private static readonly DateOnly Contract = new(2023, 9, 1);

    [Fact]
    public void Of_InstalmentsRoundedUpAtExactlyTheCap_IsWithinIt()
    {
        // 10,000 over 12 months at 1.15% a month: 896.9304… exactly, 896.94 rounded up to the fen.
        var loan = Level(Contract, 10_000m, 12, 896.94m);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddMonths(1)));

        Assert.True(assessment.RateAnnual > 0.138, "the solved IRR lies above the cap by the rounding");
        Assert.False(assessment.Primary.ExceedsCap);
        Assert.DoesNotContain(assessment.Flags, f => f.Flag == LegalFlagKind.AbovePrivateCap);
    }

    [Fact]
    public void Of_InstalmentsTwoFenAboveTheCap_ExceedIt()
    {
        var loan = Level(Contract, 10_000m, 12, 896.95m);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddMonths(1)));

        Assert.True(assessment.Primary.ExceedsCap);
    }

    [Fact]
    public void Exceeds_MonthlyRateOnLeapDayContract_ComparesMonthTimesTwelve()
    {
        // From 2024-02-29 the months run 29, 30, 31 and 28 days; 1.15% a month is 13.8% whatever their length.
        var leap = new DateOnly(2024, 2, 29);
        var loan = Level(leap, 10_000m, 12, 896.94m);

        Assert.False(CapComparison.Exceeds(loan, TrueCost.Of(loan).Period, 0.138m));
        Assert.True(CapComparison.Exceeds(loan, TrueCost.Of(loan).Period, 0.1379m));
    }

    [Fact]
    public void PeriodFor_OneMonthLoanStatedPerMonth_ComparesFebruaryLikeMarch()
    {
        // 10,000 for February 2023 (28 days) at 1.15% a month: 10,115. By the month, exactly 13.8%;
        // by its 28 days it would read 15.0% and be called above the cap.
        var february = new DateOnly(2023, 2, 1);
        var stated = new AdvertisedRate(0.0115, RatePer.Month, AdvertisedMethod.Nominal);
        var loan = Level(february, 10_000m, 1, 10_115m, stated);
        var unstated = Level(february, 10_000m, 1, 10_115m);

        Assert.True(CapComparison.PeriodFor(loan, TrueCost.Of(loan).Period).IsCalendarMonth);
        Assert.False(CapComparison.Exceeds(loan, CapComparison.PeriodFor(loan, TrueCost.Of(loan).Period), 0.138m));
        Assert.True(CapComparison.Exceeds(unstated, CapComparison.PeriodFor(unstated, TrueCost.Of(unstated).Period), 0.138m));
    }

    [Fact]
    public void Of_DayScheduleBetweenThe360And365Readings_SaysTheDayBasisDecides()
    {
        // 10,000 for 30 days at 0.038% a day: 10,114. × 365 = 13.87% (above 13.8%); × 360 = 13.68% (within).
        var creation = Loan.Create(
            "30day",
            new Lender("person", LenderKind.PrivateIndividual),
            Contract,
            new Money(10_000m),
            null,
            [],
            [new Instalment(Contract.AddDays(30), new Money(10_114m))],
            [],
            null);

        var assessment = LegalCheck.Of(creation.Loan!, TestLaw.Rules, new CheckOptions(Contract.AddDays(10)));

        Assert.True(assessment.Primary.ExceedsCap);
        Assert.Contains(Uncertainty.DayRateBasisDecides, assessment.Uncertain);
    }

    [Property(MaxTest = 2000)]
    public Property Exceeds_LevelScheduleAtTheLineRoundedUp_IsWithinAndHalfAPointMoreExceeds()
    {
        var cases = from principal in Gen.Choose(10, 2_000)
                    from months in Gen.Choose(1, 36)
                    from basisPoints in Gen.Choose(100, 3_600)
                    from startDay in Gen.Choose(0, 1_500)
                    select (Principal: principal * 100m, Months: months, Line: basisPoints / 10_000m, Start: new DateOnly(2021, 1, 1).AddDays(startDay));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var stated = new AdvertisedRate((double)c.Line / 12, RatePer.Month, AdvertisedMethod.Nominal);
            var atLine = Level(c.Start, c.Principal, c.Months, RoundedUp(c.Principal, c.Line, c.Months), stated);
            var above = Level(c.Start, c.Principal, c.Months, RoundedUp(c.Principal, c.Line + 0.005m, c.Months), stated);
            var period = CapComparison.PeriodFor(atLine, TrueCost.Of(atLine).Period);
            return !CapComparison.Exceeds(atLine, period, c.Line) && CapComparison.Exceeds(above, period, c.Line);
        });
    }

    private static decimal RoundedUp(decimal principal, decimal annual, int months)
    {
        var monthly = (double)annual / 12;
        var exact = (double)principal * monthly / (1 - Math.Pow(1 + monthly, -months));

        // An exact amount that is already whole fen (71,400 at 5.92% for a month is 71,752.24) must
        // not gain a fen from the last bit of double arithmetic; a lender rounds the true amount up.
        return Math.Ceiling(((decimal)exact - 0.000001m) * 100) / 100;
    }

    private static Loan Level(DateOnly contract, decimal principal, int months, decimal instalment, AdvertisedRate? stated = null)
    {
        var creation = Loan.Create(
            "level",
            new Lender("person", LenderKind.PrivateIndividual),
            contract,
            new Money(principal),
            null,
            [],
            Enumerable.Range(1, months).Select(m => new Instalment(contract.AddMonths(m), new Money(instalment))),
            [],
            stated);
        Assert.True(creation.Succeeded, string.Join(", ", creation.Problems));
        return creation.Loan;
    }
}
