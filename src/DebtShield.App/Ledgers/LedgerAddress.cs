using DebtShield.Data;

namespace DebtShield.App.Ledgers;

/// <summary>
/// Where a ledger is, as the hosts hold it before it is opened: what they may show the user and
/// what the web's own tables need to sit beside it (the folder of a file, a server's connection
/// string). <see cref="LedgerAccess.Resolve(string?, string?)"/> makes one from what the user gave.
/// </summary>
public sealed class LedgerAddress
{
    private LedgerAddress(LedgerLocation location) => Location = location;

    /// <summary>What to show the user: the file's path, or host and database (never a password).</summary>
    public string Display => Location.Display;

    /// <summary>The SQLite file, when the ledger is one.</summary>
    public string? FilePath => Location.FilePath;

    /// <summary>True for a PostgreSQL server (an organisation's), false for a file (one borrower's).</summary>
    public bool IsServer => Location.Provider == LedgerProvider.PostgreSql;

    /// <summary>
    /// The connection string, for what the web keeps in the same database (accounts, keys); never
    /// shown, since it may hold a password.
    /// </summary>
    public string ConnectionString => Location.ConnectionString;

    /// <summary>The location the use cases open.</summary>
    internal LedgerLocation Location { get; }

    /// <summary>
    /// The default ledger file: <c>debtshield/ledger.db</c> in the user's data folder
    /// (<see cref="LedgerLocation.DefaultFile"/>).
    /// </summary>
    public static string DefaultFile() => LedgerLocation.DefaultFile();

    /// <summary>The default ledger file inside the data folder <paramref name="dataHome"/>.</summary>
    public static string DefaultFileIn(string dataHome) => LedgerLocation.DefaultFileIn(dataHome);

    /// <summary>A location a caller parsed with Data itself (the tests), as the use cases take it.</summary>
    public static implicit operator LedgerAddress(LedgerLocation location) => FromLedgerLocation(location);

    /// <summary>The location <paramref name="location"/> as the use cases take it.</summary>
    public static LedgerAddress FromLedgerLocation(LedgerLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new LedgerAddress(location);
    }

    /// <inheritdoc />
    public override string ToString() => Display;
}
