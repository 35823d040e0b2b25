using System.Globalization;
using DebtShield.App.CheckLoans;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.CheckLoans;

/// <summary>The check of a loan the borrower marks as from an unlicensed professional lender (职业放贷人).</summary>
public sealed class CheckUnlicensedLenderTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private readonly string _file = Path.Combine(Path.GetTempPath(), "debtshield-unlicensed-" + Guid.NewGuid().ToString("N") + ".json");

    public CheckUnlicensedLenderTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var sample = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "loan.json"));
        File.WriteAllText(_file, sample.Replace("\"online_platform\"", "\"unlicensed_lender\"", StringComparison.Ordinal));
    }

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void ForFile_UnlicensedLender_LeadsWithTheVoidContractRange()
    {
        // The sample: 10,000 lent, 8,000 received and a 299 fee paid up front: 7,701 is the principal
        // in law; 2 × 1,150 paid. Void: 7,701 − 2,300 = 5,401 to return before any fee.
        var report = CheckLoan.ForFile(_file, new CheckRequest(Today)).Report!;

        Assert.Equal("unlicensed_lender", report.LenderKind);
        Assert.Equal(["void_unlicensed_lending", "private_lending"], report.Views.Select(v => v.View));
        Assert.Equal(5_401m, report.Lawful.TotalDue);
        Assert.True(report.LawfulMostTotalDue > 5_401m);
        Assert.Contains(report.Uncertain, u => u.Code == "unlicensed_lender_void");
    }

    [Fact]
    public void ForFile_UnlicensedLender_VerdictSaysItIsForACourtAndGivesThePrivateFigureToo()
    {
        var report = CheckLoan.ForFile(_file, new CheckRequest(Today)).Report!;

        Assert.StartsWith("如果法院认定合同无效：应还 ¥5,401.00", report.Verdict, StringComparison.Ordinal);
        Assert.Contains("；不认定时按民间借贷计：", report.Verdict, StringComparison.Ordinal);
        Assert.Contains(report.Steps, s => s.Step == "use_of_money_fee" && s.Text.Contains("不是法律写明的数字", StringComparison.Ordinal));
    }
}
