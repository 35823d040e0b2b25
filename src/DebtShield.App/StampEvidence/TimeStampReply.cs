using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using DebtShield.App.Resources;
using DebtShield.Core;
using DebtShield.Core.Evidence;

namespace DebtShield.App.StampEvidence;

/// <summary>
/// Checks an authority's <c>TimeStampResp</c> (RFC 3161 §2.4.2) against the request it answers,
/// before anything of it is stored: the status granted, a token that decodes, the hash it stamps
/// is the head's, the nonce is the request's, and the signature verifies with the authority's
/// certificate carried in the token (whose extended key usage must be time-stamping alone).
/// </summary>
/// <remarks>
/// Whether the authority's certificate chains to a root someone trusts is not decided here: the
/// borrower chose the authority, and whoever checks the bundle decides with <c>openssl ts -verify
/// -CAfile</c> and the authority's published CA certificate.
/// </remarks>
internal static class TimeStampReply
{
    /// <summary>The signed token of <paramref name="reply"/>, checked against <paramref name="request"/> for <paramref name="head"/>.</summary>
    /// <exception cref="RequestRefusedException">The authority refused, or its reply is not a valid answer to the request; the message says which.</exception>
    public static Rfc3161TimestampToken Check(Rfc3161TimestampRequest request, ReadOnlyMemory<byte> reply, ContentHash head, string authority)
    {
        ReadOnlyMemory<byte> encodedToken;
        try
        {
            var response = new AsnReader(reply, AsnEncodingRules.DER).ReadSequence();
            var statusInfo = response.ReadSequence();
            if (!statusInfo.TryReadInt32(out var status))
            {
                throw Refused(EvidenceText.Stamp_Unreadable, authority);
            }

            if (status is < (int)TimeStampStatus.Granted or > (int)TimeStampStatus.GrantedWithModifications)
            {
                var (words, failures) = Refusal(statusInfo);
                throw Refused(EvidenceText.Stamp_Refused, authority, TimeStampCodes.Status(status), failures, words);
            }

            if (!response.HasData)
            {
                throw Refused(EvidenceText.Stamp_Unreadable, authority);
            }

            encodedToken = response.ReadEncodedValue();
        }
        catch (AsnContentException)
        {
            throw Refused(EvidenceText.Stamp_Unreadable, authority);
        }

        if (!Rfc3161TimestampToken.TryDecode(encodedToken, out var token, out _) || token is null)
        {
            throw Refused(EvidenceText.Stamp_Unreadable, authority);
        }

        var hash = Convert.FromHexString(head.Hex);
        var info = token.TokenInfo;
        var stamped = info.GetMessageHash().Span;
        if (info.HashAlgorithmId.Value != Sha256Oid || !stamped.SequenceEqual(hash))
        {
            throw Refused(EvidenceText.Stamp_OtherHash, authority, Convert.ToHexStringLower(stamped), head.Hex);
        }

        var sent = request.GetNonce();
        if (sent is not { } nonce || info.GetNonce() is not { } answered || !answered.Span.SequenceEqual(nonce.Span))
        {
            throw Refused(EvidenceText.Stamp_OtherNonce, authority);
        }

        if (!token.VerifySignatureForHash(hash, HashAlgorithmName.SHA256, out _, extraCandidates: null))
        {
            throw Refused(EvidenceText.Stamp_BadSignature, authority);
        }

        try
        {
            // What .NET itself checks of a reply to this request (the certificate asked for is there, the version is known).
            request.ProcessResponse(reply, out _);
        }
        catch (CryptographicException)
        {
            throw Refused(EvidenceText.Stamp_BadSignature, authority);
        }

        return token;
    }

    /// <summary>
    /// The head a stored reply stamps: the SHA-256 its token's message imprint holds, provided the
    /// token still decodes and its signature verifies with the certificate it carries. Null for a
    /// reply that no longer does (edited in the database since it was checked and stored).
    /// </summary>
    /// <remarks>
    /// <c>evidence verify</c> reads the head from the signed token, not from the row's own head
    /// column, so whoever re-makes a cut chain cannot make an old stamp fit it by rewriting that column.
    /// </remarks>
    public static ContentHash? StampedHead(ReadOnlyMemory<byte> reply)
    {
        try
        {
            var response = new AsnReader(reply, AsnEncodingRules.DER).ReadSequence();
            _ = response.ReadSequence();
            if (!response.HasData || !Rfc3161TimestampToken.TryDecode(response.ReadEncodedValue(), out var token, out _) || token is null)
            {
                return null;
            }

            var info = token.TokenInfo;
            var stamped = info.GetMessageHash();
            return info.HashAlgorithmId.Value == Sha256Oid && stamped.Length == 32
                && token.VerifySignatureForHash(stamped.Span, HashAlgorithmName.SHA256, out _, extraCandidates: null)
                && ContentHash.TryParse(Convert.ToHexStringLower(stamped.Span), out var head)
                ? head
                : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>Bits past this one are not read: RFC 3161 names none, and a hostile reply could set millions.</summary>
    private const int LastFailureBit = 31;

    /// <summary>
    /// What a refusal's PKIStatusInfo says beyond its status: the authority's own words (PKIFreeText,
    /// neutralised for the terminal and the page) and the reasons its failInfo bits name.
    /// </summary>
    private static (string Words, string Failures) Refusal(AsnReader statusInfo)
    {
        var words = new StringBuilder();
        var failures = new List<string>();
        try
        {
            if (statusInfo.HasData && statusInfo.PeekTag() == Asn1Tag.Sequence)
            {
                var strings = statusInfo.ReadSequence();
                while (strings.HasData && words.Length < 500)
                {
                    words.Append(words.Length > 0 ? "; " : "").Append(strings.ReadCharacterString(UniversalTagNumber.UTF8String));
                }
            }

            if (statusInfo.HasData && statusInfo.PeekTag() == Asn1Tag.PrimitiveBitString)
            {
                var bits = statusInfo.ReadBitString(out _);
                for (var bit = 0; bit < Math.Min(bits.Length * 8, LastFailureBit + 1); bit++)
                {
                    if ((bits[bit / 8] & (0x80 >> (bit % 8))) != 0)
                    {
                        failures.Add(TimeStampCodes.Failure(bit));
                    }
                }
            }
        }
        catch (AsnContentException)
        {
            // The refusal stands with what could be read of it.
        }

        return (
            words.Length > 0 ? DisplayText.Neutralise(words.ToString()) : EvidenceText.StampWords_None,
            failures.Count > 0 ? string.Join(EvidenceText.StampFailure_Separator, failures) : EvidenceText.StampFailure_None);
    }

    private static RequestRefusedException Refused(string template, params object?[] arguments) =>
        new(Localized.Format(template, arguments));
}
