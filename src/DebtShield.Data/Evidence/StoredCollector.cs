using DebtShield.Core.Vocabulary;

namespace DebtShield.Data.Evidence;

/// <summary>Why a number is treated as a collector's.</summary>
public enum CollectorOrigin
{
    /// <summary>The borrower said so (<c>--collector</c>).</summary>
    Marked,

    /// <summary>The conduct analyser flagged a message from it.</summary>
    Flagged,
}

/// <summary>
/// A number whose messages and calls are kept as evidence in a case. Every other number in a
/// phone backup is skipped and never stored.
/// </summary>
public sealed class StoredCollector
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The number, normalised.</summary>
    public string Number { get; set; } = "";

    /// <summary>Why it is a collector's.</summary>
    public CollectorOrigin Origin { get; set; }

    /// <summary>The id each origin has in a backup (<c>marked</c>, <c>flagged</c>), spelled out so that renaming a member does not change a backup.</summary>
    public static WireIds<CollectorOrigin> OriginIds { get; } = new(
        (CollectorOrigin.Marked, "marked"),
        (CollectorOrigin.Flagged, "flagged"));

    /// <summary>
    /// The id each origin has in the ledger's <c>collectors.origin</c> column (<c>Marked</c>): the
    /// members' names as the ledgers written so far hold them, spelled out so that renaming a member
    /// leaves every existing ledger readable (see <see cref="Vocabulary{T}.LedgerIds"/>).
    /// </summary>
    public static WireIds<CollectorOrigin> OriginLedgerIds { get; } = new(
        (CollectorOrigin.Marked, "Marked"),
        (CollectorOrigin.Flagged, "Flagged"));

    /// <summary>When it was first noted.</summary>
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>
    /// The lender the borrower said this number collects for (a <see cref="Loans.StoredLender"/> of
    /// the same case); null when not said. A document about one lender cites this number's contacts.
    /// </summary>
    public Guid? LenderId { get; set; }
}
