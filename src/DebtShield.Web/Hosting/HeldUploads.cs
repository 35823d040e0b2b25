using System.Security.Cryptography;
using System.Text;
using DebtShield.App.RecordEvidence;

namespace DebtShield.Web.Hosting;

/// <summary>An upload held between two requests, for the case and the user that sent it.</summary>
/// <typeparam name="T">What is held.</typeparam>
/// <param name="Token">The opaque key the page carries.</param>
/// <param name="Case">The case it was sent for.</param>
/// <param name="User">Who sent it (null in local mode).</param>
/// <param name="Value">What is held.</param>
/// <param name="Until">When it is let go.</param>
public sealed record Held<T>(string Token, RequestedCase Case, string? User, T Value, DateTimeOffset Until);

/// <summary>A phone backup held after its import, with the numbers it did not keep, for "标为催收号码".</summary>
/// <param name="FileName">The upload's name (its extension picks the reader).</param>
/// <param name="Content">The file.</param>
/// <param name="Skipped">The numbers not kept, as the last import of this file left them.</param>
public sealed record HeldBackup(string FileName, byte[] Content, IReadOnlyList<SkippedNumber> Skipped);

/// <summary>Screenshots read and shown, held until the borrower confirms which bubbles to keep.</summary>
/// <param name="Readings">What was read, with the images.</param>
/// <param name="Contact">The contact they came from, if a contact sent them.</param>
public sealed record HeldScreenshots(ScreenshotReadings Readings, string? Contact);

/// <summary>
/// Uploads held between a first request that reads them and a second that acts on the borrower's
/// choice (a phone backup's skipped numbers, screenshots to confirm): in this process's memory only,
/// never on disk or in the ledger, each for <see cref="HoldFor"/>, for the case and the user that sent
/// it, at most <see cref="Largest"/> bytes each and <see cref="MostHeld"/> at once (the oldest goes
/// first). On a server of several nodes a choice that reaches another node finds nothing and the page
/// asks for the file again; nothing is ever appended without the choice.
/// </summary>
/// <typeparam name="T">What is held.</typeparam>
public sealed class HeldUploads<T>(TimeProvider time)
{
    /// <summary>How long an upload is held.</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(30);

    /// <summary>The largest upload held (years of texts are tens of megabytes).</summary>
    public const long Largest = 64L * 1024 * 1024;

    /// <summary>How many are held at once.</summary>
    public const int MostHeld = 4;

    private readonly Lock gate = new();
    private readonly List<Held<T>> held = [];

    /// <summary>Holds <paramref name="value"/> of <paramref name="size"/> bytes and returns its token; null (nothing held) beyond <see cref="Largest"/>.</summary>
    public string? Hold(RequestedCase @case, string? user, T value, long size)
    {
        if (size > Largest)
        {
            return null;
        }

        var entry = new Held<T>(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), @case, user, value, time.GetUtcNow() + HoldFor);
        lock (gate)
        {
            Expire();
            while (held.Count >= MostHeld)
            {
                held.RemoveAt(0);
            }

            held.Add(entry);
        }

        return entry.Token;
    }

    /// <summary>What is held under <paramref name="token"/> for this case and user; null when nothing is (expired, another node, someone else's).</summary>
    public Held<T>? Find(string? token, RequestedCase @case, string? user)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var asked = Encoding.ASCII.GetBytes(token);
        lock (gate)
        {
            Expire();
            return held.FirstOrDefault(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h.Token), asked) && h.Case == @case && h.User == user);
        }
    }

    /// <summary>Replaces what is held under <paramref name="token"/>, if it still is.</summary>
    public void Update(string token, T value)
    {
        lock (gate)
        {
            var index = held.FindIndex(h => h.Token == token);
            if (index >= 0)
            {
                held[index] = held[index] with { Value = value };
            }
        }
    }

    /// <summary>Lets go of what is held under <paramref name="token"/>.</summary>
    public void Release(string token)
    {
        lock (gate)
        {
            held.RemoveAll(h => h.Token == token);
        }
    }

    private void Expire() => held.RemoveAll(h => h.Until <= time.GetUtcNow());
}
