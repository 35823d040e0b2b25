using DebtShield.App.Cases;
using DebtShield.App.RecordLoans;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Cases;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.Ledgers;

/// <summary>
/// The reads of the web app's front page at the first request of a start (the case door's case
/// list, the only case's loans, its newest evidence): on a new ledger they are the start's first
/// reads after the opening, and an EF Core query among them compiles EF Core's query pipeline
/// before the first page can answer (docs/benchmarks.md, issue 25).
/// </summary>
public sealed class FrontPageReadTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task FrontPageReads_LedgerWithoutCase_RunNoCommandThroughEfCore(string provider)
    {
        // Given a migrated ledger with no case yet, opened
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);

        // When the front page reads what it shows
        IReadOnlyList<string> commands;
        IReadOnlyList<CaseSummary> cases;
        ListLoans.CaseLoanList loans;
        EvidencePage evidence;
        using (var watch = EfCoreCommands.Watch())
        {
            cases = await CaseBook.ListAsync(ledger);
            loans = await ListLoans.ListLoans.ListAsync(ledger, CaseReference.Only, Today);
            evidence = await EvidencePages.ReadAsync(ledger, CaseReference.Only, new EvidenceFilter(), 1, 5);
            commands = watch.Commands;
        }

        // Then it finds no case, and EF Core ran nothing
        Assert.Empty(commands);
        Assert.Empty(cases);
        Assert.Null(loans.Case);
        Assert.Null(evidence.CaseId);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task FrontPageReads_TheDemoCaseWithLoansAndEvidence_RunNoCommandThroughEfCore(string provider)
    {
        // Given the worked example's case: loans from several lenders and a phone backup's evidence
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        await Demo.LoadDemo.RunAsync(ledger, Clock);

        // When the front page reads what it shows
        IReadOnlyList<string> commands;
        ListLoans.CaseLoanList loans;
        EvidencePage evidence;
        using (var watch = EfCoreCommands.Watch())
        {
            loans = await ListLoans.ListLoans.ListAsync(ledger, CaseReference.Only, Today);
            evidence = await EvidencePages.ReadAsync(ledger, CaseReference.Only, new EvidenceFilter(), 1, 5);
            commands = watch.Commands;
        }

        // Then it shows the case's loans and newest evidence, and EF Core ran nothing
        Assert.Empty(commands);
        Assert.Equal(Demo.LoadDemo.Title, loans.Case);
        Assert.NotEmpty(loans.Loans);
        Assert.Equal(5, evidence.Items.Count);
        Assert.True(evidence.Total > 5);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task CaseList_CasesNamedOrAll_EachWithItsLoanCountOldestFirst(string provider)
    {
        // Given three cases, the second with two loans
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        var first = await CaseBook.AddAsync(ledger, new CaseProfile("张三", "张三", "13800138000", null, "备注"), Clock);
        var second = await CaseBook.AddAsync(ledger, new CaseProfile("李四"), new FixedClock(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero)));
        var third = await CaseBook.AddAsync(ledger, new CaseProfile("王五"), new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await RecordLoan.AddAsync(ledger, CaseReference.ById(second), LedgerUseCaseTests.LoanNamed("甲"), Clock);
        await RecordLoan.AddAsync(ledger, CaseReference.ById(second), LedgerUseCaseTests.LoanNamed("乙"), Clock);

        // When the list is read whole, and for two of them
        var all = await CaseBook.ListAsync(ledger);
        var some = await CaseBook.ListAsync(ledger, [third, first, Guid.CreateVersion7()]);

        // Then every field is read back, loans counted per case, oldest first
        Assert.Equal([(first, "张三", 0), (second, "李四", 2), (third, "王五", 0)], all.Select(c => (c.Id, c.Profile.Title, c.Loans)));
        Assert.Equal(new CaseProfile("张三", "张三", "13800138000", null, "备注"), all[0].Profile);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero), all[0].CreatedAt);
        Assert.Equal([first, third], some.Select(c => c.Id));
        Assert.Empty(await CaseBook.ListAsync(ledger, []));
    }
}
