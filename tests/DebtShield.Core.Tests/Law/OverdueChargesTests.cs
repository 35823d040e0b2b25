using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// Overdue interest, penalty and fees (2020 rules Arts 28, 29): with the contract's overdue terms
/// unknown, the answer is a range, and nothing the lender could lawfully ask is called an excess.
/// </summary>
public sealed class OverdueChargesTests
{
    // LPR 3.45% on 2023-09-01 in the test rules: the private cap is 13.8%.
    private static readonly DateOnly Lent = new(2023, 9, 1);
    private static readonly DateOnly Due = new(2024, 3, 1);
    private static readonly DateOnly AsOf = new(2024, 6, 1);

    [Fact]
    public void Of_OverdueBulletLoan_GivesTheContractRateAndTheCapAsARange()
    {
        // 10,000 at 12% for 182 days: 10,598.36 due on 2024-03-01, unpaid; 92 days overdue on 2024-06-01.
        // Without overdue terms the 12% runs on: 10,000 × 12.0001% × 274 / 365 = 900.83.
        // At most: 598.36 to the due date, then 13.8% × 92 / 365 = 347.84: 946.20.
        var loan = Bullet(10_598.36m);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(AsOf, new Money(11_000m)));

        var primary = assessment.Primary;
        Assert.Equal(10_900.83m, primary.Lawful.TotalDue.Yuan);
        Assert.Equal(Due, primary.OverdueCharges!.OverdueSince);
        Assert.Equal(10_946.20m, primary.Most.TotalDue.Yuan);
        Assert.Equal(53.80m, assessment.ExcessDemanded!.Value.Yuan);
        Assert.Contains(Uncertainty.OverdueChargesNotIncluded, assessment.Uncertain);
        Assert.Contains(assessment.Steps, s => s.Kind == StepKind.OverdueChargesRange);
    }

    [Fact]
    public void Of_NothingOverdue_HasNoRange()
    {
        var loan = Bullet(10_598.36m);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Due));

        Assert.Null(assessment.Primary.OverdueCharges);
        Assert.DoesNotContain(Uncertainty.OverdueChargesNotIncluded, assessment.Uncertain);
    }

    [Fact]
    public void Of_ContractRateAtTheCapAlready_HasNoRange()
    {
        // 20% is above 13.8%: interest is held to the cap already, overdue charges can add nothing.
        var loan = Bullet(10_997.26m);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(AsOf));

        Assert.Null(assessment.Primary.OverdueCharges);
    }

    [Property(MaxTest = 200)]
    public Property Of_AnyOverdueLoan_MostLiesBetweenTheContractRateAndTheCapOnTheWholeTerm()
    {
        // The law's inequality: contract rate ≤ lawful most ≤ the cap on the unpaid principal throughout.
        var cases = from basisPoints in Gen.Choose(0, 1_300)
                    from days in Gen.Choose(30, 400)
                    from overdueDays in Gen.Choose(1, 600)
                    select (Rate: basisPoints / 10_000m, Days: days, Overdue: overdueDays);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var due = Lent.AddDays(c.Days);
            var loan = Bullet(decimal.Round(10_000m * (1 + (c.Rate * c.Days / 365)), 2), due);
            var asOf = due.AddDays(c.Overdue);
            var view = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(asOf)).Primary;
            var atCapThroughout = 10_000m * (1 + (0.138m * (asOf.DayNumber - Lent.DayNumber) / 365));
            return view.Lawful.TotalDue <= view.Most.TotalDue && view.Most.TotalDue.Yuan <= atCapThroughout + 0.01m;
        });
    }

    private static Loan Bullet(decimal total, DateOnly? due = null)
    {
        var creation = Loan.Create(
            "bullet",
            new Lender("person", LenderKind.PrivateIndividual),
            Lent,
            new Money(10_000m),
            null,
            [],
            [new Instalment(due ?? Due, new Money(total))],
            [],
            null);
        Assert.True(creation.Succeeded, string.Join(", ", creation.Problems));
        return creation.Loan;
    }
}
