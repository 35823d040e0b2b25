using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DebtShield.Data.Evidence;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary>
/// Issue 22: a real <c>db protect</c> stopped at each of its stages (the process stops itself with
/// <see cref="Environment.FailFast(string)"/>, as hard as <c>kill -9</c>) leaves the ledger either
/// as it was or recorded as unfinished; <c>db status</c> says which, and the next open finishes the
/// work: no collector text left plain in the file or its log, attachments sealed and under keyed
/// names, fingerprints keyed.
/// </summary>
public sealed class ProtectCrashTests
{
    private const string Secret = "correct horse battery";
    private const string Collector = "17000001234";
    /// <summary>
    /// Enough messages for the collector's words to fill many of the ledger's pages (so the freed
    /// pages a vacuum must clear hold them too); more only cost time: 2,000 made this class take
    /// 86 s of CPU against 78 s (docs/benchmarks.md, tenth session, lead).
    /// </summary>
    private const int Messages = 200;

    /// <summary>In every stored message, and in no sealed byte.</summary>
    private const string CollectorWords = "催收原话标记";

    private static readonly byte[] Picture = Encoding.ASCII.GetBytes("PLAIN-PICTURE-BYTES-" + new string('x', 4000));

    [Theory]
    [InlineData("sqlite", "protect-sealed")]
    [InlineData("sqlite", "protect-committed")]
    [InlineData("sqlite", "protect-keyed")]
    [InlineData("sqlite", "protect-sealing-file")]
    [InlineData("sqlite", "protect-files-sealed")]
    [InlineData("sqlite", "protect-vacuumed")]
    [InlineData("sqlite", "protect-checkpointed")]
    [InlineData("postgresql", "protect-sealed")]
    [InlineData("postgresql", "protect-committed")]
    [InlineData("postgresql", "protect-keyed")]
    [InlineData("postgresql", "protect-checkpointed")]
    public void Protect_StoppedAtAStage_IsAllOldOrUnfinishedUntilTheNextOpenFinishesIt(string provider, string stage)
    {
        using var cli = new LedgerCli(provider);
        cli.Succeed("evidence", "import", WriteSmsBackup(cli), "--collector", Collector);
        File.WriteAllBytes(cli.PathOf("photo.png"), Picture);
        cli.Succeed("evidence", "add", "--channel", "sms", "--time", "2026-11-05 21:40", "--number", Collector, "--text", "照片 " + CollectorWords, "--attach", "photo.png");
        var plainFingerprints = Fingerprints(cli);
        Assert.True(PlainCopies(cli) > 0, "the collector's words are not where the test looks for them: it could not fail");

        var stopped = CliProcess.RunProcess(
            ["db", "protect", "--db", cli.Ledger.DbArgument],
            cli.Folder,
            environment: new Dictionary<string, string?> { ["DEBTSHIELD_NEW_PASSPHRASE"] = Secret, ["DEBTSHIELD_TEST_STOP_AT"] = stage });
        Assert.NotEqual(0, stopped.ExitCode);
        Assert.Contains("stopped at " + stage, stopped.Stderr, StringComparison.Ordinal);

        var committed = stage != "protect-sealed";
        Assert.Equal((committed, committed), Status(cli));
        if (committed)
        {
            Assert.Contains("加密未完成", cli.Run("db", "status").Stdout, StringComparison.Ordinal);
        }

        // The next open, by any command, finishes first.
        var passphrase = new Dictionary<string, string?> { ["DEBTSHIELD_PASSPHRASE"] = committed ? Secret : null };
        var verified = cli.RunWith(null, passphrase, "evidence", "verify");
        Assert.True(verified.ExitCode == 0, verified.Stdout + verified.Stderr);
        Assert.Equal((committed, false), Status(cli));
        Assert.Equal(Messages + 1, cli.Scalar("SELECT COUNT(*) FROM evidence_entries"));
        if (!committed)
        {
            Assert.True(PlainCopies(cli) > 0, "a protection that never committed changed the ledger");
            return;
        }

        Assert.Equal(0, PlainCopies(cli));
        Assert.Empty(Fingerprints(cli).Intersect(plainFingerprints));
        Assert.Equal(0, PlainNames(cli));

        // Keyed fingerprints still recognise every message imported again.
        var again = cli.RunWith(null, passphrase, "evidence", "import", cli.PathOf("sms.xml"), "--collector", Collector);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(Messages + 1, cli.Scalar("SELECT COUNT(*) FROM evidence_entries"));

        // The keyed name still recognises the picture attached again: one attachment, stored once.
        var attachedAgain = cli.RunWith(null, passphrase, "evidence", "add", "--channel", "sms", "--time", "2026-11-06 09:10", "--number", Collector, "--text", "又是这张照片", "--attach", "photo.png");
        Assert.True(attachedAgain.ExitCode == 0, attachedAgain.Stderr);
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM attachments"));
        Assert.Equal(0, PlainNames(cli));
    }

