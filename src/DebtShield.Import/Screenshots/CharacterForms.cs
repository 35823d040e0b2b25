using System.Collections.Frozen;
using DebtShield.Core.Reading;

namespace DebtShield.Import.Screenshots;

/// <summary>
/// The simplified and traditional forms of Chinese characters that are written differently (还 and
/// 還, 结 and 結), both ways. A screenshot reader uses it to know which characters of a reading could
/// have been painted in the other script, and what they would then look like: where the two forms
/// are one character (我, 的, 天) nothing about a message's script can be seen, and nothing need be.
/// </summary>
/// <remarks>
/// Built from OpenCC's <c>STCharacters.txt</c> (<c>data/scripts</c>): a simplified character, a tab,
/// its traditional forms separated by spaces (发 → 發 髮; a form equal to the key says the
/// character is also written so in traditional text: 于 → 於 于). Characters outside the Basic
/// Multilingual Plane are left out: the OCR models read none of them.
/// </remarks>
public sealed class CharacterForms
{
    /// <summary>The table's file, as its problems name it.</summary>
    public const string FileName = "STCharacters.txt";

    private readonly FrozenDictionary<char, string> _traditional;
    private readonly FrozenDictionary<char, string> _simplified;
    private readonly FrozenSet<char> _onlyTraditional;

    private CharacterForms(FrozenDictionary<char, string> traditional, FrozenDictionary<char, string> simplified, FrozenSet<char> onlyTraditional)
    {
        _traditional = traditional;
        _simplified = simplified;
        _onlyTraditional = onlyTraditional;
    }

    /// <summary>Reads the table (<c>data/scripts/STCharacters.txt</c>'s format).</summary>
    /// <exception cref="DataFileException">A line is not a character, a tab and its forms.</exception>
    public static CharacterForms Parse(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var traditional = new Dictionary<char, string>();
        var simplified = new Dictionary<char, List<char>>();
        var onlyTraditional = new HashSet<char>();
        var number = 0;
        foreach (var raw in table.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Trim().Length == 0)
            {
                throw DataFileException.AtLine(FileName, number, "expected a character, a tab and its traditional forms");
            }

            if (parts[0].Length != 1)
            {
                continue; // outside the Basic Multilingual Plane
            }

            var key = parts[0][0];
            var forms = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(f => f.Length == 1).Select(f => f[0]).ToList();
            if (forms.Count == 0 || (forms.Count == 1 && forms[0] == key))
            {
                continue;
            }

            traditional[key] = string.Concat(forms);
            if (!forms.Contains(key))
            {
                // 还 → 還: 還 is written only in traditional text. Not so the forms of a key that
                // traditional text also writes as itself (呆 → 呆 待: 待 is a simplified character too).
                onlyTraditional.UnionWith(forms);
            }

            foreach (var form in forms.Where(f => f != key))
            {
                if (!simplified.TryGetValue(form, out var keys))
                {
                    simplified[form] = keys = [];
                }

                keys.Add(key);
            }
        }

