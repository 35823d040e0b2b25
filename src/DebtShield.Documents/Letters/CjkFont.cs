using System.Diagnostics;
using System.Globalization;
using SkiaSharp;

namespace DebtShield.Documents.Letters;

/// <summary>
/// The font a PDF letter is set in: one that has simplified Chinese glyphs, embedded in the PDF
/// so that it prints the same on a machine without it. A font collection (.ttc) is named by its
/// file and the index of the face in it.
/// </summary>
/// <param name="Path">The font file.</param>
/// <param name="Index">The face in a collection (0 for a single font).</param>
public sealed record CjkFont(string Path, int Index)
{
    /// <summary>Characters every letter uses; a font without them would print boxes.</summary>
    internal const string Probe = "债权人借款中华人民共和国证据投诉书￥壹贰叁";

    private static readonly string[] Folders =
    [
        "/usr/share/fonts", "/usr/local/share/fonts",
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/share/fonts"),
        "/System/Library/Fonts", "/Library/Fonts",
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts"),
    ];

    private static readonly string[] Names = ["NotoSansCJK", "NotoSerifCJK", "SourceHanSans", "SourceHanSerif", "wqy", "simsun", "msyh", "simhei", "PingFang", "DroidSansFallback"];

    /// <summary>
    /// The font to use: <paramref name="requested"/> when given (<c>PATH</c> or <c>PATH:INDEX</c>),
    /// else what fontconfig (<c>fc-match :lang=zh-cn</c>) names, else the first font with Chinese
    /// glyphs in the usual font folders.
    /// </summary>
    /// <exception cref="CjkFontException">The requested font cannot be read or lacks Chinese glyphs, or no font on the machine has them.</exception>
    public static CjkFont Locate(string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var font = Parse(requested.Trim());
            return font.HasChineseGlyphs() ? font : throw new CjkFontException(requested, true);
        }

        return Found.Value ?? throw new CjkFontException(null, false);
    }

    /// <summary>The machine's font, searched once per process (fontconfig is a process start).</summary>
    private static readonly Lazy<CjkFont?> Found = new(() => FromFontconfig().Concat(FromFolders()).FirstOrDefault(c => c.HasChineseGlyphs()));

    /// <summary>The face, loaded; null when the file cannot be read.</summary>
    internal SKTypeface? Load() => File.Exists(Path) ? SKTypeface.FromFile(Path, Index) : null;

    private bool HasChineseGlyphs()
    {
        using var typeface = Load();
        return typeface is not null && typeface.ContainsGlyphs(Probe);
    }

    private static CjkFont Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 1 && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new CjkFont(text[..colon], index)
            : new CjkFont(text, 0);
    }

    private static IEnumerable<CjkFont> FromFontconfig()
    {
        string output;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("fc-match", ["-f", "%{file}\n%{index}\n", ":lang=zh-cn"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                yield break;
            }

            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            yield break; // no fontconfig on this machine
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length >= 1)
        {
            yield return new CjkFont(lines[0], lines.Length > 1 && int.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0);
        }
    }

    private static IEnumerable<CjkFont> FromFolders()
    {
        foreach (var folder in Folders.Where(Directory.Exists))
        {
            IEnumerable<string> files;
            try
            {
                files = [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Where(f => Names.Any(n => System.IO.Path.GetFileName(f).Contains(n, StringComparison.OrdinalIgnoreCase)))
                    .Where(f => System.IO.Path.GetExtension(f).ToLowerInvariant() is ".ttc" or ".otf" or ".ttf")
                    .Order(StringComparer.Ordinal)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                // In a collection the simplified-Chinese face is not always first (Noto Sans CJK: JP, KR, SC, TC, HK).
                var faces = System.IO.Path.GetExtension(file).Equals(".ttc", StringComparison.OrdinalIgnoreCase) ? 5 : 1;
                for (var index = 0; index < faces; index++)
                {
                    yield return new CjkFont(file, index);
                }
            }
        }
    }
}

/// <summary>No font with Chinese glyphs: the PDF would print boxes, so none is written.</summary>
public sealed class CjkFontException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="requested">The font asked for, if one was.</param>
    /// <param name="wasRequested">True when the font was named by the user.</param>
    public CjkFontException(string? requested, bool wasRequested)
        : base(wasRequested ? "The font " + requested + " cannot be read or has no Chinese glyphs." : "No font with Chinese glyphs was found.")
    {
        Requested = requested;
    }

    /// <summary>Creates the exception.</summary>
    public CjkFontException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CjkFontException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CjkFontException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The font the user named; null when none was and the search found nothing.</summary>
    public string? Requested { get; }
}
