using System.Text;
using BenchmarkDotNet.Attributes;
using DebtShield.App.CheckContract;
using DebtShield.App.CheckOffer;
using DebtShield.Core.Contracts;
using DebtShield.Import.Contracts;

namespace DebtShield.Benchmarks;

/// <summary>
/// The "before borrowing" checks (issue 10): one offer read from text and checked end to end (the
/// rate engine, the legal engine, the verdict rules and the report), and the clause check on a
/// long (about 50 KB) agreement. The issue sets no target.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BeforeBorrowingBenchmarks
{
    private const string Offer = "借款金额 10000元\n到账 9500元\n每期应还 ¥1050.00 共12期\n日利率0.05%\n服务费 500元\n会员费 199元";

    private const string Advert = "借10000元，分12期，每期还1045元，日利率低至0.02%，需缴会员费299元";

    private static readonly CheckOfferRequest Request = new(new DateOnly(2026, 11, 28), new Core.Money(6_000m), new Core.Money(4_000m), "招联消金");

    private ClauseAnalyzer _clauses = null!;
    private string _agreement = "";

    [GlobalSetup]
    public void Setup()
    {
        _clauses = ContractDataReader.ClauseAnalyzer;
        _agreement = LongAgreement(50 * 1024);
        CheckOffer.Run(Offer, Request);
    }

    /// <summary>An offer as pasted text → the loan → rate, legal view, verdict rules → the report.</summary>
    [Benchmark]
    public int CheckOfferFromText() => CheckOffer.Run(Offer, Request).Report!.Findings.Count;

    /// <summary>The same check on an advert as an app writes it, all on one line (issue 23).</summary>
    [Benchmark]
    public int CheckAdvertFromText() => CheckOffer.Run(Advert, Request).Report!.Findings.Count;

    /// <summary>The clause analyser alone on a 50 KB agreement.</summary>
    [Benchmark]
    public int AnalyzeAgreement50KB() => _clauses.Analyze(_agreement).Count;

    /// <summary>The whole use case on the same agreement, report and citations included.</summary>
    [Benchmark]
    public int CheckContract50KB() => CheckContract.Clauses(_agreement).Findings.Count;

    /// <summary>
    /// A long agreement: numbered clauses cycling through ordinary boilerplate, lawful look-alikes
    /// and the trap clauses the patterns look for (about one clause in six matches).
    /// </summary>
    public static string LongAgreement(int characters)
    {
        string[] clauses =
        [
            "借款人应按照本合同约定的还款计划按期足额归还借款本金和利息，还款日以系统记录为准。",
            "出借人有权根据借款人的信用状况调整授信额度，并以站内信方式通知借款人。",
            "借款人同意授权平台读取并上传手机通讯录，用于风险评估和贷后管理。",
            "本应用不会读取您的通讯录，也不会上传您的通话记录。",
            "借款人逾期的，平台有权联系借款人的紧急联系人，告知其逾期情况并要求其协助还款。",
            "借款人应妥善保管账户密码和验证码，因借款人自身原因导致的损失由借款人承担。",
            "本合同项下的通知以电子方式送达，自发出之日起视为送达。",
            "因本合同引起的争议，提交某某仲裁委员会通过网络仲裁解决。",
            "借款人确认已阅读并理解本合同全部条款，对各项条款的含义无异议。",
            "出借人在放款时一次性收取服务费，从借款本金中直接扣除。",
            "借款人可以提前归还全部或部分借款，利息按实际借款天数计算。",
            "本合同未尽事宜，双方可另行签订补充协议，补充协议与本合同具有同等法律效力。",
        ];
        var text = new StringBuilder(characters + 200);
        for (var i = 0; text.Length < characters; i++)
        {
            text.Append('第').Append(i + 1).Append("条 ").Append(clauses[i % clauses.Length]).Append('\n');
        }

        return text.ToString();
    }
}
