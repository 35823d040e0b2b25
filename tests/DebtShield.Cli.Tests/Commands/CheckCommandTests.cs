using System.Text.Json.Nodes;

namespace DebtShield.Cli.Tests.Commands;

public sealed class CheckCommandTests
{
    [Fact]
    public void Check_Sample_PrintsLawfulTotalAndVerdict()
    {
        var result = CliProcess.Run("check", "samples/loan.json", "--as-of", "2026-11-28", "--demanded", "18600");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout.ReplaceLineEndings(" ");
        Assert.Contains("依法应还合计", text, StringComparison.Ordinal);
        // A platform's loan: the private figure is a condition, and only what exceeds the licensed view too is called excess.
        Assert.Contains("若合同上的出借人（资金方）不是持牌金融机构：依法最多应还 ¥5,904.00", text, StringComparison.Ordinal);
        Assert.Contains("由合同上的出借人（资金方）决定", text, StringComparison.Ordinal);
        Assert.DoesNotContain("对方多要 ¥12,696.00", text, StringComparison.Ordinal);
        Assert.Contains("[spl-art25]", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "问题标记", "年化超过 36%", "可能属于“非法债务”（催收非法债务罪）")]
    [InlineData("en", "Flags", "above 36% a year", "may be an \"illegal debt\" (crime of collecting illegal debts)")]
    public void Check_Flags_AreListedInWordsNeverByTheirIds(string language, string heading, string above36, string illegalDebt)
    {
        var result = CliProcess.Run("check", "samples/loan.json", "--as-of", "2026-11-28", "--lang", language);

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout.ReplaceLineEndings(" ");
        Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.Contains(above36, text, StringComparison.Ordinal);
        Assert.Contains(illegalDebt, text, StringComparison.Ordinal);
        Assert.DoesNotContain("above_36", text, StringComparison.Ordinal);
        Assert.DoesNotContain("illegal_debt_candidate", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CitationStatusesOnAChinesePage_AreInChineseNeverTheirIds()
    {
        var result = CliProcess.Run("check", "samples/loan.json", "--as-of", "2026-11-28", "--lang", "zh-CN");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout.ReplaceLineEndings(" ");
        Assert.Contains("（已核实）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("（verified）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("（secondary）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("（uncertain）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Json_HasCapBasisAndViews()
    {
        var result = CliProcess.Run("check", "samples/loan.json", "--as-of", "2026-11-28", "--json", "--day-count", "360");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("4×LPR 3% on 2026-03-15", report["capBasis"]!.GetValue<string>());
        Assert.Equal(360, report["dayCount"]!.GetValue<int>());
        Assert.Equal("private_lending", report["views"]![0]!["view"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--as-of", "28/11/2026", "--as-of must be a date YYYY-MM-DD, got \"28/11/2026\"")]
    [InlineData("--demanded", "-5", "--demanded must be an amount of at least 0, got \"-5\"")]
    [InlineData("--day-count", "300", "--day-count must be 365 or 360")]
    public void Check_BadOption_ExitsOneWithOneLine(string option, string value, string message)
    {
        var result = CliProcess.Run("check", "samples/loan.json", option, value, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("debtshield: " + message, result.Stderr.TrimEnd());
    }

    [Fact]
    public void Check_AsOfBeforeContract_ExitsOneNamingTheFile()
    {
        var result = CliProcess.Run("check", "samples/loan.json", "--as-of", "2020-01-01", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("debtshield: samples/loan.json field contractDate: the as-of date 2020-01-01 is before the contract date", result.Stderr.TrimEnd());
    }
}
