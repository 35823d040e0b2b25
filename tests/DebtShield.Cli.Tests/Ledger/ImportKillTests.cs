using System.Diagnostics;
using System.Globalization;
using DebtShield.Data;
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
    public async Task ImportKilledWithSigkill_LeavesNoneOrAllLoans_AndARerunImportsExactlyTheFullSet(string provider)
    {
        var csvFolder = Directory.CreateTempSubdirectory("debtshield-kill-");
        try
        {
            var csv = LoanTableFiles.Write(Path.Combine(csvFolder.FullName, "big.csv"), "借款", Loans);

            // A full run on a migrated ledger says how long the import takes here, now.
            TimeSpan full;
            using (var timing = new LedgerCli(provider))
            {
                await LedgerSchema.MigrateAsync(timing.Ledger.Location);
                var clock = Stopwatch.StartNew();
                timing.Succeed("loan", "import", csv);
                full = clock.Elapsed;
                Assert.Equal((Loans, Instalments), timing.Counts());
            }

            output.WriteLine($"{provider}: a full import takes {full.TotalMilliseconds:F0} ms");

            // Kills at later and later moments into one ledger: while each leaves nothing, the next
            // import starts from the same state; once one has committed, later ones would too.
            using var cli = new LedgerCli(provider);
            await LedgerSchema.MigrateAsync(cli.Ledger.Location);
            var killedWhileRunning = 0;
            foreach (var fraction in new[] { 0.4, 0.6, 0.75, 0.88, 0.96 })
            {
                using var process = CliProcess.Start(["loan", "import", csv, "--db", cli.Ledger.DbArgument], cli.Folder, null);
                process.StandardInput.Close();
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                var clock = Stopwatch.StartNew();
                var finished = process.WaitForExit(full * fraction);
                if (!finished)
                {
                    process.Kill(); // SIGKILL on Unix: no handler, no cleanup.
                    killedWhileRunning++;
                }

                await process.WaitForExitAsync();
                await Task.WhenAll(stdout, stderr);
                var counts = cli.Counts();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{provider}: {(finished ? "finished before" : "killed at")} {clock.Elapsed.TotalMilliseconds:F0} ms ({fraction:P0}): {counts.Loans} loans, {counts.Instalments} instalments — {(counts.Loans == 0 ? "before the commit" : "after the commit")}"));

                Assert.True(counts == (0, 0) || counts == (Loans, Instalments), $"a partial import survived the kill: {counts}");
                AssertConsistent(cli);
                if (counts.Loans > 0)
                {
                    break;
                }
            }

            var rerun = cli.Run("loan", "import", csv);
            Assert.True(rerun.ExitCode == 0, rerun.Stderr);
            Assert.Equal((Loans, Instalments), cli.Counts());
            AssertConsistent(cli);
            Assert.True(killedWhileRunning > 0, "every import finished before its kill: nothing was tested");
        }
        finally
        {
            csvFolder.Delete(recursive: true);
        }
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
