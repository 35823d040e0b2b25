using DebtShield.Core;
using DebtShield.Core.Loans;

namespace DebtShield.Benchmarks;

/// <summary>Realistic generated loans for the ledger's benchmarks: varied amounts, deductions, fees, payments.</summary>
internal static class SampleLoans
{
    /// <summary><paramref name="count"/> loans of <paramref name="instalments"/> monthly instalments and up to <paramref name="payments"/> payments each.</summary>
    public static IReadOnlyList<Loan> Make(int count, int instalments, int payments, int lenders = 23)
    {
        var random = new Random(20261128);
        var loans = new List<Loan>(count);
        for (var n = 0; n < count; n++)
        {
            var contract = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 700));
            var principal = random.Next(10, 500) * 100m;
            var received = principal - (random.Next(0, 4) * principal / 20);
            var instalment = Math.Round(principal * (1 + (random.Next(5, 60) / 100m)) / instalments, 2);
            var schedule = Enumerable.Range(1, instalments).Select(m => new Instalment(contract.AddMonths(m), new Money(instalment)));
            var paid = Enumerable.Range(1, payments).Select(p => new Payment(contract.AddDays(p * 9), new Money(Math.Round(instalment / 3, 2))));
            var creation = Loan.Create(
                $"loan-{n}",
                new Lender($"平台{n % lenders}", LenderKind.OnlinePlatform),
                contract,
                new Money(principal),
                new Money(received),
                [new UpfrontFee("会员费", new Money(random.Next(1, 300)), contract)],
                schedule,
                paid,
                new AdvertisedRate(random.Next(2, 10) / 10000.0, RatePer.Day, AdvertisedMethod.Nominal));
            loans.Add(creation.Loan ?? throw new InvalidOperationException(string.Join(", ", creation.Problems)));
        }

        return loans;
    }
}
