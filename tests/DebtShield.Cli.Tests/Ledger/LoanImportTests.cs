using System.Text.Json;
using DebtShield.Tests.Shared;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary><c>loan import</c> from the sample table, pasted text and broken or changed files.</summary>
public sealed class LoanImportTests
{
    private static readonly string SampleCsv = Path.Combine(RepositoryPaths.Root, "samples", "loans.csv");
    private static readonly string SampleXlsx = Path.Combine(RepositoryPaths.Root, "samples", "loans.xlsx");

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void SampleCsv_IsListedWithItsFactsRatesAndFlags_AndASecondImportAddsNothing(string provider)
    {
        using var cli = new LedgerCli(provider);

        var first = cli.Run("loan", "import", SampleCsv);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("新增 3 笔，已存在且相同 0 笔，替换 0 笔", first.Stderr, StringComparison.Ordinal);

        using var list = JsonDocument.Parse(cli.Succeed("loan", "list", "--json"));
        var loans = list.RootElement.GetProperty("loans").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal(["张三借款", "快贷-2025-11", "某某花-2026-01"], loans.Keys.Order(StringComparer.Ordinal));
        var huahua = loans["某某花-2026-01"];
        Assert.Equal(10000m, huahua.GetProperty("principal").GetDecimal());
        Assert.Equal(8000m, huahua.GetProperty("received").GetDecimal());
        Assert.Equal(6, huahua.GetProperty("instalments").GetInt32());
        Assert.Equal(JsonValueKind.Number, huahua.GetProperty("irrAnnualNominal").ValueKind);
        Assert.Contains("upfront_deduction", huahua.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var kuaidai = loans["快贷-2025-11"];
        Assert.Equal(5000m, kuaidai.GetProperty("received").GetDecimal());
        Assert.Equal(299m, kuaidai.GetProperty("upfrontDeduction").GetDecimal());
        Assert.Equal(JsonValueKind.Array, loans["张三借款"].GetProperty("flags").ValueKind);

        var again = cli.Run("loan", "import", SampleCsv);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("新增 0 笔，已存在且相同 3 笔，替换 0 笔", again.Stderr, StringComparison.Ordinal);
        Assert.Equal((3, 19), cli.Counts());
    }

    [Fact]
    public void ACsvWithOneBadRow_ImportsNothing_AndNamesTheRow()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("loan", "import", SampleCsv);
        var before = cli.LoanListJson();
        var lines = File.ReadAllLines(SampleCsv);
        lines[4] = lines[4].Replace("1866.67", "abc", StringComparison.Ordinal); // spreadsheet row 5
        File.WriteAllLines(cli.PathOf("bad.csv"), [.. lines.Select(l => l.Replace("某某花-2026-01", "另一笔", StringComparison.Ordinal))]);

        var result = cli.Run("loan", "import", "bad.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.csv 第 5 行，列 total", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("未导入任何内容", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, cli.LoanListJson());
        Assert.Equal((3, 19), cli.Counts());
    }

    [Fact]
    public void AChangedLoanWithTheSameName_IsRefusedWithoutReplace_AndTakenWithReplace()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("loan", "import", SampleCsv);
        File.WriteAllText(cli.PathOf("changed.csv"), File.ReadAllText(SampleCsv).Replace(
            "张三借款,张三,private_individual,2025-09-01,3000,3000", "张三借款,张三,private_individual,2025-09-01,3500,3500", StringComparison.Ordinal));

        var refused = cli.Run("loan", "import", "changed.csv");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("张三借款", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--replace", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(3000m, Principal(cli, "张三借款"));

        var replaced = cli.Run("loan", "import", "changed.csv", "--replace");
        Assert.Equal(0, replaced.ExitCode);
        Assert.Contains("新增 0 笔，已存在且相同 2 笔，替换 1 笔", replaced.Stderr, StringComparison.Ordinal);
        Assert.Equal(3500m, Principal(cli, "张三借款"));
        Assert.Equal((3, 19), cli.Counts());
    }

    [Fact]
    public void Import_TheSampleXlsx_GivesTheSameLoansAsTheSampleCsv()
    {
        using var fromCsv = new LedgerCli("sqlite");
        using var fromXlsx = new LedgerCli("sqlite");
        fromCsv.Succeed("loan", "import", SampleCsv);

        var result = fromXlsx.Run("--lang", "en", "loan", "import", SampleXlsx);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("imported: 3 new, 0 already held unchanged, 0 replaced", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(fromCsv.LoanListJson(), fromXlsx.LoanListJson());
    }

    [Fact]
    public void LoanPaste_AScheduleOnStandardInput_BecomesALoanWithThoseInstalments()
    {
        using var cli = new LedgerCli("sqlite");
        const string pasted = "第1期 2026-02-01 应还 ¥1,034.50\n第2期 2026-03-01 应还 ¥1,034.50\n第3期 2026-04-01 应还 ¥1,034.50\n";

        var result = cli.RunWith(pasted, null, "loan", "import", "-", "--loan", "X", "--lender", "Y", "--kind", "online_platform", "--contract-date", "2026-01-01", "--principal", "3000");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var shown = JsonDocument.Parse(cli.Succeed("loan", "show", "X", "--json"));
        var loan = shown.RootElement.GetProperty("loan");
        Assert.Equal("Y", loan.GetProperty("lender").GetString());
        Assert.Equal(3000m, loan.GetProperty("principal").GetDecimal());
        Assert.Equal(3, loan.GetProperty("instalments").GetInt32());
        Assert.Equal(3103.50m, loan.GetProperty("scheduledTotal").GetDecimal());
    }

    private static decimal Principal(LedgerCli cli, string loan)
    {
        using var shown = JsonDocument.Parse(cli.Succeed("loan", "show", loan, "--json"));
        return shown.RootElement.GetProperty("loan").GetProperty("principal").GetDecimal();
    }
}
