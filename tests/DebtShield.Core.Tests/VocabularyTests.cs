using System.Globalization;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Tests;

/// <summary>
/// Every member of every vocabulary goes wire id → member → both languages → member, and the wire
/// ids are pinned: they are public JSON and the bytes an evidence hash covers, so a renamed enum
/// member must not move them.
/// </summary>
public sealed class VocabularyTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void EveryTerm_ParsedFromItsWireIdOrAnyName_ReadsBackInBothLanguages()
    {
        IVocabulary[] walked =
        [
            Walk(Vocabularies.LenderKinds),
            Walk(Vocabularies.RateUnits),
            Walk(Vocabularies.RateMethods),
            Walk(Vocabularies.Recipients),
            Walk(Vocabularies.Channels),
            Walk(Vocabularies.CallOutcomes),
            Walk(Vocabularies.Directions),
            Walk(Vocabularies.ConductLabels),
            Walk(Vocabularies.BudgetLineKinds),
        ];

        // A vocabulary added to the domain is walked here too, or this fails.
        Assert.Equal(Vocabularies.All, walked);
    }

    [Fact]
    public void WireIds_OfEveryVocabulary_AreTheOnesFilesReportsAndEvidenceRecordsAlreadyWrite()
    {
        Assert.Equal("online_platform,microloan,consumer_finance,bank,private_individual,unlicensed_lender,unknown", Ids(Vocabularies.LenderKinds));
        Assert.Equal("day,month,year", Ids(Vocabularies.RateUnits));
        Assert.Equal("nominal,irr,apr,fee_rate,unknown", Ids(Vocabularies.RateMethods));
        Assert.Equal("borrower,third_party,unknown", Ids(Vocabularies.Recipients));
        Assert.Equal("sms,mms,call,chat,visit,post,other", Ids(Vocabularies.Channels));
        Assert.Equal("answered,missed,rejected,blocked,voicemail", Ids(Vocabularies.CallOutcomes));
        Assert.Equal("received,sent", Ids(Vocabularies.Directions));
        Assert.Equal(
            "threat_violence,threat_exposure,insult,third_party_disclosure,impersonation_authority,fake_legal_process,pii_exposure,false_consequences,lawful_reminder,off_hours,excessive_frequency,third_party_contact",
            Ids(Vocabularies.ConductLabels));
        Assert.Equal("income,essential_expense", Ids(Vocabularies.BudgetLineKinds));
    }

    private static string Ids<T>(Vocabulary<T> vocabulary)
        where T : struct, Enum => string.Join(',', vocabulary.Terms.Select(t => t.WireId));

    [Fact]
    public void LedgerIds_OfEveryVocabulary_AreTheNamesEveryLedgerSoFarHolds()
    {
        Assert.Equal("OnlinePlatform,Microloan,ConsumerFinance,Bank,PrivateIndividual,UnlicensedLender,Unknown", LedgerIds(Vocabularies.LenderKinds));
        Assert.Equal("Day,Month,Year", LedgerIds(Vocabularies.RateUnits));
        Assert.Equal("Nominal,Irr,Apr,FeeRate,Unknown", LedgerIds(Vocabularies.RateMethods));
        Assert.Equal("Borrower,ThirdParty,Unknown", LedgerIds(Vocabularies.Recipients));
        Assert.Equal("Sms,Mms,Call,Chat,Visit,Post,Other", LedgerIds(Vocabularies.Channels));
        Assert.Equal("Answered,Missed,Rejected,Blocked,Voicemail", LedgerIds(Vocabularies.CallOutcomes));
        Assert.Equal("Received,Sent", LedgerIds(Vocabularies.Directions));
        Assert.Equal("Income,EssentialExpense", LedgerIds(Vocabularies.BudgetLineKinds));

        // An evidence entry's labels are stored as their wire ids.
        Assert.Equal(Ids(Vocabularies.ConductLabels), LedgerIds(Vocabularies.ConductLabels));
    }

    private static string LedgerIds<T>(Vocabulary<T> vocabulary)
        where T : struct, Enum => string.Join(',', vocabulary.Terms.Select(t => vocabulary.LedgerIds.Of(t.Member)));

    [Fact]
    public void WireIdsAndNames_InEitherLanguage_ListEveryMemberTheWayThatLanguageLists()
    {
        Assert.Equal("day、month、year", Vocabularies.RateUnits.WireIds(Chinese));
        Assert.Equal("day, month, year", Vocabularies.RateUnits.WireIds(English));
        Assert.Equal("日、月、年", Vocabularies.RateUnits.Names(Chinese));
        Assert.Equal("borrower, third party, unknown", Vocabularies.Recipients.Names(English));
    }

    [Fact]
    public void Of_EveryVocabularysEnum_IsThatVocabularyAndAnyOtherTypeIsRefused()
    {
        Assert.Same(Vocabularies.LenderKinds, Vocabularies.Of(typeof(LenderKind)));
        Assert.Same(Vocabularies.Channels, Vocabularies.Of(typeof(IncidentChannel)));
        Assert.Equal(Vocabularies.All.Count, Vocabularies.All.Select(v => v.Members).Distinct().Count());
        Assert.All(Vocabularies.All, v => Assert.Same(v, Vocabularies.Of(v.Members)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabularies.Of(typeof(DayOfWeek)));
    }

    [Theory]
    [InlineData("网贷平台", LenderKind.OnlinePlatform)] // the CLI's prompt and the web form
    [InlineData("网络借贷平台", LenderKind.OnlinePlatform)] // the documents
    [InlineData("民间借贷", LenderKind.PrivateIndividual)] // the prompt and the documents
    [InlineData("个人", LenderKind.PrivateIndividual)] // the web form
    [InlineData("未知", LenderKind.Unknown)] // the prompt
    [InlineData("不清楚", LenderKind.Unknown)] // the web form
    [InlineData("类型不明", LenderKind.Unknown)] // the documents
    [InlineData("职业放贷人", LenderKind.UnlicensedLender)]
    [InlineData("未取得放贷资格的职业放贷人", LenderKind.UnlicensedLender)]
    [InlineData(" ONLINE_PLATFORM ", LenderKind.OnlinePlatform)]
    [InlineData("Consumer Finance Company", LenderKind.ConsumerFinance)]
    public void LenderKinds_Parse_AcceptsEveryNameADoorOffers(string name, LenderKind kind) =>
        Assert.Equal(kind, Vocabularies.LenderKinds.Parse(name));

    [Theory]
    [InlineData("threat_exposure", ConductLabel.ThreatExposure)] // the CLI's --label, the page's filter, the data files
    [InlineData("威胁爆通讯录/曝光", ConductLabel.ThreatExposure)] // what the pages and the CLI's tables show
    [InlineData("threat to expose", ConductLabel.ThreatExposure)]
    [InlineData(" Off_Hours ", ConductLabel.OffHours)]
    public void ConductLabels_Parse_AcceptsTheWireIdAndEitherLanguagesName(string word, ConductLabel label) =>
        Assert.Equal(label, Vocabularies.ConductLabels.Parse(word));

    [Fact]
    public void ConductLabels_IdsTable_ReadsOnlyTheWireIdsAsDataFilesAndStoredLabelsWriteThem()
    {
        Assert.True(ConductLabels.TryParse("threat_exposure", out var label));
        Assert.Equal(ConductLabel.ThreatExposure, label);
        Assert.False(ConductLabels.TryParse("威胁爆通讯录/曝光", out _));
        Assert.All(ConductLabels.All, l => Assert.Equal(Vocabularies.ConductLabels.WireId(l), l.Id()));
    }

    [Theory]
    [InlineData("日", RatePer.Day)] // loan tables
    [InlineData("日利率", RatePer.Day)]
    [InlineData("月息", RatePer.Month)]
    [InlineData("年化", RatePer.Year)]
    public void RateUnits_Parse_AcceptsTheChineseWaysOfSayingTheUnit(string name, RatePer per) =>
        Assert.Equal(per, Vocabularies.RateUnits.Parse(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("platform")]
    [InlineData("网贷")]
    public void Parse_OfAWordNoTermHas_IsNull(string? name) => Assert.Null(Vocabularies.LenderKinds.Parse(name));

    [Theory]
    [InlineData(7)]
    [InlineData(99)]
    [InlineData(-1)]
    public void Indexer_AValueNoMemberHas_IsRefused(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabularies.LenderKinds[(LenderKind)value]);

    [Fact]
    public void Names_FollowTheCulture_AndTheFormalNameFallsBackToTheEverydayOne()
    {
        var platform = Vocabularies.LenderKinds[LenderKind.OnlinePlatform];
        Assert.Equal("网贷平台", platform.Name(Chinese));
        Assert.Equal("网络借贷平台", platform.FormalName(Chinese));
        Assert.Equal("online lending platform", platform.Name(English));
        Assert.Equal("银行", Vocabularies.LenderKinds[LenderKind.Bank].FormalName(Chinese));
        Assert.Equal("短信", Vocabularies.Channels[IncidentChannel.Sms].Name(Chinese));
        Assert.Equal("third party", Vocabularies.Recipients[Recipient.ThirdParty].Name(English));
    }

    [Theory]
    [InlineData("contact")]
    [InlineData("employer")]
    [InlineData("联系人")]
    [InlineData("单位")]
    public void Recipients_TheCorpusWordsForAContactOrAnEmployer_ReadAsSomeoneElse(string word)
    {
        // A message line written as the conduct corpus writes its recipients is read, not refused:
        // a contact and an employer are both someone other than the borrower.
        Assert.Equal(Recipient.ThirdParty, Vocabularies.Recipients.Parse(word));
        Assert.Equal("third_party", Vocabularies.Recipients.WireId(Recipient.ThirdParty));
    }

    [Fact]
    public void TryParse_AWordInsideALongerText_ReadsAsTheStringParserReadsIt()
    {
        // Given every word of the loan file's three vocabularies, as written and padded in capitals,
        // each a slice of a longer text; when / then: the slice reads as the string does.
        Slices(Vocabularies.LenderKinds);
        Slices(Vocabularies.RateUnits);
        Slices(Vocabularies.RateMethods);
        Assert.False(Vocabularies.LenderKinds.TryParse("«platform»".AsSpan(1, 8), out _));
    }

    private static void Slices<T>(Vocabulary<T> vocabulary)
        where T : struct, Enum
    {
        foreach (var term in vocabulary.Terms)
        {
            foreach (var word in term.Words())
            {
                foreach (var written in new[] { word, " " + word.ToUpperInvariant() + "\t" })
                {
                    var line = "«" + written + "»";
                    Assert.True(vocabulary.TryParse(line.AsSpan(1, written.Length), out var member), written);
                    Assert.Equal(vocabulary.Parse(written), member);
                    Assert.Equal(term.Member, member);
                }
            }
        }
    }

    private static Vocabulary<T> Walk<T>(Vocabulary<T> vocabulary)
        where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Order(), vocabulary.Terms.Select(t => t.Member).Order());
        foreach (var term in vocabulary.Terms)
        {
            Assert.Same(term, vocabulary[term.Member]);
            Assert.Equal(term.WireId, vocabulary.WireId(term.Member));
            foreach (var word in new[] { term.WireId, term.Name(Chinese), term.Name(English), term.FormalName(Chinese), term.FormalName(English) })
            {
                Assert.Equal(term.Member, vocabulary.Parse(word));
            }

            Assert.NotEqual(term.Name(Chinese), term.Name(English));
            Assert.All(term.Synonyms, s => Assert.Equal(term.Member, vocabulary.Parse(s)));
            Assert.Equal(term.WireId, vocabulary.Ids.Of(term.Member));
            Assert.True(vocabulary.Ids.TryParse(term.WireId, out var member));
            Assert.Equal(term.Member, member);
        }

        return vocabulary;
    }
}
