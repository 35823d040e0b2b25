using DebtShield.App.MakeDocument;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.Documents;

/// <summary>
/// Citations that fit the conduct: insults and threats cite the Civil Code's reputation and
/// private-life articles and the public-security law in force on the document's date; PIPL Art 10
/// is about disclosure and is cited for disclosure.
/// </summary>
public sealed partial class MakeDocumentTests
{
    [Fact]
    public async Task WriteAsync_TheRegulatorComplaint_CitesReputationAndPrivacyForInsultsAndThePublicSecurityLawForThreats()
    {
        var path = demo.File("regulator-citations.md");

        await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("regulator-complaint", null, Lender, path), Clock);
        var text = Flat(await File.ReadAllTextAsync(path));

        // 极速借App's collector insults the borrower and threatens to expose the debt; nothing was sent to others.
        Assert.Contains("《中华人民共和国民法典》第一千零二十四条（不得以侮辱方式侵害名誉权）", text, StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国民法典》第一千零三十三条（不得以电话、短信等侵扰私人生活安宁）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("《中华人民共和国个人信息保护法》第十条", text, StringComparison.Ordinal);
        Assert.Contains("其中的威胁、辱骂信息还可能违反《中华人民共和国治安管理处罚法（2025年修订）》第五十条", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_APoliceReportDatedBefore2026_CitesThePublicSecurityLawThenInForce()
    {
        var path = demo.File("police-2025.md");

        await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("police-report", null, null, path), new FixedClock(new DateTimeOffset(2025, 12, 30, 2, 0, 0, TimeSpan.Zero)));
        var text = Flat(await File.ReadAllTextAsync(path));

        Assert.Contains("《中华人民共和国治安管理处罚法（2012年修正）》第四十二条", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2025年修订", text, StringComparison.Ordinal);
    }
}
