using System.Text;
using DebtShield.Data.Protection;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary><c>db protect</c> and the passphrase at the command line.</summary>
public sealed class ProtectionCliTests
{
    private const string Secret = "correct horse battery";

    private static Dictionary<string, string?> Passphrase(string value) => new() { ["DEBTSHIELD_PASSPHRASE"] = value };

    [Fact]
    public void AProtectedLedger_OpensOnlyWithItsPassphrase_AndKeepsThePhoneNumberOutOfTheFile()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("loan", "import", Path.Combine(DebtShield.Tests.Shared.RepositoryPaths.Root, "samples", "loans.csv"));
        var protect = cli.RunWith(null, new Dictionary<string, string?> { ["DEBTSHIELD_NEW_PASSPHRASE"] = Secret }, "db", "protect");
        Assert.True(protect.ExitCode == 0, protect.Stderr);

        var none = cli.Run("loan", "list");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("DEBTSHIELD_PASSPHRASE", none.Stderr, StringComparison.Ordinal);

        var wrong = cli.RunWith(null, Passphrase("wrong horse battery"), "payment", "add", "张三借款", "--amount", "100", "--date", "2026-03-01");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("密码不正确", wrong.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM payments p JOIN loans l ON l.id = p.loan_id WHERE l.reference = '张三借款'"));

        var right = cli.RunWith(null, Passphrase(Secret), "payment", "add", "张三借款", "--amount", "100", "--date", "2026-03-01");
        Assert.True(right.ExitCode == 0, right.Stderr);
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM payments p JOIN loans l ON l.id = p.loan_id WHERE l.reference = '张三借款'"));

        var added = cli.RunWith(null, Passphrase(Secret), "case", "add", "另一个案件", "--name", "李四", "--phone", "13912345678");
        Assert.True(added.ExitCode == 0, added.Stderr);
        var listed = cli.RunWith(null, Passphrase(Secret), "case", "list", "--json");
        Assert.Contains("13912345678", listed.Stdout, StringComparison.Ordinal);

        var file = cli.Ledger.Location.FilePath!;
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("13912345678")));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("李四")));
        }
    }

    [Fact]
    public async Task DbProtect_OnALedgerAnEarlierVersionSealedInTwoLanes_SealsItAgainInOneLane()
    {
        // Given a ledger protected in two lanes, as every earlier version protected it (at a light cost)
        using var cli = new LedgerCli("sqlite");
        var ledger = await DebtShield.Data.Ledger.OpenAsync(cli.Ledger.Location, () => null, null);
        Assert.True(await ledger.ProtectAsync(Secret, new KeyDerivationCost(1024, 1, 2), DateTimeOffset.UnixEpoch));
        Assert.Equal(2, cli.Scalar("SELECT parallelism FROM protection"));

        // When the borrower sets the same passphrase again
        var again = cli.RunWith(null, new Dictionary<string, string?> { ["DEBTSHIELD_PASSPHRASE"] = Secret, ["DEBTSHIELD_NEW_PASSPHRASE"] = Secret }, "db", "protect");

        // Then it is sealed at the default cost, in one lane, and opens with that passphrase
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(64 * 1024, cli.Scalar("SELECT memory_kib FROM protection"));
        Assert.Equal(1, cli.Scalar("SELECT parallelism FROM protection"));
        var opened = cli.RunWith(null, Passphrase(Secret), "case", "list", "--json");
        Assert.True(opened.ExitCode == 0, opened.Stderr);
    }
}
