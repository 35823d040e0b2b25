using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using DebtShield.Data;
using DebtShield.Tests.Shared;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary>
/// One test's ledger and working folder: runs <c>debtshield … --db LEDGER</c> and looks into the
/// database directly (raw SQL, on either provider) to check what the program wrote.
/// </summary>
internal sealed class LedgerCli : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("debtshield-cli-ledger-");

    /// <summary>
    /// A ledger with every migration applied, copied from this test process's template, so that a
    /// test's first command does its own work rather than the schema's; with <paramref name="empty"/>
    /// a new, empty one that the first command migrates (for tests of a first open, a migration or a
    /// restore into a new ledger).
    /// </summary>
    public LedgerCli(string provider, bool empty = false)
    {
        Ledger = empty ? TestLedgers.Create(provider) : TestLedgers.CreateMigrated(provider);
    }

    public TestLedger Ledger { get; }

    /// <summary>The test's own folder, the working directory of every run.</summary>
    public string Folder => _folder.FullName;

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Runs the program on this ledger.</summary>
    public CliResult Run(params string[] args) => RunWith(null, null, args);

    /// <summary>Runs the program on this ledger with stdin text and extra environment variables.</summary>
    public CliResult RunWith(string? standardInput, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        CliProcess.Run([.. args, "--db", Ledger.DbArgument], Folder, standardInput, environment);

    /// <summary>Runs the program on another ledger (or none), in this test's folder.</summary>
    public CliResult RunElsewhere(params string[] args) => CliProcess.Run(args, Folder, null, null);

    /// <summary>Runs and demands exit code 0, returning stdout.</summary>
    public string Succeed(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 0, $"debtshield {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    }

    /// <summary>The loans array of <c>loan list --json</c>, as raw JSON text.</summary>
    public string LoanListJson(params string[] extra)
    {
        using var document = JsonDocument.Parse(Succeed(["loan", "list", "--json", .. extra]));
        return document.RootElement.GetProperty("loans").GetRawText();
    }

    public long Scalar(string sql) => Scalar(Ledger.Location, sql);

    /// <summary>Loans and instalments held.</summary>
    public (long Loans, long Instalments) Counts() =>
        (Scalar("SELECT COUNT(*) FROM loans"), Scalar("SELECT COUNT(*) FROM instalments"));

    public static long Scalar(LedgerLocation location, string sql)
    {
        using var connection = Open(location);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static DbConnection Open(LedgerLocation location)
    {
        DbConnection connection = location.Provider == LedgerProvider.Sqlite
            ? new SqliteConnection(location.ConnectionString)
            : new NpgsqlConnection(location.ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        Ledger.Dispose();
        _folder.Delete(recursive: true);
    }
}
