using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Import.LoanTables;
using FsCheck;
using FsCheck.Fluent;

namespace DebtShield.Import.Tests.LoanTables;

public sealed class RoundTripTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadOfWrite_VariedLoans_GivesIdenticalFacts(bool xlsx)
    {
        var loans = Enumerable.Range(0, 40).Select(Varied).ToList();

        var read = RoundTrip(loans, xlsx);

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Equal(loans.Select(Facts), read.Loans.Select(Facts));
    }

    [Fact]
    public void ReadOfWrite_AnyAmountsAndRates_GivesIdenticalFacts()
    {
        var amounts = Gen.Choose(1, 1_000_000).SelectMany(whole => Gen.Choose(0, 9999).Select(frac => whole + (frac / 10000m)));
        var property = Prop.ForAll(
            Arb.From(Gen.Zip(amounts, Gen.Choose(0, 100_000).Select(r => r / 1e7), (amount, rate) => (amount, rate)).SelectMany(p => Gen.Elements(true, false).Select(x => (p.amount, p.rate, x)))),
            sample =>
            {
                var (amount, rate, xlsx) = sample;
                var loan = Loan.Create(
                    "p", new Lender("L", LenderKind.Microloan), new DateOnly(2025, 5, 31), new Money(amount * 3), new Money(amount * 2),
                    [new UpfrontFee("f", new Money(amount / 7), new DateOnly(2025, 5, 31))],
                    [new Instalment(new DateOnly(2025, 6, 30), new Money(amount), new Money(amount - 1), new Money(1m), null)],
                    [new Payment(new DateOnly(2025, 6, 30), new Money(amount))],
                    new AdvertisedRate(rate, RatePer.Month, AdvertisedMethod.FeeRate)).Loan!;
                var read = RoundTrip([loan], xlsx);
                return read.Succeeded && Facts(read.Loans[0]) == Facts(loan);
            });

        Check.QuickThrowOnFailure(property);
    }

    private static LoanTableReading RoundTrip(IEnumerable<Loan> loans, bool xlsx)
    {
        using var stream = new MemoryStream();
        if (xlsx)
        {
            LoanTableWriter.WriteXlsx(stream, loans);
            return LoanTableReader.ReadXlsx(new MemoryStream(stream.ToArray()));
        }

        LoanTableWriter.WriteCsv(stream, loans);
        return LoanTableReader.ReadCsv(new MemoryStream(stream.ToArray()));
    }

    private static Loan Varied(int i)
    {
        var start = new DateOnly(2024, 1, 1).AddDays(i * 11);
        var principal = 1000m + (i * 137.13m);
        var schedule = Enumerable.Range(1, 1 + (i % 12)).Select(k => k % 3 == 0
            ? new Instalment(start.AddMonths(k), new Money(100.07m + k), new Money(90m), new Money(10.07m + k), null)
            : new Instalment(start.AddMonths(k), new Money(100.1m * k)));
        var kinds = Enum.GetValues<LenderKind>();
        return Loan.Create(
            i % 5 == 0 ? $"借款 \"{i}\", 第{i}笔" : $"loan-{i}",
            new Lender(i % 4 == 0 ? string.Empty : $"平台{i % 3}", kinds[i % kinds.Length]),
            start,
            new Money(principal),
            i % 2 == 0 ? new Money(principal - 100.5m) : null,
            i % 3 == 0 ? [new UpfrontFee(i % 2 == 0 ? "会员费" : string.Empty, new Money(29.9m), start)] : [],
            schedule,
            i % 4 == 1 ? [new Payment(start.AddMonths(1), new Money(100.1m)), new Payment(start.AddDays(40), new Money(0.01m), (PaymentTarget)(i / 4 % 4))] : [],
            i % 3 == 1 ? new AdvertisedRate(0.0005 + (i / 1e5), (RatePer)(i % 3), (AdvertisedMethod)(i % 5)) : null,
            (i % 5) switch
            {
                0 => OverdueTerms.Unknown,
                1 => OverdueTerms.NoneAgreed,
                2 => OverdueTerms.Agreed(new OverdueRate(0.0005m, RatePer.Day), OverduePenalty.Once(new Money(200m)), new Money(50m)),
                3 => OverdueTerms.Agreed(null, OverduePenalty.PerDay(0.001m), null),
                _ => OverdueTerms.Agreed(new OverdueRate(0.24m + (i / 1000m), RatePer.Year), null, null),
            }).Loan!;
    }

    private static string Facts(Loan loan) => string.Join(
        " | ",
        loan.Id,
        loan.Lender,
        loan.ContractDate,
        loan.Principal.Yuan,
        loan.Received.Yuan,
        loan.Advertised is { } a ? $"{a.Value:R} {a.Per} {a.Method}" : "-",
        loan.OverdueTerms,
        string.Join(";", loan.Schedule),
        string.Join(";", loan.Payments),
        string.Join(";", loan.UpfrontFees));
}
