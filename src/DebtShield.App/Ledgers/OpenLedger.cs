using DebtShield.Data;
using DebtShield.Data.Protection;

namespace DebtShield.App.Ledgers;

/// <summary>
/// An open ledger as the hosts hold it: what they pass to every use case, what they may tell the
/// user about it (where it is, whether it is protected), and nothing of how it is stored. The
/// ledger itself (<see cref="Ledger"/>, its contexts and cipher) is App's to use, so that a host
/// cannot write a row past a use case; the CLI and the web app are compiled without Data.
/// </summary>
public sealed class OpenLedger
{
    private OpenLedger(Ledger ledger) => Ledger = ledger;

    /// <summary>What to show the user about where it is: the file's path, or host and database.</summary>
    public string Display => Ledger.Location.Display;

    /// <summary>True when its sensitive fields are sealed under a passphrase.</summary>
    public bool IsProtected => Ledger.Cipher.IsProtected;

    /// <summary>The ledger the use cases work on.</summary>
    internal Ledger Ledger { get; }

    /// <summary>Where it is, for the use cases.</summary>
    internal LedgerLocation Location => Ledger.Location;

    /// <summary>Its cipher, for the use cases that seal or open fields.</summary>
    internal LedgerCipher Cipher => Ledger.Cipher;

    /// <summary>
    /// The ledger a caller opened with Data itself (App's and the web's tests, which fill a ledger
    /// before they drive a use case), as the use cases take it.
    /// </summary>
    public static implicit operator OpenLedger(Ledger ledger) => FromLedger(ledger);

    /// <summary>The ledger <paramref name="ledger"/> as the use cases take it.</summary>
    public static OpenLedger FromLedger(Ledger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return new OpenLedger(ledger);
    }

    /// <summary>
    /// Keeps one idle connection to a SQLite ledger open until the result is disposed, so that a
    /// server answering request after request does not fold the write-ahead log back between them
    /// (<see cref="Ledger.StayOpenAsync"/>).
    /// </summary>
    /// <exception cref="LedgerException">The file cannot be opened.</exception>
    public Task<IDisposable> StayOpenAsync(CancellationToken cancellationToken = default) => Ledger.StayOpenAsync(cancellationToken);

    /// <summary>A new context on the ledger; the caller disposes it.</summary>
    internal LedgerContext CreateContext() => Ledger.CreateContext();

    /// <summary>Runs <paramref name="work"/> in one transaction (<see cref="Ledger.WriteAsync{T}"/>).</summary>
    internal Task<T> WriteAsync<T>(Func<LedgerContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        Ledger.WriteAsync(work, cancellationToken);

    /// <summary>Reads through <paramref name="work"/> (<see cref="Ledger.ReadAsync{T}"/>).</summary>
    internal Task<T> ReadAsync<T>(Func<LedgerContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        Ledger.ReadAsync(work, cancellationToken);
}
