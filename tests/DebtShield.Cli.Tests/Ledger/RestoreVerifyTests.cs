using System.IO.Compression;
using System.Text.Json.Nodes;
using DebtShield.Tests.Shared;
using DebtShield.Tests.Shared.TimeStamps;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary>
/// Issue 22: <c>restore</c> believes nothing. A backup altered after it was written (an evidence
/// text, an attachment, a path for a hash, a case without a title, a row twice) is refused with
/// exit 1 and a message naming what does not hold, and nothing of it is committed.
/// </summary>
public sealed class RestoreVerifyTests(RestoreVerifyTests.Backups backups) : IClassFixture<RestoreVerifyTests.Backups>
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

    [Fact]
    public void Restore_AStampedHeadCutOffTheBackupWithTheCaseHeadRewritten_Exit1NamingTheStampedEntry()
    {
        using var authority = LocalTimeStampAuthority.Start();
        var (result, target) = RestoreAltered("sqlite", backup =>
        {
            var entries = backup["evidence_entries"]!.AsArray();
            while (entries.Count > 3)
            {
                entries.RemoveAt(entries.Count - 1);
            }

            backup["cases"]![0]!["evidence_count"] = 3;
            backup["cases"]![0]!["evidence_head"] = (string)entries[2]!["hash"]!;
        }, source => source.Succeed("evidence", "timestamp", "--tsa", authority.Address));
        using (target)
        {
            Assert.Equal(1, authority.Asked);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("证据链在第 5 条断开：这里曾是加盖过可信时间戳的链末端", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM cases"));
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM head_stamps"));
        }
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void Restore_AProtectedBackupWithOneSealedTextByteChanged_Exit1NamingTheEntryAndNothingRestored(string provider)
    {
        var (result, target) = RestoreAlteredProtected(provider, backup => backup["evidence_entries"]![1]!["text"] = FlipOneByte((string)backup["evidence_entries"]![1]!["text"]!));
        using (target)
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("证据链在第 2 条断开", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM cases"));
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM evidence_entries"));
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM protection"));
        }
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void Restore_AProtectedBackupWithOneSealedAttachmentByteChanged_Exit1NamingTheAttachmentAndNothingRestored(string provider)
    {
        var (result, target) = RestoreAlteredProtected(provider, backup =>
        {
            var content = Convert.FromBase64String((string)backup["attachments"]![0]!["content"]!);
            content[content.Length / 2] ^= 0x01;
            backup["attachments"]![0]!["content"] = Convert.ToBase64String(content);
        });
        using (target)
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("第 1 个附件的名称或内容与它的哈希值不符", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM cases"));
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM attachments"));
            Assert.False(provider == "sqlite" && Directory.Exists(target.Ledger.Location.FilePath + ".attachments") && Directory.EnumerateFiles(target.Ledger.Location.FilePath + ".attachments", "*", SearchOption.AllDirectories).Any());
        }
    }

    [Fact]
    public void Restore_AProtectedBackupWithTheCaseTitleByteChanged_Exit1NamingTheCase()
    {
        var (result, target) = RestoreAlteredProtected("sqlite", backup => backup["cases"]![0]!["title"] = FlipOneByte((string)backup["cases"]![0]!["title"]!));
        using (target)
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("的名称或资料的加密内容被改动过", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM cases"));
        }
    }

    [Fact]
    public void Restore_AProtectedBackupUnalteredWithItsPassphrase_RestoresEveryRowThatThenVerifies()
    {
        var (result, target) = RestoreAlteredProtected("sqlite", _ => { });
        using (target)
        {
            var verified = target.RunWith(null, Passphrase, "evidence", "verify");

            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Equal(1, target.Scalar("SELECT COUNT(*) FROM attachments"));
            Assert.True(verified.ExitCode == 0, verified.Stdout + verified.Stderr);
        }
    }

    [Fact]
    public void Restore_AProtectedBackupWithoutItsPassphrase_Exit1AndNothingRestored()
    {
        var backup = backups.Of("sqlite", isProtected: true);
        using var target = new LedgerCli("sqlite", empty: true);

        var none = target.Run("restore", backup);
        var wrong = target.RunWith(null, new Dictionary<string, string?> { ["DEBTSHIELD_PASSPHRASE"] = "wrong horse battery" }, "restore", backup);

        Assert.Equal(1, none.ExitCode);
        Assert.Contains("DEBTSHIELD_PASSPHRASE", none.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("密码不正确", wrong.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM cases"));
        Assert.Equal(0, target.Scalar("SELECT COUNT(*) FROM protection"));
    }

    private static readonly Dictionary<string, string?> Passphrase = new() { ["DEBTSHIELD_PASSPHRASE"] = "correct horse battery" };

    /// <summary>A sealed value (<c>v1:</c> and base64) with one bit of its ciphertext flipped.</summary>
    private static string FlipOneByte(string sealedValue)
    {
        Assert.StartsWith("v1:", sealedValue, StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(sealedValue[3..]);
        bytes[bytes.Length / 2] ^= 0x01;
        return "v1:" + Convert.ToBase64String(bytes);
    }

    /// <summary>A ledger with evidence and an attachment, backed up as <c>ledger.backup</c> in its folder.</summary>
    private static LedgerCli PlainSource(string provider, Action<LedgerCli>? prepare = null)
    {
        var source = new LedgerCli(provider);
        source.Succeed("evidence", "import", SmsBackup, "--collector", "16500009999", "--collector", "17000001234");
        prepare?.Invoke(source);
        source.Succeed("backup", "ledger.backup");
        return source;
    }

    /// <summary>A protected ledger with evidence and an attachment, backed up as <c>ledger.backup</c> in its folder.</summary>
    private static LedgerCli ProtectedSource(string provider)
    {
        var source = new LedgerCli(provider);
        source.Succeed("evidence", "import", SmsBackup, "--collector", "16500009999", "--collector", "17000001234");
        var protect = source.RunWith(null, new Dictionary<string, string?> { ["DEBTSHIELD_NEW_PASSPHRASE"] = "correct horse battery" }, "db", "protect");
        Assert.True(protect.ExitCode == 0, protect.Stderr);
        var backup = source.RunWith(null, Passphrase, "backup", "ledger.backup");
        Assert.True(backup.ExitCode == 0, backup.Stderr);
        return source;
    }

    /// <summary>As <see cref="RestoreAltered"/>, from a protected ledger, restored with its passphrase.</summary>
    private (CliResult Result, LedgerCli Target) RestoreAlteredProtected(string provider, Action<JsonNode> alter)
    {
        var target = new LedgerCli(provider, empty: true);
        var altered = Alter(backups.Of(provider, isProtected: true), target.PathOf("altered.backup"), alter);
        return (target.RunWith(null, Passphrase, "restore", altered), target);
    }

    /// <summary>Backs up a case with evidence and an attachment, alters the backup's rows, and restores it into a new ledger.</summary>
    private (CliResult Result, LedgerCli Target) RestoreAltered(string provider, Action<JsonNode> alter, Action<LedgerCli>? prepare = null)
    {
        // A source prepared for one test is that test's own; the plain one is the class's.
        using var own = prepare is null ? null : PlainSource(provider, prepare);
        var backup = own?.PathOf("ledger.backup") ?? backups.Of(provider, isProtected: false);
        var target = new LedgerCli(provider, empty: true);
        return (target.Run("restore", Alter(backup, target.PathOf("altered.backup"), alter)), target);
    }

    /// <summary>Writes <paramref name="to"/>: the backup <paramref name="from"/> with its rows altered.</summary>
    private static string Alter(string from, string to, Action<JsonNode> alter)
    {
        JsonNode backup;
        using (var file = File.OpenRead(from))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            backup = JsonNode.Parse(gzip)!;
        }

        alter(backup);
        using (var file = File.Create(to))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(backup.ToJsonString()));
        }

        return to;
    }

    /// <summary>
    /// The backups the tests alter, made once per provider for the class, plain and protected: each
    /// test alters a copy of its own and restores it into a new ledger of its own, so a backup is
    /// only ever read. Making one (an import, a backup, and for the protected one a <c>db protect</c>
    /// and a backup each deriving the key at the default Argon2id cost) was most of a test's work.
    /// </summary>
    public sealed class Backups : IDisposable
    {
        private readonly Dictionary<(string Provider, bool Protected), LedgerCli> sources = [];
        private readonly Lock gate = new();

        /// <summary>The path of the backup of a case with evidence and an attachment on <paramref name="provider"/>.</summary>
        public string Of(string provider, bool isProtected)
        {
            lock (gate)
            {
                if (!sources.TryGetValue((provider, isProtected), out var source))
                {
                    source = isProtected ? ProtectedSource(provider) : PlainSource(provider);
                    sources.Add((provider, isProtected), source);
                }

                return source.PathOf("ledger.backup");
            }
        }

        public void Dispose()
        {
            foreach (var source in sources.Values)
            {
                source.Dispose();
            }
        }
    }
}
