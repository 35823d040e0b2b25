using DebtShield.App.Cases;
using DebtShield.App.RecordLoans;
using DebtShield.Core.Cases;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.Ledgers;

/// <summary>A case named by id (the web), by title (the CLI) or not at all (the only case) is the same case to every use case.</summary>
public sealed class CaseReferenceTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ById_CaseAmongSeveral_IsTheCaseItsTitleNames(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        var first = await CaseBook.AddAsync(ledger, new CaseProfile("张三"), Clock);
        var second = await CaseBook.AddAsync(ledger, new CaseProfile("李四"), Clock);

        await RecordLoan.AddAsync(ledger, CaseReference.ById(second), LedgerUseCaseTests.LoanNamed("李四的借款"), Clock);

        Assert.Empty((await ListLoans.ListLoans.ListAsync(ledger, CaseReference.ById(first), Today)).Loans);
        Assert.Equal(["李四的借款"], (await ListLoans.ListLoans.ListAsync(ledger, "李四", Today)).Loans.Select(l => l.Id));
        Assert.Equal("李四", (await ListLoans.ListLoans.ListAsync(ledger, CaseReference.ById(second), Today)).Case);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ById_NoSuchCase_RefusedWithoutNamingAnyCaseAndOpensNone(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        await CaseBook.AddAsync(ledger, new CaseProfile("张三"), Clock);
        var nobody = CaseReference.ById(Guid.CreateVersion7());

        var read = await Assert.ThrowsAsync<RequestRefusedException>(() => ListLoans.ListLoans.ListAsync(ledger, nobody, Today));
        var write = await Assert.ThrowsAsync<RequestRefusedException>(() => RecordLoan.AddAsync(ledger, nobody, LedgerUseCaseTests.LoanNamed("a"), Clock));
        var byTitle = await Assert.ThrowsAsync<RequestRefusedException>(() => ListLoans.ListLoans.ListAsync(ledger, "王五", Today));

        Assert.All([read, write], e => Assert.DoesNotContain("张三", e.Message, StringComparison.Ordinal));
        Assert.Contains("张三", byTitle.Message, StringComparison.Ordinal); // the CLI's owner may be told their own titles
        Assert.Equal(["张三"], (await CaseBook.ListAsync(ledger)).Select(c => c.Profile.Title));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Named_IdOrTitleAsTyped_IsTheSameCaseEitherWay(string provider)
    {
        // Given two cases, one of them titled with words that read as an id no case has.
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        var oddTitle = Guid.CreateVersion7().ToString();
        var first = await CaseBook.AddAsync(ledger, new CaseProfile("张三"), Clock);
        await CaseBook.AddAsync(ledger, new CaseProfile(oddTitle), Clock);

        // When a loan is added naming the first case by its id, as typed (padded, upper case),
        await RecordLoan.AddAsync(ledger, CaseReference.Named(" " + first.ToString().ToUpperInvariant() + " "), LedgerUseCaseTests.LoanNamed("张三的借款"), Clock);

        // Then its title and its id find it, the odd title finds its own case, and an id nobody has is refused as a title.
        Assert.Equal(["张三的借款"], (await ListLoans.ListLoans.ListAsync(ledger, CaseReference.Named("张三"), Today)).Loans.Select(l => l.Id));
        Assert.Equal("张三", (await ListLoans.ListLoans.ListAsync(ledger, CaseReference.Named(first.ToString()), Today)).Case);
        Assert.Equal(oddTitle, (await ListLoans.ListLoans.ListAsync(ledger, CaseReference.Named(oddTitle), Today)).Case);
        var unknown = await Assert.ThrowsAsync<RequestRefusedException>(() => ListLoans.ListLoans.ListAsync(ledger, CaseReference.Named(Guid.CreateVersion7().ToString()), Today));
        Assert.Contains("张三", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await CaseBook.ListAsync(ledger)).Count);
    }

    [Fact]
    public void Named_NullTitleOrId_IsTheOnlyCaseATitleOrAnIdThatMayBeATitle()
    {
        var id = Guid.CreateVersion7();

        Assert.True(CaseReference.Named(null).IsOnly);
        Assert.Equal((null, "张三"), (CaseReference.Named(" 张三 ").Id, CaseReference.Named(" 张三 ").Title));
        Assert.Equal((id, id.ToString()), (CaseReference.Named(id + " ").Id, CaseReference.Named(id + " ").Title));
    }

    [Fact]
    public void ByTitle_NullOrPadded_IsTheOnlyCaseOrTheTrimmedTitle()
    {
        Assert.Equal(CaseReference.Only, CaseReference.ByTitle(null));
        Assert.True(((CaseReference)(string?)null).IsOnly);
        Assert.Equal("张三", CaseReference.ByTitle(" 张三 ").Title);
        Assert.False(CaseReference.ById(Guid.Empty).IsOnly);
    }
}
