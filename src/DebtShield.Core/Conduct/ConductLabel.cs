using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Conduct;

/// <summary>
/// What a collection message (or the way it was sent) does, as the conduct-analysis issue names
/// it. The first nine come from the text; the last three from who received it and when.
/// </summary>
public enum ConductLabel
{
    /// <summary>Threatens the person, their family or home: visits, violence.</summary>
    ThreatViolence,

    /// <summary>Threatens to tell contacts, employer or groups, or to post online (爆通讯录).</summary>
    ThreatExposure,

    /// <summary>Abuse, insults, humiliation.</summary>
    Insult,

    /// <summary>Reveals a debt to someone other than the borrower.</summary>
    ThirdPartyDisclosure,

    /// <summary>Poses as police, court, procuratorate, lawyer, credit-reference centre or government.</summary>
    ImpersonationAuthority,

    /// <summary>Claims filed cases, arrests, warrants, summonses or lawyer's letters that are not real process.</summary>
    FakeLegalProcess,

    /// <summary>Publishes or threatens to publish ID numbers, photos, edited pictures, addresses.</summary>
    PiiExposure,

    /// <summary>Lies about consequences: prison for a civil debt, children barred from school, fake blacklists.</summary>
    FalseConsequences,

    /// <summary>A reminder to the borrower only, of amount and date, with no pressure beyond lawful facts.</summary>
    LawfulReminder,

    /// <summary>Sent or made outside the hours the collection guidelines allow.</summary>
    OffHours,

    /// <summary>More contacts in one day than the collection guidelines allow.</summary>
    ExcessiveFrequency,

    /// <summary>Sent to someone other than the borrower.</summary>
    ThirdPartyContact,
}

/// <summary>
/// The stable text ids of <see cref="ConductLabel"/>, as data files, stored labels and JSON output
/// spell them, read exactly. The ids and the names people read are the vocabulary's
/// (<see cref="Vocabularies.ConductLabels"/>), which also reads a label from its name.
/// </summary>
public static class ConductLabels
{
    /// <summary>
    /// Each label's id, spelled out beside its member in the vocabulary (never taken from the member's
    /// name or its place in the enum), so renaming or inserting a label changes no stored label or report.
    /// </summary>
    private static WireIds<ConductLabel> Ids => Vocabularies.ConductLabels.Ids;

    /// <summary>Every label, in declaration order.</summary>
    public static IReadOnlyList<ConductLabel> All { get; } = Enum.GetValues<ConductLabel>();

    /// <summary>The label's id, such as <c>threat_exposure</c>.</summary>
    public static string Id(this ConductLabel label) => Ids.Of(label);

    /// <summary>
    /// The label with the id <paramref name="id"/>, if there is one: the id only, as a data file or a
    /// stored label writes it (a person's word for a label is read by <see cref="Vocabularies.ConductLabels"/>).
    /// </summary>
    public static bool TryParse(string id, out ConductLabel label) => Ids.TryParse(id, out label);

    /// <summary>
    /// True for the labels that accuse the sender of wrongdoing from the text; a lawful reminder
    /// and the metadata labels are not among them.
    /// </summary>
    public static bool IsAbusive(this ConductLabel label) => label < ConductLabel.LawfulReminder;

    /// <summary>True for the labels that come from the recipient and the time, not from the text.</summary>
    public static bool IsMetadata(this ConductLabel label) => label > ConductLabel.LawfulReminder;
}
