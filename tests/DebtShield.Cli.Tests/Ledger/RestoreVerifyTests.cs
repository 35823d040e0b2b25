using System.IO.Compression;
using System.Text.Json.Nodes;
using DebtShield.Tests.Shared;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary>
/// Issue 22: <c>restore</c> believes nothing. A backup altered after it was written (an evidence
/// text, an attachment, a path for a hash, a case without a title, a row twice) is refused with
/// exit 1 and a message naming what does not hold, and nothing of it is committed.
/// </summary>
public sealed class RestoreVerifyTests
{
    private static readonly string SmsBackup = Path.Combine(RepositoryPaths.Root, "samples", "sms-backup.xml");

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void Restore_AnEvidenceTextAltered_Exit1NamingTheBrokenEntryAndNothingRestored(string provider)
    {
        var (result, target) = RestoreAltered(provider, backup => backup["evidence_entries"]![1]!["text"] = "改过的文字");
        using (target)
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("证据链在第 2 条断开", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM cases"));
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM evidence_entries"));
        }
    }

    [Fact]
    public void Restore_AnAttachmentWhoseContentIsNotItsHash_Exit1NamingTheAttachment()
    {
        var (result, target) = RestoreAltered("sqlite", backup => backup["attachments"]![0]!["content"] = Convert.ToBase64String("另一张图"u8));
        using (target)
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("第 1 个附件的名称或内容与它的哈希值不符", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM cases"));
            Assert.False(Directory.Exists(target.Ledger.Location.FilePath + ".attachments") && Directory.EnumerateFiles(target.Ledger.Location.FilePath + ".attachments", "*", SearchOption.AllDirectories).Any());
        }
    }

    [Fact]
    public void Restore_APathForAnAttachmentHash_Exit1AndNothingWrittenAnywhere()
    {
        var (result, target) = RestoreAltered("sqlite", backup => backup["attachments"]![0]!["hash"] = "../../escaped");
        using (target)
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("第 1 个附件的名称或内容与它的哈希值不符", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM attachments"));
            Assert.False(File.Exists(Path.Combine(target.Folder, "escaped")));
        }
    }

    [Fact]
    public void Restore_ACaseWithoutATitle_Exit1()
    {
        var (result, target) = RestoreAltered("sqlite", backup => backup["cases"]![0]!["title"] = "");
        using (target)
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("没有名称的案件", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM cases"));
        }
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void Restore_AnEvidenceRowTwice_Exit1NamingTheConflictNotAnInternalError(string provider)
    {
        var (result, target) = RestoreAltered(provider, backup =>
        {
            var entries = backup["evidence_entries"]!.AsArray();
            entries.Add(entries[0]!.DeepClone());
        });
        using (target)
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("互相冲突", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("evidence_entries", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM cases"));
        }
    }

    [Fact]
    public void Restore_TheSameBackupUnaltered_RestoresEveryRow()
    {
        var (result, target) = RestoreAltered("sqlite", _ => { });
        using (target)
        {
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Equal(1, target.Scalar("SELECT COUNT(*) FROM cases"));
            Assert.Equal(1, target.Scalar("SELECT COUNT(*) FROM attachments"));
        }
    }

    /// <summary>Backs up a case with evidence and an attachment, alters the backup's rows, and restores it into a new ledger.</summary>
    private static (CliResult Result, LedgerCli Target) RestoreAltered(string provider, Action<JsonNode> alter)
    {
        using var source = new LedgerCli(provider);
        source.Succeed("evidence", "import", SmsBackup, "--collector", "16500009999", "--collector", "17000001234");
        source.Succeed("backup", "ledger.backup");
        JsonNode backup;
        using (var file = File.OpenRead(source.PathOf("ledger.backup")))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            backup = JsonNode.Parse(gzip)!;
        }

        alter(backup);
        var target = new LedgerCli(provider);
        var altered = target.PathOf("altered.backup");
        using (var file = File.Create(altered))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(backup.ToJsonString()));
        }

        return (target.Run("restore", altered), target);
    }
}
