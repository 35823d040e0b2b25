using DebtShield.Core;
using DebtShield.Core.Cases;
using DebtShield.Core.Loans;
using DebtShield.Data.Cases;
using DebtShield.Data.Loans;
using DebtShield.Data.Protection;

namespace DebtShield.Data.Tests;

/// <summary>Facts the ledger tests store: a loan with every kind of fact, and a case to hold it.</summary>
internal static class SampleFacts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    public static Loan Loan(string id = "借呗-1")
    {
        var creation = Core.Loans.Loan.Create(
            id,
            new Lender("某某借款App", LenderKind.OnlinePlatform),
            new DateOnly(2026, 3, 15),
            new Money(10000m),
            new Money(8000m),
            [new UpfrontFee("会员费", new Money(299m), new DateOnly(2026, 3, 15))],
            [
                new Instalment(new DateOnly(2026, 4, 15), new Money(1150m), new Money(833.33m), new Money(150m), new Money(166.67m)),
                new Instalment(new DateOnly(2026, 5, 15), new Money(1150.005m)),
                new Instalment(new DateOnly(2026, 6, 15), new Money(9000m)),
            ],
            [new Payment(new DateOnly(2026, 4, 15), new Money(1150m)), new Payment(new DateOnly(2026, 5, 16), new Money(500.5m), PaymentTarget.Principal)],
            new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal),
            OverdueTerms.Agreed(new OverdueRate(0.0005m, RatePer.Day), OverduePenalty.PerDay(0.001m), new Money(30.5m)));
        Assert.True(creation.Succeeded);
        return creation.Loan;
    }

    public static CaseProfile Profile => new("张三的网贷", "张三", "13800138000", "110101199001011234", "催收说要打给我单位");

    /// <summary>Stores a case holding <see cref="Loan"/> with the given cipher, in one transaction.</summary>
    public static Task<Guid> StoreCaseAsync(Ledger ledger, LedgerCipher cipher, params Loan[] loans) =>
        ledger.WriteAsync((context, _) =>
        {
            var stored = new StoredCase { Id = Guid.CreateVersion7(Now), CreatedAt = Now };
            stored.WriteProfile(Profile, cipher);
            stored.Budget.Add(StoredBudgetLine.From(stored.Id, 0, new Core.Budget.BudgetLine(Core.Budget.BudgetLineKind.Income, "工资", new Money(6000m)), cipher));
            context.Cases.Add(stored);
            foreach (var loan in loans.DefaultIfEmpty(Loan()))
            {
                var lender = stored.Lenders.FirstOrDefault(l => l.Name == loan.Lender.Name);
                if (lender is null)
                {
                    lender = new StoredLender { Id = Guid.CreateVersion7(Now), CaseId = stored.Id, Name = loan.Lender.Name, Kind = loan.Lender.Kind };
                    stored.Lenders.Add(lender);
                }

                stored.Loans.Add(StoredLoan.From(loan, stored.Id, lender, Now));
            }

            return Task.FromResult(stored.Id);
        });
}
