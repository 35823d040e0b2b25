using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Loans;

public sealed class ArrearsTests
{
    private static Loan Monthly(params (int Month, decimal Paid)[] payments)
    {
        var creation = Loan.Create(
            "x",
            new Lender("App", LenderKind.OnlinePlatform),
            new DateOnly(2026, 1, 5),
            new Money(3000m),
            null,
            [],
            [
                new Instalment(new DateOnly(2026, 2, 5), new Money(1100m)),
                new Instalment(new DateOnly(2026, 3, 5), new Money(1100m)),
                new Instalment(new DateOnly(2026, 4, 5), new Money(1100m)),
            ],
            payments.Select(p => new Payment(new DateOnly(2026, p.Month, 5), new Money(p.Paid))),
            null);
        Assert.True(creation.Succeeded);
        return creation.Loan;
    }

    [Fact]
    public void Of_LoanPaidOnSchedule_IsNone()
    {
        Assert.Null(Arrears.Of(Monthly((2, 1100m), (3, 1100m)), new DateOnly(2026, 3, 20)));
    }

    [Fact]
    public void Of_InstalmentDueToday_IsNotYetOverdue()
    {
        Assert.Null(Arrears.Of(Monthly((2, 1100m)), new DateOnly(2026, 3, 5)));
    }

    [Fact]
    public void Of_PaymentsShortOfTheSchedule_StartsAtTheFirstInstalmentTheyDoNotCover()
    {
        var arrears = Arrears.Of(Monthly((2, 1100m), (3, 500m)), new DateOnly(2026, 4, 15));

        Assert.NotNull(arrears);
        Assert.Equal(new Money(1700m), arrears.Unpaid);
        Assert.Equal(new DateOnly(2026, 3, 5), arrears.Since);
        Assert.Equal(41, arrears.DaysOverdue);
    }

    [Fact]
    public void Of_PaymentsAfterTheDay_DoNotCount()
    {
        var arrears = Arrears.Of(Monthly((4, 3300m)), new DateOnly(2026, 3, 1));

        Assert.Equal(new Money(1100m), arrears!.Unpaid);
        Assert.Equal(new DateOnly(2026, 2, 5), arrears.Since);
    }

    [Fact]
    public void HasSameFacts_AmountsOfAnotherScaleOrPaymentsInAnotherOrder_IsTrue()
    {
        var a = Monthly((2, 1100m), (2, 5m));
        var b = Monthly((2, 5.00m), (2, 1100.0m));
        var c = Monthly((2, 1100m), (2, 6m));

        Assert.True(a.HasSameFacts(b));
        Assert.False(a.HasSameFacts(c));
    }
}
