using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data.Tests;

/// <summary>
/// What opening a ledger that is already migrated costs: its reads are the app's first at every
/// start, and an EF Core query among them builds the model and compiles the query before the first
/// page asks for anything.
/// </summary>
public sealed class LedgerOpeningTests
{
    private static readonly KeyDerivationCost Light = new(1024, 1, 1);

    [Theory]
    [MemberData(nameof(ProvidersAndProtection))]
    public async Task OpenAsync_MigratedLedger_RunsNoCommandThroughEfCore(string provider, bool protect)
    {
        // Given a ledger made and migrated (protected or not) by an earlier start
        using var test = TestLedgers.Create(provider);
        var first = await Ledger.OpenAsync(test.Location, () => null, null);
        if (protect)
        {
            Assert.True(await first.ProtectAsync("pass", Light, SampleFacts.Now));
        }

        // When it is opened again
        Ledger opened;
        IReadOnlyList<string> commands;
        using (var watch = EfCoreCommands.Watch())
        {
            opened = await Ledger.OpenAsync(test.Location, () => "pass", null);
            commands = watch.Commands;
        }

        // Then it is opened, unlocked when protected, with no EF Core command (so no EF Core query compiled)
        Assert.Empty(commands);
        Assert.Equal(protect, opened.Cipher.IsProtected);
    }

    [Fact]
    public async Task OpenAsync_ProtectionTableWithTwoRows_IsRefusedAsDamaged()
    {
        using var test = TestLedgers.CreateSqlite();
        var first = await Ledger.OpenAsync(test.Location, () => null, null);
        Assert.True(await first.ProtectAsync("pass", Light, SampleFacts.Now));
        await using (var context = test.Location.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("INSERT INTO protection SELECT 2, salt, memory_kib, iterations, parallelism, sealed_data_key, set_at, finish_pending FROM protection");
        }

        var refused = await Assert.ThrowsAsync<LedgerException>(() => Ledger.OpenAsync(test.Location, () => "pass", null));

        Assert.Equal(LedgerProblem.SealedValueDamaged, refused.Problem);
    }

    public static TheoryData<string, bool> ProvidersAndProtection => new()
    {
        { "sqlite", false },
        { "sqlite", true },
        { "postgresql", false },
        { "postgresql", true },
    };
}
