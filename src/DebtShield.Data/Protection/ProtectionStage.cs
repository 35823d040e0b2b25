namespace DebtShield.Data.Protection;

/// <summary>
/// The points of setting a passphrase after which a crash leaves the ledger in a different state.
/// The crash tests make a real process stop itself at one of them, named in
/// <c>DEBTSHIELD_TEST_STOP_AT</c>, with <see cref="Environment.FailFast(string)"/>: no
/// <c>finally</c> block runs and nothing is flushed, as with <c>kill -9</c>. Unset, it costs one
/// variable lookup per stage.
/// </summary>
internal static class ProtectionStage
{
    /// <summary>Every field sealed inside the transaction, nothing committed yet.</summary>
    public const string Sealed = "protect-sealed";

    /// <summary>The transaction (and with it the pending marker) committed; nothing finished.</summary>
    public const string Committed = "protect-committed";

    /// <summary>Fingerprints keyed and committed; attachment files not yet sealed.</summary>
    public const string Keyed = "protect-keyed";

    /// <summary>The first attachment's sealed copy complete beside it; its plain file not yet overwritten.</summary>
    public const string SealingFile = "protect-sealing-file";

    /// <summary>Every attachment file sealed; the database not yet vacuumed.</summary>
    public const string FilesSealed = "protect-files-sealed";

    /// <summary>Vacuumed: the clean pages are in the write-ahead log, the file not yet rewritten from it.</summary>
    public const string Vacuumed = "protect-vacuumed";

    /// <summary>The log checkpointed and emptied; the marker not yet cleared.</summary>
    public const string Checkpointed = "protect-checkpointed";

    /// <summary>Stops the process here when the crash tests asked for this stage.</summary>
    public static void Reached(string stage)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("DEBTSHIELD_TEST_STOP_AT"), stage, StringComparison.Ordinal))
        {
            Environment.FailFast("DEBTSHIELD_TEST_STOP_AT: stopped at " + stage);
        }
    }
}
