using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Loans;

public sealed class RecordedLoanTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly Instalment[] Schedule = [new(new DateOnly(2026, 2, 5), new Money(950m)), new(new DateOnly(2026, 3, 5), new Money(950m)), new(new DateOnly(2026, 4, 5), new Money(950m))];

    [Theory]
    [InlineData("2026-12-05", "2026-12-05", 0)]
    [InlineData("2026-12-06", "2026-12-06", 0)]
    [InlineData("2026-12-07", "2026-12-07", 2)]
    [InlineData("2026-01-05", "2026-12-07", 1)]
    [InlineData("2099-01-01", "2099-02-01", 2)]
    public void Check_DatesAfterTomorrow_AreProblemsOfTheirField(string contract, string paid, int expected)
    {
        var contractDate = DateOnly.Parse(contract, System.Globalization.CultureInfo.InvariantCulture);
        var loan = Loan.Create("x", new Lender("x", LenderKind.Bank), contractDate, new Money(1000m), null, [], [new Instalment(contractDate.AddMonths(1), new Money(1100m))],
            [new Payment(DateOnly.Parse(paid, System.Globalization.CultureInfo.InvariantCulture), new Money(100m))], null).Loan!;

        var problems = RecordedDates.Check(loan, Today);

        Assert.Equal(expected, problems.Count);
        Assert.All(problems, p => Assert.Equal(LoanProblemKind.AfterToday, p.Kind));
        Assert.Equal(contractDate > Today.AddDays(1), problems.Any(p => p.Field == "contractDate"));
    }

    [Fact]
    public void Unrecorded_NothingRecorded_EveryPaidInstalmentOnItsDueDate() =>
        Assert.Equal(
            [new Payment(new DateOnly(2026, 2, 5), new Money(950m)), new Payment(new DateOnly(2026, 3, 5), new Money(950m))],
            PaidInstalments.Unrecorded(Schedule[..2], [], Today));

    [Fact]
    public void Unrecorded_PaidAheadOfAComingDueDate_IsDatedToday() =>
        Assert.Equal([new Payment(new DateOnly(2026, 3, 1), new Money(950m))], PaidInstalments.Unrecorded(Schedule[1..2], [], new DateOnly(2026, 3, 1)));

    [Fact]
    public void Unrecorded_RecordedPaymentsCoverTheEarliestPaidInstalmentsFirst_TheRestIsAddedOnce()
    {
        var recorded = new[] { new Payment(new DateOnly(2026, 2, 3), new Money(950m)), new Payment(new DateOnly(2026, 3, 4), new Money(400m)) };

        var added = PaidInstalments.Unrecorded(Schedule, recorded, Today);

        Assert.Equal([new Payment(new DateOnly(2026, 3, 5), new Money(550m)), new Payment(new DateOnly(2026, 4, 5), new Money(950m))], added);
        Assert.Empty(PaidInstalments.Unrecorded(Schedule, [.. recorded, .. added], Today));
    }
}
