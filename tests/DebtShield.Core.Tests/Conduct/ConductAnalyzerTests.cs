using DebtShield.Core.Conduct;

namespace DebtShield.Core.Tests.Conduct;

public sealed class ConductAnalyzerTests
{
    private static ConductAnalyzer Analyzer => ConductData.Analyzer;

    [Theory]
    [InlineData("今晚我们的人就上门，你等着。", "threat_violence")]
    [InlineData("再不还款就把你的欠款发给你通讯录里所有人。", "threat_exposure")]
    [InlineData("你这个老赖，赶紧还钱。", "insult")]
    [InlineData("我是某区公安局的民警，请你回电。", "impersonation_authority")]
    [InlineData("你已被起诉，传票三天内送达。", "fake_legal_process")]
    [InlineData("你的身份证照片已经在我们手上，随时公开。", "pii_exposure")]
    [InlineData("欠钱不还是要坐牢的。", "false_consequences")]
    [InlineData("您本期应还1,200元，还款日12月5日，请按时还款。", "lawful_reminder")]
    public void Analyze_MessageToBorrower_GivesItsOneLabel(string text, string label)
    {
        var analysis = Analyzer.Analyze(text, Recipient.Borrower);

        Assert.Equal([label], ConductData.TextLabels(analysis));
        var finding = Assert.Single(analysis.Findings);
        Assert.NotEmpty(finding.Explanation.Chinese);
        Assert.NotEmpty(finding.Explanation.English);
        Assert.True(finding.Start < finding.End);
    }

    [Fact]
    public void Analyze_DebtToldToThirdParty_GivesDisclosureAndContact()
    {
        var analysis = Analyzer.Analyze("您好，请转告您的同事刘某，他的借款已逾期。", Recipient.ThirdParty);

        Assert.Equal([ConductLabel.ThirdPartyDisclosure, ConductLabel.ThirdPartyContact], analysis.Labels);
        var metadata = analysis.Findings.Single(f => f.Label == ConductLabel.ThirdPartyContact);
        Assert.Null(metadata.Start);
        Assert.Contains("gbt45251-third-party", metadata.Citations);
    }

    [Fact]
    public void Analyze_ReminderSentToThirdParty_IsNotCalledLawful()
    {
        var analysis = Analyzer.Analyze("您本期应还1,200元，请按时还款。", Recipient.ThirdParty);

        Assert.DoesNotContain(ConductLabel.LawfulReminder, analysis.Labels);
        Assert.Contains(ConductLabel.ThirdPartyDisclosure, analysis.Labels);
    }

