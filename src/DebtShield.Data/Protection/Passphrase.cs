using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace DebtShield.Data.Protection;

/// <summary>
/// Turns the user's passphrase into the key that seals the ledger's data key (Argon2id), and
/// back: creating protection, unlocking it, and changing the passphrase.
/// </summary>
/// <remarks>
/// Argon2id runs in libsodium for one lane, the cost DebtShield writes, and in a managed
/// implementation only for the two lanes that ledgers protected by earlier versions store:
/// libsodium takes one lane only, and does the same work in about half to three quarters of the managed code's CPU
/// (docs/benchmarks.md, eleventh session). Both follow RFC 9106 (version 1.3), so one lane gives
/// the same key either way. A ledger keeps the cost it was sealed with until its passphrase is set
/// again, which seals it at <see cref="KeyDerivationCost.Default"/>.
/// </remarks>
public static class Passphrase
{
    private const int KeySize = 32;
    private const int SaltSize = 16;
    private static readonly byte[] DataKeyLabel = "debtshield.data-key.v1"u8.ToArray();

    /// <summary>Creates protection with a fresh random data key, sealed under the passphrase.</summary>
    public static (StoredProtection Protection, LedgerCipher Cipher) Protect(string passphrase, KeyDerivationCost cost, DateTimeOffset now)
    {
        var dataKey = RandomNumberGenerator.GetBytes(KeySize);
        var protection = new StoredProtection();
        Seal(protection, dataKey, passphrase, cost, now);
        return (protection, LedgerCipher.WithKey(dataKey));
    }

    /// <summary>Opens the data key, or returns <see langword="null"/> when the passphrase is wrong.</summary>
    public static LedgerCipher? Unlock(StoredProtection protection, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(protection);
        return Unlock(protection.Salt, new KeyDerivationCost(protection.MemoryKib, protection.Iterations, protection.Parallelism), protection.SealedDataKey, passphrase);
    }

    /// <summary>
    /// Opens the data key from the protection row's columns, or returns <see langword="null"/> when
    /// the passphrase is wrong: the ledger's opening reads them with one plain query, so a start
    /// compiles no EF Core query for them.
    /// </summary>
    internal static LedgerCipher? Unlock(byte[] salt, KeyDerivationCost cost, byte[] sealedDataKey, string passphrase)
    {
        if (cost.MemoryKib is < 8 or > 4 * 1024 * 1024 || cost.Iterations is < 1 or > 64 || cost.Parallelism is < 1 or > 16 || salt.Length != SaltSize)
        {
            // Parameters no DebtShield writes: the row was edited, perhaps to make opening exhaust memory.
            throw new LedgerException(LedgerProblem.SealedValueDamaged, "protection");
        }

        var key = Derive(passphrase, salt, cost);
        var dataKey = LedgerCipher.OpenBytes(key, sealedDataKey, DataKeyLabel);
        CryptographicOperations.ZeroMemory(key);
        return dataKey is null ? null : LedgerCipher.WithKey(dataKey);
    }

    /// <summary>Seals the same data key under a new passphrase, with a new salt.</summary>
    public static void Change(StoredProtection protection, LedgerCipher cipher, string newPassphrase, KeyDerivationCost cost, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(cipher);
        Seal(protection, cipher.DataKey, newPassphrase, cost, now);
    }

    private static void Seal(StoredProtection protection, byte[] dataKey, string passphrase, KeyDerivationCost cost, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var key = Derive(passphrase, salt, cost);
        protection.Salt = salt;
        protection.MemoryKib = cost.MemoryKib;
        protection.Iterations = cost.Iterations;
        protection.Parallelism = cost.Parallelism;
        protection.SealedDataKey = LedgerCipher.SealBytes(key, dataKey, DataKeyLabel);
        protection.SetAt = now;
        CryptographicOperations.ZeroMemory(key);
    }

    /// <summary>
    /// The passphrase's key under <paramref name="cost"/>: the one place that chooses libsodium
    /// (one lane) or the managed implementation (more lanes, older ledgers) by the lanes alone.
    /// The passphrase is normalised (NFC) before it is encoded (UTF-8), so the same words typed
    /// on another keyboard open the ledger.
    /// </summary>
    internal static byte[] Derive(string passphrase, byte[] salt, KeyDerivationCost cost)
    {
        var secret = Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC));
        try
        {
            return cost.Parallelism == 1 ? DeriveInOneLane(secret, salt, cost) : DeriveInLanes(secret, salt, cost);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static byte[] DeriveInOneLane(byte[] secret, byte[] salt, KeyDerivationCost cost)
    {
        var argon = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = cost.MemoryKib,
            NumberOfPasses = cost.Iterations,
        });
        var key = new byte[KeySize];
        argon.DeriveBytes(secret, salt, key);
        return key;
    }

    private static byte[] DeriveInLanes(byte[] secret, byte[] salt, KeyDerivationCost cost)
    {
        using var argon = new Konscious.Security.Cryptography.Argon2id(secret)
        {
            Salt = salt,
            MemorySize = cost.MemoryKib,
            Iterations = cost.Iterations,
            DegreeOfParallelism = cost.Parallelism,
        };
        return argon.GetBytes(KeySize);
    }
}
