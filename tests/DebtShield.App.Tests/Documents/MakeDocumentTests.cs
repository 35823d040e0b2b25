using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using DebtShield.App.Demo;
using DebtShield.App.ExportEvidence;
using DebtShield.App.MakeDocument;
using DebtShield.Core;
using DebtShield.Documents.Letters;
using DebtShield.Tests.Shared;
using DocumentFormat.OpenXml.Packaging;
using SkiaSharp;

namespace DebtShield.App.Tests.Documents;

/// <summary>
/// Every document for the demo case (real SQLite ledger, the demo's loans and collection evidence),
/// in every format, read back the way a recipient's tools read it: Markdown as text, DOCX through
/// the Open XML SDK, PDF through poppler's pdftotext and pdftoppm.
/// </summary>
public sealed partial class MakeDocumentTests : IClassFixture<MakeDocumentTests.DemoCase>
{
    private const string Lender = "极速借App";
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private readonly DemoCase demo;

    public MakeDocumentTests(DemoCase demo) => this.demo = demo;

    public static TheoryData<string, string> KindsAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in LetterLibrary.Templates)
        {
            foreach (var format in new[] { "md", "docx", "pdf" })
            {
                data.Add(template.Kind, format);
            }
        }

        return data;
    }

    [Fact]
    public void Library_AllDocuments_AreTheSevenInTheIssueOrder() =>
        Assert.Equal(
            ["regulator-complaint", "spam-report", "police-report", "pi-request", "negotiation-letter", "civil-complaint", "contacts-notice"],
            LetterLibrary.Templates.Select(t => t.Kind));

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public async Task WriteAsync_EveryDocument_NamesTheBorrowerDateAmountsInBothFormsLawAndEvidence(string kind, string format)
    {
        var path = demo.File(kind + "." + format);

        var made = await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest(kind, null, Lender, path), Clock);
        var text = Flat(ReadBack(path));

        Assert.Contains("小王（演示）", text, StringComparison.Ordinal);
        Assert.Contains("2026年11月28日", text, StringComparison.Ordinal);
        Assert.DoesNotContain("⾦", text, StringComparison.Ordinal); // a Kangxi radical instead of 金 means the PDF text layer is wrong
        if (kind is "contacts-notice")
        {
            Assert.Empty(made.Missing);
            Assert.DoesNotContain("欠款金额", text, StringComparison.Ordinal);
            return;
        }

        var expected = Expected[kind];
        foreach (var fragment in expected.Fragments)
        {
            Assert.Contains(Flat(fragment), text, StringComparison.Ordinal);
        }

        if (expected.Loan)
        {
            var loan = (await ListLoans.ListLoans.ListAsync(demo.Ledger, null, new DateOnly(2026, 11, 28))).Loans.Single(l => l.Id == "极速借");
            Assert.Contains("合同金额10,000.00元（人民币壹万元整）", text, StringComparison.Ordinal);
            Assert.Contains("实际到账8,000.00元（人民币捌仟元整）", text, StringComparison.Ordinal);
            Assert.Contains(Flat($"依法应还{DocumentFacts.Figure(loan.LawfulTotalDue)}元（{ChineseCapitals.Of(new Money(loan.LawfulTotalDue))}）"), text, StringComparison.Ordinal);
            if (kind is "regulator-complaint")
            {
                // A refund is asked for only when the lawful figure shows an overpayment.
                Assert.Equal(loan.LawfulTotalDue < 0m, text.Contains("退还我已多付", StringComparison.Ordinal));
                Assert.Equal(loan.LawfulTotalDue >= 0m, text.Contains(Flat("按依法应还金额重新核算，"), StringComparison.Ordinal) && !text.Contains("退还", StringComparison.Ordinal));
            }

            if (loan.LawfulMostDue is { } most && most > loan.LawfulTotalDue)
            {
                // Overdue with the agreed overdue terms unknown, or the lender of record unknown: the low end is never given alone.
                var reason = loan.LenderOfRecordDecides ? "视合同上的出借人（资金方）是否为持牌金融机构" : "视合同是否约定逾期利息";
                Assert.Contains(Flat($"至{DocumentFacts.Figure(most)}元（{ChineseCapitals.Of(new Money(most))}），{reason}"), text, StringComparison.Ordinal);
            }
        }

        if (expected.Evidence)
        {
            // A document about 极速借App cites what its collector (16500009999, who names it) did; the others the whole case.
            var cited = LetterLibrary.Templates.Single(t => t.Kind == kind).PerLender ? demo.FromNumber("16500009999") : demo.BundleHashes;
            Assert.Equal(cited.Count, made.EvidenceListed);
            foreach (var (record, hash) in cited)
            {
                Assert.Contains(hash[..12], text, StringComparison.Ordinal);
                Assert.Contains(record, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task WriteAsync_TheEvidenceList_NamesEachItemByTheHashTheBundleGivesItsRecord()
    {
        var path = demo.File("police-for-hashes.md");

        await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("police-report", null, null, path), Clock);
        var listed = HashReference().Matches(await File.ReadAllTextAsync(path)).Select(m => (Hash: m.Groups[1].Value, Record: m.Groups[2].Value)).ToList();

        Assert.Equal(5, listed.Count);
        Assert.All(listed, item => Assert.StartsWith(item.Hash, demo.BundleHashes[item.Record], StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_AMissingFact_IsAVisibleBlankThatSetFillsWithAnAmountInCapitals()
    {
        var blank = demo.File("civil-blank.md");
        var filled = demo.File("civil-filled.md");

        var first = await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("civil-complaint", null, Lender, blank), Clock);
        var second = await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("civil-complaint", null, Lender, filled, new Dictionary<string, string>
        {
            ["court"] = "北京市海淀区人民法院",
            ["claim.damages"] = "5000",
        }), Clock);

        Assert.Equal(["borrower.id_number", "borrower.address", "lender.full_name", "defendant.address", "claim.damages", "court"], first.Missing.Select(m => m.Path));
        Assert.Contains("＿＿＿＿＿＿（请填写：受诉人民法院）", await File.ReadAllTextAsync(blank), StringComparison.Ordinal);
        Assert.DoesNotContain(second.Missing, m => m.Path is "court" or "claim.damages");
        var text = await File.ReadAllTextAsync(filled);
        Assert.Contains("此致\n\n北京市海淀区人民法院", text, StringComparison.Ordinal);
        Assert.Contains("赔偿原告损失人民币5,000.00元（人民币伍仟元整）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_TheNegotiationLetter_OffersThePlanProposalUnlessTheBorrowerGivesOne()
    {
        var planned = demo.File("negotiation-plan.md");
        var own = demo.File("negotiation-own.md");
        var plan = global::DebtShield.App.PlanRepayment.PlanRepayment.Of(await global::DebtShield.App.PlanRepayment.CaseFacts.LoadAsync(demo.Ledger, null), new DateOnly(2026, 11, 28), new global::DebtShield.App.PlanRepayment.PlanOptions(Optimize: false));
        var proposal = plan.Negotiation.Single(p => p.LoanId == "极速借");

        await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("negotiation-letter", null, Lender, planned), Clock);
        await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("negotiation-letter", null, Lender, own, new Dictionary<string, string>
        {
            ["proposal.monthly"] = "300",
            ["proposal.months"] = "12",
            ["hardship"] = "今年失业，收入减少一半",
        }), Clock);

        var fromPlan = await File.ReadAllTextAsync(planned);
        Assert.Contains($"我每月还款{DocumentFacts.Figure(proposal.MonthlyAmount)}元（{ChineseCapitals.Of(new Money(proposal.MonthlyAmount))}），共{proposal.Months}期", fromPlan, StringComparison.Ordinal);
        Assert.Contains("按本工具的还款计划", fromPlan, StringComparison.Ordinal);
        var fromBorrower = await File.ReadAllTextAsync(own);
        Assert.Contains("我每月还款300.00元（人民币叁佰元整），共12期", fromBorrower, StringComparison.Ordinal);
        Assert.DoesNotContain("按本工具的还款计划", fromBorrower, StringComparison.Ordinal);
        Assert.Contains("今年失业，收入减少一半", fromBorrower, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("极速借App", "地方金融管理局（小额贷款公司注册地）（投诉方式见其官网）")] // a platform: the local financial regulator
    [InlineData("某某消费金融", "国家金融监督管理总局消费者投诉热线（12378）")] // a consumer finance company: the NFRA
    public async Task WriteAsync_TheRegulatorComplaint_GoesToTheChannelOfTheLenderKindMarkedSecondary(string lender, string channel)
    {
        var path = demo.File("regulator-" + lender + ".md");

        await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("regulator-complaint", null, lender, path), Clock);

        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("致：" + channel + "（该渠道的受理范围来自二手资料，提交前请先确认）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("受理范围待核实", text, StringComparison.Ordinal);
        // A wrong credit record goes to the PBOC, whatever the lender.
        Assert.Contains("中国人民银行金融消费权益保护咨询投诉电话（12363）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ARegulatorComplaintAgainstAPrivateLender_IsRefusedAndWritesNothing()
    {
        var path = demo.File("private.md");

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("regulator-complaint", null, "李某", path), Clock));

        Assert.Contains("police-report", refusal.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task WriteAsync_ADocumentAboutOneLenderInACaseWithSeveral_AsksWhich()
    {
        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("pi-request", null, null, demo.File("which.md")), Clock));

        Assert.Contains("--lender", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("极速借App", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_AFactTheTemplateDoesNotTake_IsRefusedWithTheFactsItTakes()
    {
        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => MakeDocument.MakeDocument.WriteAsync(
            demo.Ledger, new DocumentRequest("contacts-notice", null, null, demo.File("x.md"), new Dictionary<string, string> { ["loans"] = "x" }), Clock));

        Assert.Contains("borrower.name", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nonexistent/font.ttc")]
    [InlineData("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
    public async Task WriteAsync_APdfWithoutAUsableChineseFont_IsRefusedAndWritesNothing(string font)
    {
        var path = demo.File("nofont-" + Path.GetFileNameWithoutExtension(font) + ".pdf");

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("contacts-notice", null, null, path, Font: font), Clock));

        Assert.Contains(font, refusal.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task WriteAsync_APdf_RendersToAPageImageWithInkWhereTheChineseTitleIs()
    {
        var path = demo.File("render.pdf");
        await MakeDocument.MakeDocument.WriteAsync(demo.Ledger, new DocumentRequest("contacts-notice", null, null, path), Clock);

        Run("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", path, Path.Combine(demo.Folder, "render"));
        using var page = SKBitmap.Decode(Path.Combine(demo.Folder, "render-1.png"));

        Assert.Equal((414, 585), (page.Width, page.Height)); // A4 at 50 dpi
        var titleInk = Enumerable.Range(0, page.Width).SelectMany(x => Enumerable.Range(45, 20).Select(y => page.GetPixel(x, y))).Count(c => c.Red < 128);
        Assert.InRange(titleInk, 40, 4000);
        Assert.Contains("给亲友和同事的说明", Run("pdftotext", path, "-"), StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, (string[] Fragments, bool Loan, bool Evidence)> Expected = new(StringComparer.Ordinal)
    {
        ["regulator-complaint"] = (["按合同的还款计划共应还13,800.00元（人民币壹万叁仟捌佰元整），扣除已还尚余9,200.00元（人民币玖仟贰佰元整）", "地方金融管理局（小额贷款公司注册地）", "中国人民银行金融消费权益保护咨询投诉电话（12363）", "《中华人民共和国民法典》第一千零二十四条", "《中华人民共和国民法典》第一千零三十三条", "＿＿＿＿＿＿（请填写：投诉人身份证号）"], true, true),
        ["spam-report"] = (["网络不良与垃圾信息举报受理中心（12321.cn）（12321）", "17000001234：", "16500009999："], false, true),
        ["police-report"] = (["公安机关（110或当地派出所）", "《中华人民共和国刑法》第二百九十三条之一", "17000001234（7次）"], false, true),
        ["pi-request"] = (["《中华人民共和国个人信息保护法》第四十七条", "《中华人民共和国民法典》第一千零三十七条", "致：＿＿＿＿＿＿（请填写：放贷机构全称"], false, true),
        ["negotiation-letter"] = (["致：极速借App", "请只以书面方式", "按法律规定计算"], true, false),
        ["civil-complaint"] = (["《中华人民共和国个人信息保护法》第六十九条", "《中华人民共和国民法典》第一千零三十二条", "《中华人民共和国民法典》第一千零三十四条", "合同金额10,000.00元（人民币壹万元整）"], false, true),
    };

    /// <summary>The text a recipient's tools see, without line breaks and spaces (a PDF wraps lines anywhere).</summary>
    private static string ReadBack(string path) => Path.GetExtension(path) switch
    {
        ".md" => File.ReadAllText(path),
        ".docx" => DocxText(path),
        ".pdf" => Run("pdftotext", "-enc", "UTF-8", path, "-"),
        _ => throw new ArgumentException(path),
    };

    private static string DocxText(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static string Flat(string text) => WhiteSpace().Replace(text, "");

    private static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, program + " failed: " + process.StandardError.ReadToEnd());
        return output;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"哈希 ([0-9a-f]{12})（(entries/\d{6}\.txt)）")]
    private static partial Regex HashReference();

    /// <summary>The demo case in a real SQLite ledger, with its evidence bundle exported once.</summary>
    public sealed class DemoCase : IAsyncLifetime
    {
        private TestLedger? test;

        public Data.Ledger Ledger { get; private set; } = null!;

        public string Folder { get; } = Directory.CreateTempSubdirectory("debtshield-docs-").FullName;

        /// <summary>Record file in the bundle → its full hash, from the bundle's SHA256SUMS.</summary>
        public Dictionary<string, string> BundleHashes { get; } = new(StringComparer.Ordinal);

        /// <summary>Record file → hash, of the listed entries from <paramref name="number"/>.</summary>
        public Dictionary<string, string> FromNumber(string number) =>
            BundleHashes.Where(b => Numbers[b.Key] == number).ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal);

        /// <summary>Record file → the number it came from.</summary>
        private Dictionary<string, string?> Numbers { get; } = new(StringComparer.Ordinal);

        public string File(string name) => Path.Combine(Folder, name);

        public async Task InitializeAsync()
        {
            test = TestLedgers.CreateMigratedSqlite();
            Ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
            await LoadDemo.RunAsync(Ledger, Clock);
            var bundle = File("bundle.zip");
            await ExportEvidenceBundle.WriteAsync(Ledger, null, bundle, Clock);
            using var zip = ZipFile.OpenRead(bundle);
            using var sums = new StreamReader(zip.GetEntry("SHA256SUMS")!.Open());
            while (await sums.ReadLineAsync() is { } line)
            {
                var parts = line.Split("  ");
                if (parts[1].StartsWith("entries/", StringComparison.Ordinal))
                {
                    BundleHashes[parts[1]] = parts[0];
                }
            }

            // Only the entries the documents list (collection contacts with a finding) are compared.
            var items = (await ReviewEvidence.ReviewEvidence.LoadAsync(Ledger, null)).Items;
            foreach (var item in items)
            {
                Numbers[RecordName(item.Entry.Sequence)] = item.Entry.Incident.Counterpart;
            }

            var listed = items
                .Where(i => i.Entry.Incident.IsCollectorContact && i.SupersededBy is null && i.Labels.Any(l => l != Core.Conduct.ConductLabel.LawfulReminder))
                .Select(i => RecordName(i.Entry.Sequence))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var record in BundleHashes.Keys.Where(k => !listed.Contains(k)).ToList())
            {
                BundleHashes.Remove(record);
            }
        }

        private static string RecordName(int sequence) => "entries/" + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + ".txt";

        public Task DisposeAsync()
        {
            Directory.Delete(Folder, recursive: true);
            test?.Dispose();
            return Task.CompletedTask;
        }
    }
}
