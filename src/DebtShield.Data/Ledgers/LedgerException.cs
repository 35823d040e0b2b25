namespace DebtShield.Data;

/// <summary>
/// The ledger cannot do what was asked for a reason the user can act on. The App words
/// <see cref="Problem"/> for the user; nothing has been written when this is thrown.
/// </summary>
public sealed class LedgerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerException(LedgerProblem problem, string? detail = null, Exception? inner = null)
        : base(detail is null ? problem.ToString() : $"{problem}: {detail}", inner)
    {
        Problem = problem;
        Detail = detail;
    }

    /// <summary>Creates the exception (for serialisers and analyzers).</summary>
    public LedgerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (for serialisers and analyzers).</summary>
    public LedgerException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>What went wrong.</summary>
    public LedgerProblem Problem { get; }

    /// <summary>The file, column or value concerned, when there is one.</summary>
    public string? Detail { get; }
}

/// <summary>Why the ledger refused.</summary>
public enum LedgerProblem
{
    /// <summary>A sealed value does not open: the database was edited or damaged.</summary>
    SealedValueDamaged,

    /// <summary>The ledger is protected and no passphrase was given.</summary>
    PassphraseRequired,

    /// <summary>The passphrase does not open the ledger.</summary>
    WrongPassphrase,

    /// <summary>Another process holds the database's write lock for longer than the wait allows.</summary>
    Busy,

    /// <summary>The database was written by a newer DebtShield whose schema this one does not know.</summary>
    SchemaNewerThanApp,

    /// <summary>The database cannot be reached or opened (no server, no permission, not a database).</summary>
    Unreachable,

    /// <summary>A restore was asked into a database that already holds data.</summary>
    RestoreTargetNotEmpty,

    /// <summary>A backup file is not one, or is damaged.</summary>
    BackupUnreadable,

    /// <summary>Another process set or removed the passphrase after this one opened the ledger.</summary>
    ProtectionChanged,

    /// <summary>A file the ledger writes (a backup) cannot be written.</summary>
    FileUnwritable,

    /// <summary>A backup's row does not hold what it claims (an attachment whose name or content is not its hash): the table and row are the detail.</summary>
    BackupAltered,

    /// <summary>A backup's rows conflict (a key twice, a row whose parent is missing): the table is the detail.</summary>
    RestoreConflict,

    /// <summary>
    /// A column holds a value no member of its enum is stored as (written by a newer version, or an
    /// edit): the table, column and value are the detail.
    /// </summary>
    StoredValueUnknown,
}