    [Theory]
    [InlineData("我们不会联系您的家人和同事，请您放心，按时还款即可。")]
    [InlineData("我们不会联系您的家人、朋友或同事，请您按时还款。")]
    [InlineData("我们绝不会向您的单位透露任何借款信息，请按期还款。")]
    [InlineData("本公司不会上门，请通过APP还款。")]
    [InlineData("逾期不会坐牢，但会产生违约金，请尽快还款。")]
    public void Analyze_NegatedThreat_IsOnlyALawfulReminder(string text)
    {
        Assert.Equal(["lawful_reminder"], ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));
    }

    /// <summary>
    /// A negated act of telling covers the people it names right after it, not only itself: the negation
    /// reaches 告诉 within its six characters, and 同事 is what is not told (issue 21, s15). Each came out
    /// with no label before, the people read as a sign of pressure.
    /// </summary>
    [Theory]
    [InlineData("我们不会把您的情况告诉您的同事或家人，请按时还款。")]
    [InlineData("我们绝不会把您的欠款告诉您的同事，请按时还款。")]
    [InlineData("您的借款已逾期，我们没有联系过您的任何家人，请尽快还款。")]
    public void Analyze_NegatedActOfTelling_CoversThePeopleItNames(string text) =>
        Assert.Equal(["lawful_reminder"], ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>The cover ends with the clause: the telling promised in the next one still threatens.</summary>
    [Fact]
    public void Analyze_NegatedActOfTelling_DoesNotCoverTheNextClause() =>
        Assert.Contains("threat_exposure", ConductData.TextLabels(Analyzer.Analyze("我们不会只通知你家人，还会通知你单位。", Recipient.Borrower)));

    [Theory]
    [InlineData("他说会把我的事告诉我家人，我该怎么办？")]
    [InlineData("催收说要爆我通讯录，这合法吗？")]
    [InlineData("有人发来“不还就爆通讯录”这种话。")]
    public void Analyze_ReportedOrQuotedThreat_DoesNotAccuse(string text)
    {
        Assert.Empty(Analyzer.Analyze(text).Labels);
    }

    [Theory]
    [InlineData("不还就等着“社死”吧。")]
    [InlineData("你这个\"老赖\"，还钱。")]
    public void Analyze_QuotationMarksAroundTheTriggerAlone_AreEmphasisAndStillFire(string text)
    {
        Assert.NotEmpty(Analyzer.Analyze(text).Labels);
    }

    /// <summary>
    /// A phone's keyboard often types the same quotation mark twice (“老赖“, ‘老赖‘): the second closes the first, so the
    /// marks are emphasis around the word, not a quotation left open to the end of the message (issue 21, s17: each of
    /// these got no label before). Marks that face either way (’老赖’, 「曝光」) are emphasis too, and so are marks with the
    /// spaces a phone puts inside them (“ 老赖 ”, no label before s18) and the full-width, white-corner, vertical and
    /// double-prime forms (pinned in s18; they kept the insult already).
    /// </summary>
    [Theory]
    [InlineData("你个‘老赖‘，还不还钱？", "insult")]
    [InlineData("你这个“老赖“，还钱！", "insult")]
    [InlineData("你就是个’老赖’，赶紧还钱。", "insult")]
    [InlineData("再不还就把你“曝光“。", "threat_exposure")]
    [InlineData("再不还就把你「曝光」。", "threat_exposure")]
    [InlineData("你就是个“ 老赖 ”，还钱！", "insult")]
    [InlineData("你就是个＂老赖＂，还钱！", "insult")]
    [InlineData("你就是个『老赖』，借钱不还。", "insult")]
    [InlineData("〝老赖〞说的就是你，赶紧还钱。", "insult")]
    [InlineData("你就是个﹃老赖﹄，赶紧还钱。", "insult")]
    public void Analyze_EmphasisMarksTypedTheSameWayTwice_StillFire(string text, string label) =>
        Assert.Contains(label, ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>
    /// Quotation marks around abuse are the sender's emphasis however many words they hold (issue 21, s19: “无耻老赖” read
    /// as a quotation, no label, before), in every pair of marks the analyser knows; a threat in the same marks is still
    /// a quotation.
    /// </summary>
    [Theory]
    [InlineData("你这个“无耻老赖”，今天必须还钱")]
    [InlineData("“无耻老赖”说的就是你，赶紧还钱。")]
    [InlineData("“不要脸的东西”，欠钱还装死")]
    [InlineData("你就是个‘无耻老赖’，还钱！")]
    [InlineData("你就是个\"无耻老赖\"，还钱！")]
    [InlineData("你就是个「无耻老赖」，还钱！")]
    [InlineData("你就是个『死皮赖脸的骗子』，还钱！")]
    [InlineData("你就是个﹁无耻老赖﹂，还钱！")]
    [InlineData("你就是个〝无耻老赖〞，还钱！")]
    [InlineData("你就是个“无耻老赖“，还钱！")]
    public void Analyze_AbuseInQuotationMarksOfManyWords_IsTheSendersEmphasis(string text) =>
        Assert.Contains("insult", ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>Quoted abuse that reported speech introduces, or a prohibition or negation governs, is not the sender's (issue 21, s19).</summary>
    [Theory]
    [InlineData("他说你是“无耻老赖”。我们不这么认为，请您按时还款。")]
    [InlineData("本平台严禁催收人员使用“无耻老赖”等侮辱性词语，请您按时还款。")]
    [InlineData("我们不会称您为“无耻老赖”，请您按时还款。")]
    public void Analyze_QuotedAbuseReportedOrForbidden_IsNoInsult(string text) =>
        Assert.DoesNotContain("insult", ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>A quotation whose marks are typed the same way twice is still a quotation: the threat in it is reported.</summary>
    [Fact]
    public void Analyze_QuotationTypedWithTheSameMarkTwice_DoesNotAccuse() =>
        Assert.Empty(Analyzer.Analyze("有人发来“不还就爆通讯录“这种话。").Labels);

    /// <summary>The vertical corner brackets and the double primes quote as 「」 do (issue 21, s18: both read as threats before).</summary>
    [Theory]
    [InlineData("有人发来﹁不还就爆通讯录﹂这种话。")]
    [InlineData("有人发来〝不还就爆通讯录〞这种话。")]
    public void Analyze_QuotationInVerticalBracketsOrDoublePrimes_DoesNotAccuse(string text) =>
        Assert.Empty(Analyzer.Analyze(text).Labels);

    [Fact]
    public void Analyze_UnrelatedMessageAtNight_IsNotACollectionContact()
    {
        var message = new ConductMessage("您的快递已到站，请凭取件码领取。", Recipient.Borrower, new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.FromHours(8)));

        Assert.Empty(Analyzer.Analyze(message).Labels);
        Assert.Equal([ConductLabel.OffHours], Analyzer.Analyze(message with { Text = string.Empty, Channel = ContactChannel.Call }).Labels);
    }

    [Fact]
    public void Analyze_ThreatWithoutNegation_StillFiresAfterACondition()
    {
        // 再不还 contains 不 but is a condition, not a negation of what follows.
        var analysis = Analyzer.Analyze("再不还，我们就联系你的家人。");

        Assert.Equal([ConductLabel.ThreatExposure], analysis.Labels);
    }

    /// <summary>
    /// A negation governs the verb it precedes: before a repayment it opens a condition ("没有还款就…"), and its
    /// reach ends with the condition, so the telling the condition leads to is a threat (labelling guide, rule 8).
    /// Each came out with no label before (issue 21, s16), the negation's six characters reaching the telling.
    /// </summary>
    [Theory]
    [InlineData("没有还款就通知你家人。")]
    [InlineData("没有还款的话就联系您的家人。")]
    [InlineData("没有还清就告诉你单位领导。")]
    [InlineData("没有处理就联系你的同事。")]
    [InlineData("不能按时还款就通知你家人。")]
    [InlineData("不能还款我们就联系你家人。")]
    [InlineData("不配合我们就联系你单位。")]
    public void Analyze_NegatedRepaymentThenATelling_IsThreatOfExposure(string text) =>
        Assert.Contains("threat_exposure", ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    /// <summary>
    /// The other side of the condition's scope: a negation before the telling itself, or before a condition
    /// that leads to the telling ("不会因为您没有还款就…"), still denies it, and the reassurance stays lawful.
    /// </summary>
    [Theory]
    [InlineData("我们不会因此就联系您的家人，请按时还款。")]
    [InlineData("我们不会联系您的家人，请按时还款。")]
    [InlineData("我们不会因为您没有还款就通知您的家人，请尽快还款。")]
    [InlineData("我们不会在您没有还款时就联系您的家人，请尽快还款。")]
    [InlineData("没有您的同意，我们不会联系您的家人，请按时还款。")]
    public void Analyze_NegatedTellingAfterACondition_IsOnlyALawfulReminder(string text) =>
        Assert.Equal(["lawful_reminder"], ConductData.TextLabels(Analyzer.Analyze(text, Recipient.Borrower)));

    [Fact]
    public void Analyze_DisguisedTrigger_SpanPointsAtTheOriginalCharacters()
    {
        const string text = "最后机会，通*讯*录已导出。";

        var finding = Assert.Single(Analyzer.Analyze(text).Findings);

        Assert.Equal("threat_exposure.publish", finding.Rule);
        Assert.Equal("通*讯*录已导出", text[finding.Start!.Value..finding.End!.Value]);
    }

    [Fact]
    public void Analyze_TraditionalAndFullWidth_SpanPointsAtTheOriginalCharacters()
    {
        const string text = "ＴＭＤ，請轉告你的朋友，他的欠款已逾期。";

        var analysis = Analyzer.Analyze(text, Recipient.ThirdParty);

        var insult = analysis.Findings.Single(f => f.Label == ConductLabel.Insult);
        Assert.Equal("ＴＭＤ", text[insult.Start!.Value..insult.End!.Value]);
        Assert.Contains(ConductLabel.ThirdPartyDisclosure, analysis.Labels);
    }

    [Theory]
    [InlineData("2026-11-28T22:30:00+08:00", true)]
    [InlineData("2026-11-28T07:59:00+08:00", true)]
    [InlineData("2026-11-28T08:00:00+08:00", false)]
    [InlineData("2026-11-28T21:30:00+08:00", false)]
    [InlineData("2026-11-28T14:30:00Z", true)]
    [InlineData("2026-11-28T13:30:00Z", false)]
    public void Analyze_Time_FlagsOffHoursInChinaStandardTime(string time, bool offHours)
    {
        var message = new ConductMessage("请按时还款。", Recipient.Borrower, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        var analysis = Analyzer.Analyze(message);

        Assert.Equal(offHours, analysis.Labels.Contains(ConductLabel.OffHours));
        Assert.Contains(ConductLabel.LawfulReminder, analysis.Labels);
    }

    [Theory]
    [InlineData(ContactChannel.Call, 3, false)]
    [InlineData(ContactChannel.Call, 4, true)]
    [InlineData(ContactChannel.UnansweredCall, 6, false)]
    [InlineData(ContactChannel.UnansweredCall, 7, true)]
    [InlineData(ContactChannel.Message, 50, false)]
    public void Analyze_ContactNumberToday_FlagsOnlyBeyondTheChannelsLimit(ContactChannel channel, int number, bool flagged)
    {
        var message = new ConductMessage("", Recipient.Borrower, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8)), channel, number);

        var analysis = Analyzer.Analyze(message);

        Assert.Equal(flagged, analysis.Labels.Contains(ConductLabel.ExcessiveFrequency));
    }

    [Fact]
    public void Count_CallsAroundMidnightInChina_StartsANewDay()
    {
        var counter = new DailyContactCounter(Analyzer.Policy);
        var evening = new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero); // 23:00 in China

        var first = counter.Count("lender", evening, ContactChannel.Call);
        var second = counter.Count("lender", evening.AddMinutes(30), ContactChannel.Call);
        var nextDay = counter.Count("lender", evening.AddHours(1.5), ContactChannel.Call);
        var otherSender = counter.Count("another", evening, ContactChannel.Call);

        Assert.Equal((1, 2, 1, 1), (first, second, nextDay, otherSender));
    }

    [Fact]
    public void Analyze_CourierMessage_HasNoLabel()
    {
        Assert.Same(ConductAnalysis.Empty, Analyzer.Analyze("您的快递已到站，请凭取件码1234到驿站领取。"));
    }

    [Fact]
    public void BasisOf_RuleOfAFinding_IsTheExplanationAndCitationsTheFindingCarried()
    {
        var analysis = Analyzer.Analyze(new ConductMessage("不还钱就把你的欠款信息发给你通讯录里所有人", Recipient.ThirdParty, new DateTimeOffset(2026, 11, 3, 23, 30, 0, ChinaStandardTime.Offset), FromCollector: true));

        Assert.All(analysis.Findings.Where(f => !f.Rule.StartsWith("model.", StringComparison.Ordinal)), f =>
        {
            var basis = Analyzer.BasisOf(f.Rule, f.Label);
            Assert.NotNull(basis);
            Assert.Equal(f.Explanation, basis.Explanation);
            Assert.Equal(f.Citations, basis.Citations);
        });
        Assert.Contains(analysis.Findings, f => f.Label.IsMetadata());
    }

    [Fact]
    public void BasisOf_RuleNoLongerInTheData_IsNull()
    {
        Assert.Null(Analyzer.BasisOf("threat_exposure.renamed-since", ConductLabel.ThreatExposure));
        Assert.Null(Analyzer.BasisOf("off_hours", ConductLabel.ThreatExposure));
    }
}
