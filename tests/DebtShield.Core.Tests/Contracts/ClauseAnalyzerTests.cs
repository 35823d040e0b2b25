using DebtShield.Core.Contracts;
using DebtShield.Core.Reading;
using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests.Contracts;

/// <summary>
/// The repository's clause and scam patterns on sample texts written for these tests
/// (<c>Samples/</c>): every trap clause is found, every lawful look-alike is not.
/// </summary>
public sealed class ClauseAnalyzerTests
{
    private static readonly Lazy<ClauseAnalyzer> Clauses = new(() => Load("contracts", "clauses.txt"));
    private static readonly Lazy<ClauseAnalyzer> Scams = new(() => Load("scams", "patterns.txt"));

    private static ClauseAnalyzer Load(string folder, string file) =>
        new(ClauseRuleSet.Parse(File.ReadAllText(RepositoryPaths.Data(folder, file)), file));

    private static string Sample(string name) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Core.Tests", "Contracts", "Samples", name));

    /// <summary>The rule ids found in each numbered clause (第N条) of a sample.</summary>
    private static Dictionary<string, string[]> ByArticle(string text, ClauseAnalyzer analyzer) =>
        analyzer.Analyze(text)
            .GroupBy(f => f.Text[..f.Text.IndexOf(' ', StringComparison.Ordinal)])
            .ToDictionary(g => g.Key, g => g.Select(f => f.Rule.Id).Order(StringComparer.Ordinal).ToArray());

    [Fact]
    public void Analyze_TrapAgreement_FindsEveryTrapInItsClause()
    {
        var found = ByArticle(Sample("trap-agreement.txt"), Clauses.Value);

        Assert.Equal(["rate.per-day-or-month-only"], found["第一条"]);
        Assert.Equal(["contacts.call-log", "contacts.read"], found["第二条"]);
        Assert.Equal(["third-party.contact", "third-party.disclose"], found["第三条"]);
        Assert.Equal(["data.share-collectors"], found["第四条"]);
        Assert.Equal(["data.consent-irrevocable"], found["第五条"]);
        Assert.Equal(["fee.upfront"], found["第六条"]);
        Assert.Equal(["fee.membership", "renewal.automatic"], found["第七条"]);
        Assert.Equal(["renewal.automatic"], found["第八条"]);
        Assert.Equal(["dispute.arbitration"], found["第九条"]);
        Assert.Equal(["dispute.jurisdiction"], found["第十条"]);
        Assert.Equal(10, found.Count);
    }

    [Fact]
    public void Analyze_FairAgreementWithLookAlikeClauses_FindsNothing()
    {
        Assert.Empty(Clauses.Value.Analyze(Sample("fair-agreement.txt")));
    }

    [Fact]
    public void Analyze_Finding_SpansTheClauseInTheOriginalText()
    {
        var text = "  第二条 甲方同意授权乙方读取通讯录。\n第三条 其他。";

        var finding = Assert.Single(Clauses.Value.Analyze(text));

        Assert.Equal("第二条 甲方同意授权乙方读取通讯录。", text[finding.Start..finding.End]);
        Assert.Equal(text[finding.Start..finding.End], finding.Text);
        Assert.Equal("contact_list", finding.Rule.Category);
    }

    [Fact]
    public void Analyze_FullWidthAndUpperCase_AreFolded()
    {
        Assert.Equal("fee.membership", Assert.Single(Clauses.Value.Analyze("开通ＶＩＰ后方可借款。")).Rule.Id);
    }

    [Fact]
    public void Analyze_DayRateWithAnAnnualRateElsewhere_IsNotFlagged()
    {
        Assert.Empty(Clauses.Value.Analyze("日利率0.05%。\n年化利率18.25%。"));
        Assert.Single(Clauses.Value.Analyze("日利率0.05%。"));
    }

    [Fact]
    public void Analyze_ScamAdverts_FindsEachKind()
    {
        var found = Scams.Value.Analyze(Sample("scam-ads.txt")).Select(f => f.Rule.Category).ToArray();

        Assert.Equal(["credit_repair", "anti_collection", "debt_agency", "fake_refund", "loan_fee_scam", "fake_collector"], found);
    }

    [Fact]
    public void Analyze_LawfulNoticesAndWarnings_AreNotScams()
    {
        Assert.Empty(Scams.Value.Analyze(Sample("lawful-notices.txt")));
    }

    [Fact]
    public void Parse_RuleWithoutAction_NamesFileAndLine()
    {
        var error = Assert.Throws<DataFileException>(() => ClauseRuleSet.Parse("[a.b]\ncategory: x\ntitle: 甲 | a\nexplain: 乙 | b\nmatch: 通讯录\n", "test.txt"));

        Assert.StartsWith("test.txt:1: rule a.b needs", error.Message, StringComparison.Ordinal);
        Assert.Equal("test.txt", error.File);
        Assert.Equal(1, error.Problem.Location.Line);
    }

    [Fact]
    public void Parse_UnknownKey_NamesTheLine()
    {
        var error = Assert.Throws<DataFileException>(() => ClauseRuleSet.Parse("[a.b]\ncategry: x\n", "test.txt"));

        Assert.Equal("test.txt:2: unknown key categry", error.Message);
        Assert.Equal(2, error.Problem.Location.Line);
    }

    [Fact]
    public void Parse_RepositoryFiles_EveryRuleHasCitationsOrIsAScamRule()
    {
        Assert.All(Clauses.Value.Rules.Rules, r => Assert.NotEmpty(r.Citations));
        Assert.True(Scams.Value.Rules.Rules.Count >= 6);
    }
}
