using DebtShield.App.ReviewEvidence;
using DebtShield.Core;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;

namespace DebtShield.Web.Forms;

/// <summary>An evidence entry as the API and the pages show it: plain figures, the text split at the marked spans.</summary>
public sealed record EvidenceFigure(
    int Sequence,
    DateTimeOffset Time,
    string Channel,
    string Direction,
    string? Counterpart,
    string Recipient,
    string? Contact,
    string? Text,
    IReadOnlyList<TextSegment> Segments,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> LabelNames,
    IReadOnlyList<LabelReason> Reasons,
    IReadOnlyList<string> Attachments,
    string Hash,
    int? Supersedes,
    int? SupersededBy)
{
    /// <summary>The figure of <paramref name="item"/>, in the UI language.</summary>
    public static EvidenceFigure From(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var incident = item.Entry.Incident;
        return new EvidenceFigure(
            item.Entry.Sequence,
            incident.Time.ToOffset(ChinaStandardTime.Offset),
            EvidenceNames.Channel(incident),
            incident.Direction.Id(),
            DisplayText.NeutraliseOrNull(incident.Counterpart),
            DisplayText.Neutralise(EvidenceNames.Recipient(incident)),
            DisplayText.NeutraliseOrNull(incident.ContactName),
            incident.Text,
            MarkedText.Split(incident.Text, item.Findings),
            [.. item.Labels.Select(l => l.Id())],
            [.. item.Labels.Select(l => EvidenceNames.Label(l))],
            LabelReasons.Of(item),
            [.. incident.Attachments.Select(a => a.Hex)],
            item.Entry.Hash.Hex,
            item.Entry.Supersedes,
            item.SupersededBy);
    }
}

/// <summary>One page of evidence for the API.</summary>
public sealed record EvidencePageFigure(string? Case, int ChainLength, string ChainHead, int Total, int Page, int Pages, IReadOnlyList<EvidenceFigure> Items)
{
    /// <summary>The figure of <paramref name="page"/>.</summary>
    public static EvidencePageFigure From(EvidencePage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new EvidencePageFigure(page.CaseTitle, page.Head.Count, page.Head.Hash.Hex, page.Total, page.Page, page.Pages, [.. page.Items.Select(EvidenceFigure.From)]);
    }
}

/// <summary>The outcome of checking a case's chain.</summary>
/// <param name="Case">The case.</param>
/// <param name="Intact">True when every entry, link, attachment and the head hold.</param>
/// <param name="Entries">How many entries the case records.</param>
/// <param name="Head">The recorded head hash.</param>
/// <param name="BrokenAt">The first broken entry, if any.</param>
/// <param name="Problem">What broke there, in the UI language.</param>
public sealed record ChainFigure(string Case, bool Intact, int Entries, string Head, int? BrokenAt, string? Problem)
{
    /// <summary>The figure of <paramref name="check"/>.</summary>
    public static ChainFigure From(CaseChainCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var broken = check.Verification.Break;
        return new ChainFigure(check.CaseTitle, check.Verification.IsIntact, check.Head.Count, check.Head.Hash.Hex, broken?.Sequence, broken is null ? null : EvidenceNames.Break(broken.Kind));
    }
}
