using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DebtShield.Web.Phone;

/// <summary>
/// The phones allowed through the phone listener, and the one-time links that let a phone in.
/// Kept in memory only: a pairing ends when the app stops (or the listener is stopped), so nothing
/// that opens the ledger is ever written to disk, and a restarted app trusts no phone.
/// <para>
/// A pairing link carries 256 random bits and is good once, for <see cref="LinkLifetime"/>: the
/// first phone to open it is paired and the link is gone, so a photo of the QR taken afterwards
/// (shoulder-surfing) opens nothing. The phone then holds a cookie of another 256 random bits,
/// which this class keeps only as its SHA-256 (links too), so memory holds no working cookie. A pairing lasts at most <see cref="Lifetime"/> (a lost phone stops
/// working by itself the next day) and can be revoked at any time; both take effect on the next
/// request, because every request looks the pairing up here.
/// </para>
/// </summary>
public sealed class PhonePairings(TimeProvider time)
{
    /// <summary>
    /// How long a pairing lasts: a day covers a sitting with the evidence and the evening after;
    /// scanning again is a few seconds, and a phone lost or lent keeps no access past it.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>How long an unused pairing link stays good: long enough to find the phone and scan, short enough that a QR left on the screen dies.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> links = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PhonePairing> bySession = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PhonePairing> byFeedKey = new(StringComparer.Ordinal);

    /// <summary>A new one-time pairing token; earlier tokens still unused stay good until they expire.</summary>
    public string Offer()
    {
        var now = time.GetUtcNow();
        foreach (var (stale, expires) in links)
        {
            if (expires <= now)
            {
                links.TryRemove(stale, out _);
            }
        }

        var token = Secret();
        links[Hash(token)] = now + LinkLifetime;
        return token;
    }

    /// <summary>
    /// Pairs the phone opening <paramref name="token"/>: the pairing and the session value for its
    /// cookie; null when the token was never issued, is used already, or expired.
    /// </summary>
    public (PhonePairing Pairing, string Session)? Claim(string token, string? userAgent)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!links.TryRemove(Hash(token), out var expires) || expires <= time.GetUtcNow())
        {
            return null;
        }

        var now = time.GetUtcNow();
        var session = Secret();
        var pairing = new PhonePairing(Guid.NewGuid(), Describe(userAgent), now, now + Lifetime, Secret());
        bySession[Hash(session)] = pairing;
        byFeedKey[pairing.FeedKey] = pairing;
        return (pairing, session);
    }

    /// <summary>The live pairing a session cookie stands for, its last use set to now; null for anything else.</summary>
    public PhonePairing? Find(string? session) => session is { Length: > 0 } && bySession.TryGetValue(Hash(session), out var pairing) ? Touch(pairing) : null;

    /// <summary>The live pairing whose calendar key is <paramref name="feedKey"/> (a phone's calendar app cannot send the cookie).</summary>
    public PhonePairing? FindByFeedKey(string? feedKey) => feedKey is { Length: > 0 } && byFeedKey.TryGetValue(feedKey, out var pairing) ? Touch(pairing) : null;

    /// <summary>The live pairings, newest first.</summary>
    public IReadOnlyList<PhonePairing> List()
    {
        var now = time.GetUtcNow();
        return [.. bySession.Values.Where(p => !p.Revoked && p.Expires > now).OrderByDescending(p => p.Paired)];
    }

    /// <summary>Ends a pairing: its cookie and calendar address open nothing from the next request on. False when there is no such live pairing.</summary>
    public bool Revoke(Guid id)
    {
        var found = false;
        foreach (var pairing in bySession.Values.Where(p => p.Id == id && !p.Revoked))
        {
            pairing.Revoke();
            found = true;
        }

        return found;
    }

    /// <summary>Ends every pairing and every unused link (the listener stopped).</summary>
    public void Clear()
    {
        links.Clear();
        foreach (var pairing in bySession.Values)
        {
            pairing.Revoke();
        }

        bySession.Clear();
        byFeedKey.Clear();
    }

    private PhonePairing? Touch(PhonePairing pairing)
    {
        var now = time.GetUtcNow();
        if (pairing.Revoked || pairing.Expires <= now)
        {
            return null;
        }

        pairing.LastUsed = now;
        return pairing;
    }

    /// <summary>A browser's user agent as shown in the list: printable, and short enough for a table cell.</summary>
    private static string Describe(string? userAgent)
    {
        var printable = new string([.. (userAgent ?? "").Where(c => !char.IsControl(c))]).Trim();
        return printable.Length <= 200 ? printable : printable[..200] + "…";
    }

    private static string Secret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Tokens are looked up by their hash, so what is held in memory would not open anything if it leaked.</summary>
    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>One paired phone. Its last use and revocation change while requests come in; the rest is fixed at pairing.</summary>
public sealed class PhonePairing
{
    private long lastUsedTicks;
    private int revoked;

    internal PhonePairing(Guid id, string userAgent, DateTimeOffset paired, DateTimeOffset expires, string feedKey)
    {
        Id = id;
        UserAgent = userAgent;
        Paired = paired;
        Expires = expires;
        FeedKey = feedKey;
        lastUsedTicks = paired.UtcTicks;
    }

    /// <summary>The pairing's id, for revoking it from the list.</summary>
    public Guid Id { get; }

    /// <summary>What the phone's browser said it is when it paired.</summary>
    public string UserAgent { get; }

    /// <summary>When the link was opened.</summary>
    public DateTimeOffset Paired { get; }

    /// <summary>When the pairing ends by itself.</summary>
    public DateTimeOffset Expires { get; }

    /// <summary>The key a calendar subscription from this phone carries, since a calendar app sends no cookie.</summary>
    public string FeedKey { get; }

    /// <summary>When the phone last made a request.</summary>
    public DateTimeOffset LastUsed
    {
        get => new(Interlocked.Read(ref lastUsedTicks), TimeSpan.Zero);
        internal set => Interlocked.Exchange(ref lastUsedTicks, value.UtcTicks);
    }

    /// <summary>Whether the pairing was revoked.</summary>
    public bool Revoked => Volatile.Read(ref revoked) == 1;

    internal void Revoke() => Interlocked.Exchange(ref revoked, 1);
}
