using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Import.LoanTables;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.LoanTables;

/// <summary>
/// samples/loans.csv and samples/loans.xlsx are written by <see cref="LoanTableWriter"/> from the
/// case below; run with DEBTSHIELD_WRITE_SAMPLES=1 to write them again.
/// </summary>
public sealed class SampleTests
{
    [Theory]
    [InlineData("loans.csv")]
    [InlineData("loans.xlsx")]
    public void Sample_Read_IsTheCase(string file)
    {
        var path = Path.Combine(RepositoryPaths.Root, "samples", file);
        if (Environment.GetEnvironmentVariable("DEBTSHIELD_WRITE_SAMPLES") == "1")
        {
            using var stream = File.Create(path);
            if (file.EndsWith(".csv", StringComparison.Ordinal))
            {
                LoanTableWriter.WriteCsv(stream, Case());
            }
            else
            {
                LoanTableWriter.WriteXlsx(stream, Case());
            }
        }

        var reading = LoanTableReader.ReadFile(path);

        Assert.True(reading.Succeeded, string.Join("; ", reading.Errors));
        Assert.Equal(["某某花-2026-01", "快贷-2025-11", "张三借款"], reading.Loans.Select(l => l.Id));
        Assert.Equal(Case().Select(l => l.Schedule.Count + l.Payments.Count + l.UpfrontFees.Count), reading.Loans.Select(l => l.Schedule.Count + l.Payments.Count + l.UpfrontFees.Count));
        Assert.Equal(2000m, reading.Loans[0].Deducted.Yuan);
        Assert.Equal(299m, reading.Loans[1].UpfrontFeeTotal.Yuan);
    }

    private static List<Loan> Case()
    {
        var first = new DateOnly(2026, 1, 15);
        var online = Loan.Create(
            "某某花-2026-01", new Lender("某某花App", LenderKind.OnlinePlatform), first, new Money(10000m), new Money(8000m), [],
            Enumerable.Range(1, 6).Select(k => new Instalment(first.AddMonths(k), new Money(1866.67m), new Money(1666.67m), new Money(150m), new Money(50m))),
            [new Payment(first.AddMonths(1), new Money(1866.67m)), new Payment(first.AddMonths(2).AddDays(9), new Money(1000m))],
            new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal)).Loan!;
        var second = new DateOnly(2025, 11, 3);
        var microloan = Loan.Create(
            "快贷-2025-11", new Lender("某某小额贷款有限公司", LenderKind.Microloan), second, new Money(5000m), null,
            [new UpfrontFee("会员费", new Money(299m), second)],
            Enumerable.Range(1, 12).Select(k => new Instalment(second.AddMonths(k), new Money(466.67m))),
            [new Payment(second.AddMonths(1), new Money(466.67m)), new Payment(second.AddMonths(2), new Money(466.67m))],
            new AdvertisedRate(0.015, RatePer.Month, AdvertisedMethod.FeeRate)).Loan!;
        var personal = Loan.Create(
            "张三借款", new Lender("张三", LenderKind.PrivateIndividual), new DateOnly(2025, 9, 1), new Money(3000m), null, [],
            [new Instalment(new DateOnly(2026, 3, 1), new Money(3300m))], [], null).Loan!;
        return [online, microloan, personal];
    }
}
