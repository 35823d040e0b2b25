using System.Globalization;
using DebtShield.App.CheckLoans;

namespace DebtShield.App.Tests.CheckLoans;

/// <summary>A private loan checked as of a day before 2015-09-01 is held to the 1991 opinion's line, worded in the UI language.</summary>
public sealed class CheckLoanBefore2015Tests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "debtshield-1991-" + Guid.NewGuid().ToString("N") + ".json");

    public CheckLoanBefore2015Tests() => File.WriteAllText(_file, """
        {
          "id": "private-2014",
          "lender": { "name": "张某", "kind": "private_individual" },
          "contractDate": "2014-02-20",
          "principal": 10000,
          "received": 10000,
          "schedule": [ { "dueDate": "2014-08-20", "total": 11800 } ]
        }
        """);

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void ForFile_AsOfBeforeSeptember2015_CapsAtFourTimesTheSixMonthBenchmark()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        var report = CheckLoan.ForFile(_file, new CheckRequest(new DateOnly(2026, 12, 5), new DateOnly(2015, 6, 1))).Report!;

        // The shipped benchmark for up to six months on 2014-02-20 is 5.60% (from 2012-07-06): 4 × 5.60% = 22.40%;
        // 466 days at 22.40% on 10,000 = 2,859.84.
        Assert.Equal(0.224m, report.CapAnnual);
        Assert.Equal(2_859.84m, report.Lawful.InterestDue);
        Assert.StartsWith("4×PBOC benchmark 5.6% (up_to_six_months, in force on 2014-02-20", report.CapBasis, StringComparison.Ordinal);
        Assert.Contains(report.Uncertain, u => u.Code == "filed_before_rules2015");
    }

    [Fact]
    public void ForFile_AsOfBeforeSeptember2015_WordsTheTermInChineseWithoutIds()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        var report = CheckLoan.ForFile(_file, new CheckRequest(new DateOnly(2026, 12, 5), new DateOnly(2015, 6, 1))).Report!;

        var step = Assert.Single(report.Steps, s => s.Step == "cap_four_times_benchmark");
        Assert.Contains("人民银行六个月以内（含六个月）贷款基准利率 5.6%", step.Text, StringComparison.Ordinal);
        Assert.Contains("按借款日 2014-02-20 取值）= 22.4%", step.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("UpTo", step.Text, StringComparison.Ordinal);
        Assert.Contains("六个月以内（含六个月）", report.CapBasisText, StringComparison.Ordinal);
    }
}
