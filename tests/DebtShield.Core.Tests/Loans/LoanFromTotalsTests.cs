using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Loans;

/// <summary>
/// <see cref="Loan.CreateFromTotals"/> is the batch's door to the same checks as
/// <see cref="Loan.Create"/>: the same loan for the same facts, the same problems for wrong ones.
/// </summary>
public sealed class LoanFromTotalsTests
{
    private static readonly DateOnly Contract = new(2025, 1, 31);
    private static readonly Lender Lender = new("平台", LenderKind.OnlinePlatform);

    [Fact]
    public void CreateFromTotals_ValidSchedule_HoldsTheFactsCreateHolds()
    {
        // Given twelve month-end instalments, a deduction and a fee.
        var dueDates = Enumerable.Range(1, 12).Select(m => Contract.AddMonths(m)).ToArray();
        var totals = Enumerable.Range(1, 12).Select(m => new Money(900m + m)).ToArray();
        UpfrontFee[] fees = [new("会员费", new Money(199m), Contract)];

        // When the loan is made both ways.
        var fromTotals = Loan.CreateFromTotals("a", Lender, Contract, new Money(10_000m), new Money(9_500m), fees, dueDates, totals, [], null);
        var fromInstalments = Loan.Create("a", Lender, Contract, new Money(10_000m), new Money(9_500m), fees, dueDates.Zip(totals, (d, t) => new Instalment(d, t)), [], null);

        // Then they are the same loan, instalment by instalment, with the same totals.
        Assert.True(fromTotals.Succeeded);
        Assert.True(fromInstalments.Succeeded);
        Assert.True(fromTotals.Loan.HasSameFacts(fromInstalments.Loan));
        Assert.Equal(fromInstalments.Loan.Schedule, fromTotals.Loan.Schedule);
        Assert.Equal(new Money(10_878m), fromTotals.Loan.ScheduledTotal);
        Assert.Equal(new Money(699m), fromTotals.Loan.UpfrontDeduction);
        Assert.Equal(dueDates[^1], fromTotals.Loan.FinalDueDate);
    }

    [Theory]
    [InlineData("out of order, a negative total, a fee after the first instalment")]
    [InlineData("the first due date on the contract date, a total beyond a trillion")]
    [InlineData("nothing scheduled")]
    [InlineData("a schedule that repays nothing, fees that take all that arrived")]
    public void CreateFromTotals_WrongFacts_ReportsWhatCreateReports(string wrong)
    {
        // Given facts Create refuses.
        (DateOnly[] DueDates, decimal[] Totals, decimal Received, DateOnly FeeDate) facts = wrong switch
        {
            "out of order, a negative total, a fee after the first instalment" =>
                ([Contract.AddMonths(2), Contract.AddMonths(1)], [600m, -5m], 1_000m, Contract.AddMonths(3)),
            "the first due date on the contract date, a total beyond a trillion" =>
                ([Contract, Contract.AddMonths(1)], [600m, 2_000_000_000_000m], 1_000m, Contract),
            "nothing scheduled" => ([], [], 1_000m, Contract),
            _ => ([Contract.AddMonths(1)], [0m], 100m, Contract),
        };
        var (dueDates, totals, received, feeDate) = facts;
        var amounts = totals.Select(t => new Money(t)).ToArray();
        UpfrontFee[] fees = [new("服务费", new Money(100m), feeDate)];

        // When both doors are asked.
        var fromTotals = Loan.CreateFromTotals("b", Lender, Contract, new Money(1_000m), new Money(received), fees, dueDates, amounts, [], null);
        var fromInstalments = Loan.Create("b", Lender, Contract, new Money(1_000m), new Money(received), fees, dueDates.Zip(amounts, (d, t) => new Instalment(d, t)), [], null);

        // Then both refuse, with the same problems in the same order.
        Assert.False(fromTotals.Succeeded);
        Assert.NotEmpty(fromInstalments.Problems);
        Assert.Equal(fromInstalments.Problems, fromTotals.Problems);
    }

    [Fact]
    public void CreateFromTotals_ColumnsOfDifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => Loan.CreateFromTotals(
            "c", Lender, Contract, new Money(1_000m), null, [], [Contract.AddMonths(1)], [], [], null));
    }
}
