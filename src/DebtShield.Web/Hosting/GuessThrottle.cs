using System.Collections.Concurrent;
using System.Globalization;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Hosting;

/// <summary>
/// Slows down guessing a secret (the ledger's passphrase, a login's password) from one client
/// address: the first two wrong guesses cost nothing, then each further one makes the address wait
/// twice as long as the last before it may guess again (4 s, 8 s, 16 s, … up to 15 minutes); a right
/// guess clears it. Counting by address, not by account, means nobody can lock the rightful owner
/// out by guessing wrong on their behalf, and the answer never says whether an account exists.
/// Kept in memory: each node of a multi-user server counts its own guesses, which multiplies an
/// attacker's budget by the number of nodes but never lets one through without waiting.
/// </summary>
public sealed class GuessThrottle(TimeProvider time)
{
    /// <summary>Wrong guesses allowed without waiting.</summary>
    public const int FreeGuesses = 2;

    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    private const int MaxTracked = 100_000;
    private readonly ConcurrentDictionary<string, Record> records = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="client"/> must still wait before guessing; zero when it may guess now.</summary>
    public TimeSpan WaitFor(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!records.TryGetValue(client, out var record))
        {
            return TimeSpan.Zero;
        }

        var left = record.Until - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>A wrong guess from <paramref name="client"/>: the next one waits longer.</summary>
    public void Failed(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        if (records.Count >= MaxTracked)
        {
            Forget(now);
        }

        records.AddOrUpdate(client, _ => Next(0, now), (_, last) => Next(last.Failures, now));
    }

    /// <summary>A right guess from <paramref name="client"/>: its count starts again.</summary>
    public void Succeeded(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        records.TryRemove(client, out _);
    }

    /// <summary>
    /// When the request's client must still wait: answers 429 with <c>Retry-After</c> and returns
    /// the words for the page; null when it may guess now.
    /// </summary>
    public string? Refuse(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var wait = WaitFor(ClientOf(http));
        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return string.Format(CultureInfo.CurrentCulture, WebText.Guess_Wait, seconds);
    }

    /// <summary>The client's address, as guesses are counted (behind a named proxy, the forwarded one).</summary>
    public static string ClientOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "";
    }

    /// <summary>The wait after <paramref name="failures"/> wrong guesses in a row.</summary>
    public static TimeSpan WaitAfter(int failures) =>
        failures <= FreeGuesses ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 1), LongestWait.TotalSeconds));

    private static Record Next(int failures, DateTimeOffset now) => new(failures + 1, now + WaitAfter(failures + 1), now);

    /// <summary>Drops addresses that have not guessed for longer than the longest wait, so the table stays bounded.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (client, record) in records)
        {
            if (now - record.Last > LongestWait)
            {
                records.TryRemove(client, out _);
            }
        }
    }

    private readonly record struct Record(int Failures, DateTimeOffset Until, DateTimeOffset Last);
}