    /// <summary>
    /// Places that name the picture by the plain SHA-256 of its content (which would let a known
    /// picture be confirmed): the attachment rows, the entries' lists, the attachment files' names.
    /// </summary>
    private static long PlainNames(LedgerCli cli)
    {
        var plain = Convert.ToHexStringLower(SHA256.HashData(Picture));
        var files = AttachmentStore.FolderOf(cli.Ledger.Location) is { } attachments && Directory.Exists(attachments)
            ? Directory.GetFiles(attachments, "*", SearchOption.AllDirectories).Count(f => f.Contains(plain, StringComparison.Ordinal))
            : 0;
        return files + cli.Scalar($"SELECT COUNT(*) FROM attachments WHERE hash = '{plain}'")
            + cli.Scalar($"SELECT COUNT(*) FROM evidence_entries WHERE attachments LIKE '%{plain}%'");
    }

    private static string WriteSmsBackup(LedgerCli cli)
    {
        var xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"")
            .Append(Messages.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
        var start = new DateTimeOffset(2025, 11, 3, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < Messages; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"  <sms protocol=\"0\" address=\"{Collector}\" date=\"{start + (i * 60_000L)}\" type=\"1\" body=\"第{i}条：今天不还就把你的欠款发给你通讯录里所有人。{CollectorWords}\" read=\"1\" status=\"-1\" contact_name=\"(Unknown)\" />\n");
        }

        var path = cli.PathOf("sms.xml");
        File.WriteAllText(path, xml.Append("</smses>\n").ToString(), new UTF8Encoding(false));
        return path;
    }

    /// <summary>(protected, unfinished) as <c>db status --json</c> says.</summary>
    private static (bool Protected, bool Unfinished) Status(LedgerCli cli)
    {
        using var status = JsonDocument.Parse(cli.Succeed("db", "status", "--json"));
        return (status.RootElement.GetProperty("protected").GetBoolean(), status.RootElement.GetProperty("protectionUnfinished").GetBoolean());
    }

    private static HashSet<string> Fingerprints(LedgerCli cli)
    {
        using var connection = LedgerCli.Open(cli.Ledger.Location);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT fingerprint FROM evidence_entries";
        using var reader = command.ExecuteReader();
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            fingerprints.Add(reader.GetString(0));
        }

        return fingerprints;
    }

    /// <summary>
    /// Plain copies of the collector's words or the picture: in the SQLite file and its log, in the
    /// attachment files (and any copy left beside them), or in the PostgreSQL rows.
    /// </summary>
    private static int PlainCopies(LedgerCli cli)
    {
        var words = Encoding.UTF8.GetBytes(CollectorWords);
        if (cli.Ledger.Location.FilePath is { } file)
        {
            var files = new[] { file, file + "-wal" }.Where(File.Exists).ToList();
            var attachments = AttachmentStore.FolderOf(cli.Ledger.Location)!;
            var stored = Directory.Exists(attachments) ? Directory.GetFiles(attachments, "*", SearchOption.AllDirectories) : [];
            Assert.DoesNotContain(stored, f => f.EndsWith(".sealing", StringComparison.Ordinal) || f.EndsWith(".sealed", StringComparison.Ordinal) || f.EndsWith(".partial", StringComparison.Ordinal));
            return files.Count(f => Contains(f, words)) + stored.Count(f => Contains(f, Picture.AsSpan(0, 40)) || Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))) == Path.GetFileName(f));
        }

        return (int)(cli.Scalar($"SELECT COUNT(*) FROM evidence_entries WHERE text LIKE '%{CollectorWords}%'")
            + cli.Scalar("SELECT COUNT(*) FROM attachments WHERE position('\\x504c41494e2d50494354555245'::bytea in content) > 0"));
    }

    private static bool Contains(string path, ReadOnlySpan<byte> what) => File.ReadAllBytes(path).AsSpan().IndexOf(what) >= 0;
}
