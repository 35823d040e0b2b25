using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.Resources;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Evidence;
using DebtShield.Data;
using DebtShield.Data.Evidence;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.StampEvidence;

/// <summary>
/// Use case: on the borrower's request, have a time-stamping authority of their choice sign that
/// the case's chain head existed now (RFC 3161), so that when the evidence was kept no longer rests
/// on this computer's clock. Only the head's hash leaves the machine: a <c>TimeStampReq</c> holding
/// that SHA-256, a random nonce, and the request for the authority's certificate.
/// </summary>
/// <remarks>
/// The chain is verified first (a broken chain is never stamped), the reply is checked
/// (<see cref="TimeStampReply"/>) before anything is stored, and the request and reply are stored
/// as they were, with the head they stamp, so the bundle can hand both to <c>openssl ts -verify</c>.
/// Nothing here runs unless the borrower asks; the program never picks an authority itself.
/// </remarks>
public static class StampEvidenceHead
{
    /// <summary>The largest reply read; a time-stamp reply is a few kilobytes.</summary>
    public const int LargestReply = 1 << 20;

    /// <summary>The longest authority address kept.</summary>
    public const int LongestAddress = 2048;

    /// <summary>How long the authority has to answer.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Stamps the case's current head at <paramref name="authority"/>.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="case">The case.</param>
    /// <param name="authority">The authority's address (http or https), as the borrower gave it.</param>
    /// <param name="http">The client that sends the one request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored stamp.</returns>
    /// <exception cref="RequestRefusedException">The address is not an http(s) address, the case has no evidence or its
    /// chain is broken, the authority cannot be reached, refuses, or answers with a reply that does not hold.</exception>
    public static async Task<HeadStamp> StampAsync(OpenLedger ledger, CaseReference @case, string? authority, HttpClient http, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(http);
        var address = AddressOf(authority);
        var check = await VerifyEvidence.VerifyCaseAsync(ledger, @case, cancellationToken).ConfigureAwait(false);
        if (check.Head.Count == 0)
        {
            throw new RequestRefusedException(EvidenceText.Export_Empty);
        }

        if (check.Verification.Break is { } broken)
        {
            throw new RequestRefusedException(Localized.Format(EvidenceText.Stamp_Broken, broken.Position));
        }

        var head = check.Head;
        var request = Rfc3161TimestampRequest.CreateFromHash(
            Convert.FromHexString(head.Hash.Hex), HashAlgorithmName.SHA256, requestedPolicyId: null, nonce: Nonce(), requestSignerCertificates: true);
        var encoded = request.Encode();
        var reply = await AskAsync(http, address, encoded, cancellationToken).ConfigureAwait(false);
        var token = TimeStampReply.Check(request, reply, head.Hash, address.OriginalString);
        var stored = new StoredHeadStamp
        {
            Id = Guid.CreateVersion7(token.TokenInfo.Timestamp),
            CaseId = check.CaseId,
            Count = head.Count,
            Head = head.Hash.Hex,
            Authority = address.OriginalString,
            StampedAt = token.TokenInfo.Timestamp.ToUniversalTime(),
            Request = encoded,
            Reply = reply,
        };
        var number = await ledger.WriteAsync(async (context, token) =>
        {
            context.HeadStamps.Add(stored);
            await context.SaveChangesAsync(token).ConfigureAwait(false);
            return await context.HeadStamps.CountAsync(s => s.CaseId == stored.CaseId, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return new HeadStamp(number, stored.Count, head.Hash, stored.Authority, stored.StampedAt);
    }

    /// <summary>The case's stamps, oldest first.</summary>
    public static Task<IReadOnlyList<HeadStamp>> ListAsync(OpenLedger ledger, CaseReference @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync<IReadOnlyList<HeadStamp>>(async (context, token) =>
        {
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            return stored is null ? [] : [.. (await ReadAsync(context, stored.Id, token).ConfigureAwait(false)).Select(s => s.Stamp)];
        }, cancellationToken);
    }

    /// <summary>The case's stamps with their request and reply, oldest first, inside a read the caller holds.</summary>
    internal static async Task<IReadOnlyList<(HeadStamp Stamp, byte[] Request, byte[] Reply)>> ReadAsync(LedgerContext context, Guid caseId, CancellationToken cancellationToken)
    {
        var rows = await EvidenceRows.StampsAsync(context, caseId, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select((s, i) => (new HeadStamp(i + 1, s.Count, ContentHash.TryParse(s.Head, out var hash) ? hash : default, s.Authority, s.StampedAt), s.Request, s.Reply))];
    }

    private static Uri AddressOf(string? authority)
    {
        var text = authority?.Trim() ?? "";
        if (text.Length is 0 or > LongestAddress
            || !Uri.TryCreate(text, UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(address.UserInfo))
        {
            throw new RequestRefusedException(Localized.Format(EvidenceText.Stamp_BadAddress, text));
        }

        return address;
    }

    /// <summary>Eight random bytes, positive (RFC 3161 nonces are INTEGERs; .NET pads a leading one bit).</summary>
    private static byte[] Nonce()
    {
        var nonce = RandomNumberGenerator.GetBytes(8);
        nonce[0] &= 0x7f;
        nonce[0] |= 0x01;
        return nonce;
    }

    /// <summary>Posts the request (RFC 3161 §3.4) and reads at most <see cref="LargestReply"/> bytes of the reply.</summary>
    private static async Task<byte[]> AskAsync(HttpClient http, Uri address, byte[] request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            using var content = new ByteArrayContent(request);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var message = new HttpRequestMessage(HttpMethod.Post, address) { Content = content };
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/timestamp-reply"));
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new RequestRefusedException(Localized.Format(EvidenceText.Stamp_HttpStatus, address.OriginalString, (int)response.StatusCode, response.ReasonPhrase));
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > LargestReply)
                {
                    throw new RequestRefusedException(Localized.Format(EvidenceText.Stamp_Unreadable, address.OriginalString));
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RequestRefusedException(Localized.Format(EvidenceText.Stamp_Unreachable, address.OriginalString, Localized.Format(EvidenceText.Stamp_TimedOut, (int)Patience.TotalSeconds)));
        }
        catch (HttpRequestException e)
        {
            throw new RequestRefusedException(Localized.Format(EvidenceText.Stamp_Unreachable, address.OriginalString, e.Message), e);
        }
    }
}
