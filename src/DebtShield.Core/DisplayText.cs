using System.Globalization;
using System.Text;

namespace DebtShield.Core;

/// <summary>
/// Text from outside (a collector's message, a number's display name, a file name) made safe to
/// show. A terminal obeys escape sequences (a message can retitle the window or clear the
/// screen) and every viewer obeys bidirectional controls (a name ending in U+202E "gpj.exe" shows
/// as "exe.jpg"), so these characters are shown as visible marks such as <c>⟦U+202E⟧</c>, never
/// obeyed: the reader sees that the character was there, and nothing else changes. Line breaks and
/// tabs are kept.
/// </summary>
public static class DisplayText
{
    /// <summary>The text with every control, bidirectional and invisible formatting character made visible.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c))
            {
                builder.Append("⟦U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('⟧');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The text neutralised, or null.</summary>
    public static string? NeutraliseOrNull(string? text) => text is null ? null : Neutralise(text);

    /// <summary>
    /// True for what a terminal or a text layout obeys rather than shows: C0 and C1 controls but
    /// the line break and the tab, DEL, and the bidirectional marks, embeddings, overrides and
    /// isolates.
    /// </summary>
    public static bool IsUnsafe(char c) =>
        (c < ' ' && c is not '\n' and not '\t')
        || c is >= '\u007F' and <= '\u009F'
        || c is '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
