using System.Security.Cryptography;
using DebtShield.App.RecordEvidence;

namespace DebtShield.Web.Hosting;

/// <summary>
/// An uploaded phone backup held after its import, so the numbers it did not keep can be marked
/// as collectors' and their records kept from the same file without uploading it again.
/// </summary>
/// <param name="Token">The opaque key the page carries.</param>
/// <param name="Case">The case it was imported into.</param>
/// <param name="User">Who imported it (null in local mode).</param>
/// <param name="FileName">The upload's name (its extension picks the reader).</param>
/// <param name="Content">The file.</param>
/// <param name="Skipped">The numbers not kept, as the last import of this file left them.</param>
/// <param name="Until">When it is let go.</param>
public sealed record HeldBackup(string Token, RequestedCase Case, string? User, string FileName, byte[] Content, IReadOnlyList<SkippedNumber> Skipped, DateTimeOffset Until);

/// <summary>
/// The uploads held for "标为催收号码": in this process's memory only (never on disk, never in the
/// ledger), each for <see cref="HoldFor"/> after its import, for the case and the user that imported it,
/// at most <see cref="Largest"/> bytes each and <see cref="MostHeld"/> at once (the oldest goes first).
/// On a server of several nodes, a click that reaches another node finds nothing and the page asks
/// for the file again; nothing is ever appended without the click.
/// </summary>
public sealed class HeldBackups(TimeProvider time)
{
    /// <summary>How long a backup is held after its import.</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(30);

    /// <summary>The largest file held (years of texts are tens of megabytes).</summary>
    public const long Largest = 64L * 1024 * 1024;

    /// <summary>How many are held at once.</summary>
    public const int MostHeld = 4;

    private readonly Lock gate = new();
    private readonly List<HeldBackup> held = [];

    /// <summary>Holds a backup and returns its token; nothing is held for a file larger than <see cref="Largest"/>.</summary>
    public string? Hold(RequestedCase @case, string? user, string fileName, byte[] content, IReadOnlyList<SkippedNumber> skipped)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > Largest)
        {
            return null;
        }

        var backup = new HeldBackup(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), @case, user, fileName, content, skipped, time.GetUtcNow() + HoldFor);
        lock (gate)
        {
            Expire();
            while (held.Count >= MostHeld)
            {
                held.RemoveAt(0);
            }

            held.Add(backup);
        }

        return backup.Token;
    }

    /// <summary>The backup held under <paramref name="token"/> for this case and user; null when there is none (expired, another node, someone else's).</summary>
    public HeldBackup? Find(string? token, RequestedCase @case, string? user)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        lock (gate)
        {
            Expire();
            return held.FirstOrDefault(h => CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(h.Token), System.Text.Encoding.ASCII.GetBytes(token))
                && h.Case == @case && h.User == user);
        }
    }

    /// <summary>Records what a later import of the same file left unkept.</summary>
    public void Update(HeldBackup backup, IReadOnlyList<SkippedNumber> skipped)
    {
        ArgumentNullException.ThrowIfNull(backup);
        lock (gate)
        {
            var index = held.FindIndex(h => h.Token == backup.Token);
            if (index >= 0)
            {
                held[index] = held[index] with { Skipped = skipped };
            }
        }
    }

    private void Expire() => held.RemoveAll(h => h.Until <= time.GetUtcNow());
}
