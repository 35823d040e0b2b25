using System.Globalization;
using System.Text.Json.Serialization;
using DebtShield.App.CheckLoans;
using DebtShield.Core;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Import.Conduct;
using DebtShield.Import.LegalData;

namespace DebtShield.App.ReviewEvidence;

/// <summary>
/// Why one label applies to one entry, as a frightened reader needs it: the rule in plain words,
/// the collector's own words that matched, the law or guideline behind it and how well that is
/// checked, and the guide topic that says what to do about it.
/// </summary>
/// <param name="Label">The label.</param>
/// <param name="LabelName">Its name, such as 威胁爆通讯录/曝光.</param>
/// <param name="Explanation">The rule in one line. When the rule that gave the label is no longer in this
/// version's data, a sentence that says so (never a guessed reason).</param>
/// <param name="Quotes">The words of the text that matched, as written (control and bidirectional characters
/// made visible; encode before markup); none for a label that comes from the time or the recipient.</param>
/// <param name="Citations">The citations, from the catalogue, with their status in words.</param>
/// <param name="GuideTopic">The guide topic that says what to do.</param>
/// <param name="GuideTitle">That topic's title.</param>
public sealed record LabelReason(
    [property: JsonIgnore] ConductLabel Label,
    string LabelName,
    string Explanation,
    IReadOnlyList<string> Quotes,
    IReadOnlyList<CitationFigure> Citations,
    string GuideTopic,
    string GuideTitle)
{
    /// <summary>The label's id, as the API and data files spell it.</summary>
    public string LabelId => Label.Id();

    /// <summary>The web app's address of <see cref="GuideTopic"/>.</summary>
    public string GuidePath => "/guide/" + GuideTopic;

    /// <summary>
    /// The citations on one line, each with how well it is checked (《…》第…条（已核实）；…), as the
    /// evidence page, the printed timeline and the terminal all show them.
    /// </summary>
    [JsonIgnore]
    public string Basis => string.Join("；", Citations.Select(c => c.Law + c.Article + "（" + c.StatusText + "）"));
}

/// <summary>
/// The one place that says why a stored label applies. An entry keeps its labels and, per
/// finding, the rule id and the span of text; the explanation and citations are looked up again
/// from the analyser's data (<see cref="ConductAnalyzer.BasisOf"/>) and the citation catalogue,
/// so the evidence page, the API and the bundle's printable timeline all say the same thing.
/// </summary>
public static class LabelReasons
{
    /// <summary>The reasons for each of the entry's labels, in label order; several rules behind one label give several reasons.</summary>
    public static IReadOnlyList<LabelReason> Of(EvidenceItem item, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        culture ??= CultureInfo.CurrentUICulture;
        var english = culture.TwoLetterISOLanguageName == "en";
        var analyzer = ConductDataReader.LoadEmbedded();
        var text = item.Entry.Incident.Text;
        var reasons = new List<LabelReason>();
        foreach (var label in item.Labels)
        {
            var findings = item.Findings.Where(f => f.Label == label.Id()).GroupBy(f => f.Rule, StringComparer.Ordinal).ToList();
            if (findings.Count == 0)
            {
                reasons.Add(Reason(label, null, [], culture, english));
                continue;
            }

            foreach (var rule in findings)
            {
                var quotes = rule.Select(f => Quote(text, f)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                reasons.Add(Reason(label, analyzer.BasisOf(rule.Key, label), quotes, culture, english));
            }
        }

        return reasons;
    }

    /// <summary>The guide topic that tells a borrower what to do about <paramref name="label"/>.</summary>
    public static string GuideTopicOf(ConductLabel label) => label switch
    {
        // Threats, abuse and telling others: what to do today (keep evidence, tell contacts, 110, complain).
        ConductLabel.ThreatViolence or ConductLabel.ThreatExposure or ConductLabel.Insult
            or ConductLabel.ThirdPartyDisclosure or ConductLabel.PiiExposure or ConductLabel.ThirdPartyContact => "today",

        // "Police", "court" callers: check through official numbers, never pay.
        ConductLabel.ImpersonationAuthority => "scams",

        // Lies about the law: what collectors may and may not do, and free legal advice.
        ConductLabel.FakeLegalProcess or ConductLabel.FalseConsequences => "rights",

        // Hours and frequency: where to complain and what to bring.
        ConductLabel.OffHours or ConductLabel.ExcessiveFrequency => "complain",

        // A lawful reminder: talk to the lender.
        ConductLabel.LawfulReminder => "talk-to-lender",
    };

    private static LabelReason Reason(ConductLabel label, ConductBasis? basis, IReadOnlyList<string> quotes, CultureInfo culture, bool english)
    {
        string explanation;
        if (basis is null)
        {
            explanation = EvidenceNames.Text("Reason_RuleChanged", culture);
        }
        else
        {
            explanation = english ? basis.Explanation.English : basis.Explanation.Chinese;
            if (basis.Learned)
            {
                explanation = string.Format(culture, explanation, string.Concat(quotes.Select(q => "「" + q + "」")));
            }
        }

        var catalogue = LegalDataReader.Citations;
        var citations = (basis?.Citations ?? [])
            .Where(catalogue.ContainsKey)
            .Select(id => CitationFigure.InLanguageOf(catalogue[id], culture))
            .ToList();
        var topic = GuideTopicOf(label);
        var title = ReadGuide.ReadGuide.TitleOf(english ? "en" : "zh-CN", topic)
            ?? throw new InvalidOperationException("The guide has no topic " + topic + " for the label " + label.Id() + ".");
        return new LabelReason(label, EvidenceNames.Label(label, culture), explanation, quotes, citations, topic, title);
    }

    private static string? Quote(string? text, RecordedFinding finding) =>
        text is not null && finding.Start is { } start && finding.End is { } end && start >= 0 && end <= text.Length && start < end
            ? DisplayText.Neutralise(text[start..end])
            : null;
}
