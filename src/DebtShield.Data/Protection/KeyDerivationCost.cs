namespace DebtShield.Data.Protection;

/// <summary>
/// The Argon2id cost of turning a passphrase into a key: high enough that guessing passphrases
/// against a copied database file is slow, low enough that opening the ledger takes about a second
/// on a modest laptop.
/// </summary>
/// <param name="MemoryKib">Memory in KiB.</param>
/// <param name="Iterations">Passes over the memory.</param>
/// <param name="Parallelism">Lanes.</param>
public readonly record struct KeyDerivationCost(int MemoryKib, int Iterations, int Parallelism)
{
    /// <summary>
    /// 64 MiB, 3 passes, 2 lanes: above OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane) and
    /// the first recommended option of RFC 9106 scaled down to laptop memory.
    /// </summary>
    public static KeyDerivationCost Default { get; } = new(64 * 1024, 3, 2);
}
