using DebtShield.Core.Evidence;
using DebtShield.Data.Cases;
using DebtShield.Data.Evidence;
using DebtShield.Data.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DebtShield.Data;

/// <summary>
/// An open ledger: its location, its schema brought up to date, and its cipher unlocked. Every
/// use case gets its contexts here, and writes through <see cref="WriteAsync{T}"/> so that a
/// change is one transaction: all of it or none of it.
/// </summary>
public sealed class Ledger
{
    internal Ledger(LedgerLocation location, LedgerCipher cipher)
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

        var status = await LedgerSchema.StatusAsync(location, cancellationToken).ConfigureAwait(false);
        location.PrepareFile();
        if (status.Unknown.Count > 0)
        {
            throw new LedgerException(LedgerProblem.SchemaNewerThanApp, status.Unknown[^1]);
        }

        // The passphrase is checked before anything is written, migrations included.
        var ledger = new Ledger(location, LedgerCipher.None);
        if (status.Applied.Count > 0)
        {
            await ledger.UnlockAsync(passphrase, cancellationToken).ConfigureAwait(false);
        }

        if (status.Pending.Count > 0)
        {
            migrating?.Invoke(status.Pending);
            await LedgerSchema.MigrateAsync(location, cancellationToken).ConfigureAwait(false);
        }
        else if (location.Provider == LedgerProvider.Sqlite)
        {
            // A no-op when already set; repairs a file whose first migration was killed before it.
            await ledger.ReadPlainAsync<object?>("PRAGMA journal_mode=WAL;", _ => null, cancellationToken).ConfigureAwait(false);
        }

        if (ledger.Cipher.IsProtected && await ledger.ProtectionPendingAsync(cancellationToken).ConfigureAwait(false))
        {
            // Before anything else: an interrupted db protect left copies of what it sealed.
            await ledger.FinishProtectionAsync(cancellationToken).ConfigureAwait(false);
        }

