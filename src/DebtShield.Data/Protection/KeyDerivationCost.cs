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
    /// 64 MiB, 3 passes, 1 lane: above OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane), and the
    /// memory and passes of RFC 9106's second recommended option (64 MiB, 3 passes) in one lane
    /// where the RFC has four.
    /// </summary>
    /// <remarks>
    /// Lanes let the defender spread the same work over several cores; they do not add to what
    /// an attacker must compute or store per guess, which memory and passes set. One lane is what
    /// libsodium computes, in about half to three quarters of the managed implementation's CPU (docs/benchmarks.md,
    /// eleventh session). Ledgers sealed before with 2 lanes keep them until the passphrase is set
    /// again (<see cref="Passphrase"/>).
    /// </remarks>
    public static KeyDerivationCost Default { get; } = new(64 * 1024, 3, 1);
}
