using System.Globalization;
using System.Text.RegularExpressions;

namespace DebtShield.Core.Screenshots;

/// <summary>Where the time a screenshot was taken came from, best first.</summary>
public enum CaptureTimeSource
{
    /// <summary>The image's own metadata (EXIF DateTimeOriginal).</summary>
    Metadata,

    /// <summary>The name the phone gave the file (<c>Screenshot_20261103-214305.png</c>).</summary>
    FileName,

    /// <summary>The file's modification time, which a copy may have changed.</summary>
    FileTime,
}

/// <summary>
/// When a screenshot was taken: the day its relative time stamps ("今天", "昨天") are read
/// against, and the latest time its messages can have been sent. Phones name screenshots after
/// the moment they were taken, a name that survives copying where the file time does not.
/// </summary>
/// <param name="Time">The moment, China time when the source gave no zone.</param>
/// <param name="Source">Where it came from.</param>
public sealed partial record CaptureTime(DateTimeOffset Time, CaptureTimeSource Source)
{
    /// <summary>The time in a phone's file name, if it has one.</summary>
    public static CaptureTime? FromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var match = NamePattern().Match(Path.GetFileNameWithoutExtension(fileName));
        if (!match.Success)
        {
            return null;
        }

        var digits = string.Concat(Enumerable.Range(1, 6).Select(i => match.Groups[i].Value));
        return DateTime.TryParseExact(digits, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new CaptureTime(new DateTimeOffset(local, ChinaStandardTime.Offset), CaptureTimeSource.FileName)
            : null;
    }

    [GeneratedRegex(@"(20\d\d)[-_.]?(\d\d)[-_.]?(\d\d)\D{0,5}?(\d\d)[-_.:]?(\d\d)[-_.:]?(\d\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
