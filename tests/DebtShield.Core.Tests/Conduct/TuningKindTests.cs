using DebtShield.Core.Conduct;

namespace DebtShield.Core.Tests.Conduct;

/// <summary>
/// The kinds of wording the tuning side's misses fell into (issue 21, s25), each pinned by sentences invented for these
/// tests, not corpus texts: a menace followed by the borrower's circle, crude dismissal flung at the reader, the
/// pressure-free collection words (a rental's bill, the caller asking when or why) that the rules gave no label, and
/// reminders that name the family as help; and (s26) the court steps a lender may lawfully take, said as its possible
/// recourse (the bank calls of S105 and S101's m408 are the kind), and the bank calls' own pressure-free words.
/// </summary>
public sealed class TuningKindTests
{
    private static ConductAnalyzer Analyzer => ConductData.Analyzer;

    private static IReadOnlyList<string> Labels(string text) => ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower));

    /// <summary>
    /// "Just you wait", then the family or the workplace: an ultimatum with the circle after it is a threat of exposure by
    /// the guide's rule 8, as 不然 or 后果自负 with the circle is (S121's m532 is the kind). Each got no label before.
    /// </summary>
    [Theory]
    [InlineData("行，你给我等着，让你老婆孩子也跟着过个好年。")]
    [InlineData("你等着吧，你爸妈那边也别想清净。")]
    [InlineData("走着瞧，你们单位领导一个都跑不了。")]
    public void Analyze_MenaceThenTheCircle_IsThreatOfExposure(string text) =>
        Assert.Equal(["threat_exposure"], Labels(text));

    /// <summary>The menace alone is a veiled threat (the guide's rule 6): no pressure label, and never a lawful reminder.</summary>
    [Fact]
    public void Analyze_MenaceAlone_GetsNoLabel() =>
        Assert.Empty(Labels("本期应还800元，不还你等着。"));

    /// <summary>Waiting said politely is no menace: the reminder stays lawful.</summary>
    [Fact]
    public void Analyze_ReaderAskedToWaitForACall_IsLawful() =>
        Assert.Equal(["lawful_reminder"], Labels("请您耐心等着客服回电，本期应还500元，请按时还款。"));

    /// <summary>The guide's 辱骂 in crude words it does not list (放屁, 屁话, 狗屁, 屁事, 滚蛋). Each got no label before.</summary>
    [Theory]
    [InlineData("你当我说的话是放屁？")]
    [InlineData("少跟我讲屁话，今天必须还。")]
    [InlineData("什么狗屁理由，赶紧还钱。")]
    [InlineData("你家里那点事关我屁事，钱呢？")]
    [InlineData("滚蛋，别再拿工资没发当借口。")]
    public void Analyze_CrudeDismissalOfTheReader_IsInsult(string text) =>
        Assert.Contains("insult", Labels(text));

    /// <summary>A word that only holds 屁 is no insult.</summary>
    [Fact]
    public void Analyze_NeutralWordHoldingTheCrudeCharacter_IsLawful() =>
        Assert.Equal(["lawful_reminder"], Labels("久坐伤屁股，记得按时还款哦。"));

    /// <summary>
    /// Collection words with no pressure in them are a lawful reminder even without an amount or a date (the guide's rule
    /// 10), and a rent or a fee is labelled as a loan is. Each got no label before.
    /// </summary>
    [Theory]
    [InlineData("您在本店的租金300元将于5月10日扣缴，请保持账户余额充足。")]
    [InlineData("您的会员费本月未扣款成功，请留意银行卡。")]
    [InlineData("本季度的会费请于月底前缴纳。")]
    [InlineData("您好，请问您什么时候可以还款呢？")]
    [InlineData("想了解一下，您是什么原因没有还款呢？")]
    [InlineData("您的借款已经逾期3天。")]
    [InlineData("您可以在App里看到具体的逾期情况。")]
    [InlineData("如果对还款方式有疑问，可以拨打我们的热线。")]
    [InlineData("上个月那笔您已经还掉了对吧？")]
    public void Analyze_PressureFreeCollectionWords_IsLawful(string text) =>
        Assert.Equal(["lawful_reminder"], Labels(text));

    /// <summary>The same words beside a threat: the threat's label, never a lawful reminder.</summary>
    [Theory]
    [InlineData("您的借款已经逾期，再不还就通知你家人。", "threat_exposure")]
    [InlineData("你什么时候还？不还明天就去你家。", "threat_violence")]
    [InlineData("租金再不缴纳，我们就在你们小区业主群里曝光你。", "threat_exposure")]
    public void Analyze_PressureFreeWordsBesideAThreat_KeepTheThreat(string text, string expected)
    {
        var labels = Labels(text);

        Assert.Contains(expected, labels);
        Assert.DoesNotContain("lawful_reminder", labels);
    }

    /// <summary>
    /// The family named as help is no pressure (the guide's table and rule 8): the reminder is lawful. Each got no label
    /// before, since any of the borrower's people withheld the lawful reminder.
    /// </summary>
    [Theory]
    [InlineData("本期应还800元，如有困难，可以让家人朋友帮您周转一下。")]
    [InlineData("您的借款已逾期3天，应还1200元，也可以跟家里人商量一下怎么还。")]
    [InlineData("本期应还600元，手头紧的话可以请亲戚帮忙想想办法，请按时还款。")]
    public void Analyze_ReminderNamingTheFamilyAsHelp_IsLawful(string text) =>
        Assert.Equal(["lawful_reminder"], Labels(text));

    /// <summary>The family named as help after a condition, or named besides as the ones to be told: never a lawful reminder.</summary>
    [Theory]
    [InlineData("本期应还800元，再不还就让你家人帮你还。")]
    [InlineData("本期应还800元，你家人那边我们也会联系，让他们帮您想办法。")]
    [InlineData("本期应还800元，可以让家人帮您周转，不然我们就打给你老婆。")]
    public void Analyze_FamilyAsHelpBesideACondition_IsNoLawfulReminder(string text) =>
        Assert.DoesNotContain("lawful_reminder", Labels(text));

    /// <summary>
    /// A court step said as the lender's possible recourse or its application to the court is the guide's true statement of
    /// lawful next steps (rule 3): a lawful reminder. Each got no label before, its court word ({COURT_STEP}) read as pressure.
    /// </summary>
    [Theory]
    [InlineData("您的借款已逾期，请尽快还款，否则我司可能会向法院申请强制执行。")]
    [InlineData("本期应还2000元已逾期，逾期不还我们将依法向人民法院起诉。")]
    [InlineData("您的信用卡已逾期，银行不排除委托律师事务所依法追讨，请及时还款。")]
    [InlineData("您的账户已逾期，如仍不还款，银行可能会申请冻结您名下的存款，请尽快处理。")]
    [InlineData("您的卡片已逾期，银行将卡片冻结，请尽快还款恢复使用。")]
    public void Analyze_CourtStepSaidAsTheLendersRecourse_IsLawful(string text) =>
        Assert.Equal(["lawful_reminder"], Labels(text));

    /// <summary>
    /// The same court words announced as done or at hand, claimed as the collector's own power, or beside an arrest or a
    /// visit: never a lawful reminder.
    /// </summary>
    [Theory]
    [InlineData("您的借款已逾期，法院已冻结您的银行账户，请尽快还款。")]
    [InlineData("您的借款已逾期，明天法院就来强制执行，请尽快还款。")]
    [InlineData("您的借款已逾期，律师明天上门，请尽快还款。")]
    [InlineData("您的借款已逾期，我们有权冻结你的微信和支付宝，请尽快还款。")]
    [InlineData("您的借款已逾期，可能会被拘留，请尽快还款。")]
    [InlineData("您的借款已逾期，我们已委托律师起诉你，法院马上冻结你的财产，请尽快还款。")]
    [InlineData("您的借款已逾期，法务部将对你强制执行，请尽快还款。")]
    public void Analyze_CourtStepAnnouncedOrBesideAnArrestOrAVisit_IsNoLawfulReminder(string text) =>
        Assert.DoesNotContain("lawful_reminder", Labels(text));

    /// <summary>The 人 of 本人 or 个人 before 身份证 is no threat to the person (人身): the reminder stays lawful.</summary>
    [Fact]
    public void Analyze_IdentityCardOfTheBorrowerHimself_IsLawful() =>
        Assert.Equal(["lawful_reminder"], Labels("您本人身份证名下的借款已逾期，请尽快还款。"));

    /// <summary>
    /// A bank caller's words with no pressure in them (the guide's rule 10: 查账, 逾期风险, the money not yet paid in, a credit
    /// report made as usual, a payment order asked of the court): a lawful reminder. Each got no label before.
    /// </summary>
    [Theory]
    [InlineData("您好，本月的款项还没有还到，下午银行统一查账，请您留意。")]
    [InlineData("您这期下午两点统一查账，请在这之前把钱存进卡里。")]
    [InlineData("目前账户还有逾期风险，请您今天把款项还进来。")]
    [InlineData("逾期的记录银行这边会正常上报，请您尽快安排。")]
    [InlineData("金额较大的，我们会依法向人民法院申请支付令。")]
    public void Analyze_BankCallersPressureFreeWords_IsLawful(string text) =>
        Assert.Equal(["lawful_reminder"], Labels(text));

    /// <summary>
    /// Unnamed harm asked about and sleep threatened, beside reminder words: a veiled threat (the guide's rules 6 and 7), no
    /// label and never a lawful reminder. The first and the third were called lawful before.
    /// </summary>
    [Theory]
    [InlineData("你已逾期，今晚不还就别睡了")]
    [InlineData("没有还到的话，你知道会发生什么")]
    [InlineData("本期应还800元，今晚不还就别想睡了")]
    public void Analyze_VeiledThreatBesideReminderWords_GetsNoLabel(string text) =>
        Assert.Empty(Labels(text));

    /// <summary>A promise to pay held to, and the Cantonese transfer (過數, as 入數): a lawful reminder. Each got no label before.</summary>
    [Theory]
    [InlineData("请您履行承诺，今天把欠款还上。")]
    [InlineData("請WhatsApp我過數資料，謝謝。")]
    public void Analyze_PromiseHeldToOrTransferAsked_IsLawful(string text) =>
        Assert.Equal(["lawful_reminder"], Labels(text));

    /// <summary>
    /// An offer to withdraw a case claims one is filed, whatever else the sentence names: the borrower's own cards no longer
    /// hide it (they keep a freeze of those cards from being a claim). Said as a possibility, it is no claim.
    /// </summary>
    [Fact]
    public void Analyze_OfferToWithdrawACaseBesideTheCards_IsFakeLegalProcess()
    {
        Assert.Equal(["fake_legal_process"], Labels("我们这边可以给您做撤案处理，您名下两张卡片今天都要处理掉。"));
        Assert.Empty(Labels("如果说您今天处理，我们可能会撤案。"));
    }
}
