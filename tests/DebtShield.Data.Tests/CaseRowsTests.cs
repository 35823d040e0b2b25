using DebtShield.Core.Cases;
using DebtShield.Data.Cases;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data.Tests;

/// <summary>
/// The cases read with plain SQL: the same rows EF Core reads, tracked inside a write (so what the
/// write changes on them is saved) and not inside a read.
/// </summary>
public sealed class CaseRowsTests
{
    private static readonly KeyDerivationCost Light = new(1024, 1, 1);

    [Theory]
    [MemberData(nameof(ProvidersAndProtection))]
    public async Task AllAsync_StoredCases_ReadAsEfCoreReadsThem(string provider, bool protect)
    {
        // Given two cases, one with every field, in a ledger protected or not
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        if (protect)
        {
            Assert.True(await ledger.ProtectAsync("pass", Light, SampleFacts.Now));
        }

        var full = await AddCaseAsync(ledger, new CaseProfile("张三", "张三", "13800138000", "110101199001011234", "备注"), SampleFacts.Now.AddTicks(1234567));
        var bare = await AddCaseAsync(ledger, new CaseProfile("李四"), SampleFacts.Now.AddHours(1));

        // When they are read plainly and through EF Core
        var plain = await ledger.ReadAsync((context, token) => CaseRows.AllAsync(context, token));
        var byEfCore = await ledger.ReadAsync((context, token) => context.Cases.AsNoTracking().ToListAsync(token));

        // Then every column agrees, and the sealed fields open to the profiles written
        Assert.Equal(Columns(byEfCore).OrderBy(c => c.Id), Columns(plain).OrderBy(c => c.Id));
        Assert.Equal(new CaseProfile("张三", "张三", "13800138000", "110101199001011234", "备注"), plain.Single(c => c.Id == full).ReadProfile(ledger.Cipher));
        Assert.Equal("李四", plain.Single(c => c.Id == bare).ReadTitle(ledger.Cipher));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task FindAsync_InsideAWrite_TracksTheCaseSoItsChangeIsSaved(string provider)
    {
        // Given a case
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var id = await AddCaseAsync(ledger, new CaseProfile("张三"), SampleFacts.Now);

        // When a write finds it twice and changes it
        var same = await ledger.WriteAsync(async (context, token) =>
        {
            var found = (await CaseRows.FindAsync(context, id, token))!;
            found.EvidenceCount = 7;
            var again = (await CaseRows.AllAsync(context, token)).Single();
            return ReferenceEquals(found, again);
        });

        // Then both reads gave the one tracked case, and its change was saved
        Assert.True(same);
        Assert.Equal(7, (await ledger.ReadAsync((context, token) => CaseRows.FindAsync(context, id, token)))!.EvidenceCount);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task FindAsync_InsideARead_TracksNothingAndAnUnknownKeyIsNull(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var id = await AddCaseAsync(ledger, new CaseProfile("张三"), SampleFacts.Now);

        var (found, unknown, tracked) = await ledger.ReadAsync(async (context, token) =>
            (await CaseRows.FindAsync(context, id, token), await CaseRows.FindAsync(context, Guid.CreateVersion7(), token), context.ChangeTracker.Entries().Count()));

        Assert.Equal(id, found?.Id);
        Assert.Null(unknown);
        Assert.Equal(0, tracked);
    }

    public static TheoryData<string, bool> ProvidersAndProtection => new()
    {
        { "sqlite", false },
        { "sqlite", true },
        { "postgresql", false },
        { "postgresql", true },
    };

    private static Task<Guid> AddCaseAsync(Ledger ledger, CaseProfile profile, DateTimeOffset createdAt) =>
        ledger.WriteAsync((context, _) =>
        {
            var stored = new StoredCase { Id = Guid.CreateVersion7(createdAt), CreatedAt = createdAt };
            stored.WriteProfile(profile, ledger.Cipher);
            context.Cases.Add(stored);
            return Task.FromResult(stored.Id);
        });

    private static IEnumerable<(Guid Id, DateTimeOffset CreatedAt, string Title, string? Name, string? Phone, string? IdNumber, string? Notes, int EvidenceCount, string EvidenceHead, int LoansRevision)> Columns(IEnumerable<StoredCase> cases) =>
        cases.Select(c => (c.Id, c.CreatedAt, c.Title, c.BorrowerName, c.BorrowerPhone, c.BorrowerIdNumber, c.Notes, c.EvidenceCount, c.EvidenceHead, c.LoansRevision));
}