        onlyTraditional.ExceptWith(traditional.Keys);
        return new CharacterForms(traditional.ToFrozenDictionary(), simplified.ToFrozenDictionary(p => p.Key, p => string.Concat(p.Value)), onlyTraditional.ToFrozenSet());
    }

    /// <summary>
    /// The traditional forms of <paramref name="character"/> when it is a simplified character
    /// traditional text writes otherwise (还 → 還; 发 → 發髮; 于 → 於于, itself included where
    /// traditional text also writes it so); empty otherwise.
    /// </summary>
    public string TraditionalOf(char character) => _traditional.GetValueOrDefault(character, "");

    /// <summary>The simplified forms of <paramref name="character"/> when it is a traditional form simplified text writes otherwise (還 → 还; 於 → 于); empty otherwise.</summary>
    public string SimplifiedOf(char character) => _simplified.GetValueOrDefault(character, "");

    /// <summary>True when <paramref name="character"/> is a simplified form traditional text writes otherwise (还, 们; not 于, which traditional text also writes).</summary>
    public bool IsOnlySimplified(char character) => TraditionalOf(character) is { Length: > 0 } forms && !forms.Contains(character, StringComparison.Ordinal);

    /// <summary>
    /// True when <paramref name="character"/> is a traditional form simplified text writes otherwise
    /// (還, 們), by the table: the form of a simplified character traditional text never writes as
    /// itself. 待 (a form of 呆, which traditional text also writes) is not.
    /// </summary>
    public bool IsOnlyTraditional(char character) => _onlyTraditional.Contains(character);

    /// <summary>
    /// True when both scripts write <paramref name="character"/> as itself and it is no other
    /// character's form: 我 and 敬, and 克 and 戚 too (traditional text also writes 剋 and 慼, but
    /// writes 克 and 戚 as well); not 还 (simplified only), 還 (traditional only), nor 繫 or 待
    /// (forms of 系 and 呆, which simplified text may write otherwise).
    /// </summary>
    public bool IsWrittenByBoth(char character) =>
        !IsOnlySimplified(character) && !IsOnlyTraditional(character) && SimplifiedOf(character).Length == 0;

    /// <summary>
    /// What two readings of the same text, one by a simplified-character model and one by a
    /// traditional-character model, say of the script it was painted in. Each model knows the
    /// characters of its own script only: shown a glyph of the other script, it reads its own form
    /// of it when that form looks alike (还 for 還), which says nothing, and else a character of
    /// neither script that looks like the glyph (膛 for 還, 表 for 繫). So where the traditional
    /// reading has a form only traditional text writes and the simplified reading, at the same
    /// place, a character the two scripts write alike and not that form's simplified one, the glyph
    /// was traditional (a vote for it); and the other way round. Model confidences are left out:
    /// both models are sure of the glyphs they map to their own forms.
    /// </summary>
    /// <param name="simplifiedReading">The simplified model's reading.</param>
    /// <param name="traditionalReading">The traditional model's reading of the same text.</param>
    public ScriptVotes Votes(string simplifiedReading, string traditionalReading) => Compare(simplifiedReading, traditionalReading).Votes;

    /// <summary>
    /// Everything two readings of the same text (as for <see cref="Votes"/>) say of each other: the
    /// votes for a script; the places where each model read a form only its own script writes and
    /// neither form is the other's (迁 and 還: one of them misread a glyph, and which says nothing of
    /// the script); and the places where they differ beyond the scripts' forms and the votes (a
    /// character both scripts write read as another such, <see cref="IsWrittenByBoth"/>: 克 for
    /// 敬, 威 for 戚; one of the two readings' letters, digits
    /// or Chinese characters dropped by the other, unless it is a form only one script writes):
    /// there one model misread what both could read.
    /// Punctuation is left out, as the models drop and add it freely.
    /// </summary>
    /// <param name="simplifiedReading">The simplified model's reading.</param>
    /// <param name="traditionalReading">The traditional model's reading of the same text.</param>
    public ReadingComparison Compare(string simplifiedReading, string traditionalReading)
    {
        ArgumentNullException.ThrowIfNull(simplifiedReading);
        ArgumentNullException.ThrowIfNull(traditionalReading);
        var a = string.Concat(simplifiedReading.Where(Counts));
        var b = string.Concat(traditionalReading.Where(Counts));
        int traditional = 0, simplified = 0, contested = 0, disagreements = 0, loneTraditional = 0, loneSimplified = 0;
        foreach (var (s, t) in Alignment(a, b, (x, y) => x == y || TraditionalOf(x).Contains(y, StringComparison.Ordinal)))
        {
            if (s is not { } one || t is not { } other)
            {
                // A character one model dropped: a misreading where the scripts write it alike; where
                // it is a form only one script writes, the other model may just not know the glyph.
                var lone = (s ?? t)!.Value;
                disagreements += !IsOnlySimplified(lone) && !IsOnlyTraditional(lone) ? 1 : 0;
                loneTraditional += t is { } onlyT && IsOnlyTraditional(onlyT) ? 1 : 0;
                loneSimplified += s is { } onlyS && IsOnlySimplified(onlyS) ? 1 : 0;
                continue;
            }

            if (one == other || TraditionalOf(one).Contains(other, StringComparison.Ordinal))
            {
                continue;
            }

            if (!IsHan(one) || !IsHan(other))
            {
                disagreements++;
                continue;
            }

            var neutralS = TraditionalOf(one).Length == 0 && SimplifiedOf(one).Length == 0;
            var neutralT = TraditionalOf(other).Length == 0 && SimplifiedOf(other).Length == 0;
            if (neutralS && IsOnlyTraditional(other))
            {
                traditional++;
            }
            else if (neutralT && IsOnlySimplified(one))
            {
                simplified++;
            }
            else if (IsOnlySimplified(one) && IsOnlyTraditional(other))
            {
                contested++;
            }
            else if (IsWrittenByBoth(one) && IsWrittenByBoth(other))
            {
                // 克 read where the other read 敬: both scripts write each as itself (traditional
                // text also writes 剋, which does not make 克 a form of one script), so one model
                // misread a glyph both could read.
                disagreements++;
            }
        }

        return new ReadingComparison(new ScriptVotes(traditional, simplified), contested, disagreements, Math.Max(a.Length, b.Length), loneTraditional, loneSimplified);

        static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF';

        static bool Counts(char c) => IsHan(c) || char.IsAsciiLetterOrDigit(c);
    }

    /// <summary>
    /// An alignment of least edits of <paramref name="a"/> and <paramref name="b"/>, in order: each
    /// place a pair of characters (the same, or substituted) or one character and a gap (null);
    /// characters <paramref name="alike"/> calls the same cost nothing, so that 起诉你 and 起訴 pair
    /// 诉 with 訴, not 你 with 訴.
    /// </summary>
    private static List<(char? A, char? B)> Alignment(string a, string b, Func<char, char, bool> alike)
    {
        var cost = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            cost[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            cost[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                cost[i, j] = Math.Min(Math.Min(cost[i - 1, j] + 1, cost[i, j - 1] + 1), cost[i - 1, j - 1] + (alike(a[i - 1], b[j - 1]) ? 0 : 1));
            }
        }

        var pairs = new List<(char?, char?)>();
        int k = a.Length, m = b.Length;
        while (k > 0 || m > 0)
        {
            if (k > 0 && m > 0 && cost[k, m] == cost[k - 1, m - 1] + (alike(a[k - 1], b[m - 1]) ? 0 : 1))
            {
                pairs.Add((a[k - 1], b[m - 1]));
                k--;
                m--;
            }
            else if (k > 0 && cost[k, m] == cost[k - 1, m] + 1)
            {
                pairs.Add((a[k - 1], null));
                k--;
            }
            else
            {
                pairs.Add((null, b[m - 1]));
                m--;
            }
        }

        pairs.Reverse();
        return pairs;
    }
}

