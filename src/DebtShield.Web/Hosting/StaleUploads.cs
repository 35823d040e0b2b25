namespace DebtShield.Web.Hosting;

/// <summary>
/// Removes what an earlier run left in the temporary folder when it was killed mid-request: an
/// uploaded backup copied for its reader (every message in it, not only the collectors'), an iPhone
/// backup's databases, a bundle being written. Each lives in a private <c>debtshield-*</c> folder that
/// the request deletes when it ends; a folder untouched for <see cref="StaleAfter"/> belongs to no
/// request still running, in this process or another.
/// </summary>
public static class StaleUploads
{
    /// <summary>The prefix of every temporary folder the app makes.</summary>
    public const string Prefix = "debtshield-";

    /// <summary>How long a folder is left alone: far longer than the longest import.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(6);

    /// <summary>Deletes the stale folders under <paramref name="temporary"/>; returns how many.</summary>
    public static int Sweep(string temporary, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(temporary);
        var swept = 0;
        foreach (var folder in new DirectoryInfo(temporary).EnumerateDirectories(Prefix + "*"))
        {
            try
            {
                if (now - new DateTimeOffset(folder.LastWriteTimeUtc, TimeSpan.Zero) > StaleAfter)
                {
                    folder.Delete(recursive: true);
                    swept++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's folder, or one being removed by its own request: not ours to sweep.
            }
        }

        return swept;
    }
}
