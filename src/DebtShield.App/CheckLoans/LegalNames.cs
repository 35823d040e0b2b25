using System.Globalization;
using DebtShield.Core.Law;

namespace DebtShield.App.CheckLoans;

/// <summary>
/// The names people read for a report's legal flags and for how well a fact is checked, for the
/// hosts: they receive both as the ids the reports write (<c>above_36</c>, <c>secondary</c>) and
/// word them here, through the member the id names, so a page, the terminal and the documents say
/// one thing and a renamed member cannot leave a host without its words.
/// </summary>
public static class LegalNames
{
    /// <summary>A flag's name in <paramref name="culture"/>'s language (the UI language when not given): 年化超过 36%.</summary>
    public static string Flag(LegalFlagKind flag, CultureInfo? culture = null) => LegalTexts.Flags.Text(flag, culture);

    /// <summary>The name of the flag a report writes as <paramref name="id"/>; an id no flag has is shown as it is.</summary>
    public static string Flag(string id) => LegalWireIds.FlagIds.TryParse(id, out var flag) ? Flag(flag) : id;

    /// <summary>How well a fact is checked, in <paramref name="culture"/>'s language (the UI language when not given): 二手资料.</summary>
    public static string Status(FactStatus status, CultureInfo? culture = null) => LegalTexts.Statuses.Text(status, culture);

    /// <summary>
    /// The status a report writes as <paramref name="id"/>, in words; an id no status has reads as
    /// unconfirmed, since nothing says it was checked.
    /// </summary>
    public static string Status(string id) => Status(LegalWireIds.StatusIds.TryParse(id, out var status) ? status : FactStatus.Uncertain);
}
