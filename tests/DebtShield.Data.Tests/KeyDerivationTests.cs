using System.Text;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data.Tests;

/// <summary>
/// The passphrase's key: libsodium for one lane (every protection written now), the managed
/// implementation for the two lanes of ledgers protected by earlier versions, and the same bytes
/// from both where both apply.
/// </summary>
public sealed class KeyDerivationTests
{
    /// <summary>The passphrase of the rows below, as typed (é composed, NFC).</summary>
    private const string OldPassphrase = "旧密码 caf\u00e9";

    /// <summary>
    /// Protection rows written by the code before libsodium (main at abe14d2, all Konscious):
    /// salt, cost, sealed data key, and the data key they hold.
    /// </summary>
    public static TheoryData<string, int, int, int, string, string> OlderVersionRows => new()
    {
        { "aab2c2bcddb71b16294528cdb010aa3b", 1024, 1, 2, "d0c6141245f252a4fb3ca888bc450b53046ccfcb0704afdcd34ed9587f34ad20b365635f09980d0d21b08513d1307ed11ef447d87004ec1a69340d8e", "d303e0ebccc543c14005dd268b061630f428875cf4bc705ba4d92e7e4ffa725f" },
        { "a138d2d21574dc64107c6f959de206fa", 1024, 2, 1, "7b06991b39df380c578deb71b24b1bd383ecb9b92d3c14a6c111245859c0abdcf3cf8d95af1028663cda538129c605081da9a689e7a8294d46996460", "90121b6bda412bd33aa90422b04501aa00c34304231098998fd33a1595e785d4" },
    };

    [Theory]
    [InlineData("correct horse battery", 8, 1, 0x11)]
    [InlineData("我的密码 2026", 1024, 1, 0x22)]
    [InlineData("p", 1024, 3, 0x33)]
    [InlineData("长长的密码 with 😀 and tabs\t", 4096, 2, 0x44)]
    public void Derive_OneLane_IsTheManagedImplementationsKey(string passphrase, int memoryKib, int passes, byte saltByte)
    {
        // Given a salt and a one-lane cost
        var salt = Enumerable.Range(0, 16).Select(i => (byte)(saltByte + i)).ToArray();
        using var managed = new Konscious.Security.Cryptography.Argon2id(Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC)))
        {
            Salt = salt,
            MemorySize = memoryKib,
            Iterations = passes,
            DegreeOfParallelism = 1,
        };

        // When the ledger derives the key (libsodium) and the managed implementation derives it too
        var key = Passphrase.Derive(passphrase, salt, new KeyDerivationCost(memoryKib, passes, 1));

        // Then both are the same 32 bytes
        Assert.Equal(Convert.ToHexStringLower(managed.GetBytes(32)), Convert.ToHexStringLower(key));
    }

    [Theory]
    [MemberData(nameof(OlderVersionRows))]
    public void Unlock_RowAnOlderVersionWrote_OpensItsDataKeyFromTheDecomposedPassphraseToo(string salt, int memoryKib, int passes, int lanes, string sealedDataKey, string dataKey)
    {
        var row = Row(salt, memoryKib, passes, lanes, sealedDataKey);

        var typed = Passphrase.Unlock(row, OldPassphrase);
        var decomposed = Passphrase.Unlock(row, "旧密码 cafe\u0301");

        Assert.Equal(dataKey, Convert.ToHexStringLower(Assert.IsType<LedgerCipher>(typed).DataKey));
        Assert.Equal(dataKey, Convert.ToHexStringLower(Assert.IsType<LedgerCipher>(decomposed).DataKey));
    }

    [Theory]
    [MemberData(nameof(OlderVersionRows))]
    public void Unlock_WrongPassphraseForARowAnOlderVersionWrote_IsNull(string salt, int memoryKib, int passes, int lanes, string sealedDataKey, string dataKey)
    {
        _ = dataKey;
        var row = Row(salt, memoryKib, passes, lanes, sealedDataKey);

        Assert.Null(Passphrase.Unlock(row, "旧密码 cafe"));
        Assert.Null(Passphrase.Unlock(row, OldPassphrase + " "));
    }

    [Theory]
    [InlineData(4, 1, 1, 16)]
    [InlineData(4 * 1024 * 1024 + 1, 1, 1, 16)]
    [InlineData(1024, 0, 1, 16)]
    [InlineData(1024, 65, 1, 16)]
    [InlineData(1024, 1, 0, 16)]
    [InlineData(1024, 1, 17, 16)]
    [InlineData(1024, 1, 1, 8)]
    [InlineData(1024, 1, 2, 32)]
    public void Unlock_StoredParametersNoDebtShieldWrites_IsRefusedAsDamaged(int memoryKib, int passes, int lanes, int saltLength)
    {
        var row = new StoredProtection { Salt = new byte[saltLength], MemoryKib = memoryKib, Iterations = passes, Parallelism = lanes, SealedDataKey = new byte[60] };

        var refused = Assert.Throws<LedgerException>(() => Passphrase.Unlock(row, OldPassphrase));

        Assert.Equal(LedgerProblem.SealedValueDamaged, refused.Problem);
    }

    [Fact]
    public void Protect_AtTheDefaultCost_StoresOneLaneOf64MibAndThreePasses()
    {
        var (row, cipher) = Passphrase.Protect(OldPassphrase, KeyDerivationCost.Default, SampleFacts.Now);

        Assert.Equal((64 * 1024, 3, 1), (row.MemoryKib, row.Iterations, row.Parallelism));
        Assert.Equal(cipher.DataKey, Passphrase.Unlock(row, OldPassphrase)?.DataKey);
    }

    [Fact]
    public async Task OpenAsync_LedgerSealedInTwoLanes_OpensAndANewPassphraseSealsItInOneLane()
    {
        // Given a ledger protected in two lanes, as every earlier version protected it
        using var test = TestLedgers.CreateSqlite();
        var plain = await Ledger.OpenAsync(test.Location, () => null, null);
        Assert.True(await plain.ProtectAsync("old", new KeyDerivationCost(1024, 1, 2), SampleFacts.Now));
        await SampleFacts.StoreCaseAsync(plain, plain.Cipher);

        // When it is opened, and its passphrase set again at the default cost
        var opened = await Ledger.OpenAsync(test.Location, () => "old", null);
        var stored = await opened.ReadAsync((context, token) => context.Cases.SingleAsync(token));
        await opened.ProtectAsync("new", KeyDerivationCost.Default, SampleFacts.Now);

        // Then it read as before, and is now sealed in one lane and opens with the new passphrase only
        Assert.Equal(SampleFacts.Profile, stored.ReadProfile(opened.Cipher));
        await using var check = test.Location.CreateContext();
        Assert.Equal(1, await check.Protection.Select(p => p.Parallelism).SingleAsync());
        var reopened = await Ledger.OpenAsync(test.Location, () => "new", null);
        var again = await reopened.ReadAsync((context, token) => context.Cases.SingleAsync(token));
        Assert.Equal(SampleFacts.Profile, again.ReadProfile(reopened.Cipher));
        var wrong = await Assert.ThrowsAsync<LedgerException>(() => Ledger.OpenAsync(test.Location, () => "old", null));
        Assert.Equal(LedgerProblem.WrongPassphrase, wrong.Problem);
    }

    private static StoredProtection Row(string salt, int memoryKib, int passes, int lanes, string sealedDataKey) => new()
    {
        Salt = Convert.FromHexString(salt),
        MemoryKib = memoryKib,
        Iterations = passes,
        Parallelism = lanes,
        SealedDataKey = Convert.FromHexString(sealedDataKey),
    };
}
