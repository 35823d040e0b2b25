using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DebtShield.Cli.Tests.Ledger;
using DebtShield.Tests.Screenshots;
using DebtShield.Tests.Shared;
using DebtShield.Tests.Shared.TimeStamps;

namespace DebtShield.Cli.Tests.Evidence;

/// <summary>The evidence commands end to end, as a borrower runs them.</summary>
public sealed class EvidenceCliTests
{
    private static readonly string SmsBackup = Path.Combine(RepositoryPaths.Root, "samples", "sms-backup.xml");
    private static readonly string CallsBackup = Path.Combine(RepositoryPaths.Root, "samples", "calls-backup.xml");

    [Fact]
    public void Verify_AfterImportsOrAnEditedRow_ExitsZeroOrFourNamingTheEntry()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("evidence", "import", SmsBackup);
        cli.Succeed("evidence", "import", CallsBackup);

        var intact = cli.Run("evidence", "verify");
        using (var connection = LedgerCli.Open(cli.Ledger.Location))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE evidence_entries SET counterpart = '10086' WHERE sequence = 7";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var tampered = cli.Run("evidence", "verify");

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("证据链完整，共 10 条", intact.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, tampered.ExitCode);
        Assert.Contains("第 7 条", tampered.Stdout, StringComparison.Ordinal);
        Assert.Contains("内容被改动过", tampered.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Head_PrintedAloneAndVerifiedAgainst_CatchesDeletedLastEntriesWithARewrittenHead()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("evidence", "import", SmsBackup);
        var head = cli.Succeed("evidence", "head").Trim();
        var kept = cli.Run("evidence", "verify", "--head", head);
        var count = cli.Scalar("SELECT COUNT(*) FROM evidence_entries");
        using (var connection = LedgerCli.Open(cli.Ledger.Location))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM evidence_entries WHERE sequence > 3; "
                + "UPDATE cases SET evidence_count = 3, evidence_head = (SELECT hash FROM evidence_entries WHERE sequence = 3)";
            command.ExecuteNonQuery();
        }

        var alone = cli.Run("evidence", "verify");
        var against = cli.Run("evidence", "verify", "--head", head);
        var malformed = cli.Run("evidence", "verify", "--head", "5:xyz");

