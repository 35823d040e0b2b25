using DebtShield.Core.Loans;
using DebtShield.Core.Rates;

namespace DebtShield.Core.Tests.Loans;

/// <summary>
/// <c>Loan.CreateFromTotals</c> is the batch's door to the same checks as
/// <see cref="Loan.Create"/>: the same loan for the same facts, the same problems for wrong ones,
/// whether its payments come as records or as two columns.
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
    public void HoldFromTotals_ManyFacts_AgreesWithCreateFromTotalsAndGivesItsLoansBasisAndIrr()
    {
        // Given facts of every kind, many of them wrong in one way or another: deductions, fees
        // dated late, schedules out of order or on the contract date, negative or huge totals,
        // payments before the contract or of nothing, monthly and 14-day schedules.
        var random = new Random(2712);
        var refused = 0;
        for (var trial = 0; trial < 2_000; trial++)
        {
            var principal = new Money(random.Next(-1, 40) * 250m);
            var received = random.Next(4) == 0 ? (Money?)null : new Money(principal.Yuan - (random.Next(-1, 5) * 50m));
            UpfrontFee[] fees = random.Next(3) == 0 ? [] : [new("服务费", new Money(random.Next(0, 400)), Contract.AddDays(random.Next(0, 40) - 5))];
            var count = random.Next(0, 14);
            var days = random.Next(3) == 0 ? 14 : 0;
            var dueDates = new DateOnly[count];
            var totals = new Money[count];
            for (var k = 0; k < count; k++)
            {
                dueDates[k] = days > 0 ? Contract.AddDays((k + 1) * days) : Contract.AddMonths(k + 1);
                totals[k] = new Money(random.Next(50) == 0 ? 2_000_000_000_000m : random.Next(-2, 120) * 10.5m);
            }

            if (count > 1 && random.Next(10) == 0)
            {
                (dueDates[0], dueDates[1]) = (dueDates[1], dueDates[0]);
            }

            var paidOn = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Contract.AddDays(random.Next(-3, 60))).ToArray();
            var paidAmounts = paidOn.Select(_ => new Money(random.Next(0, 5) * 100m)).ToArray();

            // When the facts are checked without a loan, and made into one.
            var holds = Loan.HoldFromTotals(Contract, principal, received, fees, dueDates, totals, paidOn, paidAmounts, out var basis);
            var creation = Loan.CreateFromTotals("h", Lender, Contract, principal, received, fees, dueDates, totals, paidOn, paidAmounts, null);

            // Then they hold exactly when the loan is made, with its principal basis, and the IRR
            // from the columns is the loan's own, to the bit, per the same period.
            Assert.Equal(creation.Succeeded, holds);
            if (!holds)
            {
                refused++;
                continue;
            }

            var cost = TrueCost.Of(creation.Loan!);
            Assert.Equal(creation.Loan!.PrincipalBasis, basis);
            var irr = TrueCost.IrrOf(Contract, basis, dueDates, totals);
            Assert.Equal(cost.Period, irr.Period);
            Assert.Equal(cost.IrrPerPeriod.Kind, irr.PerPeriod.Kind);
            Assert.Equal(cost.IrrPerPeriod.RateOrNull, irr.PerPeriod.RateOrNull);
            Assert.Equal(cost.IrrAnnualNominal, irr.AnnualNominal);
            Assert.Equal(cost.IrrAnnualEffective, irr.AnnualEffective);
        }

        Assert.InRange(refused, 200, 1_800);
    }

    [Fact]
    public void CreateFromTotals_ColumnsOfDifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => Loan.CreateFromTotals(
            "c", Lender, Contract, new Money(1_000m), null, [], [Contract.AddMonths(1)], [], [], null));
        Assert.Throws<ArgumentException>(() => Loan.CreateFromTotals(
            "c", Lender, Contract, new Money(1_000m), null, [], [Contract.AddMonths(1)], [new Money(1_100m)], [Contract.AddDays(3)], [], null));
    }

    [Fact]
    public void CreateFromTotals_MissingArgumentOrUnevenSchedule_BothDoorsThrowTheSame()
    {
        // Given the two doors from totals, payments as records and as columns, one of them fed a
        // missing name, lender or fee list, or a schedule with a due date short of a total.
        DateOnly[] due = [Contract.AddMonths(1)];
        Money[] total = [new(1_100m)];
        var cases = new (string? Id, Lender? Lender, UpfrontFee[]? Fees, DateOnly[] Due, Money[] Totals, string Param, Type Thrown)[]
        {
            (null, Lender, [], due, total, "id", typeof(ArgumentNullException)),
            ("f", null, [], due, total, "lender", typeof(ArgumentNullException)),
            ("f", Lender, null, due, total, "upfrontFees", typeof(ArgumentNullException)),
            ("f", Lender, [], due, [], "totals", typeof(ArgumentException)),
            ("f", Lender, [], [], total, "totals", typeof(ArgumentException)),
        };

        foreach (var (id, lender, fees, dueDates, totals, param, thrown) in cases)
        {
            // When each door is asked.
            var fromRecords = Record.Exception(() => Loan.CreateFromTotals(id!, lender!, Contract, new Money(1_000m), null, fees!, dueDates, totals, [], null));
            var fromColumns = Record.Exception(() => Loan.CreateFromTotals(id!, lender!, Contract, new Money(1_000m), null, fees!, dueDates, totals, [], [], null));

            // Then both throw the same exception, naming the same argument.
            foreach (var exception in new[] { fromRecords, fromColumns })
            {
                Assert.NotNull(exception);
                Assert.Equal(thrown, exception.GetType());
                Assert.Equal(param, ((ArgumentException)exception).ParamName);
            }
        }
    }

    [Fact]
    public void CreateFromTotals_PaymentColumnsInAnyOrder_HoldThePaymentsRecordsHold()
    {
        // Given payments in order, shuffled, with same-day payments and amounts equal in value
        // but written with another scale (the loan orders them by day, amount and designation).
        var random = new Random(19);
        DateOnly[] dueDates = [Contract.AddMonths(1), Contract.AddMonths(2)];
        Money[] totals = [new(600m), new(600m)];
        for (var trial = 0; trial < 500; trial++)
        {
            var count = random.Next(0, 45);
            var paidOn = new DateOnly[count];
            var amounts = new Money[count];
            for (var i = 0; i < count; i++)
            {
                paidOn[i] = Contract.AddDays(random.Next(0, 90));
                amounts[i] = new Money(new decimal(random.Next(1, 5) * 100, 0, 0, false, (byte)random.Next(0, 3)));
            }

            if (random.Next(2) == 0)
            {
                var order = Enumerable.Range(0, count).OrderBy(i => paidOn[i]).ThenBy(i => amounts[i]).ToArray();
                paidOn = [.. order.Select(i => paidOn[i])];
                amounts = [.. order.Select(i => amounts[i])];
            }

            var records = paidOn.Zip(amounts, (d, a) => new Payment(d, a)).ToArray();

            // When the loan is made from the columns and from the records.
            var fromColumns = Loan.CreateFromTotals("d", Lender, Contract, new Money(1_000m), null, [], dueDates, totals, paidOn, amounts, null);
            var fromRecords = Loan.CreateFromTotals("d", Lender, Contract, new Money(1_000m), null, [], dueDates, totals, records, null);

            // Then the payments are the same facts, in the loan's order, each as it was written.
            Assert.True(fromColumns.Succeeded);
            Assert.True(fromRecords.Succeeded);
            Assert.True(fromColumns.Loan.HasSameFacts(fromRecords.Loan), $"trial {trial}");
            var paid = fromColumns.Loan.Payments;
            Assert.Equal(count, paid.Count);
            for (var i = 1; i < paid.Count; i++)
            {
                Assert.True(paid[i - 1].Date < paid[i].Date || (paid[i - 1].Date == paid[i].Date && paid[i - 1].Amount <= paid[i].Amount), $"trial {trial}: payment {i} out of order");
            }

            Assert.Equal(
                records.Select(p => (p.Date, decimal.GetBits(p.Amount.Yuan)[3], p.Amount.Yuan)).Order(),
                paid.Select(p => (p.Date, decimal.GetBits(p.Amount.Yuan)[3], p.Amount.Yuan)).Order());
            Assert.Same(paid, fromColumns.Loan.Payments);
        }
    }

    [Fact]
    public void CreateFromTotals_WrongPaymentColumns_ReportsWhatCreateReports()
    {
        // Given a payment before the contract date and one of nothing.
        DateOnly[] paidOn = [Contract.AddDays(-1), Contract.AddDays(20)];
        Money[] amounts = [new(100m), Money.Zero];

        // When both doors are asked.
        var fromColumns = Loan.CreateFromTotals("e", Lender, Contract, new Money(1_000m), null, [], [Contract.AddMonths(1)], [new Money(1_100m)], paidOn, amounts, null);
        var fromInstalments = Loan.Create("e", Lender, Contract, new Money(1_000m), null, [], [new Instalment(Contract.AddMonths(1), new Money(1_100m))], paidOn.Zip(amounts, (d, a) => new Payment(d, a)), null);

        // Then both refuse, with the same problems in the same order.
        Assert.False(fromColumns.Succeeded);
        Assert.Equal(2, fromColumns.Problems.Count);
        Assert.Equal(fromInstalments.Problems, fromColumns.Problems);
    }
}
