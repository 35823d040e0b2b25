using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data;

/// <summary>
/// The ledger's schema version: which migrations the database has, which this program would
/// still apply, and which it does not know (the database was written by a newer version).
/// </summary>
/// <param name="Applied">Migrations the database has, oldest first.</param>
/// <param name="Pending">Migrations this program would apply, oldest first.</param>
/// <param name="Unknown">Migrations the database has that this program does not know.</param>
public sealed record LedgerSchema(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    /// <summary>Reads the schema status of the database at <paramref name="location"/>.</summary>
    public static async Task<LedgerSchema> StatusAsync(LedgerLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.FilePath is { } file && !File.Exists(file))
        {
            // Asking about a ledger that does not exist yet must not create it.
            await using var model = location.CreateContext();
            return new LedgerSchema([], [.. model.Database.GetMigrations()], []);
        }

        return await Ledger.Guard(async () =>
        {
            await using var context = location.CreateContext();
            var applied = await AppliedAsync(context, location.Provider, cancellationToken).ConfigureAwait(false);
            var known = context.Database.GetMigrations().ToArray();
            var pending = known.Except(applied, StringComparer.Ordinal).ToArray();
            var unknown = applied.Except(known, StringComparer.Ordinal).ToArray();
            return new LedgerSchema(applied, pending, unknown);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies every pending migration, then switches a SQLite file to WAL so that readers never
    /// wait for a writer. Two processes migrating at once are serialised by EF Core's migration lock
    /// (on PostgreSQL an advisory lock, which dies with its session).
    /// </summary>
    /// <remarks>
    /// On SQLite EF Core's lock is a row in <c>__EFMigrationsLock</c>, which a process killed while
    /// migrating leaves behind for ever. So SQLite migrations first take an operating-system lock on
    /// <c>ledger.db.lock</c> beside the file (released by the kernel however the process ends) and,
    /// holding it, clear any stale row.
    /// </remarks>
    public static async Task<LedgerSchema> MigrateAsync(LedgerLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        location.PrepareFile();
        using var migrating = location.FilePath is { } file ? await HoldLockFileAsync(file + ".lock", cancellationToken).ConfigureAwait(false) : null;
        if (location.FilePath is { } path && LedgerTemplate.TryStart(location, path))
        {
            // A new file: the migrated template (LedgerTemplate), then only what is newer than it.
            var started = await StatusAsync(location, cancellationToken).ConfigureAwait(false);
            if (started.Pending.Count == 0)
            {
                return started;
            }
        }

        return await MigrateThroughEfCoreAsync(location, migrating is not null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies every pending migration through EF Core's migrator (which takes its own lock), then
    /// switches a SQLite file to WAL; <paramref name="clearStaleLock"/> when the caller holds the
    /// lock file, so that a stale lock row may go.
    /// </summary>
    internal static Task<LedgerSchema> MigrateThroughEfCoreAsync(LedgerLocation location, bool clearStaleLock, CancellationToken cancellationToken = default) =>
        Ledger.Guard(async () =>
        {
            await using (var context = location.CreateContext())
            {
                if (clearStaleLock)
                {
                    await context.Database.ExecuteSqlRawAsync(
                        "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL); DELETE FROM \"__EFMigrationsLock\";",
                        cancellationToken).ConfigureAwait(false);
                }

                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                if (location.Provider == LedgerProvider.Sqlite)
                {
                    await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
                }
            }

            return await StatusAsync(location, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>
    /// The migrations the database has, read from EF Core's history table directly: EF Core's own
    /// reader first builds a model of that table, a fifth of a second at every start of the app.
    /// </summary>
    private static async Task<string[]> AppliedAsync(LedgerContext context, LedgerProvider provider, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = provider == LedgerProvider.Sqlite
                ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';"
                : "SELECT CASE WHEN to_regclass('\"__EFMigrationsHistory\"') IS NULL THEN 0 ELSE 1 END;";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return [];
            }

            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\";";
            var applied = new List<string>();
            await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(rows.GetString(0));
            }

            return [.. applied];
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Opens the lock file exclusively, waiting (up to the busy wait) while another process holds it.</summary>
    private static async Task<FileStream> HoldLockFileAsync(string path, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return OperatingSystem.IsWindows()
                    ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                    : new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, UnixCreateMode = LedgerLocation.OwnerOnlyFile });
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
            {
                // Not another process: the folder cannot hold the lock file (read-only, missing, not a real folder).
                throw new LedgerException(LedgerProblem.Unreachable, $"{path}: {e.Message}", e);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(LedgerLocation.DefaultBusyWaitSeconds))
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new LedgerException(LedgerProblem.Busy, path, e);
            }
        }
    }
}
