using System.Globalization;
using DebtShield.App.ImportLoans;
using DebtShield.App.RecordLoans;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Data;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.Ledgers;

/// <summary>
/// The loan list is kept between requests; these pin down that no change to the loans, made by
/// this process or another (the CLI beside the web app), is hidden by a kept list.
/// </summary>
public sealed class ComputedListTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task List_AfterAPaymentByAnotherProcess_ShowsIt(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var (web, cli) = (await OpenAsync(test), await OpenAsync(test));
        await RecordLoan.AddAsync(cli, null, LoanNamed("a"), Clock);
        var before = await App.ListLoans.ListLoans.ListAsync(web, null, Today);

        await RecordLoan.AddPaymentAsync(cli, null, "a", new Payment(new DateOnly(2026, 5, 15), new Money(1150m)), Clock);
        var after = await App.ListLoans.ListLoans.ListAsync(web, null, Today);

        Assert.Equal(1150m, before.Loans[0].Paid);
        Assert.Equal(2300m, after.Loans[0].Paid);
        Assert.True(after.Loans[0].OverdueAmount < before.Loans[0].OverdueAmount);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task List_AfterLoansReplacedImportedOrRemovedElsewhere_ShowsEachChange(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var (web, cli) = (await OpenAsync(test), await OpenAsync(test));
        await RecordLoan.AddAsync(cli, null, LoanNamed("a"), Clock);
        var seen = new List<string>();
        async Task LookAsync() => seen.Add(string.Join(",", (await App.ListLoans.ListLoans.ListAsync(web, null, Today)).Loans.Select(l => $"{l.Id}:{l.Received}")));

        await LookAsync();
        await ImportLoans.ImportLoans.StoreAsync(cli, null, new LoanSourceReading([LoanNamed("a", received: 7500m), LoanNamed("b")], []), replace: true, Clock);
        await LookAsync();
        await RecordLoan.RemoveAsync(cli, null, "a");
        await LookAsync();

        Assert.Equal(["a:8000", "a:7500,b:8000", "b:8000"], seen);
    }

    [Fact]
    public async Task List_OnTheNextDayOrInAnotherLanguage_IsComputedAfresh()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await OpenAsync(test);
        await RecordLoan.AddAsync(ledger, null, LoanNamed("a"), Clock);
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            var today = await App.ListLoans.ListLoans.ListAsync(ledger, null, Today);
            var tomorrow = await App.ListLoans.ListLoans.ListAsync(ledger, null, Today.AddDays(1));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var english = await App.ListLoans.ListLoans.ListAsync(ledger, null, Today);

            Assert.Equal(today.Loans[0].DaysOverdue + 1, tomorrow.Loans[0].DaysOverdue);
            Assert.NotEqual(today.Loans[0].Verdict, english.Loans[0].Verdict);
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english.Loans[0].Verdict);
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }

    private static Task<Ledger> OpenAsync(TestLedger test) => Ledger.OpenAsync(test.Location, () => null, null);

    private static Loan LoanNamed(string id, decimal received = 8000m) => LedgerUseCaseTests.LoanNamed(id, received);
}
