using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DebtShield.App.CheckLoans;
using DebtShield.Core;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.CheckLoans;

public sealed class CheckLoanTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static string Sample => Path.Combine(RepositoryPaths.Root, "samples", "loan.json");

    public CheckLoanTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void ForFile_Sample_ReportsTheDocumentedFieldsNamedExactly()
    {
        var outcome = CheckLoan.ForFile(Sample, new CheckRequest(Today, Demanded: new Money(18_600m)));

        var json = JsonNode.Parse(JsonSerializer.Serialize(outcome.Report!, ReportJsonContext.Default.CheckLoanReport))!.AsObject();
        foreach (var field in new[]
                 {
                     "lenderKind", "capAnnual", "capBasis", "principalBasis", "rateAnnual", "exceedsCap", "lawful", "demanded",
                     "excessDemanded", "flags", "uncertain", "steps", "views",
                 })
        {
            Assert.True(json.ContainsKey(field), field);
        }

        foreach (var field in new[] { "principalOutstanding", "interestDue", "totalDue", "paid", "overpaid" })
        {
            Assert.True(json["lawful"]!.AsObject().ContainsKey(field), field);
        }

        Assert.Equal("online_platform", json["lenderKind"]!.GetValue<string>());
        Assert.Equal(0.12m, json["capAnnual"]!.GetValue<decimal>());
        Assert.Equal("4×LPR 3% on 2026-03-15", json["capBasis"]!.GetValue<string>());
        Assert.Equal(7_701m, json["principalBasis"]!.GetValue<decimal>());
        Assert.True(json["exceedsCap"]!.GetValue<bool>());
        Assert.Equal(2, json["views"]!.AsArray().Count);
        Assert.Equal(
            ["upfront_deduction", "above_private_cap", "above_24", "above_36", "compound_interest", "disguised_fees", "illegal_debt_candidate"],
            json["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public void ForFile_Sample_LawfulTotalFollowsFromCapAndPayments()
    {
        // 7,701 at 12% from 2026-03-15; 1,150 paid on 04-15 and 05-15; as of 2026-11-28.
        var report = CheckLoan.ForFile(Sample, new CheckRequest(Today)).Report!;

        var owed = 7_701m;
        owed -= 1_150m - (owed * 0.12m * 31 / 365);
        owed -= 1_150m - (owed * 0.12m * 30 / 365);
        var interest = owed * 0.12m * 197 / 365;
        Assert.Equal(decimal.Round(owed, 2, MidpointRounding.AwayFromZero), report.Lawful.PrincipalOutstanding);
        Assert.Equal(decimal.Round(interest, 2, MidpointRounding.AwayFromZero), report.Lawful.InterestDue);
        Assert.Equal(2_300m, report.Lawful.Paid);
    }

    [Fact]
    public void ForFile_StepsAndUncertainty_AreWordedInTheUiLanguage()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        var report = CheckLoan.ForFile(Sample, new CheckRequest(Today)).Report!;

        Assert.StartsWith("本金按实际可用金额计算：合同金额 ¥10,000.00，实际到账 ¥8,000.00", report.Steps[0].Text, StringComparison.Ordinal);
        Assert.Contains(report.Uncertain, u => u.Code == "lender_kind_decides" && u.Message.Contains("两种结果都列出", StringComparison.Ordinal));
        Assert.Contains(report.Citations!, c => c.Id == "spl-art25" && c.Law.StartsWith("最高人民法院", StringComparison.Ordinal));
    }

    [Fact]
    public void ForFile_AsOfBeforeContract_IsAnErrorNamingTheDate()
    {
        var outcome = CheckLoan.ForFile(Sample, new CheckRequest(Today, new DateOnly(2020, 1, 1)));

        Assert.Null(outcome.Report);
        Assert.Equal("the as-of date 2020-01-01 is before the contract date", Assert.Single(outcome.Errors).Message);
    }

    [Fact]
    public async Task BatchAsync_EveryVector_OneReportPerLineInOrder()
    {
        var lines = File.ReadLines(Path.Combine(RepositoryPaths.TestVectors, "rates", "vectors.jsonl"))
            .Select(l => JsonNode.Parse(l)!["loan"]!.ToJsonString())
            .Append("{\"lender\":{}}")
            .ToArray();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        using var output = new MemoryStream();

        var summary = await CheckLoan.BatchAsync(input, output, new CheckRequest(Today));

        var results = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal(lines.Length - 1, summary.Read);
        Assert.Equal(1, summary.Rejected);
        Assert.Equal(Enumerable.Range(1, lines.Length), results.Select(r => r["line"]!.GetValue<int>()));
        Assert.Contains("lender.kind", results[^1]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2026-11-28", results[0]["asOf"]!.GetValue<string>());
    }
}
