using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// Contracts formed before 2020-08-20: interest before that day paid at up to 36% a year is not
/// returned (2015 rules Arts 26 and 31, 2020 rules Art 31 para 2); only what was paid above 36%
/// reduces principal.
/// </summary>
public sealed class PaidInterestKeptTests
{
    // 2019 has 365 days: a one-year bullet loan's interest is principal × rate exactly.
    private static readonly DateOnly Lent = new(2019, 1, 1);
    private static readonly DateOnly Due = new(2020, 1, 1);

    [Fact]
    public void Of_PaidAtThirtyPercentBeforeReform_KeepsTheWholePrincipalPaid()
    {
        // 10,000 at 30% for a year, 13,000 paid: 2,400 enforceable interest, 600 kept in the
        // 24–36% band, 10,000 principal. Nothing owed and nothing overpaid.
        var loan = Bullet(13_000m, paid: 13_000m);

        var lawful = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Due)).Primary.Lawful;

        Assert.Equal(0m, lawful.TotalDue.Yuan);
        Assert.Equal(0m, lawful.Overpaid.Yuan);
        Assert.Equal(600m, lawful.Retained.Yuan);
    }

    [Fact]
    public void Of_PaidAtFortyPercentBeforeReform_ReturnsOnlyWhatExceedsThirtySix()
    {
        // 14,000 paid: 2,400 + 1,200 (24–36%) kept, 10,000 principal, 400 (36–40%) overpaid.
        var loan = Bullet(14_000m, paid: 14_000m);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Due));

        Assert.Equal(400m, assessment.Primary.Lawful.Overpaid.Yuan);
        Assert.Equal(1_200m, assessment.Primary.Lawful.Retained.Yuan);
        var kept = Assert.Single(assessment.Steps, s => s.Kind == StepKind.PaidInterestKept);
        Assert.Equal(new Money(1_200m), kept.Values[0].Amount);
        Assert.Equal(["spl2015-art31"], kept.Citations);
    }

    [Fact]
    public void Of_BandInterestUnpaid_IsNotOwed()
    {
        // Only 2,000 paid: 400 of the 2,400 enforceable interest is still owed; the 600 band is not.
        var loan = Bullet(13_000m, paid: 2_000m);

        var lawful = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Due)).Primary.Lawful;

        Assert.Equal(10_000m, lawful.PrincipalOutstanding.Yuan);
        Assert.Equal(400m, lawful.InterestDue.Yuan);
        Assert.Equal(0m, lawful.Retained.Yuan);
    }

    [Fact]
    public void Of_ContractAfterReform_KeepsNoBand()
    {
        // The same loan two years later is held to 4 × 3.85% = 15.4% throughout: 3,000 − 1,540 = 1,460 overpaid.
        var lent = new DateOnly(2021, 1, 1);
        var loan = Bullet(13_000m, paid: 13_000m, lent, lent.AddYears(1));

        var lawful = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(lent.AddYears(1))).Primary.Lawful;

        Assert.Equal(1_460m, lawful.Overpaid.Yuan);
        Assert.Equal(0m, lawful.Retained.Yuan);
    }

    [Property(MaxTest = 200)]
    public Property Of_PaidBeforeReformAtAnyRate_ReturnsExactlyWhatExceedsThirtySix()
    {
        // A bullet loan paid in full on its due date, both before 2020-08-20: the borrower gets
        // back max(0, rate − 36%) × principal × days / 365 and never more.
        var cases = from principal in Gen.Choose(1, 1_000)
                    from days in Gen.Choose(7, 365)
                    from basisPoints in Gen.Choose(0, 10_000)
                    select (Principal: principal * 100m, Days: days, Rate: basisPoints / 10_000m);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var due = Lent.AddDays(c.Days);
            var total = decimal.Round(c.Principal * (1 + (c.Rate * c.Days / 365)), 2);
            var lawful = LegalCheck.Of(Bullet(total, total, Lent, due, c.Principal), TestLaw.Rules, new CheckOptions(due)).Primary.Lawful;
            var expected = Math.Max(0m, total - (c.Principal * (1 + (0.36m * c.Days / 365))));
            return Math.Abs(lawful.Overpaid.Yuan - expected) <= 0.01m && lawful.PrincipalOutstanding.Yuan <= 0.01m;
        });
    }

    private static Loan Bullet(decimal total, decimal paid, DateOnly? lent = null, DateOnly? due = null, decimal principal = 10_000m)
    {
        var from = lent ?? Lent;
        var to = due ?? Due;
        var creation = Loan.Create(
            "bullet",
            new Lender("person", LenderKind.PrivateIndividual),
            from,
            new Money(principal),
            null,
            [],
            [new Instalment(to, new Money(total))],
            [new Payment(to, new Money(paid))],
            null);
        Assert.True(creation.Succeeded, string.Join(", ", creation.Problems));
        return creation.Loan;
    }
}
