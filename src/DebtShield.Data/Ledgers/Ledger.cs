using DebtShield.Data.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DebtShield.Data;

/// <summary>
/// An open ledger: its location, its schema brought up to date, and its cipher unlocked. Every
/// use case gets its contexts here, and writes through <see cref="WriteAsync{T}"/> so that a
/// change is one transaction: all of it or none of it.
/// </summary>
public sealed class Ledger
{
    private Ledger(LedgerLocation location, LedgerCipher cipher)
    {
        Location = location;
        Cipher = cipher;
    }

    /// <summary>Where the ledger lives.</summary>
    public LedgerLocation Location { get; }

    /// <summary>Seals and opens the sensitive fields; <see cref="LedgerCipher.None"/> when unprotected.</summary>
    public LedgerCipher Cipher { get; private set; }

    /// <summary>
    /// Opens the ledger: creates the SQLite file and its folder on first use, applies pending
    /// migrations (after telling <paramref name="migrating"/> which), switches SQLite to WAL, and
    /// unlocks protection with the passphrase <paramref name="passphrase"/> supplies when asked.
    /// </summary>
    /// <exception cref="LedgerException">The database cannot be reached, is newer than this program,
    /// is busy, or the passphrase is missing or wrong.</exception>
    public static async Task<Ledger> OpenAsync(
        LedgerLocation location,
        Func<string?> passphrase,
        Action<IReadOnlyList<string>>? migrating,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(passphrase);

        location.PrepareFolder();
        var status = await LedgerSchema.StatusAsync(location, cancellationToken).ConfigureAwait(false);
        if (status.Unknown.Count > 0)
        {
            throw new LedgerException(LedgerProblem.SchemaNewerThanApp, status.Unknown[^1]);
        }

        if (status.Pending.Count > 0)
        {
            migrating?.Invoke(status.Pending);
            await LedgerSchema.MigrateAsync(location, cancellationToken).ConfigureAwait(false);
        }

        var ledger = new Ledger(location, LedgerCipher.None);
        await using var context = ledger.CreateContext();
        var protection = await Guard(() => context.Protection.AsNoTracking().SingleOrDefaultAsync(cancellationToken)).ConfigureAwait(false);
        if (protection is not null)
        {
            var given = passphrase();
            if (string.IsNullOrEmpty(given))
            {
                throw new LedgerException(LedgerProblem.PassphraseRequired);
            }

            ledger.Cipher = Passphrase.Unlock(protection, given) ?? throw new LedgerException(LedgerProblem.WrongPassphrase);
        }

        return ledger;
    }

    /// <summary>A new context on this ledger; the caller disposes it.</summary>
    public LedgerContext CreateContext() => Location.CreateContext();

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and saves what it changed: either all of it
    /// is written or none. Another writer's lock is waited for; past the wait it is
    /// <see cref="LedgerProblem.Busy"/>.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<LedgerContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await Guard(async () =>
        {
            await using var context = CreateContext();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(context, cancellationToken).ConfigureAwait(false);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }).ConfigureAwait(false);
    }

    /// <summary>Runs a read, translating the database's failures into <see cref="LedgerException"/>.</summary>
    public async Task<T> ReadAsync<T>(Func<LedgerContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await Guard(async () =>
        {
            await using var context = CreateContext();
            return await work(context, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Translates the providers' busy and unreachable failures into <see cref="LedgerException"/>.</summary>
    internal static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    private static LedgerException? Translate(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException { SqliteErrorCode: 5 or 6 } busy:
                    return new LedgerException(LedgerProblem.Busy, busy.Message, e);
                case SqliteException { SqliteErrorCode: 14 or 26 } unreachable:
                    return new LedgerException(LedgerProblem.Unreachable, unreachable.Message, e);
                case PostgresException { SqlState: "40001" or "40P01" or "55P03" } busy:
                    return new LedgerException(LedgerProblem.Busy, busy.MessageText, e);
                case PostgresException { SqlState: "3D000" or "28P01" or "28000" or "42501" } unreachable:
                    return new LedgerException(LedgerProblem.Unreachable, unreachable.MessageText, e);
                case NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException or IOException } unreachable:
                    return new LedgerException(LedgerProblem.Unreachable, unreachable.Message, e);
            }
        }

        return null;
    }
}
