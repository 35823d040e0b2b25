using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Law;

public sealed class LegalCheckTests
{
    private static readonly DateOnly Contract = new(2023, 9, 1);

    [Fact]
    public void Of_PrivateLoanAfterReform_CapsAtFourTimesLprOnContractDate()
    {
        var loan = TestLaw.MonthlyLoan(LenderKind.PrivateIndividual, Contract, 10_000m, 12, 0.01);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddMonths(3)));

        var view = Assert.Single(assessment.Views);
        Assert.Equal(LegalView.PrivateLending, view.View);
        Assert.Equal(0.138m, view.Cap.Annual);
        Assert.Equal(CapRule.FourTimesLprAtContract, view.Cap.Rule);
        Assert.Equal(new DateOnly(2023, 8, 21), view.Cap.Lpr!.Date);
        Assert.False(view.ExceedsCap);
    }

    [Fact]
    public void Of_LoanWithinCapPaidOnSchedule_OwesNothingAtTheEnd()
    {
        // 12% a year, every instalment paid on its due date: the lawful balance is the contract's, zero.
        var loan = TestLaw.MonthlyLoan(LenderKind.Bank, Contract, 10_000m, 12, 0.01);
        var paid = TestLaw.MonthlyLoan(LenderKind.Bank, Contract, 10_000m, 12, 0.01, payments: TestLaw.PaidOnSchedule(loan, loan.FinalDueDate));

        var assessment = LegalCheck.Of(paid, TestLaw.Rules, new CheckOptions(paid.FinalDueDate));

        Assert.InRange(assessment.Primary.Lawful.TotalDue.Yuan, -0.05m, 0.05m);
        Assert.Equal(assessment.ContractBalance.TotalDue, assessment.Primary.Lawful.TotalDue);
        Assert.Empty(assessment.Flags);
    }

    [Fact]
    public void Of_DeductedLoanAboveEveryLine_FlagsEachWithItsBasis()
    {
        // 10,000 contracted, 8,000 received, 12 × 1,000: 82% a year on what arrived.
        var loan = Loan.Create(
            "kantou",
            new Lender("app", LenderKind.OnlinePlatform),
            Contract,
            new Money(10_000m),
            new Money(8_000m),
            [],
            Enumerable.Range(1, 12).Select(m => new Instalment(Contract.AddMonths(m), new Money(1_000m))),
            [],
            null).Loan!;

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddMonths(2)));

        Assert.Equal(
            [LegalFlagKind.UpfrontDeduction, LegalFlagKind.AbovePrivateCap, LegalFlagKind.Above24, LegalFlagKind.Above36, LegalFlagKind.IllegalDebtCandidate],
            assessment.Flags.Select(f => f.Flag));
        Assert.Equal(0.8238414973883574, assessment.RateAnnual!.Value, 9);
        Assert.Equal(8_000m, assessment.Loan.PrincipalBasis.Yuan);
        Assert.Contains(Uncertainty.IllegalDebtInterpretation, assessment.Uncertain);
        Assert.Equal(2, assessment.Views.Count);
        Assert.Equal(LegalView.PrivateLending, assessment.Primary.View);
    }

    [Fact]
    public void Of_Bank_HasOnlyTheLicensedViewAndNoPrivateCapFlag()
    {
        var loan = TestLaw.MonthlyLoan(LenderKind.Bank, Contract, 10_000m, 12, 0.025);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddMonths(1)));

        var view = Assert.Single(assessment.Views);
        Assert.Equal(LegalView.LicensedInstitution, view.View);
        Assert.Equal(0.24m, view.Cap.Annual);
        Assert.True(view.ExceedsCap);
        Assert.Equal([LegalFlagKind.Above24], assessment.Flags.Select(f => f.Flag));
        Assert.Contains(Uncertainty.LicensedLineOnRequest, assessment.Uncertain);
    }

    [Fact]
    public void Of_UnknownKind_ShowsBothViewsPrivateFirst()
    {
        var loan = TestLaw.MonthlyLoan(LenderKind.Unknown, Contract, 10_000m, 12, 0.02);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddMonths(6)));

        Assert.Equal([LegalView.PrivateLending, LegalView.LicensedInstitution], assessment.Views.Select(v => v.View));
        Assert.Contains(Uncertainty.LenderKindDecides, assessment.Uncertain);
        Assert.True(assessment.Views[0].Lawful.TotalDue < assessment.Views[1].Lawful.TotalDue);
    }

    [Fact]
    public void Of_ContractBeforeReform_UsesOldLineThenFourTimesLprOnAsOfDate()
    {
        var early = new DateOnly(2019, 3, 1);
        var loan = TestLaw.MonthlyLoan(LenderKind.PrivateIndividual, early, 10_000m, 36, 0.03);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(new DateOnly(2024, 1, 1)));

        var caps = assessment.Primary.Caps;
        Assert.Equal([CapRule.OldPrivateLine, CapRule.FourTimesLprAtFiling], caps.Select(c => c.Rule));
        Assert.Equal(0.24m, caps[0].Annual);
        Assert.Equal(new DateOnly(2020, 8, 20), caps[1].From);
        Assert.Equal(0.138m, caps[1].Annual);
        Assert.Equal(FactStatus.Uncertain, caps[1].Basis.Status);
        Assert.Contains(Uncertainty.ContractBeforeReform, assessment.Uncertain);
    }

    [Fact]
    public void Of_ContractBeforeReform_FilingLineCitesTheRulesOfThisCheckAndTheSameListLoanAfterLoan()
    {
        var early = new DateOnly(2019, 3, 1);
        var loan = TestLaw.MonthlyLoan(LenderKind.PrivateIndividual, early, 10_000m, 36, 0.03);
        var options = new CheckOptions(new DateOnly(2024, 1, 1));
        var otherRules = TestLaw.Rules with { PrivateTransition = new LegalBasis(["other-transition"], FactStatus.Verified) };

        var first = LegalCheck.Of(loan, TestLaw.Rules, options).Primary.Cap.Basis.Citations;
        var again = LegalCheck.Of(loan, TestLaw.Rules, options).Primary.Cap.Basis.Citations;
        var other = LegalCheck.Of(loan, otherRules, options).Primary.Cap.Basis.Citations;
        var back = LegalCheck.Of(loan, TestLaw.Rules, options).Primary.Cap.Basis.Citations;

        // The transition rule's citations joined with the cap's, each set of rules its own.
        Assert.Equal(["spl-art31", "spl-art25"], first);
        Assert.Equal(["other-transition", "spl-art25"], other);
        Assert.Equal(first, back);

        // One list for every loan under the same rules: the batch writer encodes a list once by its identity.
        Assert.Same(first, again);
    }

    [Fact]
    public void Of_AsOfBeyondLprData_SaysANewerFixingMayExist()
    {
        var late = new DateOnly(2026, 3, 1);
        var loan = TestLaw.MonthlyLoan(LenderKind.PrivateIndividual, late, 5_000m, 6, 0.01);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(late.AddMonths(1)));

        Assert.Contains(Uncertainty.LprBeyondData, assessment.Uncertain);
        Assert.Contains(Uncertainty.LprValueUnconfirmed, assessment.Uncertain);
        Assert.Equal(FactStatus.Uncertain, assessment.Primary.Cap.Basis.Status);
    }

    [Fact]
    public void Of_PaymentsAboveLawfulInterest_ReportsOverpayment()
    {
        // 3,000 contracted, 2,100 received, 3,000 repaid after 7 days; lawful: 2,100 + 7 days at 13.8%.
        var loan = Loan.Create(
            "7day",
            new Lender("app", LenderKind.PrivateIndividual),
            Contract,
            new Money(3_000m),
            new Money(2_100m),
            [],
            [new Instalment(Contract.AddDays(7), new Money(3_000m))],
            [new Payment(Contract.AddDays(7), new Money(3_000m))],
            null).Loan!;

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddDays(30)));

        var lawful = assessment.Primary.Lawful;
        Assert.Equal(decimal.Round(900m - (2_100m * 0.138m * 7 / 365), 2), lawful.Overpaid.Yuan);
        Assert.Equal(-lawful.Overpaid.Yuan, lawful.TotalDue.Yuan);
        Assert.Contains(Uncertainty.OverpaymentTreatmentVaries, assessment.Uncertain);
        Assert.Contains(assessment.Steps, s => s.Kind == StepKind.Overpaid);
    }

    [Fact]
    public void Of_DemandAboveContractBalance_ReportsExcessAndCompoundInterest()
    {
        var loan = TestLaw.MonthlyLoan(LenderKind.PrivateIndividual, Contract, 10_000m, 12, 0.01);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddMonths(13), new Money(18_600m)));

        Assert.Equal(18_600m - assessment.Primary.Most.TotalDue.Yuan, assessment.ExcessDemanded!.Value.Yuan);
        Assert.Contains(assessment.Flags, f => f.Flag == LegalFlagKind.CompoundInterest);
        Assert.Contains(Uncertainty.DemandExceedsContract, assessment.Uncertain);
        Assert.Equal(StepKind.Demanded, assessment.Steps[^1].Kind);
    }

    [Fact]
    public void Of_FeesInSchedule_FlagsDisguisedFees()
    {
        var loan = Loan.Create(
            "fees",
            new Lender("app", LenderKind.ConsumerFinance),
            Contract,
            new Money(6_000m),
            null,
            [],
            Enumerable.Range(1, 6).Select(m => new Instalment(Contract.AddMonths(m), new Money(1_060m), new Money(1_000m), new Money(30m), new Money(30m))),
            [],
            null).Loan!;

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddMonths(1)));

        Assert.Contains(assessment.Flags, f => f.Flag == LegalFlagKind.DisguisedFees);
        Assert.Contains(Uncertainty.FeesFactSpecific, assessment.Uncertain);
    }

    [Fact]
    public void Of_StepsFollowTheLegalOrder_EachWithItsNumbers()
    {
        var loan = TestLaw.MonthlyLoan(LenderKind.PrivateIndividual, Contract, 10_000m, 12, 0.03);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddMonths(2)));

        Assert.Equal(
            [StepKind.PrincipalBasis, StepKind.ContractRate, StepKind.CapFourTimesLpr, StepKind.RateAboveCap, StepKind.Accrual, StepKind.Payments, StepKind.Balance],
            assessment.Steps.Select(s => s.Kind));
        Assert.Equal(new Money(10_000m), assessment.Steps[0].Values[3].Amount);
        Assert.Equal(["cc-art670", "spl-art26"], assessment.Steps[0].Citations);
    }

    [Fact]
    public void Of_AsOfBeforeContract_Throws()
    {
        var loan = TestLaw.MonthlyLoan(LenderKind.Bank, Contract, 1_000m, 3, 0.01);

        Assert.Throws<ArgumentException>(() => LegalCheck.Of(loan, TestLaw.Rules, new CheckOptions(Contract.AddDays(-1))));
    }

    [Property(MaxTest = 150)]
    public Property Of_AnyLoan_LawfulBalanceNeverExceedsTheContractRateBalance()
    {
        return Prop.ForAll(Loans().ToArbitrary(), c =>
        {
            var assessment = LegalCheck.Of(c.Loan, TestLaw.Rules, new CheckOptions(c.AsOf));
            return assessment.Views.All(v => v.Lawful.TotalDue.Yuan <= assessment.ContractBalance.TotalDue.Yuan + 0.01m);
        });
    }

    [Property(MaxTest = 150)]
    public Property Of_AddingAPayment_NeverIncreasesTheLawfulBalance()
    {
        var cases = from c in Loans()
                    from day in Gen.Choose(0, 800)
                    from amount in Gen.Choose(1, 5_000)
                    select (c.Loan, c.AsOf, Extra: new Payment(c.Loan.ContractDate.AddDays(day), new Money(amount)));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var before = LegalCheck.Of(c.Loan, TestLaw.Rules, new CheckOptions(c.AsOf));
            var withExtra = Loan.Create(
                c.Loan.Id, c.Loan.Lender, c.Loan.ContractDate, c.Loan.Principal, c.Loan.Received, c.Loan.UpfrontFees, c.Loan.Schedule,
                [.. c.Loan.Payments, c.Extra], c.Loan.Advertised).Loan!;
            var after = LegalCheck.Of(withExtra, TestLaw.Rules, new CheckOptions(c.AsOf));
            return after.Views.Zip(before.Views).All(p => p.First.Lawful.TotalDue <= p.Second.Lawful.TotalDue);
        });
    }

    private static Gen<(Loan Loan, DateOnly AsOf)> Loans() =>
        from kind in Gen.Elements(LenderKind.PrivateIndividual, LenderKind.Bank, LenderKind.Unknown, LenderKind.Microloan)
        from startDay in Gen.Choose(0, 2_000)
        from principal in Gen.Choose(1, 500)
        from months in Gen.Choose(1, 36)
        from basisPoints in Gen.Choose(0, 1_500)
        from deductedPercent in Gen.Choose(0, 30)
        from paidMonths in Gen.Choose(0, 36)
        from asOfDays in Gen.Choose(0, 1_500)
        let contract = new DateOnly(2019, 9, 1).AddDays(startDay)
        let amount = principal * 100m
        let draft = TestLaw.MonthlyLoan(kind, contract, amount, months, basisPoints / 10_000.0, decimal.Round(amount * deductedPercent / 100m, 2))
        let paid = TestLaw.PaidOnSchedule(draft, contract.AddMonths(paidMonths))
        select (TestLaw.MonthlyLoan(kind, contract, amount, months, basisPoints / 10_000.0, decimal.Round(amount * deductedPercent / 100m, 2), paid), contract.AddDays(asOfDays));
}
