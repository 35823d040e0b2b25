using System.IO.Compression;
using DebtShield.Data.Backups;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DebtShield.Data.Tests;

public sealed class BackupTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("sqlite", "sqlite")]
    [InlineData("postgresql", "postgresql")]
    [InlineData("sqlite", "postgresql")]
    [InlineData("postgresql", "sqlite")]
    public async Task Restore_IntoANewDatabase_ReproducesEveryRow(string from, string to)
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
    public async Task Backup_OfAProtectedLedger_StaysSealedAndOpensWithTheSamePassphrase()
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
    public async Task Restore_IntoALedgerThatHoldsData_IsRefusedAndChangesNothing()
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
    public async Task Backup_WhileAnotherProcessWrites_IsConsistentAndDoesNotWait()
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
    public async Task Restore_AFileThatIsNotABackup_IsRefused(string content)
    {
        using var target = TestLedgers.CreateSqlite();
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "x.backup");
        await File.WriteAllTextAsync(file, content);

        var refused = await Assert.ThrowsAsync<LedgerException>(() => LedgerBackup.RestoreAsync(target.Location, file));

        Assert.Equal(LedgerProblem.BackupUnreadable, refused.Problem);
    }

    [Fact]
    public async Task RestoreAsync_AFiveMegabyteGzipBomb_IsRefusedWithinTheMemoryBoundAndRestoresNothing()
    {
        using var target = TestLedgers.CreateSqlite();
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "bomb.backup");
        WriteBomb(file);
        Assert.InRange(new FileInfo(file).Length, 4_000_000, 6_000_000);
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(2);
            }
        });

        var refused = await Assert.ThrowsAsync<LedgerException>(() => LedgerBackup.RestoreAsync(target.Location, file));
        await done.CancelAsync();
        await sampler;

        Assert.Equal(LedgerProblem.BackupUnreadable, refused.Problem);
        Assert.Contains("192 MB", refused.Detail, StringComparison.Ordinal);
        var grown = peak - baseline;
        output.WriteLine($"managed heap grew by at most {grown:N0} bytes restoring a {new FileInfo(file).Length:N0}-byte gzip bomb");
        Assert.True(grown < 512L * 1024 * 1024, $"the managed heap grew by {grown:N0} bytes");
        var ledger = await Ledger.OpenAsync(target.Location, () => null, null);
        Assert.Equal(0, await ledger.ReadAsync((context, token) => context.Cases.CountAsync(token)));
    }

    /// <summary>
    /// A backup's header and the start of a case's title, then gzip members of 64 MiB of 'a' each,
    /// repeated to about 5 MB: a file that unpacks into one title of several gigabytes.
    /// </summary>
    private static void WriteBomb(string path)
    {
        using var file = File.Create(path);
        using (var head = new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            head.Write("{\"format\":\"debtshield-ledger-backup\",\"schema\":6,\"created_at\":\"2026-12-05T00:00:00Z\",\"protection\":[],\"cases\":[{\"title\":\""u8);
        }

        using var member = new MemoryStream();
        using (var filler = new GZipStream(member, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var run = new byte[1 << 20];
            run.AsSpan().Fill((byte)'a');
            for (var i = 0; i < 64; i++)
            {
                filler.Write(run);
            }
        }

        while (file.Length < 5_000_000)
        {
            file.Write(member.GetBuffer().AsSpan(0, (int)member.Length));
        }
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
