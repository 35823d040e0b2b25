using System.Text.Json;
using System.Text.RegularExpressions;
using DebtShield.Core.Conduct;
using DebtShield.Core.Reading;
using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests.Conduct;

public sealed partial class ConductRuleSetTests
{
    private const string Lexicon = "[NEGATION] n\n不会\n[REPORTED] r\n他说\n[CONTACTS] c\n家人\n";

    [Fact]
    public void Parse_RepositoryRules_EveryTextLabelHasARuleAndEveryCitationExists()
    {
        var rules = ConductData.Analyzer.Rules.Rules;
        using var catalogue = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Data("law", "citations.json")));
        var known = catalogue.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToHashSet();

        Assert.Equal(
            ConductLabels.All.Where(l => !l.IsMetadata()).ToHashSet(),
            rules.Select(r => r.Label).ToHashSet());
        var cited = rules.SelectMany(r => r.Citations)
            .Concat(ConductData.Analyzer.Policy.Rules.Values.SelectMany(r => r.Citations))
            .Distinct()
            .ToList();
        Assert.All(cited, id => Assert.Contains(id, known));
    }

    [Fact]
    public void Parse_RepositoryRules_IdsAreLabelDotName()
    {
        Assert.All(ConductData.Analyzer.Rules.Rules, r => Assert.Matches(RuleId(), r.Id));
        Assert.All(ConductData.Analyzer.Rules.Rules, r => Assert.StartsWith(r.Label.Id() + ".", r.Id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[x.y]\nlabel: abuse\nexplain: a | b\ncite: c\nmatch: 家人\n", "rules.txt:2:")]
    [InlineData("[x.y]\nlabel: insult\nexplain: a | b\ncite: c\nmatch: {NOPE}\n", "rules.txt:5:")]
    [InlineData("[x.y]\nlabel: insult\nexplain: 只有中文\n", "rules.txt:3:")]
    [InlineData("[x.y]\nlabel: insult\nexplain: a | b\nmatch: 家人\n", "rules.txt:1:")]
    [InlineData("match: 家人\n", "rules.txt:1:")]
    [InlineData("[x.y]\nlabel: insult\nexplain: a | b\ncite: c\nrecipient: third_party / landlord\nmatch: 家人\n", "rules.txt:5:")]
    public void Parse_MalformedRule_NamesFileAndLine(string rules, string location)
    {
        var normalizer = ConductNormalizer.Parse(string.Empty);

        var error = Assert.Throws<DataFileException>(() => ConductRuleSet.Parse(normalizer, Lexicon, rules));

        Assert.StartsWith(location, error.Message, StringComparison.Ordinal);
        Assert.Equal(location, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{error.File}:{error.Problem.Location.Line}:"));
    }

    [Theory]
    [InlineData("[ADVICE] a\n请 申请\n")]
    [InlineData("[ADVICE] a\n请 !邀\n")]
    [InlineData("[ADVICE] a\n请 !请\n")]
    public void Parse_LongerWordThatIsNoLongerWordHoldingTheClassWord_NamesFileAndLine(string extra)
    {
        var error = Assert.Throws<DataFileException>(() => ConductRuleSet.Parse(ConductNormalizer.Parse(string.Empty), Lexicon + extra, string.Empty));

        Assert.StartsWith("lexicon.txt:8:", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A rule fires only for the recipients its <c>recipient:</c> names, read through the one vocabulary of recipients
    /// (issue 21, s22: a message that addresses its reader as the borrower's contact discloses nothing when the reader is
    /// known to be the borrower); a rule that names none fires for any.
    /// </summary>
    [Fact]
    public void Analyze_RuleForSomeRecipients_FiresOnlyForThem()
    {
        var rules = ConductRuleSet.Parse(
            ConductNormalizer.Parse(string.Empty),
            Lexicon,
            "[third_party_disclosure.x]\nlabel: third_party_disclosure\nexplain: a | b\ncite: c\nrecipient: third_party / unknown\nmatch: 家人\n"
            + "[insult.y]\nlabel: insult\nexplain: a | b\ncite: c\nmatch: 家人\n");
        var analyzer = new ConductAnalyzer(rules, ConductData.Analyzer.Policy);

        Assert.Equal([ConductLabel.Insult, ConductLabel.ThirdPartyDisclosure], TextOnly(analyzer.Analyze("家人", Recipient.Unknown)));
        Assert.Equal([ConductLabel.Insult, ConductLabel.ThirdPartyDisclosure], TextOnly(analyzer.Analyze("家人", Recipient.ThirdParty)));
        Assert.Equal([ConductLabel.Insult], TextOnly(analyzer.Analyze("家人", Recipient.Borrower)));
    }

    /// <summary>
    /// A class word inside a longer word the class names (请 !申请) is not that class's there, and only there: the same
    /// word alone, or in another class, still counts (issue 21, s18).
    /// </summary>
    [Fact]
    public void Parse_ClassWordWithLongerWordsItIsNoPartOf_IsNotMatchedInsideThem()
    {
        var rules = ConductRuleSet.Parse(
            ConductNormalizer.Parse(string.Empty),
            Lexicon + "[ASK] a\n请 !申请\n[SELF] s\n请\n",
            "[insult.x]\nlabel: insult\nexplain: a | b\ncite: c\nmatch: {ASK} … 家人\n[threat_exposure.y]\nlabel: threat_exposure\nexplain: a | b\ncite: c\nmatch: {SELF} … 家人\n");
        var analyzer = new ConductAnalyzer(rules, ConductData.Analyzer.Policy);

        Assert.Equal([ConductLabel.ThreatExposure], analyzer.Analyze("我们将申请通知你的家人").Labels);
        Assert.Equal([ConductLabel.ThreatExposure, ConductLabel.Insult], analyzer.Analyze("请通知你的家人").Labels);
    }

    [Fact]
    public void Parse_LexiconWithoutNegation_IsRejected()
    {
        var error = Assert.Throws<DataFileException>(() => ConductRuleSet.Parse(ConductNormalizer.Parse(string.Empty), "[REPORTED] r\n他说\n", string.Empty));

        Assert.Contains("[NEGATION]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MinimalRules_MatchesInAnyOrderWithAmpersand()
    {
        var normalizer = ConductNormalizer.Parse(string.Empty);
        var rules = ConductRuleSet.Parse(normalizer, Lexicon + "[TELL] t\n告诉\n", "[threat_exposure.t]\nlabel: threat_exposure\nexplain: a | b\ncite: c\nmatch: {CONTACTS} & {TELL}\n");
        var analyzer = new ConductAnalyzer(rules, ContactPolicy.Parse(ConductData.Read("contact-rules.txt")));

        Assert.Equal([ConductLabel.ThreatExposure], analyzer.Analyze("家人都会被告诉").Labels);
        Assert.Equal([ConductLabel.ThreatExposure], analyzer.Analyze("告诉你家人").Labels);
        Assert.Empty(analyzer.Analyze("不会告诉你家人").Labels);
        Assert.Empty(analyzer.Analyze("告诉你。家人").Labels);
    }

    [Fact]
    public void Parse_UnlessAnywhere_VetoesTheRuleFromAnotherSentence()
    {
        var normalizer = ConductNormalizer.Parse(string.Empty);
        const string rule = "[lawful_reminder.r]\nlabel: lawful_reminder\nexplain: a | b\n{0}: 后果自负\nmatch: 请还款\n";
        var policy = ContactPolicy.Parse(ConductData.Read("contact-rules.txt"));
        var anywhere = new ConductAnalyzer(ConductRuleSet.Parse(normalizer, Lexicon, rule.Replace("{0}", "unless-anywhere", StringComparison.Ordinal)), policy);
        var sentence = new ConductAnalyzer(ConductRuleSet.Parse(normalizer, Lexicon, rule.Replace("{0}", "unless", StringComparison.Ordinal)), policy);

        Assert.Empty(anywhere.Analyze("请还款。否则后果自负。", Recipient.Borrower).Labels);
        Assert.Equal([ConductLabel.LawfulReminder], sentence.Analyze("请还款。否则后果自负。", Recipient.Borrower).Labels);
        Assert.Equal([ConductLabel.LawfulReminder], anywhere.Analyze("请还款。", Recipient.Borrower).Labels);
        Assert.Equal([ConductLabel.LawfulReminder], anywhere.Analyze("请还款。不会后果自负。", Recipient.Borrower).Labels);
    }

    [Fact]
    public void Parse_YieldsTo_KeepsTheRuleFromTheSentenceWhereTheOtherFires()
    {
        var normalizer = ConductNormalizer.Parse(string.Empty);
        const string rules = "[threat_exposure.t]\nlabel: threat_exposure\nexplain: a | b\ncite: c\nyields-to: third_party_disclosure.d\nmatch: 打电话\n"
            + "[third_party_disclosure.d]\nlabel: third_party_disclosure\nexplain: a | b\ncite: c\nmatch: 上午 … 打电话了\n";
        var analyzer = new ConductAnalyzer(ConductRuleSet.Parse(normalizer, Lexicon, rules), ContactPolicy.Parse(ConductData.Read("contact-rules.txt")));

        Assert.Equal([ConductLabel.ThirdPartyDisclosure], analyzer.Analyze("上午给你家人打电话了。", Recipient.Borrower).Labels);
        Assert.Equal([ConductLabel.ThreatExposure], analyzer.Analyze("明天给你家人打电话。", Recipient.Borrower).Labels);
        Assert.Equal(
            [ConductLabel.ThreatExposure, ConductLabel.ThirdPartyDisclosure],
            analyzer.Analyze("明天给你家人打电话。上午给你老板打电话了。", Recipient.Borrower).Labels);
    }

    [Fact]
    public void Parse_YieldsToAnUnknownRule_IsRejectedNamingBoth()
    {
        var normalizer = ConductNormalizer.Parse(string.Empty);
        const string rules = "[threat_exposure.t]\nlabel: threat_exposure\nexplain: a | b\ncite: c\nyields-to: third_party_disclosure.missing\nmatch: 打电话\n";

        var error = Assert.Throws<FormatException>(() => ConductRuleSet.Parse(normalizer, Lexicon, rules));

        Assert.Contains("threat_exposure.t", error.Message, StringComparison.Ordinal);
        Assert.Contains("third_party_disclosure.missing", error.Message, StringComparison.Ordinal);
    }

    private static ConductLabel[] TextOnly(ConductAnalysis analysis) => [.. analysis.Labels.Where(l => !l.IsMetadata())];

    [GeneratedRegex("^[a-z_]+\\.[a-z0-9-]+$")]
    private static partial Regex RuleId();
}
