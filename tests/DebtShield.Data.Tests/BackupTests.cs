using System.IO.Compression;
using DebtShield.Data.Backups;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data.Tests;

public sealed class BackupTests
{
    [Theory]
    [InlineData("sqlite", "sqlite")]
    [InlineData("postgresql", "postgresql")]
    [InlineData("sqlite", "postgresql")]
    [InlineData("postgresql", "sqlite")]
    public async Task A_restore_into_a_new_database_reproduces_every_row(string from, string to)
    {
        using var source = TestLedgers.Create(from);
        using var target = TestLedgers.Create(to);
        using var folder = new TemporaryFolder();
        var ledger = await Ledger.OpenAsync(source.Location, () => null, null);
        await SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None, SampleFacts.Loan("a"), SampleFacts.Loan("b"));
        var backup = Path.Combine(folder.Path, "ledger.backup");
        var again = Path.Combine(folder.Path, "again.backup");

        var written = await LedgerBackup.WriteAsync(ledger, backup, TimeProvider.System);
        var restored = await LedgerBackup.RestoreAsync(target.Location, backup);
        var restoredLedger = await Ledger.OpenAsync(target.Location, () => null, null);
        await LedgerBackup.WriteAsync(restoredLedger, again, TimeProvider.System);

        // 1 case, 1 budget line, 1 lender, 2 loans, 6 instalments, 2 fees, 4 payments.
        Assert.Equal(17, written);
        Assert.Equal(written, restored);
        Assert.Equal(Rows(backup), Rows(again));
    }

    [Fact]
    public async Task A_protected_backup_stays_sealed_and_opens_with_the_same_passphrase()
    {
        using var source = TestLedgers.CreateSqlite();
        using var target = TestLedgers.CreateSqlite();
        using var folder = new TemporaryFolder();
        var ledger = await Ledger.OpenAsync(source.Location, () => null, null);
        await ledger.ProtectAsync("pass", new KeyDerivationCost(1024, 1, 1), SampleFacts.Now);
        await SampleFacts.StoreCaseAsync(ledger, ledger.Cipher);
        var backup = Path.Combine(folder.Path, "ledger.backup");

        await LedgerBackup.WriteAsync(ledger, backup, TimeProvider.System);
        await LedgerBackup.RestoreAsync(target.Location, backup);

        Assert.DoesNotContain("13800138000", Rows(backup), StringComparison.Ordinal);
        var restored = await Ledger.OpenAsync(target.Location, () => "pass", null);
        var stored = await restored.ReadAsync((context, token) => context.Cases.SingleAsync(token));
        Assert.Equal(SampleFacts.Profile, stored.ReadProfile(restored.Cipher));
    }

    [Fact]
    public async Task A_restore_into_a_ledger_that_holds_data_is_refused_and_changes_nothing()
    {
        using var source = TestLedgers.CreateSqlite();
        using var target = TestLedgers.CreateSqlite();
        using var folder = new TemporaryFolder();
        var ledger = await Ledger.OpenAsync(source.Location, () => null, null);
        await SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None);
        var existing = await Ledger.OpenAsync(target.Location, () => null, null);
        await SampleFacts.StoreCaseAsync(existing, LedgerCipher.None, SampleFacts.Loan("only"));
        var backup = Path.Combine(folder.Path, "ledger.backup");
        await LedgerBackup.WriteAsync(ledger, backup, TimeProvider.System);

        var refused = await Assert.ThrowsAsync<LedgerException>(() => LedgerBackup.RestoreAsync(target.Location, backup));

        Assert.Equal(LedgerProblem.RestoreTargetNotEmpty, refused.Problem);
        Assert.Equal("only", Assert.Single(await existing.ReadAsync((context, token) => context.Loans.Select(l => l.Reference).ToListAsync(token))));
    }

    [Fact]
    public async Task A_backup_is_consistent_and_does_not_wait_while_another_process_writes()
    {
        using var source = TestLedgers.CreateSqlite();
        using var folder = new TemporaryFolder();
        var ledger = await Ledger.OpenAsync(source.Location, () => null, null);
        await SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None);
        var backup = Path.Combine(folder.Path, "ledger.backup");

        await using var writer = source.Location.CreateContext();
        await using var open = await writer.Database.BeginTransactionAsync();
        await writer.Database.ExecuteSqlRawAsync("DELETE FROM payments");
        var written = await LedgerBackup.WriteAsync(ledger, backup, TimeProvider.System);
        await open.CommitAsync();

        // The uncommitted delete is not in the snapshot: both payments are.
        Assert.Equal(10, written);
    }

    [Theory]
    [InlineData("not gzip at all")]
    [InlineData("")]
    public async Task A_file_that_is_not_a_backup_is_refused(string content)
    {
        using var target = TestLedgers.CreateSqlite();
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "x.backup");
        await File.WriteAllTextAsync(file, content);

        var refused = await Assert.ThrowsAsync<LedgerException>(() => LedgerBackup.RestoreAsync(target.Location, file));

        Assert.Equal(LedgerProblem.BackupUnreadable, refused.Problem);
    }

    /// <summary>The backup's rows, without its creation time.</summary>
    private static string Rows(string backup)
    {
        using var file = File.OpenRead(backup);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var document = System.Text.Json.Nodes.JsonNode.Parse(gzip)!.AsObject();
        document.Remove("created_at");
        return document.ToJsonString();
    }

    private sealed class TemporaryFolder : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("debtshield-backup-");

        public string Path => _folder.FullName;

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
