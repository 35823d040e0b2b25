using System.IO.Compression;
using DebtShield.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace DebtShield.Data.Tests;

/// <summary>
/// A new SQLite ledger starts from the migrated template (<see cref="LedgerTemplate"/>) instead of
/// running every migration: it must be the ledger the migrations make. When a migration is added
/// this fails; run it with DEBTSHIELD_WRITE_TEMPLATE=1 to make the template again
/// (<c>src/DebtShield.Data/Ledgers/MigratedLedger.sqlite.gz</c>).
/// </summary>
public sealed class LedgerTemplateTests
{
    [Fact]
    public async Task Template_PutInPlace_IsTheLedgerEveryMigrationMakes()
    {
        // Given a ledger migrated through EF Core from nothing (the template is made from it when asked)
        using var migrated = TestLedgers.CreateSqlite();
        migrated.Location.PrepareFile();
        await LedgerSchema.MigrateThroughEfCoreAsync(migrated.Location, clearStaleLock: true);
        SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("DEBTSHIELD_WRITE_TEMPLATE") == "1")
        {
            WriteTemplate(migrated.DbArgument);
        }

        // When the template alone is put in place of a new file
        using var templated = TestLedgers.CreateSqlite();
        templated.Location.PrepareFile();
        Assert.True(LedgerTemplate.TryStart(templated.Location, templated.DbArgument));
        var status = await LedgerSchema.StatusAsync(templated.Location);

        // Then its schema, migration history and file settings are the migrated ledger's, and nothing is pending
        Assert.Empty(status.Pending);
        Assert.Equal((await LedgerSchema.StatusAsync(migrated.Location)).Applied, status.Applied);
        Assert.Equal(await DescribeAsync(migrated.DbArgument), await DescribeAsync(templated.DbArgument));
        Assert.False(File.Exists(templated.DbArgument + ".template"));
    }

    [Fact]
    public async Task OpenAsync_NewFile_IsOwnerOnlyInWalWithNothingPending()
    {
        using var templated = TestLedgers.CreateSqlite();

        var ledger = await Ledger.OpenAsync(templated.Location, () => null, null);

        Assert.Empty((await LedgerSchema.StatusAsync(templated.Location)).Pending);

        Assert.Equal("wal", await ScalarAsync(templated.DbArgument, "PRAGMA journal_mode;"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(templated.DbArgument));
        }

        Assert.False(ledger.Cipher.IsProtected);
    }

    [Fact]
    public async Task MigrateAsync_FileWithContents_IsNotReplacedByTheTemplate()
    {
        // Given a SQLite file that already holds a table of someone else's
        using var other = TestLedgers.CreateSqlite();
        other.Location.PrepareFile();
        await using (var connection = new SqliteConnection(other.Location.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE kept (x INTEGER); INSERT INTO kept VALUES (42);";
            await command.ExecuteNonQueryAsync();
        }

        // When it is migrated
        await LedgerSchema.MigrateAsync(other.Location);

        // Then the migrations were added to it: its own table is still there
        Assert.Equal("42", await ScalarAsync(other.DbArgument, "SELECT x FROM kept;"));
    }

    /// <summary>Everything that makes a ledger's schema: every object's SQL, the migration history, the file's settings.</summary>
    private static async Task<string> DescribeAsync(string file)
    {
        var lines = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var query in new[]
        {
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name;",
            "SELECT * FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\";",
            "SELECT count(*) FROM \"__EFMigrationsLock\";",
            "PRAGMA journal_mode;", "PRAGMA page_size;", "PRAGMA auto_vacuum;", "PRAGMA encoding;",
            "PRAGMA user_version;", "PRAGMA application_id;",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                lines.Add(query + " | " + string.Join(" | ", Enumerable.Range(0, rows.FieldCount).Select(i => rows.IsDBNull(i) ? "NULL" : Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return string.Join("\n", lines);
    }

    private static async Task<string?> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void WriteTemplate(string migratedFile)
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", "DebtShield.Data", "Ledgers", "MigratedLedger.sqlite.gz");
        using var target = File.Create(path);
        using var zipped = new GZipStream(target, CompressionLevel.SmallestSize);
        using var source = File.OpenRead(migratedFile);
        source.CopyTo(zipped);
    }
}
