using System.Text.Json;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary><c>db status</c>, <c>db migrate</c> and where the ledger is found.</summary>
public sealed class DbCommandTests
{
    [Fact]
    public void DbStatus_OnAFreshLedger_ShowsThePendingMigrationsWithoutCreatingTheFileAndDbMigrateAppliesThem()
    {
        using var cli = new LedgerCli("sqlite", empty: true);
        var file = cli.Ledger.Location.FilePath!;
        var migrations = typeof(Data.SqliteLedgerContext).Assembly.GetTypes().Count(t => t.Namespace == "DebtShield.Data.Migrations.Sqlite" && t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)));

        using (var before = JsonDocument.Parse(cli.Succeed("db", "status", "--json")))
        {
            var schema = before.RootElement.GetProperty("schema");
            Assert.Empty(schema.GetProperty("applied").EnumerateArray());
            Assert.True(migrations >= 7, "the test found " + migrations + " migrations");
            Assert.Equal(migrations, schema.GetProperty("pending").GetArrayLength());
            Assert.Equal(0, before.RootElement.GetProperty("loans").GetInt32());
        }

        Assert.False(File.Exists(file));

        var migrate = cli.Run("db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        Assert.True(File.Exists(file));

        using var after = JsonDocument.Parse(cli.Succeed("db", "status", "--json"));
        Assert.Equal(migrations, after.RootElement.GetProperty("schema").GetProperty("applied").GetArrayLength());
        Assert.Empty(after.RootElement.GetProperty("schema").GetProperty("pending").EnumerateArray());
        Assert.Equal("Sqlite", after.RootElement.GetProperty("provider").GetString());
    }

    [Fact]
    public void Ledger_DbNotGiven_IsDebtshieldDb()
    {
        using var cli = new LedgerCli("sqlite");
        var environment = new Dictionary<string, string?> { ["DEBTSHIELD_DB"] = cli.Ledger.DbArgument };

        var import = CliProcess.Run(["loan", "import", Path.Combine(DebtShield.Tests.Shared.RepositoryPaths.Root, "samples", "loans.csv")], cli.Folder, null, environment);
        Assert.True(import.ExitCode == 0, import.Stderr);

        Assert.Equal(3, cli.Counts().Loans);
        var status = CliProcess.Run(["db", "status", "--json"], cli.Folder, null, environment);
        using var json = JsonDocument.Parse(status.Stdout);
        Assert.Equal(cli.Ledger.Location.FilePath, json.RootElement.GetProperty("location").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("loans").GetInt32());
        Assert.False(File.Exists(Path.Combine(CliProcess.DataHome, "debtshield", "ledger.db")), "the default ledger must not be touched");
    }
}
