using DebtShield.Core.Conduct;

namespace DebtShield.Data.Evidence;

/// <summary>Which of a case's evidence entries a page shows (<see cref="EvidenceRows.PageAsync"/>): every condition given must hold.</summary>
/// <param name="LabelId">A conduct label's id that the entry's labels hold; null for any.</param>
/// <param name="Counterpart">The other party's number as stored (normalised); null for any.</param>
/// <param name="Recipient">Who the entry was addressed to; null for anyone.</param>
/// <param name="From">The earliest time admitted; null for no lower bound.</param>
/// <param name="Before">The first time no longer admitted; null for no upper bound.</param>
/// <param name="HideCorrected">True to leave out retractions and the entries a later one corrects.</param>
public sealed record EvidenceSelection(
    string? LabelId = null,
    string? Counterpart = null,
    Recipient? Recipient = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Before = null,
    bool HideCorrected = true);
