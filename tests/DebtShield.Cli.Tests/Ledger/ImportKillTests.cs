using System.Diagnostics;
using System.Globalization;
using DebtShield.Data;
using Microsoft.Data.Sqlite;
using DebtShield.Tests.Shared;
using Xunit.Abstractions;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary><c>loan import</c> is one transaction: a process killed at any moment leaves all of its loans or none.</summary>
public sealed class ImportKillTests(ITestOutputHelper output)
{
    private const int Loans = 834;
    private const int Instalments = Loans * 12;

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Import_KilledWhileItWrites_LeavesNoneOfItsLoansAndARerunImportsThemAll(string provider)
    {
        var csvFolder = Directory.CreateTempSubdirectory("debtshield-kill-");
        try
        {
            var csv = LoanTableFiles.Write(Path.Combine(csvFolder.FullName, "big.csv"), "借款", Loans);

            // On a busy machine an import may write and commit between two looks at the database and
            // finish before any kill: that round proves only the rerun. A round whose kills all missed
            // is made again on a new ledger, up to three rounds, before the test says nothing was tested.
            for (var round = 1; ; round++)
            {
                if (await KilledWhileWritingAsync(provider, csv) > 0)
                {
                    return;
                }

                Assert.True(round < 3, "no kill landed while the import was writing, in three rounds: nothing was tested");
            }
        }
        finally
        {
            csvFolder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// One round on a new ledger: the import killed mid-write up to three times, each kill leaving
    /// none of its loans, then a rerun that imports them all. Returns how many kills landed while the
    /// import was writing.
    /// </summary>
    private async Task<int> KilledWhileWritingAsync(string provider, string csv)
    {
        using var cli = new LedgerCli(provider);
        await LedgerSchema.MigrateAsync(cli.Ledger.Location);

        // Each run is killed (SIGKILL: no handler, no cleanup) once the database shows that the
        // import's transaction is writing rows, then after a little more: mid-write every time.
        var killedWhileWriting = 0;
        foreach (var after in new[] { 0, 40, 120 })
        {
            using var process = CliProcess.Start(["loan", "import", csv, "--db", cli.Ledger.DbArgument], cli.Folder, null);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var writing = await WaitUntilWritingAsync(cli, process);
            if (writing)
            {
                await Task.Delay(after);
            }

            var finished = process.HasExited;
            if (!finished)
            {
                process.Kill();
            }

            await process.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);
            var counts = cli.Counts();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider}: writing seen {writing}, then {after} ms: {(finished ? "finished first" : "killed")}; {counts.Loans} loans, {counts.Instalments} instalments"));

            Assert.True(counts == (0, 0) || counts == (Loans, Instalments), $"a partial import survived the kill: {counts}");
            AssertConsistent(cli);
            if (counts.Loans > 0)
            {
                break;
            }

            killedWhileWriting += writing && !finished ? 1 : 0;
        }

        var rerun = cli.Run("loan", "import", csv);
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Equal((Loans, Instalments), cli.Counts());
        AssertConsistent(cli);
        return killedWhileWriting;
    }

    /// <summary>
    /// Polls until the import's transaction has begun writing: on SQLite another connection cannot
    /// take the write lock, on PostgreSQL a session of this database holds a transaction id (it has
    /// written rows not yet committed). False if the process ended first.
    /// </summary>
    private static async Task<bool> WaitUntilWritingAsync(LedgerCli cli, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(1))
        {
            var writing = cli.Ledger.Location.Provider == LedgerProvider.Sqlite
                ? WriteLockHeld(cli)
                : cli.Scalar("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL") > 0;
            if (writing)
            {
                return true;
            }

            await Task.Delay(2);
        }

        return false;
    }

    /// <summary>
    /// Tries for the write lock once, without waiting: straight through SQLite's own API, because
    /// Microsoft.Data.Sqlite retries a busy statement for its whole command timeout.
    /// </summary>
    private static bool WriteLockHeld(LedgerCli cli)
    {
        using var connection = new SqliteConnection($"Data Source={cli.Ledger.DbArgument};Pooling=False");
        connection.Open();
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, 0);
        var result = SQLitePCL.raw.sqlite3_exec(connection.Handle, "BEGIN IMMEDIATE");
        if (result == SQLitePCL.raw.SQLITE_OK)
        {
            SQLitePCL.raw.sqlite3_exec(connection.Handle, "ROLLBACK");
            return false;
        }

        return result == SQLitePCL.raw.SQLITE_BUSY ? true : throw new InvalidOperationException("BEGIN IMMEDIATE: " + result.ToString(CultureInfo.InvariantCulture));
    }

    private static void AssertConsistent(LedgerCli cli)
    {
        if (cli.Ledger.Location.Provider == LedgerProvider.Sqlite)
        {
            using var connection = LedgerCli.Open(cli.Ledger.Location);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", command.ExecuteScalar() as string);
        }

        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM instalments i LEFT JOIN loans l ON l.id = i.loan_id WHERE l.id IS NULL"));
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM loans l LEFT JOIN cases c ON c.id = l.case_id WHERE c.id IS NULL"));
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM loans l LEFT JOIN lenders d ON d.id = l.lender_id WHERE d.id IS NULL"));
        // Every loan of this file has exactly 12 instalments; none has fewer (a torn write would show here).
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM loans l WHERE (SELECT COUNT(*) FROM instalments i WHERE i.loan_id = l.id) <> 12"));
    }
}
