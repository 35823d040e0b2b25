using DebtShield.App.Demo;
using DebtShield.App.ImportLoans;
using DebtShield.App.Ledgers;
using DebtShield.App.ListLoans;
using DebtShield.App.RecordLoans;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Data;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.Ledgers;

public sealed class LedgerUseCaseTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ImportLoans_TheSameLoansTwice_AddsNothingTheSecondTime(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        var reading = new LoanSourceReading([LoanNamed("a"), LoanNamed("b")], []);

        var first = await ImportLoans.ImportLoans.StoreAsync(ledger, null, reading, replace: false, Clock);
        var second = await ImportLoans.ImportLoans.StoreAsync(ledger, null, reading, replace: false, Clock);

        Assert.Equal((2, 0, 0), (first.Added, first.Unchanged, first.Replaced));
        Assert.Equal((0, 2, 0), (second.Added, second.Unchanged, second.Replaced));
        Assert.Equal(["a", "b"], (await ListLoans.ListLoans.ListAsync(ledger, null, Today)).Loans.Select(l => l.Id));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ImportLoans_AChangedLoanOfTheSameName_IsRefusedUnlessReplacingAndImportsNothingElse(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await ImportLoans.ImportLoans.StoreAsync(ledger, null, new LoanSourceReading([LoanNamed("a")], []), replace: false, Clock);
        var changed = new LoanSourceReading([LoanNamed("a", received: 7500m), LoanNamed("new")], []);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => ImportLoans.ImportLoans.StoreAsync(ledger, null, changed, replace: false, Clock));
        var unchanged = await ListLoans.ListLoans.ListAsync(ledger, null, Today);
        var replaced = await ImportLoans.ImportLoans.StoreAsync(ledger, null, changed, replace: true, Clock);
        var after = await ListLoans.ListLoans.ListAsync(ledger, null, Today);

        Assert.Contains("a", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["a"], unchanged.Loans.Select(l => l.Id));
        Assert.Equal(8000m, unchanged.Loans[0].Received);
        Assert.Equal((1, 0, 1), (replaced.Added, replaced.Unchanged, replaced.Replaced));
        Assert.Equal(7500m, after.Loans.Single(l => l.Id == "a").Received);
        Assert.Equal(2, after.Loans.Count);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task DemoCase_Stored_ComesOutWithEveryFactItWentInWith(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        var demo = LoadDemo.Content();

        await LoadDemo.RunAsync(ledger, Clock);
        var again = await LoadDemo.RunAsync(ledger, Clock);
        var exported = await ExportCase.ExportCase.ReadAsync(ledger, null);

        Assert.Equal((0, 5), (again.Added, again.Unchanged));
        Assert.Equal(demo.Profile, exported.Profile);
        Assert.Equal(demo.Budget.Lines, exported.Budget.Lines);
        Assert.Equal(demo.Loans.Count, exported.Loans.Count);
        foreach (var loan in demo.Loans)
        {
            Assert.True(exported.Loans.Single(l => l.Id == loan.Id).HasSameFacts(loan), loan.Id);
        }
    }

    [Fact]
    public async Task DemoCase_Listed_GivesItsLoansWithFiguresComputedToday()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await OpenAsync(test);
        await LoadDemo.RunAsync(ledger, Clock);

        var list = await ListLoans.ListLoans.ListAsync(ledger, null, Today);
        var fast = list.Loans.Single(l => l.Id == "极速借");

        Assert.Equal(41700m, list.Totals.Received);
        Assert.Equal(20640m, list.Totals.Paid);
        Assert.Equal(4600m, fast.OverdueAmount);
        Assert.Equal(new DateOnly(2026, 8, 15), fast.OverdueSince);
        Assert.Equal(105, fast.DaysOverdue);
        Assert.Equal(2299m, fast.UpfrontDeduction);
        Assert.True(fast.ExceedsCap);
        Assert.InRange(fast.IrrAnnualNominal!.Value, 1.0, 1.5);
        Assert.Null(list.Loans.Single(l => l.Id == "消费分期").OverdueAmount);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task EditLoan_ToANewOrATakenName_KeepsItsPaymentsOrIsRefused(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await RecordLoan.AddAsync(ledger, null, LoanNamed("a"), Clock);
        await RecordLoan.AddAsync(ledger, null, LoanNamed("b"), Clock);
        await RecordLoan.AddPaymentAsync(ledger, null, "a", new Payment(new DateOnly(2026, 4, 20), new Money(100m)), Clock);

        var edited = await RecordLoan.EditAsync(ledger, null, "a", loan => Loan.Create("a2", loan.Lender, loan.ContractDate, loan.Principal, new Money(7900m), loan.UpfrontFees, loan.Schedule, loan.Payments, loan.Advertised), Clock);
        var taken = await Assert.ThrowsAsync<RequestRefusedException>(() => RecordLoan.EditAsync(ledger, null, "a2", loan => Loan.Create("b", loan.Lender, loan.ContractDate, loan.Principal, loan.Received, loan.UpfrontFees, loan.Schedule, loan.Payments, loan.Advertised), Clock));
        var detail = await ListLoans.ListLoans.ShowAsync(ledger, null, "a2", Today);

        Assert.Equal("a2", edited.Id);
        Assert.Contains("b", taken.Message, StringComparison.Ordinal);
        Assert.Equal(7900m, detail.Loan.Received);
        Assert.Equal([new PaymentFigure(new DateOnly(2026, 4, 15), 1150m), new PaymentFigure(new DateOnly(2026, 4, 20), 100m)], detail.PaymentsMade);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task AddAndImport_PaymentAppliedToPrincipal_IsKeptAndTheCheckLowersPrincipalThatDay(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        var plain = LoanNamed("u");
        var marked = Loan.Create("m", plain.Lender, plain.ContractDate, plain.Principal, plain.Received, plain.UpfrontFees, plain.Schedule, [new Payment(new DateOnly(2026, 4, 15), new Money(1150m), PaymentTarget.Principal)], null).Loan!;
        await RecordLoan.AddAsync(ledger, null, plain, Clock);
        await ImportLoans.ImportLoans.StoreAsync(ledger, null, new LoanSourceReading([marked], []), replace: false, Clock);
        await RecordLoan.AddAsync(ledger, null, LoanNamed("p"), Clock);
        await RecordLoan.AddPaymentAsync(ledger, null, "p", new Payment(new DateOnly(2026, 5, 15), new Money(100m), PaymentTarget.Interest), Clock);

        var m = await ListLoans.ListLoans.ShowAsync(ledger, null, "m", Today);
        var u = await ListLoans.ListLoans.ShowAsync(ledger, null, "u", Today);
        var p = await ListLoans.ListLoans.ShowAsync(ledger, null, "p", Today);

        Assert.Equal([new PaymentFigure(new DateOnly(2026, 4, 15), 1150m, "principal")], m.PaymentsMade);
        Assert.Equal([new PaymentFigure(new DateOnly(2026, 4, 15), 1150m), new PaymentFigure(new DateOnly(2026, 5, 15), 100m, "interest")], p.PaymentsMade);

        // Applied to principal: 8,000 received − 1,150 = 6,850 on 2026-04-15, the month's interest
        // still owed. In the law's order the month's interest is paid first, so less principal falls.
        Assert.Equal(6850m, m.Check.Lawful.PrincipalOutstanding);
        Assert.True(u.Check.Lawful.PrincipalOutstanding > 6850m);
        Assert.True(m.Check.Lawful.InterestDue > u.Check.Lawful.InterestDue);
    }

    [Fact]
    public async Task List_OverdueLoanBelowItsCap_GivesTheLawfulRangeAndTheTotalsSumTheTopEnds()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await OpenAsync(test);
        await RecordLoan.AddAsync(ledger, null, BankLoanNeverPaid(), Clock);
        await RecordLoan.AddAsync(ledger, null, LoanNamed("a"), Clock);

        var list = await ListLoans.ListLoans.ListAsync(ledger, null, Today);
        var bank = list.Loans.Single(l => l.Id == "bank");
        var above = list.Loans.Single(l => l.Id == "a");

        // 10,000 at about 5.6% a year, overdue since 2026-01-15: agreed overdue charges could
        // lawfully reach the 24% line, so the figure is a range, not "at most" its low end.
        Assert.True(bank.LawfulMostDue > bank.LawfulTotalDue);
        Assert.True(bank.LawfulMostDue <= 10_000m * (1 + (0.24m * (Today.DayNumber - new DateOnly(2025, 12, 15).DayNumber) / 365)));

        // A platform's loan above the private cap: the lender of record decides between that cap
        // and the licensed 24% line, so the figure runs from the private view's to the licensed one's.
        Assert.True(above.LenderOfRecordDecides);
        Assert.Equal(0.24m, above.OtherCapAnnual);
        Assert.True(above.LawfulMostDue > above.LawfulTotalDue);
        Assert.Equal(bank.LawfulTotalDue + above.LawfulTotalDue, list.Totals.LawfulTotalDue);
        Assert.Equal(bank.LawfulMostDue!.Value + above.LawfulMostDue!.Value, list.Totals.LawfulMostDue);
    }

    internal static Loan BankLoanNeverPaid() => Loan.Create(
        "bank",
        new Lender("某银行", LenderKind.Bank),
        new DateOnly(2025, 12, 15),
        new Money(10_000m),
        null,
        [],
        [.. Enumerable.Range(1, 12).Select(i => new Instalment(new DateOnly(2025, 12, 15).AddMonths(i), new Money(860m)))],
        [],
        null).Loan!;

    [Fact]
    public async Task RecordPayment_NotFittingTheLoan_IsRefusedWithTheProblemWorded()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await OpenAsync(test);
        await RecordLoan.AddAsync(ledger, null, LoanNamed("a"), Clock);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => RecordLoan.AddPaymentAsync(ledger, null, "a", new Payment(new DateOnly(2025, 1, 1), new Money(10m)), Clock));

        Assert.Contains("payments[1].date", refused.Message, StringComparison.Ordinal);
        Assert.Single((await ListLoans.ListLoans.ShowAsync(ledger, null, "a", Today)).PaymentsMade);
    }

    [Fact]
    public async Task Lender_WithinACase_KeepsOneKind()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await OpenAsync(test);
        await RecordLoan.AddAsync(ledger, null, LoanNamed("a"), Clock);
        var other = Loan.Create("b", new Lender("某某借款App", LenderKind.Microloan), new DateOnly(2026, 3, 15), new Money(1000m), null, [], [new Instalment(new DateOnly(2026, 4, 15), new Money(1100m))], [], null).Loan!;

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => RecordLoan.AddAsync(ledger, null, other, Clock));

        Assert.Contains("microloan", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Protect_ALedgerHoldingData_SealsWhatItAlreadyHolds(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await LoadDemo.RunAsync(ledger, Clock);

        await LedgerAdministration.ProtectAtCostAsync(ledger, "长长的密码 2026", new KeyDerivationCost(1024, 1, 1), Clock);
        var locked = await Assert.ThrowsAsync<LedgerException>(() => Data.Ledger.OpenAsync(test.Location, () => null, null));
        var reopened = await Data.Ledger.OpenAsync(test.Location, () => "长长的密码 2026", null);
        var status = await LedgerAdministration.StatusAsync(test.Location);

        Assert.Equal(LedgerProblem.PassphraseRequired, locked.Problem);
        Assert.Equal(LoadDemo.Content().Profile, (await ExportCase.ExportCase.ReadAsync(reopened, null)).Profile);
        Assert.True(status.Protected);
        await Assert.ThrowsAsync<RequestRefusedException>(() => LedgerAdministration.ProtectAtCostAsync(reopened, "short", new KeyDerivationCost(1024, 1, 1), Clock));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task SetBudget_OverAnEarlierOne_ReplacesItWholeAndSaysWhatIsLeftForDebts(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await LoadDemo.RunAsync(ledger, Clock);

        await Budgets.CaseBudget.SetAsync(ledger, null, new Core.Budget.MonthlyBudget([
            new Core.Budget.BudgetLine(Core.Budget.BudgetLineKind.Income, "工资", new Money(3000m)),
            new Core.Budget.BudgetLine(Core.Budget.BudgetLineKind.EssentialExpense, "房租", new Money(3300.5m)),
        ]), Clock);
        var shown = await Budgets.CaseBudget.ShowAsync(ledger, null);

        Assert.Equal(["工资", "房租"], shown.Lines.Select(l => l.Name));
        Assert.Equal(["income", "essential_expense"], shown.Lines.Select(l => l.Kind));
        Assert.Equal(-300.5m, shown.LeftForDebts);
        Assert.Equal(2, (await ExportCase.ExportCase.ReadAsync(ledger, null)).Budget.Lines.Count);
    }

    [Fact]
    public async Task EditLoan_TheLendersKindWhileOnlyThisLoanIsUnderIt_CorrectsTheKind()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await OpenAsync(test);
        await RecordLoan.AddAsync(ledger, null, LoanNamed("a"), Clock);

        await RecordLoan.EditAsync(ledger, null, "a", loan => Loan.Create(loan.Id, loan.Lender with { Kind = LenderKind.Microloan }, loan.ContractDate, loan.Principal, loan.Received, loan.UpfrontFees, loan.Schedule, loan.Payments, loan.Advertised), Clock);
        await RecordLoan.AddAsync(ledger, null, Loan.Create("b", new Lender("某某借款App", LenderKind.Microloan), new DateOnly(2026, 3, 15), new Money(1000m), null, [], [new Instalment(new DateOnly(2026, 4, 15), new Money(1100m))], [], null).Loan!, Clock);
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => RecordLoan.EditAsync(ledger, null, "a", loan => Loan.Create(loan.Id, loan.Lender with { Kind = LenderKind.Bank }, loan.ContractDate, loan.Principal, loan.Received, loan.UpfrontFees, loan.Schedule, loan.Payments, loan.Advertised), Clock));

        Assert.Contains("b", refused.Message, StringComparison.Ordinal);
        Assert.All((await ListLoans.ListLoans.ListAsync(ledger, null, Today)).Loans, l => Assert.Equal("microloan", l.LenderKind));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task RemoveLoan_TheLendersLast_RemovesTheLenderToo(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await OpenAsync(test);
        await RecordLoan.AddAsync(ledger, null, LoanNamed("a"), Clock);

        await RecordLoan.RemoveAsync(ledger, null, "a");
        await RecordLoan.AddAsync(ledger, null, Loan.Create("a", new Lender("某某借款App", LenderKind.Bank), new DateOnly(2026, 3, 15), new Money(1000m), null, [], [new Instalment(new DateOnly(2026, 4, 15), new Money(1100m))], [], null).Loan!, Clock);

        Assert.Equal("bank", Assert.Single((await ListLoans.ListLoans.ListAsync(ledger, null, Today)).Loans).LenderKind);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task FirstWriters_TwoAtOnce_OpenOneCaseBetweenThem(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var first = await OpenAsync(test);
        var second = await OpenAsync(test);

        await Task.WhenAll(
            Task.Run(() => RecordLoan.AddAsync(first, null, LoanNamed("a"), Clock)),
            Task.Run(() => RecordLoan.AddAsync(second, null, LoanNamed("b"), Clock)));

        var cases = await Cases.CaseBook.ListAsync(first);
        Assert.Equal(2, Assert.Single(cases).Loans);
    }

    [Fact]
    public async Task CaseReference_NamingACaseThatDoesNotExist_IsRefusedInsteadOfOpeningASecondCase()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await OpenAsync(test);
        await RecordLoan.AddAsync(ledger, null, LoanNamed("a"), Clock);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => RecordLoan.AddAsync(ledger, "我的借kuan", LoanNamed("b"), Clock));

        Assert.Contains("我的借kuan", refused.Message, StringComparison.Ordinal);
        Assert.Single(await Cases.CaseBook.ListAsync(ledger));
    }

    [Fact]
    public async Task OpenLedger_ProtectedByAnotherProcessAfterOpening_WritesNothingAndSaysWhy()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var stale = await OpenAsync(test);
        var other = await OpenAsync(test);
        await LedgerAdministration.ProtectAtCostAsync(other, "长长的密码 2026", new KeyDerivationCost(1024, 1, 1), Clock);

        var refused = await Assert.ThrowsAsync<LedgerException>(() => RecordLoan.AddAsync(stale, null, LoanNamed("a"), Clock));
        await RecordLoan.AddAsync(other, null, LoanNamed("b"), Clock);

        Assert.Equal(LedgerProblem.ProtectionChanged, refused.Problem);
        var titles = await other.ReadAsync((context, token) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(context.Cases.Select(c => c.Title), token));
        Assert.StartsWith("v1:", Assert.Single(titles), StringComparison.Ordinal);
    }

    private static Task<Data.Ledger> OpenAsync(TestLedger test) => Data.Ledger.OpenAsync(test.Location, () => null, null);

    internal static Loan LoanNamed(string id, decimal received = 8000m)
    {
        var creation = Loan.Create(
            id,
            new Lender("某某借款App", LenderKind.OnlinePlatform),
            new DateOnly(2026, 3, 15),
            new Money(10000m),
            new Money(received),
            [],
            [.. Enumerable.Range(1, 12).Select(i => new Instalment(new DateOnly(2026, 3, 15).AddMonths(i), new Money(1150m)))],
            [new Payment(new DateOnly(2026, 4, 15), new Money(1150m))],
            null);
        Assert.True(creation.Succeeded);
        return creation.Loan;
    }
}
