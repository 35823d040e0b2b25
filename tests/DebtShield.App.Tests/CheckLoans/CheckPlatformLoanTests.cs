using System.Globalization;
using DebtShield.App.CheckLoans;
using DebtShield.Core;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.CheckLoans;

/// <summary>
/// A platform's loan (the sample, online_platform): the lender of record decides between the
/// private-lending cap and the licensed line, so the verdict states neither as a fact.
/// </summary>
public sealed class CheckPlatformLoanTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static string Sample => Path.Combine(RepositoryPaths.Root, "samples", "loan.json");

    public CheckPlatformLoanTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void ForFile_PlatformLoan_VerdictGivesBothViewsAsConditionsAndHowToFindTheLender()
    {
        var report = CheckLoan.ForFile(Sample, new CheckRequest(Today)).Report!;

        Assert.True(report.LenderOfRecordDecides);
        Assert.StartsWith("若合同上的出借人（资金方）不是持牌金融机构：", report.Verdict, StringComparison.Ordinal);
        Assert.Contains("超过上限 12%", report.Verdict, StringComparison.Ordinal);
        Assert.Contains("；若是持牌金融机构：", report.Verdict, StringComparison.Ordinal);
        Assert.Contains("征信报告里这笔贷款的放款机构", report.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void ForFile_PlatformLoan_ExcessIsOnlyWhatExceedsTheLicensedViewToo()
    {
        var report = CheckLoan.ForFile(Sample, new CheckRequest(Today, Demanded: new Money(18_600m))).Report!;

        var licensed = report.Views.Single(v => v.View == "licensed_institution");
        Assert.True(licensed.Lawful.TotalDue > report.Lawful.TotalDue);
        Assert.Equal(18_600m - Math.Max(licensed.Lawful.TotalDue, report.LawfulMostTotalDue!.Value), report.ExcessDemanded);
        Assert.Equal(report.LawfulMostTotalDue, Math.Max(licensed.Lawful.TotalDue, report.LawfulMostTotalDue.Value));
    }
}
