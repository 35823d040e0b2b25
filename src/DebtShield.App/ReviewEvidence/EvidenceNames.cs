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
    public static string Attribution(AttributionBasis basis, CultureInfo? culture = null) => Attributions.Text(basis, culture);

    /// <summary>What stands where a number's lender is not known: 未确定.</summary>
    public static string UnknownLender(CultureInfo? culture = null) => Text("Collector_Unattributed", culture);

    /// <summary>What a chain break means.</summary>
    public static string Break(ChainBreakKind kind, CultureInfo? culture = null) => Breaks.Text(kind, culture);

    /// <summary>Why a screenshot message's time is only an estimate, such as 上方看不到时间; empty when it rests on a stamp.</summary>
    public static string TimeBasis(MessageTimeBasis basis, CultureInfo? culture = null) =>
        TimeBases.Has(basis) ? TimeBases.Text(basis, culture) : "";

    /// <summary>What makes a screenshot message's text doubtful, each doubt named, joined by "；".</summary>
    public static string Doubts(ReadDoubts doubts, CultureInfo? culture = null) =>
        string.Join("；", Enum.GetValues<ReadDoubts>().Where(d => DoubtTexts.Has(d) && doubts.HasFlag(d)).Select(d => DoubtTexts.Text(d, culture)));

    /// <summary>Why a screenshot does not look like a chat, such as 图片是横向的.</summary>
    public static string NotChat(NotChatSign sign, CultureInfo? culture = null) => NotChatTexts.Text(sign, culture);

    /// <summary>Why a number's contacts are taken to concern a lender, by basis.</summary>
    internal static MemberTexts<AttributionBasis> Attributions { get; } = new(
        Resources.EvidenceText.ResourceManager,
        (AttributionBasis.OnlyLender, "Attribution_OnlyLender"),
        (AttributionBasis.MarkedNumber, "Attribution_MarkedNumber"),
        (AttributionBasis.NamedInText, "Attribution_NamedInText"),
        (AttributionBasis.SameNumber, "Attribution_SameNumber"));

    /// <summary>What each chain break means, under its wire id (what <c>verify</c>'s JSON writes).</summary>
    internal static MemberTexts<ChainBreakKind> Breaks { get; } =
        MemberTexts.ByWireId<ChainBreakKind>(Resources.EvidenceText.ResourceManager, "Break_", ChainBreak.KindIds);

    /// <summary>Why a message's time is an estimate; a time read from a stamp needs no words.</summary>
    internal static MemberTexts<MessageTimeBasis> TimeBases { get; } = new(
        Resources.EvidenceText.ResourceManager,
        (MessageTimeBasis.Stamp, null),
        (MessageTimeBasis.NoStampAbove, "TimeBasis_NoStampAbove"),
        (MessageTimeBasis.StampUnreadable, "TimeBasis_StampUnreadable"),
        (MessageTimeBasis.StampOutOfOrder, "TimeBasis_StampOutOfOrder"),
        (MessageTimeBasis.StampAfterCapture, "TimeBasis_StampAfterCapture"));

    /// <summary>What makes a message's text doubtful, by flag; no flag needs no words.</summary>
    internal static MemberTexts<ReadDoubts> DoubtTexts { get; } = new(
        Resources.EvidenceText.ResourceManager,
        (ReadDoubts.None, null),
        (ReadDoubts.LowConfidence, "Doubt_LowConfidence"),
        (ReadDoubts.LinesMissing, "Doubt_LinesMissing"),
        (ReadDoubts.UnknownLayout, "Doubt_UnknownLayout"),
        (ReadDoubts.ScriptUnsure, "Doubt_ScriptUnsure"),
        (ReadDoubts.ReadingsDisagree, "Doubt_ReadingsDisagree"),
        (ReadDoubts.Unread, "Doubt_Unread"));

    /// <summary>Why a screenshot is not taken for a chat, by sign.</summary>
    internal static MemberTexts<NotChatSign> NotChatTexts { get; } = new(
        Resources.EvidenceText.ResourceManager,
        (NotChatSign.Landscape, "NotChat_Landscape"),
        (NotChatSign.SideBySide, "NotChat_SideBySide"),
        (NotChatSign.EdgeToEdge, "NotChat_EdgeToEdge"),
        (NotChatSign.Photographed, "NotChat_Photographed"),
        (NotChatSign.BarForPane, "NotChat_BarForPane"));

    /// <summary>One resource text.</summary>
    internal static string Text(string name, CultureInfo? culture = null) =>
        Resources.EvidenceText.ResourceManager.GetString(name, culture ?? CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException("Missing text " + name);
}
