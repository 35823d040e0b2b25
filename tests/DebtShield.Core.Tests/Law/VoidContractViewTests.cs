using DebtShield.Core.Law;
using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// An unlicensed professional lender's contract is void (2020 rules Art 13 item 3): the principal
/// actually received is returned net of everything paid, with a fee for the use of the money at
/// most at the one-year LPR, or none; if the court does not so find, private lending applies.
/// </summary>
public sealed class VoidContractViewTests
{
    private static readonly DateOnly Lent = new(2024, 1, 10);
    private static readonly DateOnly AsOf = new(2024, 7, 10);

    // 10,000 over 12 months at 3% a month (1,004.62 a month), 1,000 kept back: 9,000 received.
    private static Loan Loan(int paidInstalments)
    {
        var schedule = TestLaw.MonthlyLoan(LenderKind.UnlicensedLender, Lent, 10_000m, 12, 0.03, deducted: 1_000m);
        return TestLaw.MonthlyLoan(
            LenderKind.UnlicensedLender, Lent, 10_000m, 12, 0.03, deducted: 1_000m, payments: schedule.Schedule.Take(paidInstalments).Select(i => new Payment(i.DueDate, i.Total)));
    }

    [Fact]
    public void Of_UnlicensedLender_LeadsWithTheVoidContractThenPrivateLending()
    {
        var assessment = LegalCheck.Of(Loan(3), TestLaw.Rules, new CheckOptions(AsOf));

        Assert.Equal([LegalView.VoidUnlicensedLending, LegalView.PrivateLending], assessment.Views.Select(v => v.View));
        Assert.Contains(Uncertainty.UnlicensedLenderVoid, assessment.Uncertain);
        Assert.DoesNotContain(Uncertainty.LenderKindDecides, assessment.Uncertain);
        Assert.Equal(["spl-art13", "jiumin-art53", "cc-art157"], assessment.Primary.Cap.Basis.Citations);
        Assert.Equal(FactStatus.Secondary, assessment.Primary.Cap.Basis.Status);
    }

    [Fact]
    public void Of_ThreeInstalmentsPaid_ReturnsTheReceivedPrincipalNetOfEverythingPaid()
    {
        // 9,000 received − 3 × 1,004.62 paid (interest and fees count as repayment) = 5,986.14.
        var view = LegalCheck.Of(Loan(3), TestLaw.Rules, new CheckOptions(AsOf)).Primary;

        Assert.Equal(5_986.14m, view.Lawful.TotalDue.Yuan);
        Assert.Equal(3_013.86m, view.Lawful.Paid.Yuan);
        Assert.Null(view.ExceedsCap);
    }

    [Fact]
    public void Of_ThreeInstalmentsPaid_FeeAtTheLprIsTheTopOfTheRange()
    {
        // One-year LPR on the as-of date: 3.45% (2023-08-21). Simple interest, 365 days, payments
        // to the fee first:
        //   01-10→02-10, 31 d: 9,000.00 × 3.45% × 31/365 = 26.37; principal 9,000 − (1,004.62 − 26.37) = 8,021.75
        //   02-10→03-10, 29 d: 8,021.75 × 3.45% × 29/365 = 21.99; principal 7,039.12
        //   03-10→04-10, 31 d: 7,039.12 × 3.45% × 31/365 = 20.63; principal 6,055.13
        //   04-10→07-10, 91 d: 6,055.13 × 3.45% × 91/365 = 52.08; owed 6,107.21
        var view = LegalCheck.Of(Loan(3), TestLaw.Rules, new CheckOptions(AsOf)).Primary;

        Assert.Equal(0.0345m, view.Cap.Annual);
        Assert.Equal(6_107.21m, view.UseOfMoneyFee!.TotalDue.Yuan);
        Assert.Equal(6_107.21m, view.Most.TotalDue.Yuan);
    }

    [Fact]
    public void Of_EveryInstalmentPaid_OverpaidByWhatExceedsTheReceivedPrincipal()
    {
        // 12 × 1,004.62 = 12,055.44 paid on 9,000 received: 3,055.44 overpaid with no fee.
        var view = LegalCheck.Of(Loan(12), TestLaw.Rules, new CheckOptions(new DateOnly(2025, 1, 10))).Primary;

        Assert.Equal(3_055.44m, view.Lawful.Overpaid.Yuan);
        Assert.Equal(0m, view.Lawful.PrincipalOutstanding.Yuan);
    }

    [Fact]
    public void Of_VoidContract_ExplainsTheReturnAndTheFee()
    {
        var steps = LegalCheck.Of(Loan(3), TestLaw.Rules, new CheckOptions(AsOf)).Steps;

        var returned = Assert.Single(steps, s => s.Kind == StepKind.VoidContract);
        Assert.Equal(new Money(5_986.14m), returned.Values[2].Amount);
        var fee = Assert.Single(steps, s => s.Kind == StepKind.UseOfMoneyFee);
        Assert.Equal(new Money(6_107.21m), fee.Values[2].Amount);
    }
}
