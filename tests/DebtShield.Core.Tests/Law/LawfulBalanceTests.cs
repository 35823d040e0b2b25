using DebtShield.Core.Law;
using DebtShield.Core.Loans;

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
