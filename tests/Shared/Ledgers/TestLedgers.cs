using DebtShield.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DebtShield.Tests.Shared;

/// <summary>
/// Fresh, empty ledgers for tests on both providers: a SQLite file in a temporary folder, or a
/// new database on the PostgreSQL server that <c>test.sh</c> starts (<c>DEBTSHIELD_TEST_PG</c>).
/// </summary>
internal static class TestLedgers
{
    /// <summary>Both providers, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    /// <summary>The server connection string for PostgreSQL tests.</summary>
    public static string PostgreSqlServer =>
        Environment.GetEnvironmentVariable("DEBTSHIELD_TEST_PG") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "PostgreSQL tests need a server: run ./test.sh, which starts one, or set DEBTSHIELD_TEST_PG to a connection string (Host=…;Port=…;Username=…;Database=postgres).");

    /// <summary>Creates a fresh empty ledger location; dispose the result to remove it.</summary>
    public static TestLedger Create(string provider) => provider switch
    {
        "sqlite" => CreateSqlite(),
        "postgresql" => CreatePostgreSql(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>
    /// A fresh ledger with every migration applied, on either provider: for tests of what a use case
    /// or a command does with a working ledger. Tests of a first open or of migrating itself take
    /// <see cref="Create"/>, an empty one.
    /// </summary>
    public static TestLedger CreateMigrated(string provider) => provider switch
    {
        "sqlite" => CreateMigratedSqlite(),
        "postgresql" => CreateMigratedPostgreSql(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>A fresh SQLite ledger file in its own temporary folder.</summary>
    public static TestLedger CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("debtshield-test-");
        var file = Path.Combine(folder.FullName, "ledger.db");
        return new TestLedger(LedgerLocation.Parse(file), file, () => folder.Delete(recursive: true));
    }

    /// <summary>
    /// A fresh SQLite ledger with every migration applied: a copy of a file this test process
    /// migrated once, for tests that need a working ledger rather than a first migration (a web
    /// test's host then opens it in milliseconds instead of migrating a new file each time).
    /// </summary>
    public static TestLedger CreateMigratedSqlite()
    {
        var ledger = CreateSqlite();
        foreach (var suffix in new[] { "", "-wal" })
        {
            if (File.Exists(MigratedSqliteTemplate.Value + suffix))
            {
                File.Copy(MigratedSqliteTemplate.Value + suffix, ledger.DbArgument + suffix);
            }
        }

        return ledger;
    }

    /// <summary>The SQLite template, made on first use and removed when the process exits.</summary>
    private static readonly Lazy<string> MigratedSqliteTemplate = new(MakeMigratedSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string MakeMigratedSqliteTemplate()
    {
        var template = CreateSqlite();
        LedgerSchema.MigrateAsync(template.Location).GetAwaiter().GetResult();

        // Closes the pooled connections, so that SQLite folds its write-ahead log into the file;
        // a log still left is copied with it (nothing writes to the template).
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        return template.DbArgument;
    }

    /// <summary>A fresh, empty database on the test PostgreSQL server: the program's first open migrates it.</summary>
    public static TestLedger CreatePostgreSql() => CreatePostgreSql(template: null);

    /// <summary>
    /// A fresh PostgreSQL ledger with every migration applied, copied by the server from a template
    /// database this test process migrated once (<c>CREATE DATABASE … TEMPLATE …</c>): for tests that
    /// need a working ledger rather than a first migration, at a fraction of a migration's cost.
    /// </summary>
    public static TestLedger CreateMigratedPostgreSql() => CreatePostgreSql(MigratedTemplate.Value);

    /// <summary>The template, made on first use and dropped when the process exits.</summary>
    private static readonly Lazy<string> MigratedTemplate = new(MakeMigratedTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string MakeMigratedTemplate()
    {
        var server = PostgreSqlServer;
        var name = "debtshield_template_" + Guid.NewGuid().ToString("N")[..16];
        Execute(server, $"CREATE DATABASE {name}");

        // Unpooled: the server copies a template only while no session is connected to it.
        var template = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false };
        LedgerSchema.MigrateAsync(LedgerLocation.Parse(template.ConnectionString)).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // The server went first (test.sh leaves it running; a stopped one takes its databases with it).
            }
        };
        return name;
    }

    private static TestLedger CreatePostgreSql(string? template)
    {
        var server = new NpgsqlConnectionStringBuilder(PostgreSqlServer);
        var name = "debtshield_test_" + Guid.NewGuid().ToString("N")[..16];
        Execute(server.ConnectionString, $"CREATE DATABASE {name} TEMPLATE {template ?? "template1"} {CopiedByFile}");
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return new TestLedger(LedgerLocation.Parse(database.ConnectionString), database.ConnectionString, () =>
        {
            NpgsqlConnection.ClearAllPools();
            Execute(server.ConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    /// <summary>
    /// How the server copies a test database: file by file, not block by block through its write-ahead
    /// log (PostgreSQL 15's default, meant for big templates on a server whose log is shipped). The
    /// test cluster keeps no log worth shipping (test.sh starts it without fsync), and for a template
    /// of a few megabytes the file copy took half the server's CPU: 0.09 s against 0.18 s a database
    /// made and dropped (docs/benchmarks.md, 2026-12-07, tenth session, lead).
    /// </summary>
    private const string CopiedByFile = "STRATEGY FILE_COPY";

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A ledger made for one test: its location, what to pass as <c>--db</c>, and its removal.</summary>
internal sealed class TestLedger(LedgerLocation location, string dbArgument, Action remove) : IDisposable
{
    /// <summary>Where it lives.</summary>
    public LedgerLocation Location { get; } = location;

    /// <summary>The value for <c>--db</c> or <c>DEBTSHIELD_DB</c>.</summary>
    public string DbArgument { get; } = dbArgument;

    /// <summary>Removes the file or database.</summary>
    public void Dispose() => remove();
}
