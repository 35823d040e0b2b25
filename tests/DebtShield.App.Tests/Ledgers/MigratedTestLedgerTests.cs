using DebtShield.App.RecordLoans;
using DebtShield.Data;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.Ledgers;

/// <summary>
/// The App and CLI tests start from copies of a ledger their process migrated once
/// (<see cref="TestLedgers.CreateMigrated"/>) instead of migrating a new one each. That is only
/// the same test if a copy is what a first open leaves behind, and if each copy is a ledger of its own.
/// </summary>
public sealed class MigratedTestLedgerTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task CreateMigrated_HasEveryMigrationAFirstOpenApplies_AndHoldsNothing(string provider)
    {
        using var opened = TestLedgers.Create(provider);
        using var copied = TestLedgers.CreateMigrated(provider);
        await OpenAsync(opened);

        var afterFirstOpen = await LedgerSchema.StatusAsync(opened.Location);
        var copy = await LedgerSchema.StatusAsync(copied.Location);

        Assert.NotEmpty(afterFirstOpen.Applied);
        Assert.Equal(afterFirstOpen.Applied, copy.Applied);
        Assert.Empty(copy.Pending);
        Assert.Empty(copy.Unknown);
        Assert.Empty(await Cases.CaseBook.ListAsync(await OpenAsync(copied)));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task CreateMigrated_WrittenTo_LeavesTheNextCopyEmpty(string provider)
    {
        using var first = TestLedgers.CreateMigrated(provider);
        var written = await OpenAsync(first);
        await RecordLoan.AddAsync(written, null, LedgerUseCaseTests.LoanNamed("a"), Clock);

        using var second = TestLedgers.CreateMigrated(provider);

        Assert.Equal(1, Assert.Single(await Cases.CaseBook.ListAsync(written)).Loans);
        Assert.Empty(await Cases.CaseBook.ListAsync(await OpenAsync(second)));
    }

    private static Task<Data.Ledger> OpenAsync(TestLedger test) => Data.Ledger.OpenAsync(test.Location, () => null, null);
}
