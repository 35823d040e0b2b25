namespace DebtShield.Data.Protection;

/// <summary>
/// The ledger's protection, when the user has set a passphrase: how the passphrase is turned into
/// a key (Argon2id and its parameters) and the ledger's data key sealed under it. There is at most
/// one row; without it the ledger is unprotected.
/// </summary>
/// <remarks>
/// The data key is random and never changes, so changing the passphrase only reseals this one
/// key instead of every sealed field.
/// </remarks>
public sealed class StoredProtection
{
    /// <summary>The only row's key.</summary>
    public const int SingleRowId = 1;

    /// <summary>Always <see cref="SingleRowId"/>.</summary>
    public int Id { get; set; } = SingleRowId;

    /// <summary>The key derivation's random salt.</summary>
    public byte[] Salt { get; set; } = [];

    /// <summary>Argon2id memory cost in KiB.</summary>
    public int MemoryKib { get; set; }

    /// <summary>Argon2id passes.</summary>
    public int Iterations { get; set; }

    /// <summary>Argon2id lanes.</summary>
    public int Parallelism { get; set; }

    /// <summary>The data key, sealed (AES-GCM) under the passphrase's key: nonce, ciphertext, tag.</summary>
    public byte[] SealedDataKey { get; set; } = [];

    /// <summary>When the passphrase was last set.</summary>
    public DateTimeOffset SetAt { get; set; }

    /// <summary>
    /// True from the transaction that sets or changes the passphrase until the copies of what it
    /// replaced are gone: attachment files sealed, fingerprints keyed, and (SQLite) the file vacuumed
    /// and its write-ahead log emptied. Written in that same transaction, so a crash at any later
    /// point leaves it set, and the next open finishes the work (<see cref="Ledger.OpenAsync"/>).
    /// </summary>
    /// <remarks>
    /// Not carried in backups: a restored ledger is always finished once on its first open.
    /// Ledgers protected before this column existed read as unfinished (the migration's default),
    /// so an interrupted protection of an older version is finished too.
    /// </remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool FinishPending { get; set; }
}
