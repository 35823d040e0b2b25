using DebtShield.Data;
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

    /// <summary>A fresh SQLite ledger file in its own temporary folder.</summary>
    public static TestLedger CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("debtshield-test-");
        var file = Path.Combine(folder.FullName, "ledger.db");
        return new TestLedger(LedgerLocation.Parse(file), file, () => folder.Delete(recursive: true));
    }

    /// <summary>A fresh database on the test PostgreSQL server.</summary>
    public static TestLedger CreatePostgreSql()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgreSqlServer);
        var name = "debtshield_test_" + Guid.NewGuid().ToString("N")[..16];
        Execute(server.ConnectionString, $"CREATE DATABASE {name}");
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return new TestLedger(LedgerLocation.Parse(database.ConnectionString), database.ConnectionString, () =>
        {
            NpgsqlConnection.ClearAllPools();
            Execute(server.ConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

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