        Assert.Matches("^5:[0-9a-f]{64}$", head);
        Assert.Equal(5, count);
        Assert.Equal(0, kept.ExitCode);
        Assert.Equal(0, alone.ExitCode);
        Assert.Equal(4, against.ExitCode);
        Assert.Contains("你保存的链头不在这条链上", against.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, malformed.ExitCode);
    }

    [Fact]
    public void Timestamp_WithoutOrWithAnAuthority_IsRefusedOrStampsTheHeadWhichHeadThenLists()
    {
        using var cli = new LedgerCli("sqlite");
        using var authority = LocalTimeStampAuthority.Start();
        cli.Succeed("evidence", "import", SmsBackup);
        var head = cli.Succeed("evidence", "head").Trim();

        var none = cli.Run("evidence", "timestamp");
        var stamped = cli.Run("evidence", "timestamp", "--tsa", authority.Address);
        var listed = cli.Run("evidence", "head");

        Assert.Equal(1, none.ExitCode);
        Assert.Contains("--tsa", none.Stderr + none.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, stamped.ExitCode);
        Assert.Equal(head, stamped.Stdout.Trim());
        Assert.Equal(1, authority.Asked);
        Assert.Equal(1L, cli.Scalar("SELECT COUNT(*) FROM head_stamps"));
        Assert.Contains("时间戳：第 5 条", listed.Stderr, StringComparison.Ordinal);
        Assert.Contains(authority.Address, listed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AfterAStampedHeadIsCutOffWithSql_ExitsFourNamingTheStampedEntry()
    {
        using var cli = new LedgerCli("sqlite");
        using var authority = LocalTimeStampAuthority.Start();
        cli.Succeed("evidence", "import", SmsBackup);
        cli.Succeed("evidence", "timestamp", "--tsa", authority.Address);
        var stamped = cli.Run("evidence", "verify");
        using (var connection = LedgerCli.Open(cli.Ledger.Location))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM evidence_entries WHERE sequence > 3; "
                + "UPDATE cases SET evidence_count = 3, evidence_head = (SELECT hash FROM evidence_entries WHERE sequence = 3)";
            command.ExecuteNonQuery();
        }

        var cut = cli.Run("evidence", "verify");
        var english = cli.Run("evidence", "verify", "--lang", "en");

        Assert.Equal(0, stamped.ExitCode);
        Assert.Equal(4, cut.ExitCode);
        Assert.Contains("第 4 条（存储序号 5）", cut.Stdout, StringComparison.Ordinal);
        Assert.Contains("加盖过可信时间戳的链末端", cut.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, english.ExitCode);
        Assert.Contains("time-stamped the chain head here", english.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Retract_TakesTheEntryOffTheList_AndTheChainStaysIntact()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("evidence", "import", SmsBackup);

        cli.Succeed("evidence", "retract", "2", "--reason", "这是快递短信");
        using var listed = JsonDocument.Parse(cli.Succeed("evidence", "list", "--json"));
        var again = cli.Run("evidence", "retract", "2", "--reason", "再来一次");
        var noReason = cli.Run("evidence", "retract", "3");

        var sequences = listed.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt32()).ToList();
        Assert.Equal([1, 3, 4, 5], sequences);
        Assert.Equal(0, cli.Run("evidence", "verify").ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(1, noReason.ExitCode);
    }

    [Fact]
    public void Collector_MarkedForALender_IsListedAsTheBorrowersWordAndAnUnknownLenderIsRefusedNamingTheCasesLenders()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("demo");

        var unknown = cli.Run("evidence", "collector", "170 0000 1234", "--lender", "某某");
        cli.Succeed("evidence", "collector", "+86 170-0000-1234", "--lender", "某呗");
        var table = cli.Succeed("evidence", "collectors");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("某呗、", unknown.Stderr, StringComparison.Ordinal);
        var row = table.Split('\n').Single(l => l.Contains("17000001234", StringComparison.Ordinal));
        Assert.Contains("某呗", row, StringComparison.Ordinal);
        Assert.Contains("您标明的", row, StringComparison.Ordinal);
    }

    [Fact]
    public void List_CollectorTextWithEscapeAndBidiCharacters_IsShownNeutralised()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("evidence", "add", "--channel", "sms", "--time", "2026-11-05 21:40", "--number", "17000001234", "--text", "\u202Egpj.exe 还钱\u001b]0;hacked\u0007\u001b[2J");

        var table = cli.Succeed("evidence", "list");

        Assert.DoesNotContain('\u001b', table);
        Assert.DoesNotContain('\u202E', table);
        Assert.Contains("⟦U+202E⟧", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ABackupWithTextsFromOtherNumbers_ListsThoseNumbersAndHowToKeepThem()
    {
        using var cli = new LedgerCli("sqlite");

        var result = cli.Run("evidence", "import", SmsBackup);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("13900000000：短信 1 条、来电 0 次，2025-11-03 至 2025-11-03", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("「妈：周末回家吃饭吗？」", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--collector", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("17000001234：短信", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportScreenshot_ThePictureUnderTwoNames_SaysTheCopyIsTheSamePictureAndKeepsItsMessageOnce()
    {
        // Given a chat screenshot and the same picture saved again from WeChat
        using var cli = new LedgerCli("sqlite");
        var image = ChatScreenshotPainter.Paint("催收王经理", [new ChatStamp("昨天 21:43"), new ChatBubble(false, "今天下午6点前不还，我们就联系你的家人。")]);
        File.WriteAllBytes(cli.PathOf("Screenshot_20261104-211000.png"), image);
        File.WriteAllBytes(cli.PathOf("mmexport1730726400000.png"), image);

        // When both are imported at once
        var result = cli.Run("evidence", "import-screenshot", cli.PathOf("Screenshot_20261104-211000.png"), cli.PathOf("mmexport1730726400000.png"));

        // Then the copy's line names the first file, not "imported before", and the message is kept once
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("mmexport1730726400000.png：和 Screenshot_20261104-211000.png 是同一张图片，只读取一次", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("之前已经导入", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM evidence_entries"));
    }

    [Fact]
    public void List_WithWhy_SaysTheRuleTheCollectorsWordsTheBasisAndWhatToDo()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("evidence", "import", SmsBackup);

        var plain = cli.Succeed("evidence", "list");
        var why = cli.Succeed("evidence", "list", "--why");

        Assert.DoesNotContain("为什么这样标注", plain, StringComparison.Ordinal);
        Assert.Contains("为什么这样标注", why, StringComparison.Ordinal);
        Assert.Contains("#4 侮辱谩骂：", why, StringComparison.Ordinal);
        Assert.Contains("匹配的文字：「老赖」", why, StringComparison.Ordinal);
        Assert.Contains("（已核实）", why, StringComparison.Ordinal);
        Assert.Contains("debtshield guide today", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ADamagedBackup_ImportsWhatCameBeforeAndExitsThreeNamingLineAndByte()
    {
        using var cli = new LedgerCli("sqlite");
        var bytes = File.ReadAllBytes(SmsBackup);
        var cut = Encoding.UTF8.GetString(bytes).IndexOf("<sms protocol=\"0\" address=\"16500009999\"", StringComparison.Ordinal) + 60;
        var damaged = cli.PathOf("damaged.xml");
        File.WriteAllText(damaged, Encoding.UTF8.GetString(bytes)[..cut]);

        var result = cli.Run("evidence", "import", damaged);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("damaged.xml 在第 ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("字节", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, cli.Scalar("SELECT COUNT(*) FROM evidence_entries"));
        Assert.Equal(0, cli.Run("evidence", "verify").ExitCode);
    }

    [Fact]
    public void Import_AFileThatIsNotABackup_ExitsOneWithAClearMessageAndStoresNothing()
    {
        using var cli = new LedgerCli("sqlite");
        File.WriteAllBytes(cli.PathOf("photo.xml"), [0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3]);

        var result = cli.Run("evidence", "import", "photo.xml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("photo.xml", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("内部错误", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WritesABundleWhoseFilesMatchSha256Sums_AndWhoseRecordsChain()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("evidence", "import", SmsBackup);
        File.WriteAllBytes(cli.PathOf("wang.png"), [0x89, 0x50, 0x4E, 0x47, 9, 9]);
        cli.Succeed("evidence", "add", "--channel", "sms", "--time", "2026-11-05 21:40", "--number", "17000001234", "--contact", "同事小王", "--text", "<script>alert(1)</script>你同事欠钱不还", "--attach", "wang.png");

        cli.Succeed("evidence", "export", "bundle.zip");
        using var zip = ZipFile.OpenRead(cli.PathOf("bundle.zip"));
        var files = zip.Entries.ToDictionary(e => e.FullName, e => Read(e));

        var sums = Encoding.UTF8.GetString(files["SHA256SUMS"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6 + 2 + 3, sums.Length);
        foreach (var line in sums)
        {
            var (hash, name) = (line[..64], line[66..]);
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(files[name])));
        }

        var previous = new string('0', 64);
        for (var n = 1; n <= 6; n++)
        {
            var record = files[$"entries/{n:D6}.txt"];
            Assert.EndsWith("previous " + previous + "\n", Encoding.UTF8.GetString(record), StringComparison.Ordinal);
            previous = Convert.ToHexStringLower(SHA256.HashData(record));
        }

        using var manifest = JsonDocument.Parse(files["manifest.json"]);
        Assert.Equal(previous, manifest.RootElement.GetProperty("chainHead").GetProperty("hash").GetString());
        var timeline = Encoding.UTF8.GetString(files["timeline.html"]);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", timeline, StringComparison.Ordinal);
        Assert.Contains("威胁爆通讯录", timeline, StringComparison.Ordinal);
        Assert.Contains("sha256sum -c SHA256SUMS", Encoding.UTF8.GetString(files["verify.txt"]), StringComparison.Ordinal);
    }

    [Fact]
    public void List_FiltersByLabelAndRecipient_AndStatsCountTheContactsReached()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("evidence", "import", SmsBackup);
        cli.Succeed("evidence", "add", "--channel", "sms", "--time", "2026-11-05 21:40", "--number", "17000001234", "--contact", "同事小王", "--text", "你同事张三欠我们平台5000元不还，请转告他");

        using var threats = JsonDocument.Parse(cli.Succeed("evidence", "list", "--label", "threat_exposure", "--json"));
        using var byName = JsonDocument.Parse(cli.Succeed("evidence", "list", "--label", "威胁爆通讯录/曝光", "--json")); // the name the tables show reads as the label
        using var others = JsonDocument.Parse(cli.Succeed("evidence", "list", "--recipient", "third_party", "--json"));
        using var stats = JsonDocument.Parse(cli.Succeed("evidence", "stats", "--json"));
        var badLabel = cli.Run("evidence", "list", "--label", "rude");

        Assert.Equal(2, threats.RootElement.GetProperty("entries").GetArrayLength());
        Assert.Equal(threats.RootElement.GetRawText(), byName.RootElement.GetRawText());
        var contact = Assert.Single(others.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal("同事小王", contact.GetProperty("contact").GetString());
        Assert.Equal("同事小王", stats.RootElement.GetProperty("contactsReached")[0].GetProperty("name").GetString());
        Assert.Equal(2, stats.RootElement.GetProperty("perLabel").GetProperty("threat_exposure").GetInt32());
        Assert.Equal(1, badLabel.ExitCode);
        Assert.Contains("rude", badLabel.Stderr, StringComparison.Ordinal);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
