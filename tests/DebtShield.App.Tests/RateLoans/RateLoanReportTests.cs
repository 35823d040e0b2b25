using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DebtShield.App.Input;
using DebtShield.App.RateLoans;
using DebtShield.Core.Rates;
using DebtShield.Import.LoanFiles;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.RateLoans;

public sealed class RateLoanReportTests
{
    private static readonly string[] ExpectedFields =
        ["irrPerPeriod", "periodsPerYear", "irrAnnualNominal", "irrAnnualEffective", "xirrAnnual", "upfrontDeduction"];

    public static TheoryData<string> Vectors() =>
        [.. File.ReadLines(VectorsPath).Select(line => JsonNode.Parse(line)!["loan"]!["id"]!.GetValue<string>())];

    private static string VectorsPath => Path.Combine(RepositoryPaths.TestVectors, "rates", "vectors.jsonl");

    [Theory]
    [MemberData(nameof(Vectors))]
    public void From_PublishedVector_AgreesWithExactReferenceToOneBillionth(string id)
    {
        // Given a loan file from vectors.jsonl, read by the real loan-file reader.
        var vector = File.ReadLines(VectorsPath).Select(line => JsonNode.Parse(line)!)
            .Single(v => v["loan"]!["id"]!.GetValue<string>() == id);
        var reading = LoanFileReader.Read(Encoding.UTF8.GetBytes(vector["loan"]!.ToJsonString()), "vector");
        Assert.True(reading.Succeeded, string.Join("; ", reading.Errors.Select(e => e.Describe(id))));

        // When the report is serialised as the CLI's --json writes it.
        var report = JsonNode.Parse(JsonSerializer.Serialize(
            RateLoanReport.From(TrueCost.Of(reading.Loan)), ReportJsonContext.Default.RateLoanReport))!;

        // Then every expected field, named exactly so, matches to 1e-9 relative.
        foreach (var field in ExpectedFields)
        {
            var expected = vector["expect"]![field]!.GetValue<double>();
            var actual = report[field]!.GetValue<double>();
            Assert.True(
                Math.Abs(actual - expected) <= 1e-9 * Math.Max(Math.Abs(expected), 1e-9),
                string.Create(CultureInfo.InvariantCulture, $"{id}.{field}: expected {expected:R}, got {actual:R}"));
        }
    }

    [Fact]
    public void From_PbocExample_ReproducesThePublishedPercentages()
    {
        // PBOC announcement [2021] No. 3: 12.80% (monthly IRR × 12) and 13.58% (compounded).
        var report = ReportFor("pboc-2021-3-example");

        Assert.Equal(12.80, Math.Round(report.IrrAnnualNominal!.Value * 100, 2));
        Assert.Equal(13.58, Math.Round(report.IrrAnnualEffective!.Value * 100, 2));
        Assert.Equal(99_000m, report.PrincipalBasis);
    }

    [Fact]
    public void From_AdvertisedDailyRate_ShowsAnnualFigureAndGapInVerdict()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        var report = ReportFor("30day-daily-0.05pct");

        Assert.Equal(0.1825, report.StatedAnnual!.Value, 12);
        Assert.Equal(0.0, report.StatedGap!.Value, 9);
        Assert.Equal("实际年化利率（IRR）18.25%，宣传为日利率0.05%（年化 18.25%）", report.Verdict);
    }

    [Fact]
    public void From_UpfrontDeduction_ReportsLenderViewAndNote()
    {
        // 10,000 contracted, 8,000 received, 12 × 1,000: 82.38% on what arrived, 35.07% as the lender counts.
        var report = ReportFor("1000x12-deducted-2000");

        Assert.Equal(0.3507424892296033, report.OnContractPrincipal!.IrrAnnualNominal!.Value, 9);
        Assert.Equal(0.2, report.OnContractPrincipal.AprSimple, 12);
        Assert.Equal(0.5, report.AprSimple, 12);
        Assert.Contains(report.Notes, n => n.Code == "upfront_deduction");
    }

    [Fact]
    public void From_PbocExample_SimpleAprIsCostOverPrincipalBasisOverTerm()
    {
        // 12 × 8,833.3 + 1,000 fee − 100,000 received = 6,999.6 on 99,000 for one year.
        var report = ReportFor("pboc-2021-3-example");

        Assert.Equal(6_999.6 / 99_000, report.AprSimple, 12);
        Assert.Equal(report.IrrAnnualNominal!.Value, report.AprRegZ!.Value, 9);
    }

    [Fact]
    public void From_ScheduleRepayingLessThanReceived_ReportsNegativeRateWithNote()
    {
        // 1,000 received, 1 repaid after two months: (1 + r)² = 1 / 1000.
        const string json = """
            {"lender":{"kind":"bank"},"contractDate":"2025-01-01","principal":1000,
             "schedule":[{"dueDate":"2025-02-01","total":0},{"dueDate":"2025-03-01","total":1}]}
            """;
        var reading = LoanFileReader.Read(Encoding.UTF8.GetBytes(json), "x");
        Assert.True(reading.Succeeded);

        var report = RateLoanReport.From(TrueCost.Of(reading.Loan));

        Assert.Equal(Math.Sqrt(0.001) - 1, report.IrrPerPeriod!.Value, 12);
        Assert.Contains(report.Notes, n => n.Code == "negative_cost");
    }

    [Fact]
    public void From_RateTooLargeToWrite_IsNullWithNote()
    {
        // One fen arrived, a trillion is owed a month later: the compounded rate overflows.
        const string json = """
            {"lender":{"kind":"online_platform"},"contractDate":"2026-03-15","principal":10000,"received":0.01,
             "schedule":[{"dueDate":"2026-04-15","total":999999999999}]}
            """;
        var reading = LoanFileReader.Read(Encoding.UTF8.GetBytes(json), "x");

        var report = RateLoanReport.From(TrueCost.Of(reading.Loan!));

        Assert.Null(report.IrrAnnualEffective);
        Assert.Contains(report.Notes, n => n.Code == "rate_beyond_range");
        Assert.NotNull(JsonNode.Parse(JsonSerializer.Serialize(report, ReportJsonContext.Default.RateLoanReport)));
    }

    private static RateLoanReport ReportFor(string id)
    {
        var line = File.ReadLines(VectorsPath).Select(l => JsonNode.Parse(l)!).Single(v => v["loan"]!["id"]!.GetValue<string>() == id);
        var reading = LoanFileReader.Read(Encoding.UTF8.GetBytes(line["loan"]!.ToJsonString()), id);
        Assert.True(reading.Succeeded);
        return RateLoanReport.From(TrueCost.Of(reading.Loan));
    }
}
