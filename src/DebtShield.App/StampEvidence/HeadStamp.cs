using System.Globalization;
using DebtShield.Core.Evidence;

namespace DebtShield.App.StampEvidence;

/// <summary>
/// An RFC 3161 time-stamp of a case's chain head: the authority the borrower chose signed that the
/// head (entry <see cref="Count"/>, its hash <see cref="Head"/>) existed at <see cref="StampedAt"/>.
/// </summary>
/// <param name="Number">The stamp's place among the case's stamps, from 1 (its files in the bundle are named by it).</param>
/// <param name="Count">How many entries the stamped head covers.</param>
/// <param name="Head">The stamped head's hash: the SHA-256 of entry <paramref name="Count"/>'s record.</param>
/// <param name="Authority">The time-stamping authority's address.</param>
/// <param name="StampedAt">The time the authority signed (its token's <c>genTime</c>).</param>
public sealed record HeadStamp(int Number, int Count, ContentHash Head, string Authority, DateTimeOffset StampedAt)
{
    /// <summary>The stamp's reply in the bundle (<c>openssl ts -verify -in</c>).</summary>
    public string ReplyFile => string.Create(CultureInfo.InvariantCulture, $"stamps/{Count:D6}-{Number}.tsr");

    /// <summary>The request that was sent, in the bundle (<c>openssl ts -verify -queryfile</c>).</summary>
    public string RequestFile => string.Create(CultureInfo.InvariantCulture, $"stamps/{Count:D6}-{Number}.tsq");
}
