namespace DebtShield.Data.Evidence;

/// <summary>
/// An RFC 3161 time-stamp of a case's chain head: a time-stamping authority the borrower chose
/// signed, at <see cref="StampedAt"/>, that the head's hash existed. Kept with the exact request
/// and reply so the bundle can hand both to anyone who checks it with <c>openssl ts -verify</c>.
/// </summary>
/// <remarks>
/// Rows are only inserted. Nothing here is personal: the hash, the authority's address and what it
/// signed, so nothing is sealed when the ledger is protected.
/// </remarks>
public sealed class StoredHeadStamp
{
    /// <summary>The stamp's key (a version-7 GUID, so stamps sort by when they were asked).</summary>
    public Guid Id { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>How many entries the stamped head covers.</summary>
    public int Count { get; set; }

    /// <summary>The stamped head's hash (the SHA-256 of entry <see cref="Count"/>'s record), hex.</summary>
    public string Head { get; set; } = "";

    /// <summary>The authority's address, as the borrower gave it.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The time the authority put in its signed token (its <c>genTime</c>), UTC.</summary>
    public DateTimeOffset StampedAt { get; set; }

    /// <summary>The DER <c>TimeStampReq</c> that was sent: the hash, a nonce, and the request for the authority's certificate.</summary>
    public byte[] Request { get; set; } = [];

    /// <summary>The authority's DER <c>TimeStampResp</c>, as received (checked before it was stored).</summary>
    public byte[] Reply { get; set; } = [];
}
