using System.Text.Json.Nodes;

namespace DebtShield.Cli.Tests.Before;

/// <summary>The "before borrowing" commands run as the real program: offer, contract, scam-check, lender, guide.</summary>
public sealed class BeforeBorrowingCommandTests
{
    private const string Samples = "tests/DebtShield.Core.Tests/Contracts/Samples/";

    [Fact]
    public void Offer_PastedOnStandardInput_PrintsRealRateAndVerdict()
    {
        var result = CliProcess.Run(["offer", "-", "--income", "6000"], DebtShield.Tests.Shared.RepositoryPaths.Root, "借款金额 10000元\n每期应还 1000元 共12期\n");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout.ReplaceLineEndings(" ");
        Assert.Contains("35.07%", text, StringComparison.Ordinal);
        Assert.Contains("不建议借", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_AdvertPastedAsShown_PrintsTheRealRateAndShowsTheUnreadLineBack()
    {
        var result = CliProcess.Run(["offer", "-"], DebtShield.Tests.Shared.RepositoryPaths.Root, "借10000元，分12期，每期还1045元，日利率低至0.02%，需缴会员费299元\n客服电话 400-123\n");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout.ReplaceLineEndings(" ");
        Assert.Contains("50.26%", text, StringComparison.Ordinal);
        Assert.Contains("不建议借", text, StringComparison.Ordinal);
        Assert.Contains("第 2 行", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_OptionsJsonEnglish_HasTheDocumentedFields()
    {
        var result = CliProcess.Run("offer", "--amount", "10000", "--term", "12期", "--monthly-fee-rate", "1.5", "--fee", "会员费=199", "--lender", "招联消金", "--json", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("consumer_finance", report["lenderKind"]!.GetValue<string>());
        Assert.Equal(983.33m, report["instalment"]!.GetValue<decimal>());
        Assert.Equal("avoid", report["verdict"]!.GetValue<string>());
        Assert.StartsWith("do not borrow", report["verdictText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(report["findings"]!.AsArray(), f => f!["rule"]!.GetValue<string>() == "bundled_fees.membership");
    }

    [Theory]
    [InlineData(new[] { "offer" }, "give the offer text (a file or -), or at least --amount and the other figures")]
    [InlineData(new[] { "offer", "--amount", "1万" }, "the value \"1万\" of --amount cannot be read")]
    [InlineData(new[] { "offer", "--amount", "10000", "--term", "twelve" }, "the value \"twelve\" of --term cannot be read")]
    [InlineData(new[] { "offer", "--amount", "10000", "--term", "12" }, "the offer does not yet say: How much is each repayment? (or the rate the page shows, such as 日利率 0.05%) (--instalment, --daily-rate …)")]
    [InlineData(new[] { "offer", "missing-offer.txt" }, "input file not found: missing-offer.txt")]
    public void Offer_BadInput_ExitsOneWithOneLine(string[] args, string message)
    {
        var result = CliProcess.Run([.. args, "--lang", "en"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("debtshield: " + message, result.Stderr.TrimEnd());
    }

    [Fact]
    public void Contract_TrapAgreement_ExplainsEachClause()
    {
        var result = CliProcess.Run("contract", Samples + "trap-agreement.txt", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout.ReplaceLineEndings(" ");
        Assert.Contains("permission to read the contact list", text, StringComparison.Ordinal);
        Assert.Contains("What you can do:", text, StringComparison.Ordinal);
        Assert.Contains("13 clauses to watch, in 10 kinds of problem", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_StandardInputJson_GivesSpans()
    {
        var result = CliProcess.Run(["contract", "-", "--json"], DebtShield.Tests.Shared.RepositoryPaths.Root, "第一条 说明。\n第二条 甲方同意授权乙方读取通讯录。");

        Assert.Equal(0, result.ExitCode);
        var finding = JsonNode.Parse(result.Stdout)!["findings"]![0]!;
        Assert.Equal("contacts.read", finding["rule"]!.GetValue<string>());
        Assert.Equal(8, finding["start"]!.GetValue<int>());
    }

    [Fact]
    public void Contract_UnsupportedFile_ExitsOne()
    {
        var result = CliProcess.Run("contract", "README.md", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("debtshield: cannot read README.md: only .txt, .docx, .pdf files are supported", result.Stderr.TrimEnd());
    }

    [Fact]
    public void ScamCheck_Adverts_FlagsCreditRepair()
    {
        var result = CliProcess.Run("scam-check", Samples + "scam-ads.txt", "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("scam", report["kind"]!.GetValue<string>());
        Assert.Equal("credit_repair", report["findings"]![0]!["category"]!.GetValue<string>());
        Assert.Equal(6, report["findings"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("马上消金", "licensed_consumer_finance", "consumer_finance")]
    [InlineData("中国建设银行股份有限公司", "bank", "bank")]
    [InlineData("平安普惠", "unknown", "unknown")]
    public void Lender_Json_SaysOnlyWhatTheListSupports(string name, string result, string kind)
    {
        var run = CliProcess.Run("lender", name, "--json");

        Assert.Equal(0, run.ExitCode);
        var report = JsonNode.Parse(run.Stdout)!;
        Assert.Equal(result, report["result"]!.GetValue<string>());
        Assert.Equal(kind, report["lenderKind"]!.GetValue<string>());
    }

    [Fact]
    public void Lender_NotListed_SaysUnknownNotUnlicensed()
    {
        var run = CliProcess.Run("lender", "招联金融服务有限公司", "--lang", "en");

        Assert.Equal(0, run.ExitCode);
        var text = run.Stdout.ReplaceLineEndings(" ");
        Assert.Contains("unknown: not on the local list", text, StringComparison.Ordinal);
        Assert.Contains("招联消费金融股份有限公司", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_WithoutTopic_ListsTheTopics()
    {
        var result = CliProcess.Run("guide", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        foreach (var topic in new[] { "today", "rights", "talk-to-lender", "complain", "help", "never", "scams", "phone-evidence" })
        {
            Assert.Contains(topic, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("zh-CN", "today", "12356")]
    [InlineData("zh-CN", "complain", "12378")]
    [InlineData("en", "help", "12348")]
    [InlineData("en", "scams", "96110")]
    public void Guide_Topic_RendersWithItsHotlines(string language, string topic, string number)
    {
        var result = CliProcess.Run("guide", topic, "--lang", language);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(number, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_UnknownTopic_ExitsOne()
    {
        var result = CliProcess.Run("guide", "nothing", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("debtshield: there is no topic \"nothing\"", result.Stderr, StringComparison.Ordinal);
    }
}
