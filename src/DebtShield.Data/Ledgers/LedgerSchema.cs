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
            var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToArray();
            var known = context.Database.GetMigrations().ToArray();
            var pending = known.Except(applied, StringComparer.Ordinal).ToArray();
            var unknown = applied.Except(known, StringComparer.Ordinal).ToArray();
            return new LedgerSchema(applied, pending, unknown);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies every pending migration, then switches a SQLite file to WAL so that readers never
    /// wait for a writer. Two processes migrating at once are serialised by EF Core's migration lock.
    /// </summary>
    public static Task<LedgerSchema> MigrateAsync(LedgerLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        location.PrepareFolder();
        return Ledger.Guard(async () =>
        {
            await using (var context = location.CreateContext())
            {
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                if (location.Provider == LedgerProvider.Sqlite)
                {
                    await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
                }
            }

            return await StatusAsync(location, cancellationToken).ConfigureAwait(false);
        });
    }
}
