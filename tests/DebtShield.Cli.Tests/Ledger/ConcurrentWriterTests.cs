using DebtShield.Data;
using Microsoft.Data.Sqlite;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary>Several processes on one SQLite file: writers wait for each other, and past the wait say "busy" and write nothing.</summary>
public sealed class ConcurrentWriterTests
{
    private const string Busy = "数据库正忙";

    [Fact]
    public async Task TwoImportsIntoOneSqliteFile_AtOnce_EachSucceedsOrSaysBusyAndNoSucceededLoanIsLost()
    {
        using var cli = new LedgerCli("sqlite");
        await LedgerSchema.MigrateAsync(cli.Ledger.Location);
        var first = LoanTableFiles.Write(cli.PathOf("first.csv"), "甲", 150);
        var second = LoanTableFiles.Write(cli.PathOf("second.csv"), "乙", 150);

        var runs = await Task.WhenAll(
            Task.Run(() => cli.Run("loan", "import", first)),
            Task.Run(() => cli.Run("loan", "import", second)));

        foreach (var (run, prefix) in runs.Zip(["甲", "乙"]))
        {
            Assert.True(run.ExitCode == 0 || (run.ExitCode == 1 && run.Stderr.Contains(Busy, StringComparison.Ordinal)), $"{prefix}: exit {run.ExitCode}: {run.Stderr}");
            var held = cli.Scalar($"SELECT COUNT(*) FROM loans WHERE reference LIKE '{prefix}-%'");
            Assert.Equal(run.ExitCode == 0 ? 150 : 0, held);
        }

        Assert.Equal(runs.Count(r => r.ExitCode == 0) * 150 * 12, cli.Scalar("SELECT COUNT(*) FROM instalments"));
        Assert.Contains(runs, r => r.ExitCode == 0);
    }

    [Theory]
    [InlineData("zh", Busy)]
    [InlineData("en", "busy")]
    public async Task AWriterBlockedPastItsWait_ExitsOneWithTheBusyMessage_AndWritesNothing(string language, string expected)
    {
        using var cli = new LedgerCli("sqlite");
        await LedgerSchema.MigrateAsync(cli.Ledger.Location);
        var file = cli.Ledger.Location.FilePath!;

        CliResult result;
        using (var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            holder.Open();
            using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                begin.ExecuteNonQuery();
            }

            result = cli.RunElsewhere("--lang", language, "loan", "import", Path.Combine(DebtShield.Tests.Shared.RepositoryPaths.Root, "samples", "loans.csv"), "--db", $"Data Source={file};Default Timeout=1");
            using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, 0), cli.Counts());
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM cases"));
    }
}