/// <summary>
/// What two models' readings of a text say of its script (<see cref="CharacterForms.Votes"/>): the
/// places whose glyph only the traditional model could read, and those only the simplified one could.
/// </summary>
/// <param name="Traditional">Places read as a form only traditional text writes by one model and as an unrelated common character by the other.</param>
/// <param name="Simplified">The same for forms only simplified text writes.</param>
public readonly record struct ScriptVotes(int Traditional, int Simplified);

/// <summary>What two models' readings of one text say of each other (<see cref="CharacterForms.Compare"/>).</summary>
/// <param name="Votes">The places whose glyph only one model could read, for each script.</param>
/// <param name="Contested">Places where each model read a form only its own script writes, neither the other's form.</param>
/// <param name="Disagreements">Places where the readings differ beyond the scripts' forms: one of them misread there.</param>
/// <param name="Length">The longer reading's letters, digits and Chinese characters.</param>
/// <param name="LoneTraditional">Places where the traditional model read a form only traditional text writes and the simplified model read nothing.</param>
/// <param name="LoneSimplified">Places where the simplified model read a form only simplified text writes and the traditional model read nothing.</param>
public readonly record struct ReadingComparison(ScriptVotes Votes, int Contested, int Disagreements, int Length, int LoneTraditional = 0, int LoneSimplified = 0);
