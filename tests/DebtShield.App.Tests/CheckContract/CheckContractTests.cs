using System.Globalization;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.CheckContract;

public sealed class CheckContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("debtshield-contract-").FullName;

    public CheckContractTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Sample(string name) => Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Core.Tests", "Contracts", "Samples", name);

    [Fact]
    public void Clauses_TrapAgreementFile_ReportsSpansTextAndCitations()
    {
        var text = App.CheckContract.CheckContract.ReadFile(Sample("trap-agreement.txt"));

        var report = App.CheckContract.CheckContract.Clauses(text);

        Assert.Equal(13, report.Findings.Count);
        Assert.All(report.Findings, f => Assert.Equal(f.Text, text[f.Start..f.End]));
        var contacts = report.Findings.Single(f => f.Rule == "contacts.read");
        Assert.Equal("permission to read the contact list", contacts.Title);
        Assert.Contains("cac-2021-14-lending", contacts.Citations);
        Assert.Contains(report.Citations, c => c.Id == "pipl-art15" && c.Status == "verified");
        Assert.Equal(10, report.Categories.Count);
    }

    [Fact]
    public void Clauses_InChinese_UsesTheChineseLines()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        var report = App.CheckContract.CheckContract.Clauses("甲方同意授权乙方读取通讯录。");

        Assert.Equal("授权读取通讯录", Assert.Single(report.Findings).Title);
    }

    [Fact]
    public void Scam_FairText_SaysNothingFoundButStillWarns()
    {
        var report = App.CheckContract.CheckContract.Scam(File.ReadAllText(Sample("lawful-notices.txt")));

        Assert.Empty(report.Findings);
        Assert.StartsWith("no common scam marks found", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_EmptyText_IsRefused()
    {
        var path = Path.Combine(_folder, "empty.txt");
        File.WriteAllText(path, "  \n");

        var error = Assert.Throws<RequestRefusedException>(() => App.CheckContract.CheckContract.ReadFile(path));

        Assert.StartsWith(path + " holds no readable text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_Unsupported_NamesTheKinds()
    {
        var path = Path.Combine(_folder, "agreement.rtf");
        File.WriteAllText(path, "x");

        var error = Assert.Throws<RequestRefusedException>(() => App.CheckContract.CheckContract.ReadFile(path));

        Assert.Equal("cannot read " + path + ": only .txt, .docx, .pdf files are supported", error.Message);
    }

    [Fact]
    public void ReadFile_BrokenPdf_IsRefusedNotACrash()
    {
        var path = Path.Combine(_folder, "broken.pdf");
        File.WriteAllText(path, "%PDF-1.4 broken");

        var error = Assert.Throws<RequestRefusedException>(() => App.CheckContract.CheckContract.ReadFile(path));

        Assert.StartsWith("cannot read " + path, error.Message, StringComparison.Ordinal);
    }
}
