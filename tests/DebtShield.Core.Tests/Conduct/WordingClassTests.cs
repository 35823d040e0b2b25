using DebtShield.Core.Conduct;

namespace DebtShield.Core.Tests.Conduct;

/// <summary>
/// The labelling guide's two most-missed labels as classes of wording, not strings (issue 21, s15): every
/// way of saying "people you know will learn of your debt" is a threat of exposure, and a message to the
/// borrower saying the people have been told is a disclosure. The texts are written for these tests (not
/// real messages), one or two for each class the guide names — the circle (family, spouse, children's
/// school, village and committee, employer and colleagues, everyone in the phone, the groups), the act
/// (让…知道, 都会知道, 给…打电话, 发信息), the condition (不然, 否则, 再不还) — in simplified and traditional
/// script. Each got the wrong label, or none, before its class was written into <c>data/conduct</c>.
/// </summary>
public sealed class WordingClassTests
{
    private static ConductAnalyzer Analyzer => ConductData.Analyzer;

    [Theory]
    [InlineData("再不还钱，你爸妈马上就会知道你在外面欠了钱。")]
    [InlineData("不还的话，你手机里的每一个人都会收到短信。")]
    [InlineData("我们会让你身边的每个人都知道你欠钱。")]
    [InlineData("不还钱就发信息给你单位领导。")]
    [InlineData("你通讯录里的人我们会挨个发信息。")]
    [InlineData("如果今天还不还，我们就把情况反映给你的单位。")]
    [InlineData("你欠钱的事，我们会在你老家挨家挨户地说。")]
    [InlineData("今天不还，就让你在亲戚面前抬不起头。")]
    [InlineData("你们公司老板的电话我们有，不还就打过去。")]
    [InlineData("再不还，你的欠款明细会出现在你们家族群里。")]
    [InlineData("我们会把你拉进你同事的群里说清楚。")]
    [InlineData("不还钱，就在你们公司门口拉横幅。")]
    [InlineData("你儿子在哪个学校读书我们都清楚，不还就去学校找他老师。")]
    [InlineData("再不還錢，你爸媽馬上就會知道你在外面欠了錢。")]
    [InlineData("不還錢就發訊息給你單位領導。")]
    [InlineData("不還，就讓你人盡皆知。")]
    [InlineData("逾期不還將通知您的緊急聯絡人。")]
    public void Analyze_PeopleTheBorrowerKnowsWillLearnOfTheDebt_IsThreatOfExposure(string text)
    {
        var labels = ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower));

        Assert.Contains("threat_exposure", labels);
        Assert.DoesNotContain("third_party_disclosure", labels);
        Assert.DoesNotContain("lawful_reminder", labels);
    }

    /// <summary>
    /// The guide's disclosure to the borrower ("已经给你同事王芳、张伟发了信息"): the telling is done, so it is
    /// no threat of one. Several were read as threats before; the others got no label.
    /// </summary>
    [Theory]
    [InlineData("已经给你家人打过电话了。")]
    [InlineData("你家人已经知道你欠钱的事了。")]
    [InlineData("我们已通知你的紧急联系人。")]
    [InlineData("你通讯录里的人我们已经全部发过短信了。")]
    [InlineData("你单位领导已经收到我们的函件。")]
    [InlineData("我们刚给你老婆打了电话，她说会让你还。")]
    [InlineData("你的欠款情况已告知你的亲属。")]
    [InlineData("你父母那边我们已经沟通过了。")]
    [InlineData("你的朋友们已经都接到我们的电话了。")]
    [InlineData("我們已通知你的緊急聯絡人。")]
    [InlineData("你的欠款情況已告知你的親屬。")]
    public void Analyze_BorrowerToldTheCircleWasTold_IsDisclosureNotThreat(string text)
    {
        var labels = ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower));

        Assert.Contains("third_party_disclosure", labels);
        Assert.DoesNotContain("threat_exposure", labels);
    }

    /// <summary>
    /// More of the guide's ways of saying "people you know will learn of your debt" (issue 21, s16): everyone in the
    /// phone called one by one, a poster at the door, a letter to the village committee, a telling ready to go, the
    /// borrower's fear of the circle knowing, a talk with the boss, the circle's numbers in hand, and the same in
    /// Cantonese (唔, 哋, 搵). Written for this test; each got no label before its class was written.
    /// </summary>
    [Theory]
    [InlineData("你手机里的人我们都会打一遍。")]
    [InlineData("我们会在你家门口贴告示。")]
    [InlineData("不还就给你老家村委会寄函。")]
    [InlineData("我们已经准备好了给你通讯录的短信，不还马上发。")]
    [InlineData("不想你领导知道就赶快还钱。")]
    [InlineData("如果你不想家里人知道，今天就处理。")]
    [InlineData("我们会跟你的领导沟通一下你的欠款问题。")]
    [InlineData("我们手上有你全部联系人的电话。")]
    [InlineData("唔還錢就同你老細講。")]
    [InlineData("你唔還錢，我哋就搵你屋企人。")]
    [InlineData("后果自负，你家人那边我们会处理。")]
    [InlineData("再不处理，你的微信好友都会收到消息。")]
    [InlineData("不还的话，你们小区的人都会认识你。")]
    [InlineData("你欠钱的事要是传到你们单位就不好了。")]
    [InlineData("我们会到你家里，让你家里人评评理。")]
    [InlineData("你这种人就该让大家都看看。")]
    [InlineData("我们会联系你的房东。")]
    public void Analyze_MoreWaysTheCircleWillLearnOfTheDebt_IsThreatOfExposure(string text)
    {
        var labels = ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower));

        Assert.Contains("threat_exposure", labels);
        Assert.DoesNotContain("third_party_disclosure", labels);
    }

    /// <summary>
    /// More ways of telling the borrower the circle has been told (labelling guide, rule 8): the circle named before
    /// "already" (你爸妈那边我们已经说了), the passive (已被通知), the debt known (都知道你欠钱了), a call just had, and a
    /// post already made in the family group. Each was read as a threat of exposure, or got no label, before.
    /// </summary>
    [Theory]
    [InlineData("你通讯录的人我们昨天都打过了。")]
    [InlineData("你们村委会那边我们已经去过了。")]
    [InlineData("你爸妈那边我们已经说了。")]
    [InlineData("你的同事都知道你欠钱了。")]
    [InlineData("我们已给你的紧急联系人发送了短信。")]
    [InlineData("你的紧急联系人已被通知。")]
    [InlineData("你的家人已经被我们告知了你的欠款情况。")]
    [InlineData("你的朋友张三刚刚接到了我们的电话。")]
    [InlineData("我们已经把你的欠款情况发到了你们家族群。")]
    public void Analyze_BorrowerToldTheCircleWasToldInOtherWords_IsDisclosureNotThreat(string text)
    {
        var labels = ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower));

        Assert.Contains("third_party_disclosure", labels);
        Assert.DoesNotContain("threat_exposure", labels);
    }

    /// <summary>
    /// Precision guards of the talk with the circle: advice to talk to the family or to seek its help (rule 8: the
    /// family's help is no label), a talk with the borrower, a receipt that names the family's bank card, and a
    /// condition that names the family for their worry or their share of the harm rather than their learning of it.
    /// </summary>
    [Theory]
    [InlineData("如有困难，您可以跟家人沟通一下，再联系客服协商还款。")]
    [InlineData("建议您跟家人商量一下还款计划。")]
    [InlineData("我们会跟您沟通还款方案，请保持电话畅通。")]
    [InlineData("我们的客服会同你联系。")]
    [InlineData("我们已收到您的还款申请，家人的银行卡也可以代扣。")]
    [InlineData("后果自负，你老婆孩子都会被牵连。")]
    [InlineData("再不还钱，你爸妈就要替你操心了。")]
    public void Analyze_TalkThatTellsNoCircle_IsNoThreatOfExposure(string text)
    {
        var labels = ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower));

        Assert.DoesNotContain("threat_exposure", labels);
        Assert.DoesNotContain("third_party_disclosure", labels);
    }

    /// <summary>
    /// Bugs found by trying the product as a borrower would (issue 21, s17), as classes: a call or text to the circle
    /// reported with a time gone by and 了 (今天上午给你老公打电话了) is a disclosure (rule 8), not a threat; the circle
    /// taking the call is one too. Each was read as a threat of exposure, or got no label, before.
    /// </summary>
    [Theory]
    [InlineData("今天上午给你老公打电话了。")]
    [InlineData("今天上午已经给你老公打电话了。")]
    [InlineData("上午给你哥打电话了，他说会转告你。")]
    [InlineData("你爸爸刚才接了我们的电话，说会帮你还。")]
    [InlineData("你表哥那边我们前天联系过了。")]
    public void Analyze_CallToTheCircleReportedAsDone_IsDisclosureNotThreat(string text)
    {
        var labels = ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower));

        Assert.Contains("third_party_disclosure", labels);
        Assert.DoesNotContain("threat_exposure", labels);
    }

    /// <summary>
    /// More of the guide's circles and ways of telling them (issue 21, s17), written as a borrower would paste them:
    /// relatives named by relation, HR, the village as a place to post in, a group post, word fed back to the workplace,
    /// a collection letter or texts to it, collection turned on the contacts, their phones called, the borrower reached
    /// through them, and disguises (emoji and spaces between characters,
    /// pinyin, homophones, a variant character). Each got no label before its class was written.
    /// </summary>
    [Theory]
    [InlineData("你姐姐、你舅舅的电话我们都有，不还就给他们打。")]
    [InlineData("你的事我们会告诉你表哥、你小姨和你大伯。")]
    [InlineData("你岳父岳母那边我们会去说明情况。")]
    [InlineData("逾期不还，我们将会把你的欠款情况反馈给你的工作单位。")]
    [InlineData("我们将依法向你的工作单位发送协助催收函。")]
    [InlineData("不还钱我就在你们家族群里发你的欠款记录。")]
    [InlineData("今天不还款，明天你的照片就会贴满你们村。")]
    [InlineData("明天开始我们将对你的通讯录进行全面催收。")]
    [InlineData("再不还就通知你的家😡人。")]
    [InlineData("再不还我们就打你tongxunlu。")]
    [InlineData("再不还就通知你的家银。")]
    [InlineData("不还就让你的同亊都知道。")]
    [InlineData("再不还就发你盆友圈。")]
    [InlineData("逾期超过七天，系统将自动向您的通讯录联系人发送提醒短信。")]
    [InlineData("你不还，我们就天天打你家人电话。")]
    [InlineData("不处理的话，我们会通过你的紧急联系人找到你。")]
    public void Analyze_CirclesAndDisguisesABorrowerPastes_AreThreatOfExposure(string text) =>
        Assert.Contains("threat_exposure", ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>
    /// Precision guards found by trying the product (issue 21, s17): the borrower advised to tell the family, a contact
    /// asked to tell the borrower, and a rule quoted in a lawful notice ("严禁催收人员联系借款人的亲友") are no threats;
    /// the reminders are lawful again. Each of the first three was read as a threat of exposure, and the rule kept
    /// its notice from being a lawful reminder, before.
    /// </summary>
    [Theory]
    [InlineData("您的借款已逾期3天，记得告诉家人提醒您按时还款。", "borrower", "lawful_reminder")]
    [InlineData("如遇困难，您可以告诉家人，一起商量还款计划，请尽快还款。", "borrower", "lawful_reminder")]
    [InlineData("根据规定，严禁催收人员联系借款人的亲友，请您按时还款。", "borrower", "lawful_reminder")]
    [InlineData("本公司禁止向借款人的家人、同事透露借款信息，您的借款已逾期，请尽快还款。", "borrower", "lawful_reminder")]
    [InlineData("您好，您的表弟何某在我司借款逾期未还，请通知他尽快还款。", "third_party", "third_party_disclosure")]
    public void Analyze_TellingThatIsNotTheSendersThreat_GetsItsOwnLabelOnly(string text, string recipient, string label) =>
        Assert.Equal([label], ConductData.TextLabels(Analyzer.Analyze(text, recipient == "borrower" ? Recipient.Borrower : Recipient.ThirdParty)));

    /// <summary>The guards' limits: advice or a prohibition does not reach past a condition's close to the threat after it.</summary>
    [Theory]
    [InlineData("请您今天还款，否则我们将通知您的家人。")]
    [InlineData("严禁拖欠，否则通知你的家人。")]
    [InlineData("严禁拖欠否则通知你的家人。")]
    [InlineData("你自己不还，我们就告诉你家人。")]
    public void Analyze_ThreatAfterAdviceOrProhibition_IsStillThreatOfExposure(string text) =>
        Assert.Contains("threat_exposure", ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>The recipient rule in traditional script: the debt named to a contact as 款項 not 結清.</summary>
    [Fact]
    public void Analyze_TraditionalScriptDebtNamedToAContact_IsDisclosure() =>
        Assert.Contains(
            "third_party_disclosure",
            ConductData.TextLabels(Analyzer.Analyze("你好，李四在我們平台有一筆款項未結清，請他盡快聯繫我們。", Recipient.ThirdParty)));

    /// <summary>
    /// The guide's disclosure to a non-borrower (rule 2: politeness is not lawfulness) with the debt named as its
    /// overdue state (超期, 违约), as a repayment not yet made (还没有结清: the negation names the debt, it does not
    /// deny it), or with a bare request to urge (请督促). Each got no label before (issue 21, s16).
    /// </summary>
    [Theory]
    [InlineData("请您让李四尽快处理他在我司的业务，已经超期很久了。")]
    [InlineData("您的亲属王五在我司的合同已经违约，请督促。")]
    [InlineData("你好，你朋友在我们平台的款还没有结清，你跟他说一声。")]
    public void Analyze_DebtNamedToANonBorrowerInOtherWords_IsDisclosure(string text) =>
        Assert.Contains("third_party_disclosure", ConductData.TextLabels(Analyzer.Analyze(text, Recipient.ThirdParty)));

    /// <summary>
    /// Precision guards of the new classes: a lender's receipt that greets the family, a condition that names
    /// the children's schooling (a false consequence, not a telling), a telling still to come after
    /// "already" (a threat, not a disclosure), and the negated, quoted and reported telling.
    /// </summary>
    [Theory]
    [InlineData("您的还款已经收到，祝您和家人生活愉快。", "third_party_disclosure")]
    [InlineData("再不还，你家孩子就上不了学了。", "threat_exposure")]
    [InlineData("你已逾期三天，再不还就通知你的家人。", "third_party_disclosure")]
    [InlineData("我们已经把你的照片P成通缉令了，明天发给你通讯录。", "third_party_disclosure")]
    [InlineData("我们绝不会把您的欠款告诉您的同事或家人，请按时还款。", "threat_exposure")]
    [InlineData("他说要让我全家都知道，我该怎么办？", "threat_exposure")]
    [InlineData("催收说“再不还就告诉你爸妈”，这是违法的。", "threat_exposure")]
    public void Analyze_WordingNearTheNewClasses_DoesNotGetTheWrongLabel(string text, string wrong) =>
        Assert.DoesNotContain(wrong, ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>
    /// A legal step the lender says it has the right to take is the guide's real, conditional step (rule 3), not
    /// one announced as done; harm to one's good name, said without naming who will hear, is a veiled threat
    /// (rule 6) and so never a lawful reminder. Written after the ninth search's tuning-side m408 and m417.
    /// </summary>
    [Theory]
    [InlineData("逾期不还，本公司有权依法向法院申请强制执行。", "fake_legal_process")]
    [InlineData("逾期还可能影响您的名誉及信用，请按时还款。", "lawful_reminder")]
    public void Analyze_ConditionalRightOrVeiledHarmToTheName_DoesNotGetTheWrongLabel(string text, string wrong) =>
        Assert.DoesNotContain(wrong, ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>
    /// Bugs found by trying the product (issue 21, s18): a class word inside a longer word that means something else —
    /// the advice 请 inside 申请 (the collector applies, it does not ask the reader), 已经联系 inside 已经联系好 (arranged,
    /// not told) — took the threat away. The first and the last got no label before the lexicon could name the longer
    /// words (请 !申请); the middle two, read by other rules already, pin the same boundary.
    /// </summary>
    [Theory]
    [InlineData("我们将申请通知你的家人。")]
    [InlineData("逾期不还，公司将申请联系你的单位领导核实情况。")]
    [InlineData("我们已向法务部提请，下周通知你的紧急联系人。")]
    [InlineData("你老家村里的大喇叭我们已经联系好了，不还就广播你的名字。")]
    public void Analyze_ClassWordInsideALongerWordOfAnotherMeaning_DoesNotStopTheThreat(string text) =>
        Assert.Contains("threat_exposure", ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>
    /// The circle's answer to the collector's call, reported to the borrower (issue 21, s18: "你老公刚刚在电话里说他会帮你还"):
    /// the person was spoken to about the debt, a disclosure by rule 8; so is word fed back to HR, or seen by the family group,
    /// as done. Each got no label before, but the word fed back (反映了), read as a threat of exposure.
    /// </summary>
    [Theory]
    [InlineData("你老公刚刚在电话里说他会帮你还。")]
    [InlineData("你妈妈在电话里答应帮你还钱了。")]
    [InlineData("你同事小王说他会转告你，让你尽快还款。")]
    [InlineData("你表姐说她不管你的事，让我们直接找你。")]
    [InlineData("你老婆昨天在电话里说你出差了。")]
    [InlineData("我们已经跟你们公司人事部门反映了你的情况。")]
    [InlineData("你家族群里的人都已经看到你的欠款记录了。")]
    public void Analyze_CircleSpokenToReportedToTheBorrower_IsDisclosureNotThreat(string text)
    {
        var labels = ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower));

        Assert.Contains("third_party_disclosure", labels);
        Assert.DoesNotContain("threat_exposure", labels);
    }

    /// <summary>
    /// More of the guide's circles and acts as a borrower would paste them (issue 21, s18): contact sought with the boss
    /// (取得联系), the village's loudspeaker, the whole village, the contacts made to collect (亲友协催), the circle named as
    /// the place of a talk, the relatives told one by one, and 曝光 written 暴光. Each got no label before.
    /// </summary>
    [Theory]
    [InlineData("逾期不还，将由专人与您的单位领导取得联系。")]
    [InlineData("等着吧，明天你的事就会传遍你们整个村。")]
    [InlineData("你的欠款逾期已久，我司将于明日起启动亲友协催程序。")]
    [InlineData("限你今晚还款，否则你们村书记那边我们会去沟通。")]
    [InlineData("再不还就把你暴光到网上。")]
    [InlineData("再不还就把你的事爆光。")]
    [InlineData("拖着不还是吧？你家那边的亲戚我们一个一个去说。")]
    public void Analyze_MoreCirclesAndActsABorrowerPastes_AreThreatOfExposure(string text) =>
        Assert.Contains("threat_exposure", ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>
    /// Lawful reminders (guide rule 3: a credit report is a real consequence) and a rule quoted with a list (单位、同事), which
    /// the enumeration comma no longer cuts out of the prohibition's clause (issue 21, s18). The first two got no label
    /// before and the last a threat of exposure; the third, lawful already, pins the consequence beside a reassurance.
    /// </summary>
    [Theory]
    [InlineData("请您放心，我们不会联系您的家人，但逾期会影响征信。")]
    [InlineData("您好，逾期会影响您的个人征信记录，请及时处理。")]
    [InlineData("请您放心，您的信息不会外泄，但逾期会影响征信，请按时还款。")]
    [InlineData("本平台严禁向借款人的单位、同事透露欠款信息，请您按时还款。")]
    public void Analyze_ReminderWithARealConsequenceOrAQuotedRule_IsLawful(string text) =>
        Assert.Equal(["lawful_reminder"], ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>
    /// The class "letters sent (or to be sent) to your 户籍地/家庭住址/单位/村委" (issue 21, s19; the corpus decisions m079 and
    /// m430): address words × sending words × letter words, as a bank's call centre says them and speech recognition writes
    /// them. A letter said to carry legal effect, or a suit's letter, is fake legal process too. Each got no label, or
    /// only one of its two, before.
    /// </summary>
    [Theory]
    [InlineData("具有法律效应的纸质信函将一式三份寄到您的户籍地址、家庭地址和单位地址。", "threat_exposure", "fake_legal_process")]
    [InlineData("起诉信函以挂号信方式寄到您的家庭住址和公司地址。", "threat_exposure", "fake_legal_process")]
    [InlineData("会有具有法律效力的催缴函件派发。会派到您留的户籍地址。", "threat_exposure", "fake_legal_process")]
    [InlineData("律師函將寄到您的戶籍地址和單位地址，請您自行處理。", "threat_exposure", "fake_legal_process")]
    [InlineData("那个函件呢会一式三份下发到您户籍家庭单位这三个地方哈", "threat_exposure")]
    [InlineData("催收信函将寄往您的单位地址，请您知悉。", "threat_exposure")]
    [InlineData("纸质催款函下周会送到您老家，您家里人会签收的。", "threat_exposure")]
    [InlineData("今天还不上的话，您的案件会移交到您户籍当地，展开下一步流程。", "threat_exposure")]
    [InlineData("那这边具有法律效应的纸质信函都是已经准备好了。", "fake_legal_process")]
    public void Analyze_LetterToTheCirclesAddress_IsThreatOfExposure(string text, params string[] expected) =>
        Assert.Equal(expected.Order(), ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)).Order());

    /// <summary>
    /// What the letter class must leave alone (issue 21, s19): a statement posted to the work address, a promise to send
    /// nothing there, an address a letter goes to, which is no personal data published (S105's m471 read as
    /// <c>pii_exposure</c> before), and a letter to the borrower's own home, posted to the borrower as a lawful
    /// creditor's are (the guide; the corpus decision on m080).
    /// </summary>
    [Theory]
    [InlineData("您本月账单已出，应还1,280元，纸质账单将寄送至您的单位地址，请按时还款。", "lawful_reminder")]
    [InlineData("我司承诺不会向您的工作单位寄送任何函件，本期应还550元，请按时还款。", "lawful_reminder")]
    [InlineData("具有法律效应的信函可能都会下发到您的户籍单位和住址。", "threat_exposure", "fake_legal_process")]
    [InlineData("催款函将寄到您的家庭住址，请注意查收，本期应还900元。")]
    [InlineData("律师函将寄到您的家庭地址，请注意查收。", "fake_legal_process")]
    public void Analyze_StatementOrPromiseOrLettersAddress_IsNoMoreThanItSays(string text, params string[] expected) =>
        Assert.Equal(expected.Order(), ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)).Order());

    /// <summary>
    /// A lone character that is half of many words is no insult on its own (issue 21, s19): 操 in 操作, 操持, a name (曹操) and
    /// speech recognition's 操留 (S105's m448) was read as abuse, 爆 in 火爆 as an act of telling and 手 in 手机 or 手续 as a body
    /// threatened; the whole forms still fire.
    /// </summary>
    [Theory]
    [InlineData("曹操先生，您本期应还1,200元，请按时还款。", "lawful_reminder")]
    [InlineData("您的借款手续我们已经帮您操持好了，应还2000元请于明天前还款。", "lawful_reminder")]
    [InlineData("这边纸纸质信函都已经操留好了，具有法律效应。", "fake_legal_process")]
    [InlineData("周末晒太阳的时候也别忘了，本期应还600元，请按时还款。", "lawful_reminder")]
    [InlineData("请小心保管您的手机和验证码，谨防诈骗，本期应还500元，请按时还款。", "lawful_reminder")]
    [InlineData("温馨提示：小心手续费陷阱，官方还款不收取任何费用，本期应还720元，请按时还款。", "lawful_reminder")]
    [InlineData("再不还钱，小心你的手脚。", "threat_violence")]
    [InlineData("操你妈的，到底还不还钱", "insult")]
    [InlineData("不还钱就爆你通迅录，让所有人知道你欠钱不还。", "threat_exposure")]
    public void Analyze_CharacterThatIsHalfOfManyWords_FiresOnlyInItsWholeForm(string text, string expected) =>
        Assert.Equal([expected], ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>爆 inside 火爆 is no act of telling (issue 21, s19: a threat of exposure before); the family named without one withholds the lawful label, as before.</summary>
    [Fact]
    public void Analyze_FamilyWithBusinessBooming_IsNoThreat() =>
        Assert.DoesNotContain("threat_exposure", ConductData.TextLabels(Analyzer.Analyze("你家人那边最近生意火爆吧，请您本月20日前还款800元。", Recipient.Borrower)));

    /// <summary>
    /// The circle outside the threat's sentence (issue 21, s20; guide rule 9): named in the sentence before and then called
    /// 她 or 他 after a condition, or called one by one, which can only be the circle. Each got no label before.
    /// </summary>
    [Theory]
    [InlineData("你的紧急联系人留的是你妈吧？今晚不还就给她打电话。")]
    [InlineData("你老公的号码是138开头那个吧。再拖就打给他。")]
    [InlineData("你的通讯录我们已经看过了。明天开始挨个打。")]
    [InlineData("你弟弟的微信我们加上了，要不要让他知道？")]
    [InlineData("您好，您在本平台的借款已逾期15天，应还金额3560元，如有困难可以联系客服协商，今天再不处理，我们只能联系你的家人了。")]
    public void Analyze_CircleNamedOutsideTheThreatsSentence_IsThreatOfExposure(string text) =>
        Assert.Equal(["threat_exposure"], ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>In a message that asks a contact to pass the word on, 他 is the borrower: calling him is no exposure (issue 21, s20).</summary>
    [Fact]
    public void Analyze_ContactAskedToPassItOnThenHimCalled_IsDisclosureOnly() =>
        Assert.Equal(
            ["third_party_disclosure"],
            ConductData.TextLabels(Analyzer.Analyze("您好，您的朋友张三在我司的借款已逾期，请转告他。再不还款我们就联系他。", Recipient.ThirdParty)));

    /// <summary>
    /// Abuse whose word stands in a neutral phrase (issue 21, s20): 老赖 naming the court's list of dishonest debtors is fake
    /// legal process (the corpus decision m409, whose quoted ’老赖’ read as an insult and 黑名单 as an invented blacklist), 你妈的
    /// naming the mother's phone is the circle; 艹 alone is the swear (it stands in no word, and no longer reads as a bare 操).
    /// </summary>
    [Theory]
    [InlineData("再不还款，将把你列入老赖名单。", "fake_legal_process")]
    [InlineData("还希望您珍惜您的信用，被仲裁后将列入法院’老赖’黑名单，会严重影响您的生活出行。", "fake_legal_process")]
    [InlineData("你妈的电话我们有，今晚不还就打给你妈。", "threat_exposure")]
    [InlineData("艹，你到底还不还？", "insult")]
    [InlineData("你就是个老赖！", "insult")]
    public void Analyze_AbuseWordInANeutralPhrase_IsReadAsThePhrase(string text, string expected) =>
        Assert.Equal([expected], ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>
    /// A lender's privacy promise denies the telling at the end of a long list of people (issue 21, s20): 不会向… and 不会将…
    /// cover their clause, so the reminder is lawful. The first was a threat of exposure before, the second had no label.
    /// </summary>
    [Theory]
    [InlineData("为保护您的隐私，我们不会向您的家人、同事或通讯录联系人透露您的借款信息，请按时还款。")]
    [InlineData("我们不会将您的借款信息透露给您的家人或同事，本期应还600元，请按时还款。")]
    public void Analyze_PrivacyPromiseOverAListOfPeople_IsLawful(string text) =>
        Assert.Equal(["lawful_reminder"], ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));
}
