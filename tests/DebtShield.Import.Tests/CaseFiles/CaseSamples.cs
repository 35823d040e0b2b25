using DebtShield.Core;
using DebtShield.Core.Budget;
using DebtShield.Core.Cases;
using DebtShield.Core.Loans;
using DebtShield.Import.CaseFiles;
using FsCheck;
using FsCheck.Fluent;

namespace DebtShield.Import.Tests.CaseFiles;

/// <summary>Cases to write and read back: one written by hand, and a generator of varied valid ones.</summary>
internal static class CaseSamples
{
    private static readonly DateOnly Day0 = new(2015, 1, 1);

    /// <summary>Text that tests the writer's escaping: Chinese, quotes, backslashes, control characters, emoji, odd spaces.</summary>
    private static readonly string[] Texts =
        ["某某借款App", "Bank \"A\" \\ B", "借呗\n第二行", "😀钱包", "tab\there", "全角　空格", "<script>&'", "x"];

    public static CaseFileContent HandWritten()
    {
        var start = new DateOnly(2026, 3, 15);
        var first = Loan.Create(
            "my-loan",
            new Lender("某某借款App", LenderKind.OnlinePlatform),
            start,
            new Money(10000m),
            new Money(8000m),
            [new UpfrontFee("会员费", new Money(299m), start)],
            [
                new Instalment(start.AddMonths(1), new Money(1150m), new Money(833.330000m), new Money(150m), new Money(166.67m)),
                new Instalment(start.AddMonths(2), new Money(1150.00m)),
            ],
            [new Payment(start.AddMonths(1), new Money(1150m))],
            new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal),
            OverdueTerms.Agreed(new OverdueRate(0.0005m, RatePer.Day), OverduePenalty.Once(new Money(200m)), new Money(50m))).Loan!;
        var second = Loan.Create(
            "信用卡分期",
            new Lender(string.Empty, LenderKind.Bank),
            new DateOnly(2025, 12, 1),
            new Money(3000.5m),
            null,
            [],
            [new Instalment(new DateOnly(2026, 1, 1), new Money(3100.25m))],
            [],
            null).Loan!;
        return new CaseFileContent(
            new CaseProfile("我的网贷", "张三", "13800000000", "110101199001011234", "催收员 2026-04-01 打了我妈妈的电话。"),
            new MonthlyBudget([
                new BudgetLine(BudgetLineKind.Income, "工资", new Money(6000m)),
                new BudgetLine(BudgetLineKind.EssentialExpense, "房租", new Money(1500m)),
                new BudgetLine(BudgetLineKind.Income, "兼职", new Money(833.33m)),
            ]),
            [first, second]);
    }

    public static Arbitrary<CaseFileContent> Cases() =>
        (from profile in Profiles()
         from budget in ListOf(BudgetLines(), 0, 5)
         from count in Gen.Choose(0, 4)
         from loans in Gen.ArrayOf(Loans(), count)
         select new CaseFileContent(
             profile,
             new MonthlyBudget(budget),
             [.. loans.Select((make, i) => make(i))])).ToArbitrary();

    private static Gen<CaseProfile> Profiles() =>
        from title in Gen.Elements(Texts)
        from name in OptionalText()
        from phone in OptionalText()
        from idNumber in OptionalText()
        from notes in OptionalText()
        select new CaseProfile(title, name, phone, idNumber, notes);

    private static Gen<IReadOnlyList<T>> ListOf<T>(Gen<T> item, int least, int most) =>
        from count in Gen.Choose(least, most)
        from items in Gen.ArrayOf(item, count)
        select (IReadOnlyList<T>)items;

    private static Gen<string?> OptionalText() => Gen.Elements<string?>([null, .. Texts]);

    private static Gen<BudgetLine> BudgetLines() =>
        from kind in Gen.Elements(BudgetLineKind.Income, BudgetLineKind.EssentialExpense)
        from name in Gen.Elements(Texts)
        from monthly in Amounts(1, 10_000_000)
        select new BudgetLine(kind, name, monthly);

    /// <summary>A loan for position i in the case (ids are made unique by the position).</summary>
    private static Gen<Func<int, Loan>> Loans() =>
        from id in Gen.Elements(Texts)
        from lenderName in Gen.Elements(["", .. Texts])
        from kind in Gen.Elements(Enum.GetValues<LenderKind>())
        from startDay in Gen.Choose(0, 4000)
        from principal in Amounts(10_000, 100_000_000)
        from receivedShare in Gen.Choose(0, 100)
        from fees in ListOf(from amount in Amounts(1, 100) from daysBefore in Gen.Choose(0, 3) from name in Gen.Elements(["", .. Texts]) select (amount, daysBefore, name), 0, 3)
        from instalments in ListOf(Instalments(), 1, 24)
        from payments in ListOf(from day in Gen.Choose(0, 5) from amount in Amounts(1, 10_000_000) select (day, amount), 0, 20)
        from stated in Gen.OneOf(Gen.Constant<AdvertisedRate?>(null), AdvertisedRates())
        select (Func<int, Loan>)(index =>
        {
            var start = Day0.AddDays(startDay);
            Money? received = receivedShare == 100 ? null : new Money(decimal.Round(principal.Yuan * (50 + (receivedShare / 2)) / 100, 2));
            var due = start;
            var schedule = instalments.Select(i => i.Make(due = due.AddDays(i.Gap))).ToList();
            var creation = Loan.Create(
                id + "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new Lender(lenderName, kind),
                start,
                principal,
                received,
                fees.Select(f => new UpfrontFee(f.name, f.amount, start.AddDays(-f.daysBefore))),
                schedule,
                payments.Select(p => new Payment(start.AddDays(p.day), p.amount)),
                stated);
            return creation.Loan ?? throw new InvalidOperationException(string.Join(", ", creation.Problems));
        });

    /// <summary>An instalment due <c>Gap</c> days after the previous one; its first total is never zero so the schedule repays something.</summary>
    private static Gen<InstalmentAfter> Instalments() =>
        from gap in Gen.Choose(1, 40)
        from total in Amounts(1, 10_000_000)
        from split in Gen.Choose(0, 3)
        from share in Gen.Choose(0, 100)
        select new InstalmentAfter(gap, due =>
        {
            var principal = new Money(decimal.Round(total.Yuan * share / 100, 2));
            return split switch
            {
                0 => new Instalment(due, total),
                1 => new Instalment(due, total, principal, total - principal),
                2 => new Instalment(due, total, principal, total - principal, Money.Zero),
                _ => new Instalment(due, total, Fees: total),
            };
        });

    private static Gen<AdvertisedRate?> AdvertisedRates() =>
        from numerator in Gen.Choose(0, 1_000_000)
        from denominator in Gen.Elements(1.0, 3.0, 7.0, 1e4, 1e7)
        from per in Gen.Elements(Enum.GetValues<RatePer>())
        from method in Gen.Elements(Enum.GetValues<AdvertisedMethod>())
        select (AdvertisedRate?)new AdvertisedRate(numerator / denominator, per, method);

    /// <summary>Amounts in fen from min to max, written with 0 to 4 trailing zeros (833.33, 833.3300…).</summary>
    private static Gen<Money> Amounts(int minFen, int maxFen) =>
        from fen in Gen.Choose(minFen, maxFen)
        from zeros in Gen.Choose(0, 4)
        select new Money(fen / 100m * new decimal((int)Math.Pow(10, zeros), 0, 0, false, (byte)zeros));

    private sealed record InstalmentAfter(int Gap, Func<DateOnly, Instalment> Make);
}
