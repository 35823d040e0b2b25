using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Law;

public sealed class LawfulBalanceTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    [Fact]
    public void Compute_NoPayments_AccruesSimpleInterestOnActualDays()
    {
        // 10,000 at 12% for 366 days (2024 is a leap year) over 365: 1,203.29.
        var balance = LawfulBalance.Compute(new Money(10_000m), Start, [], new DateOnly(2025, 1, 1), [(Start, 0.12m)], DayCount.Actual365);

        Assert.Equal(10_000m, balance.PrincipalOutstanding.Yuan);
        Assert.Equal(1_203.29m, balance.InterestDue.Yuan);
        Assert.Equal(11_203.29m, balance.TotalDue.Yuan);
    }

    [Fact]
    public void Compute_360DayCount_AccruesMore()
    {
        var balance = LawfulBalance.Compute(new Money(10_000m), Start, [], new DateOnly(2024, 12, 26), [(Start, 0.12m)], DayCount.Actual360);

        Assert.Equal(1_200m, balance.InterestDue.Yuan);
    }

    [Fact]
    public void Compute_PaymentAppliedToPrincipal_ReducesPrincipalThatDayAndLeavesInterestOwed()
    {
        // 30 days at 12%: 98.63 interest stays owed; principal 9,000 from 2024-01-31. Then 30 days
        // (February 2024 has 29) on 9,000: 88.77. Owed: 9,000 + 187.40. The statutory order would
        // leave 9,098.63 principal and 89.74 interest, 9,188.37.
        var paid = new DateOnly(2024, 1, 31);
        var asOf = new DateOnly(2024, 3, 1);

        var designated = LawfulBalance.Compute(new Money(10_000m), Start, [new Payment(paid, new Money(1_000m), PaymentTarget.Principal)], asOf, [(Start, 0.12m)], DayCount.Actual365);
        var statutory = LawfulBalance.Compute(new Money(10_000m), Start, [new Payment(paid, new Money(1_000m))], asOf, [(Start, 0.12m)], DayCount.Actual365);

        Assert.Equal(9_000m, designated.PrincipalOutstanding.Yuan);
        Assert.Equal(187.40m, designated.InterestDue.Yuan);
        Assert.Equal(9_188.37m, statutory.TotalDue.Yuan);
    }

    [Fact]
    public void Compute_PaymentToPrincipalBeyondIt_SettlesInterestWithTheRest()
    {
        // 10,050 applied to principal after 30 days: 10,000 clears it, the 50 goes to the 98.63 interest.
        var paid = new DateOnly(2024, 1, 31);

        var balance = LawfulBalance.Compute(new Money(10_000m), Start, [new Payment(paid, new Money(10_050m), PaymentTarget.Principal)], paid, [(Start, 0.12m)], DayCount.Actual365);

        Assert.Equal(0m, balance.PrincipalOutstanding.Yuan);
        Assert.Equal(48.63m, balance.InterestDue.Yuan);
    }

    [Property(MaxTest = 300)]
    public Property Compute_PaymentsAppliedToPrincipal_NeverOweMoreThanTheStatutoryOrder()
    {
        // Simple interest runs on principal only, so paying principal sooner can only lower what is owed.
        var cases = from principal in Gen.Choose(100, 100_000)
                    from basisPoints in Gen.Choose(0, 3_600)
                    from keptBasisPoints in Gen.Choose(0, 1_200)
                    from payments in Gen.ListOf(Gen.Choose(1, 400).SelectMany(day => Gen.Choose(1, 20_000).Select(amount => (Day: day, Amount: amount))))
                    from asOf in Gen.Choose(0, 500)
                    select (Principal: principal, Rate: basisPoints / 10_000m, Kept: keptBasisPoints / 10_000m, Payments: payments, AsOf: asOf);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var ordered = c.Payments.OrderBy(p => p.Day).ToArray();
            var rates = new[] { new AccrualRate(Start, c.Rate, c.Kept) };
            var statutory = LawfulBalance.Compute(new Money(c.Principal), Start, [.. ordered.Select(p => new Payment(Start.AddDays(p.Day), new Money(p.Amount)))], Start.AddDays(c.AsOf), rates, DayCount.Actual365);
            var designated = LawfulBalance.Compute(new Money(c.Principal), Start, [.. ordered.Select(p => new Payment(Start.AddDays(p.Day), new Money(p.Amount), PaymentTarget.Principal))], Start.AddDays(c.AsOf), rates, DayCount.Actual365);
            return designated.TotalDue <= statutory.TotalDue + new Money(0.01m);
        });
    }

    [Fact]
    public void Compute_Payment_GoesToInterestFirstThenPrincipal()
    {
        // After 30 days at 12%: 98.63 interest; a payment of 1,000 leaves 9,098.63 principal.
        var paid = new DateOnly(2024, 1, 31);
        var balance = LawfulBalance.Compute(new Money(10_000m), Start, [new Payment(paid, new Money(1_000m))], paid, [(Start, 0.12m)], DayCount.Actual365);

        Assert.Equal(9_098.63m, balance.PrincipalOutstanding.Yuan);
        Assert.Equal(0m, balance.InterestDue.Yuan);
        Assert.Equal(1_000m, balance.Paid.Yuan);
    }

    [Fact]
    public void Compute_PaymentsBeyondEverything_ReportsOverpaidAndStopsInterest()
    {
        var paid = new DateOnly(2024, 1, 31);
        var balance = LawfulBalance.Compute(new Money(1_000m), Start, [new Payment(paid, new Money(1_500m))], new DateOnly(2025, 1, 1), [(Start, 0.12m)], DayCount.Actual365);

        Assert.Equal(0m, balance.PrincipalOutstanding.Yuan);
        Assert.Equal(0m, balance.InterestDue.Yuan);
        Assert.Equal(1_500m - 1_000m - 9.86m, balance.Overpaid.Yuan);
        Assert.Equal(-balance.Overpaid.Yuan, balance.TotalDue.Yuan);
    }

    [Fact]
    public void Compute_RateChangesMidway_AccruesEachStretchAtItsRate()
    {
        // 100 days at 24% then 100 days at 12% on 36,500: 2,400 + 1,200.
        var change = Start.AddDays(100);
        var balance = LawfulBalance.Compute(new Money(36_500m), Start, [], Start.AddDays(200), [(Start, 0.24m), (change, 0.12m)], DayCount.Actual365);

        Assert.Equal(3_600m, balance.InterestDue.Yuan);
    }

    [Fact]
    public void Compute_PaymentAfterAsOf_IsIgnored()
    {
        var balance = LawfulBalance.Compute(new Money(1_000m), Start, [new Payment(Start.AddDays(10), new Money(500m))], Start.AddDays(5), [(Start, 0m)], DayCount.Actual365);

        Assert.Equal(1_000m, balance.TotalDue.Yuan);
        Assert.Equal(0m, balance.Paid.Yuan);
    }
}
