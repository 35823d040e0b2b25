using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Loans;

public sealed class LoanPaymentOrderTests
{
    [Fact]
    public void Create_PaymentsInAnyOrder_AreOrderedByDateThenAmount()
    {
        // Enough payments that an unstable sort would shuffle the ones that share a day; the order is canonical.
        var start = new DateOnly(2025, 1, 1);
        var payments = Enumerable.Range(1, 40)
            .Select(i => new Payment(start.AddDays(1 + (i % 3)), new Money(i)))
            .Reverse().ToArray();

        var creation = Loan.Create(
            "order",
            new Lender("x", LenderKind.Bank),
            start,
            new Money(1000m),
            null,
            [],
            [new Instalment(start.AddMonths(1), new Money(1100m))],
            payments,
            null);

        Assert.True(creation.Succeeded);
        var expected = payments.OrderBy(p => p.Date).ThenBy(p => p.Amount).Select(p => p.Amount.Yuan);
        Assert.Equal(expected, creation.Loan.Payments.Select(p => p.Amount.Yuan));
    }
}