        return ledger;
    }

    private Task<bool> ProtectionPendingAsync(CancellationToken cancellationToken) =>
        ReadPlainAsync("SELECT count(*) FROM protection WHERE finish_pending;", rows => rows.Read() && rows.GetInt64(0) > 0, cancellationToken);

    private async Task UnlockAsync(Func<string?> passphrase, CancellationToken cancellationToken)
    {
        // Every column read here exists since the first migration: a ledger is unlocked before it is migrated.
        var rows = await ReadPlainAsync(
            "SELECT salt, memory_kib, iterations, parallelism, sealed_data_key FROM protection;",
            rows =>
            {
                var found = new List<(byte[] Salt, KeyDerivationCost Cost, byte[] SealedDataKey)>();
                while (rows.Read())
                {
                    found.Add(((byte[])rows[0], new KeyDerivationCost(rows.GetInt32(1), rows.GetInt32(2), rows.GetInt32(3)), (byte[])rows[4]));
                }

                return found;
            },
            cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return;
        }

        if (rows.Count > 1)
        {
            // The table holds one row (its key is always 1); more is an edit no DebtShield makes.
            throw new LedgerException(LedgerProblem.SealedValueDamaged, "protection");
        }

        var given = passphrase();
        if (string.IsNullOrEmpty(given))
        {
            throw new LedgerException(LedgerProblem.PassphraseRequired);
        }

        var (salt, cost, sealedDataKey) = rows[0];
        Cipher = Passphrase.Unlock(salt, cost, sealedDataKey, given) ?? throw new LedgerException(LedgerProblem.WrongPassphrase);
    }

    /// <summary>
    /// Runs one plain statement on the ledger's connection and reads its rows with
    /// <paramref name="read"/>, outside EF Core's queries: the opening's reads are the start's
    /// first, and an EF Core query would first build the whole model and compile itself, CPU that
    /// competes with the server's start on two cores; the first page builds the model only if its
    /// own queries need it.
    /// </summary>
    private Task<T> ReadPlainAsync<T>(string sql, Func<System.Data.Common.DbDataReader, T> read, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await using var context = CreateContext();
            return await context.ReadPlainAsync(sql, null, read, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>
    /// Sets the passphrase, or changes it. The first time, every sensitive field already stored is
    /// sealed in the same transaction, which also records the protection as unfinished
    /// (<see cref="StoredProtection.FinishPending"/>); then <see cref="FinishProtectionAsync"/> removes
    /// what the change replaced. A crash before the commit leaves the ledger as it was; after it, the
    /// next open finishes the work.
    /// </summary>
    /// <returns>False when the clean-up could not finish (another process had the SQLite file open):
    /// the ledger is protected and still marked unfinished, and the next open tries again.</returns>
    public async Task<bool> ProtectAsync(string passphrase, KeyDerivationCost cost, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cipher = await WriteAsync(async (context, token) =>
        {
            var protection = await context.Protection.SingleOrDefaultAsync(token).ConfigureAwait(false);
            if (protection is not null)
            {
                // The old sealed data key stays in free pages and the log until they are cleaned.
                Passphrase.Change(protection, Cipher, passphrase, cost, now);
                protection.FinishPending = true;
                return Cipher;
            }

            var (created, sealing) = Passphrase.Protect(passphrase, cost, now);
            created.FinishPending = true;
            context.Protection.Add(created);
            foreach (var stored in await CaseRows.AllAsync(context, token).ConfigureAwait(false))
            {
                stored.WriteProfile(stored.ReadProfile(LedgerCipher.None), sealing);
            }

            var entries = await context.EvidenceEntries.ToListAsync(token).ConfigureAwait(false);
            var attached = Attached(entries, LedgerCipher.None);
            foreach (var entry in entries)
            {
                entry.SealWith(sealing);
            }

            foreach (var line in await context.BudgetLines.ToListAsync(token).ConfigureAwait(false))
            {
                line.SealWith(sealing);
            }

            await Evidence.AttachmentStore.KeyRowsAsync(context, sealing, attached, token).ConfigureAwait(false);
            ProtectionStage.Reached(ProtectionStage.Sealed);
            return sealing;
        }, cancellationToken).ConfigureAwait(false);
        Cipher = cipher;
        ProtectionStage.Reached(ProtectionStage.Committed);
        return await FinishProtectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes setting the passphrase, in steps that may each be interrupted and run again: keys
    /// the fingerprints still plain and seals budget names still plain; on SQLite seals the attachment files still plain (overwriting
    /// the plain bytes in place), vacuums the file and empties its write-ahead log; on PostgreSQL
    /// vacuums the tables that held plain values; then clears the marker.
    /// </summary>
    /// <returns>False when another process kept the SQLite log from being emptied: still unfinished.</returns>
    private async Task<bool> FinishProtectionAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(async (context, token) =>
        {
            var entries = await context.EvidenceEntries.ToListAsync(token).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                entry.KeyFingerprint(Cipher);
            }

            // Attachment names were not keyed before issue 22: a ledger protected earlier has its
            // rows under plain hashes and its entries' lists plain.
            await Evidence.AttachmentStore.KeyRowsAsync(context, Cipher, Attached(entries, Cipher), token).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                entry.SealAttachments(Cipher);
            }

            // Budget names were not sealed before issue 22: a ledger protected earlier has them plain.
            foreach (var line in await context.BudgetLines.ToListAsync(token).ConfigureAwait(false))
            {
                line.SealWith(Cipher);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        ProtectionStage.Reached(ProtectionStage.Keyed);

        if (Location.Provider == LedgerProvider.Sqlite)
        {
            await Evidence.AttachmentStore.SealFilesAsync(Location, Cipher, cancellationToken).ConfigureAwait(false);
            ProtectionStage.Reached(ProtectionStage.FilesSealed);
            try
            {
                // Outside any transaction: VACUUM cannot run inside one.
                await InspectAsync(Location, (context, token) => context.Database.ExecuteSqlRawAsync("VACUUM;", token), cancellationToken).ConfigureAwait(false);
                ProtectionStage.Reached(ProtectionStage.Vacuumed);
                if (!await TruncateLogAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }
            catch (LedgerException e) when (e.Problem == LedgerProblem.Busy)
            {
                return false;
            }
        }
        else
        {
            // One statement, outside any transaction. Old row versions become free space; PostgreSQL
            // does not promise to overwrite it, and its WAL and archives keep them (docs/ledger.md).
            await InspectAsync(Location, (context, token) => context.Database.ExecuteSqlRawAsync(
                "VACUUM cases, evidence_entries, attachments, protection;", token), cancellationToken).ConfigureAwait(false);
            ProtectionStage.Reached(ProtectionStage.Vacuumed);
        }

        ProtectionStage.Reached(ProtectionStage.Checkpointed);
        await WriteAsync(async (context, token) =>
        {
            var protection = await context.Protection.SingleAsync(token).ConfigureAwait(false);
            protection.FinishPending = false;
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (Location.Provider == LedgerProvider.Sqlite)
        {
            // The marker's own page holds nothing sealed; emptying the log again is tidiness, not safety.
            await TruncateLogAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The content hashes the entries list as attachments; an entry that does not open is left for verify to report.</summary>
    private static HashSet<ContentHash> Attached(IEnumerable<StoredEvidenceEntry> entries, LedgerCipher cipher)
    {
        var attached = new HashSet<ContentHash>();
        foreach (var entry in entries)
        {
            try
            {
                attached.UnionWith(entry.ReadAttachments(cipher));
            }
            catch (Exception e) when (e is LedgerException or ArgumentException)
            {
                // Edited: verify names it.
            }
        }

        return attached;
    }

    /// <summary>Copies a SQLite file's write-ahead log into it and empties the log; false when another connection kept it.</summary>
    private Task<bool> TruncateLogAsync(CancellationToken cancellationToken) =>
        InspectAsync(Location, async (context, token) =>
        {
            await context.Database.OpenConnectionAsync(token).ConfigureAwait(false);
            await using var checkpoint = context.Database.GetDbConnection().CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var result = await checkpoint.ExecuteReaderAsync(token).ConfigureAwait(false);

            // The first column is 1 when another connection kept the log from being emptied.
            return await result.ReadAsync(token).ConfigureAwait(false) && result.GetInt32(0) == 0;
        }, cancellationToken);

    /// <summary>
    /// Holds one idle connection for as long as a long-running process (the web app) serves the
    /// ledger; dispose it to let go. SQLite folds its write-ahead log back into the file, flushes
    /// the disk and deletes the log whenever the last connection closes, and a server opening a
    /// connection per request would do that between bursts of requests, stalling the next one
    /// (about 150 ms on a virtual disk). PostgreSQL's connections are pooled: nothing is held.
    /// </summary>
    public async Task<IDisposable> StayOpenAsync(CancellationToken cancellationToken = default)
    {
        if (Location.Provider != LedgerProvider.Sqlite)
        {
            return NothingHeld.Instance;
        }

        return await Guard(async () =>
        {
            var connection = new SqliteConnection(Location.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var read = connection.CreateCommand();
                read.CommandText = "SELECT count(*) FROM sqlite_master;";
                await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }).ConfigureAwait(false);
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
            context.Writes = true;
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (Location.Provider == LedgerProvider.PostgreSql)
            {
                // One writer at a time, as on SQLite: the case's checks (a title, a loan's name)
                // then hold until commit. Past the wait it is busy, like SQLite.
                await context.Database.ExecuteSqlRawAsync(
                    $"SET LOCAL lock_timeout = '{LedgerLocation.DefaultBusyWaitSeconds}s'; SELECT pg_advisory_xact_lock({WriterLock});",
                    cancellationToken).ConfigureAwait(false);
            }

            if (await context.Protection.AnyAsync(cancellationToken).ConfigureAwait(false) != Cipher.IsProtected)
            {
                // Another process protected the ledger after this one opened it (or the reverse).
                throw new LedgerException(LedgerProblem.ProtectionChanged);
            }

            var result = await work(context, cancellationToken).ConfigureAwait(false);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a read inside one snapshot (a deferred transaction on SQLite's WAL, repeatable read on
    /// PostgreSQL): every query of it sees the same committed state, and it blocks no writer.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<LedgerContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await Guard(async () =>
        {
            await using var context = CreateContext();
            await using var snapshot = await BeginSnapshotAsync(context, cancellationToken).ConfigureAwait(false);
            var result = await work(context, cancellationToken).ConfigureAwait(false);
            await snapshot.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }).ConfigureAwait(false);
    }

    private static async Task<IDbContextTransaction> BeginSnapshotAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        if (context.Database.IsSqlite())
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var connection = (SqliteConnection)context.Database.GetDbConnection();
            var transaction = connection.BeginTransaction(deferred: true);
            return await context.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("EF Core did not take the SQLite transaction.");
        }

        return await context.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The advisory lock key that serialises writers on PostgreSQL ("DebtShie" in ASCII).</summary>
    private const long WriterLock = 0x4465627453686965;

    /// <summary>
    /// Reads what needs no passphrase (counts, whether it is protected) from a ledger without
    /// opening it: nothing is migrated or unlocked.
    /// </summary>
    public static Task<T> InspectAsync<T>(LedgerLocation location, Func<LedgerContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(work);
        return Guard(async () =>
        {
            await using var context = location.CreateContext();
            return await work(context, cancellationToken).ConfigureAwait(false);
        });
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
                case SqliteException { SqliteErrorCode: 8 or 10 or 13 or 14 or 26 } unreachable:
                    // Read-only, I/O error, disk full, cannot open, not a database.
                    return new LedgerException(LedgerProblem.Unreachable, unreachable.Message, e);
                case PostgresException { SqlState: "40001" or "40P01" or "55P03" } busy:
                    return new LedgerException(LedgerProblem.Busy, busy.MessageText, e);
                case PostgresException { SqlState: "3D000" or "28P01" or "28000" or "42501" or "53100" or "25006" } unreachable:
                    return new LedgerException(LedgerProblem.Unreachable, unreachable.MessageText, e);
                case NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException or IOException } unreachable:
                    return new LedgerException(LedgerProblem.Unreachable, unreachable.Message, e);
            }
        }

        return null;
    }

    private sealed class NothingHeld : IDisposable
    {
        public static readonly NothingHeld Instance = new();

        public void Dispose()
        {
        }
    }
}
