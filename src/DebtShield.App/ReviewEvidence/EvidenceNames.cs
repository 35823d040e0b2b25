using System.Globalization;
using DebtShield.Core.Screenshots;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Vocabulary;

namespace DebtShield.App.ReviewEvidence;

/// <summary>The names people read for labels, channels, outcomes and chain breaks, in the UI language or a given one.</summary>
public static class EvidenceNames
{
    /// <summary>A label's name, such as 威胁爆通讯录/曝光: its name in the labels' vocabulary.</summary>
    public static string Label(ConductLabel label, CultureInfo? culture = null) =>
        Vocabularies.ConductLabels[label].Name(culture ?? CultureInfo.CurrentUICulture);

    /// <summary>A channel's name, with a call's outcome: 电话（未接）.</summary>
    public static string Channel(Incident incident, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var name = Vocabularies.Channels[incident.Channel].Name(culture ?? CultureInfo.CurrentUICulture);
        return incident.Outcome is { } outcome ? name + "（" + Vocabularies.CallOutcomes[outcome].Name(culture ?? CultureInfo.CurrentUICulture) + "）" : name;
    }

    /// <summary>Who received it: the borrower, or the named contact.</summary>
    public static string Recipient(Incident incident, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.ContactName is { } contact
            ? string.Format(culture ?? CultureInfo.CurrentCulture, Text("Timeline_Contact", culture), contact)
            : Vocabularies.Recipients[incident.Recipient].Name(culture ?? CultureInfo.CurrentUICulture);
    }

    /// <summary>Why a number's contacts are taken to concern a lender, such as 您标明的.</summary>
    public static string Attribution(AttributionBasis basis, CultureInfo? culture = null) => Text("Attribution_" + basis, culture);

    /// <summary>What stands where a number's lender is not known: 未确定.</summary>
    public static string UnknownLender(CultureInfo? culture = null) => Text("Collector_Unattributed", culture);

    /// <summary>What a chain break means.</summary>
    public static string Break(ChainBreakKind kind, CultureInfo? culture = null) => Text("Break_" + kind, culture);

    /// <summary>Why a screenshot message's time is only an estimate, such as 上方看不到时间; empty when it rests on a stamp.</summary>
    public static string TimeBasis(MessageTimeBasis basis, CultureInfo? culture = null) =>
        basis == MessageTimeBasis.Stamp ? "" : Text("TimeBasis_" + basis, culture);

    /// <summary>What makes a screenshot message's text doubtful, each doubt named, joined by "；".</summary>
    public static string Doubts(ReadDoubts doubts, CultureInfo? culture = null) =>
        string.Join("；", Enum.GetValues<ReadDoubts>().Where(d => d != ReadDoubts.None && doubts.HasFlag(d)).Select(d => Text("Doubt_" + d, culture)));

    /// <summary>One resource text.</summary>
    internal static string Text(string name, CultureInfo? culture = null) =>
        Resources.EvidenceText.ResourceManager.GetString(name, culture ?? CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException("Missing text " + name);
}
