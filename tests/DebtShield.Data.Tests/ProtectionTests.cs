using System.Text;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data.Tests;

public sealed class ProtectionTests
{
    /// <summary>Light enough for tests; the stored parameters are what unlocking uses.</summary>
    private static readonly KeyDerivationCost Light = new(1024, 1, 1);

    [Fact]
    public void Argon2id_Rfc9106TestVector_Matches()
    {
        // RFC 9106 §5.3: Argon2id, m = 32 KiB, t = 3, p = 4, with secret and associated data.
        using var argon = new Konscious.Security.Cryptography.Argon2id(Enumerable.Repeat((byte)0x01, 32).ToArray())
        {
            Salt = Enumerable.Repeat((byte)0x02, 16).ToArray(),
            KnownSecret = Enumerable.Repeat((byte)0x03, 8).ToArray(),
            AssociatedData = Enumerable.Repeat((byte)0x04, 12).ToArray(),
            MemorySize = 32,
            Iterations = 3,
            DegreeOfParallelism = 4,
        };

        Assert.Equal("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", Convert.ToHexStringLower(argon.GetBytes(32)));
    }

    [Fact]
    public void SealedValue_Opening_SucceedsOnlyInItsOwnColumnWithItsOwnKey()
    {
        var (_, cipher) = Passphrase.Protect("correct horse", Light, SampleFacts.Now);
        var (_, other) = Passphrase.Protect("correct horse", Light, SampleFacts.Now);

        var sealedPhone = cipher.Seal("13800138000", "cases.borrower_phone");

        Assert.StartsWith("v1:", sealedPhone, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", sealedPhone, StringComparison.Ordinal);
        Assert.NotEqual(sealedPhone, cipher.Seal("13800138000", "cases.borrower_phone"));
        Assert.Equal("13800138000", cipher.Open(sealedPhone, "cases.borrower_phone"));
        Assert.Equal(LedgerProblem.SealedValueDamaged, Assert.Throws<LedgerException>(() => cipher.Open(sealedPhone, "cases.notes")).Problem);
        Assert.Equal(LedgerProblem.SealedValueDamaged, Assert.Throws<LedgerException>(() => other.Open(sealedPhone, "cases.borrower_phone")).Problem);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ProtectedLedger_Opening_SucceedsOnlyWithItsPassphrase(string provider)
    {
        using var test = TestLedgers.Create(provider);
        await ProtectAsync(test.Location, "我的密码 2026");

        var missing = await Assert.ThrowsAsync<LedgerException>(() => Ledger.OpenAsync(test.Location, () => null, null));
        var wrong = await Assert.ThrowsAsync<LedgerException>(() => Ledger.OpenAsync(test.Location, () => "我的密码 2025", null));
        var ledger = await Ledger.OpenAsync(test.Location, () => "我的密码 2026", null);

        Assert.Equal(LedgerProblem.PassphraseRequired, missing.Problem);
        Assert.Equal(LedgerProblem.WrongPassphrase, wrong.Problem);
        Assert.True(ledger.Cipher.IsProtected);
        var stored = await ledger.ReadAsync((context, token) => context.Cases.SingleAsync(token));
        Assert.Equal(SampleFacts.Profile, stored.ReadProfile(ledger.Cipher));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task SealedFields_ReadInTheDatabase_AreNotReadable(string provider)
    {
        using var test = TestLedgers.Create(provider);
        await ProtectAsync(test.Location, "pass");

        await using var context = test.Location.CreateContext();
        var raw = await context.Database.SqlQueryRaw<string>("SELECT borrower_phone AS \"Value\" FROM cases").ToListAsync();

        Assert.StartsWith("v1:", Assert.Single(raw), StringComparison.Ordinal);
        if (provider == "sqlite")
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            var bytes = await File.ReadAllBytesAsync(test.DbArgument);
            foreach (var secret in new[] { "13800138000", "110101199001011234", "张三", "单位", "工资" })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            }
        }
    }

    [Fact]
    public async Task SealedValue_CopiedIntoAnotherCasesRow_DoesNotOpen()
    {
        using var test = TestLedgers.CreateSqlite();
        await ProtectAsync(test.Location, "pass");
        var ledger = await Ledger.OpenAsync(test.Location, () => "pass", null);
        await SampleFacts.StoreCaseAsync(ledger, ledger.Cipher, SampleFacts.Loan("second"));

        await using (var context = test.Location.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("UPDATE cases SET borrower_phone = (SELECT borrower_phone FROM cases ORDER BY id LIMIT 1)");
        }

        var cases = await ledger.ReadAsync((context, token) => context.Cases.OrderBy(c => c.Id).ToListAsync(token));
        Assert.Equal("13800138000", cases[0].ReadProfile(ledger.Cipher).BorrowerPhone);
        Assert.Equal(LedgerProblem.SealedValueDamaged, Assert.Throws<LedgerException>(() => cases[1].ReadProfile(ledger.Cipher)).Problem);
    }

    [Fact]
    public async Task ProtectionRow_EditedToExhaustMemory_IsRefusedBeforeDerivingAnyKey()
    {
        using var test = TestLedgers.CreateSqlite();
        await ProtectAsync(test.Location, "pass");
        await using (var context = test.Location.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("UPDATE protection SET memory_kib = 2000000000");
        }

        var refused = await Assert.ThrowsAsync<LedgerException>(() => Ledger.OpenAsync(test.Location, () => "pass", null));

        Assert.Equal(LedgerProblem.SealedValueDamaged, refused.Problem);
    }

    [Fact]
    public async Task ChangePassphrase_OnAProtectedLedger_KeepsTheDataAndRetiresTheOldOne()
    {
        using var test = TestLedgers.CreateSqlite();
        await ProtectAsync(test.Location, "old");
        var ledger = await Ledger.OpenAsync(test.Location, () => "old", null);

        await ledger.ProtectAsync("new", Light, SampleFacts.Now);

        var wrong = await Assert.ThrowsAsync<LedgerException>(() => Ledger.OpenAsync(test.Location, () => "old", null));
        var reopened = await Ledger.OpenAsync(test.Location, () => "new", null);
        Assert.Equal(LedgerProblem.WrongPassphrase, wrong.Problem);
        var stored = await reopened.ReadAsync((context, token) => context.Cases.SingleAsync(token));
        Assert.Equal(SampleFacts.Profile, stored.ReadProfile(reopened.Cipher));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ProtectAsync_BudgetNamesStoredBefore_AreSealedAndStillRead(string provider)
    {
        using var test = TestLedgers.Create(provider);
        var plain = await Ledger.OpenAsync(test.Location, () => null, null);
        await SampleFacts.StoreCaseAsync(plain, plain.Cipher);

        Assert.True(await plain.ProtectAsync("pass", Light, SampleFacts.Now));

        await using var context = test.Location.CreateContext();
        var raw = await context.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM budget_lines").ToListAsync();
        Assert.StartsWith("v1:", Assert.Single(raw), StringComparison.Ordinal);
        var reopened = await Ledger.OpenAsync(test.Location, () => "pass", null);
        var line = await reopened.ReadAsync((c, token) => c.BudgetLines.SingleAsync(token));
        Assert.Equal("工资", line.ToBudgetLine(reopened.Cipher).Name);
        Assert.False(await context.Protection.Select(p => p.FinishPending).SingleAsync());
    }

    [Fact]
    public async Task OpenAsync_ProtectedByAnOlderVersion_SealsItsPlainBudgetNamesAndClearsTheMarker()
    {
        using var test = TestLedgers.CreateSqlite();
        await ProtectAsync(test.Location, "pass");
        await using (var context = test.Location.CreateContext())
        {
            // What a ledger protected before issue 22 holds: a plain budget name, and (from the migration) the marker set.
            await context.Database.ExecuteSqlRawAsync("UPDATE budget_lines SET name = '还给妈妈'; UPDATE protection SET finish_pending = 1");
        }

        var ledger = await Ledger.OpenAsync(test.Location, () => "pass", null);

        await using var check = test.Location.CreateContext();
        Assert.StartsWith("v1:", await check.BudgetLines.Select(b => b.Name).SingleAsync(), StringComparison.Ordinal);
        Assert.False(await check.Protection.Select(p => p.FinishPending).SingleAsync());
        var line = await ledger.ReadAsync((c, token) => c.BudgetLines.SingleAsync(token));
        Assert.Equal("还给妈妈", line.ToBudgetLine(ledger.Cipher).Name);
        Assert.Equal(-1, (await File.ReadAllBytesAsync(test.DbArgument)).AsSpan().IndexOf(Encoding.UTF8.GetBytes("还给妈妈")));
    }

    private static async Task ProtectAsync(LedgerLocation location, string passphrase)
    {
        var ledger = await Ledger.OpenAsync(location, () => null, null);
        Assert.True(await ledger.ProtectAsync(passphrase, Light, SampleFacts.Now));
        await SampleFacts.StoreCaseAsync(ledger, ledger.Cipher);
    }
}
