using System.Globalization;

namespace DebtShield.Core.Conduct;

/// <summary>
/// Undoes the disguises collectors use to get past filters, before any rule is matched:
/// full-width letters and digits, traditional characters, separators inside words (通*讯*录,
/// 通 讯 录), homophones and abbreviations (tmd, sb, 艹) and digits written as Chinese numerals.
/// The tables come from <c>data/conduct/normalise.txt</c>, parsed by <see cref="Parse"/>.
/// </summary>
/// <remarks>
/// Every output character remembers the range of the original it came from, so findings point
/// at the collector's own characters. Lexicon entries go through the same normaliser, so a rule
/// written in plain simplified Chinese matches every disguise of it.
/// </remarks>
public sealed class ConductNormalizer
{
    private readonly char[] _characters;
    private readonly bool[] _separators;
    private readonly Dictionary<char, (string Key, string Value)[]> _words;

    /// <summary>
    /// For each character, true when the last step may write something else for it: some word of <see cref="_words"/>
    /// starts with it, or it is a Chinese numeral (<see cref="Digit"/>). Most characters are neither.
    /// </summary>
    private readonly bool[] _substituted;

    private ConductNormalizer(char[] characters, bool[] separators, Dictionary<char, (string Key, string Value)[]> words)
    {
        _characters = characters;
        _separators = separators;
        _words = words;
        _substituted = new bool[char.MaxValue + 1];
        foreach (var first in words.Keys)
        {
            _substituted[first] = true;
        }

        for (var c = 0; c <= char.MaxValue; c++)
        {
            _substituted[c] |= DigitValue((char)c) >= 0 || c is '十' or '拾';
        }
    }

    /// <summary>
    /// Parses the normalisation tables: sections <c>[characters]</c> ("繁 简" a line),
    /// <c>[words]</c> ("tmd 他妈的" a line) and <c>[separators]</c> (characters separated by spaces).
    /// </summary>
    /// <exception cref="FormatException">A line does not fit its section; the message names the line.</exception>
    public static ConductNormalizer Parse(string tables, string sourceName = "normalise.txt")
    {
        ArgumentNullException.ThrowIfNull(tables);
        var characters = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            characters[c] = (char)c;
        }

        var separators = new bool[char.MaxValue + 1];
        separators[' '] = separators['\t'] = true;
        var words = new List<(string Key, string Value)>();
        string? section = null;
        foreach (var (lineNumber, line) in ConductDataLine.Significant(tables))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                if (section is not ("characters" or "words" or "separators"))
                {
                    throw ConductDataLine.Error(sourceName, lineNumber, "unknown section " + line);
                }

                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (section)
            {
                case "characters" when parts.Length == 2 && parts[0].Length == 1 && parts[1].Length == 1:
                    characters[parts[0][0]] = parts[1][0];
                    break;
                case "words" when parts.Length == 2:
                    words.Add((parts[0].ToLowerInvariant(), parts[1]));
                    break;
                case "separators":
                    foreach (var part in parts)
                    {
                        if (part.Length != 1)
                        {
                            throw ConductDataLine.Error(sourceName, lineNumber, "a separator is one character: " + part);
                        }

                        separators[part[0]] = true;
                    }

                    break;
                default:
                    throw ConductDataLine.Error(sourceName, lineNumber, "expected two fields in section [" + section + "]");
            }
        }

        // Keys are matched after the per-character step, so normalise them the same way.
        var byFirst = words
            .Select(w => (Key: new string([.. w.Key.Select(c => MapCharacter(characters, c))]), w.Value))
            .GroupBy(w => w.Key[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Key.Length).ToArray());
        return new ConductNormalizer(characters, separators, byFirst);
    }

    /// <summary>Normalises <paramref name="text"/>.</summary>
    public NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffers = new NormalizationBuffers();
        var length = Normalize(text, buffers);
        return new NormalizedText(new string(buffers.Text, 0, length), buffers.Start[..length], buffers.End[..length]);
    }

    /// <summary>Normalises into reusable buffers; returns the normalised length.</summary>
    /// <remarks>
    /// Every analysis starts here, a million times in a batch, so each step does only what the text asks of it: the
    /// separators are joined only when the first step met one (most messages have none), and the words and numerals are
    /// looked up only at the characters that can start one (<see cref="_substituted"/>).
    /// </remarks>
    internal int Normalize(ReadOnlySpan<char> text, NormalizationBuffers buffers)
    {
        buffers.Ensure(text.Length);
        var stage = buffers.Stage;
        var stageIndex = buffers.StageIndex;
        var n = 0;
        var separated = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' or '\u2060')
            {
                continue;
            }

            var mapped = MapCharacter(_characters, c);
            separated |= IsSeparator(mapped);
            stage[n] = mapped;
            stageIndex[n] = i;
            n++;
        }

        if (separated)
        {
            n = JoinSeparated(stage, stageIndex, n, buffers);
            stage = buffers.Joined;
            stageIndex = buffers.JoinedIndex;
        }

        var output = buffers.Text;
        var start = buffers.Start;
        var end = buffers.End;
        var m = 0;
        var i2 = 0;
        while (i2 < n)
        {
            var j = i2;
            var c = stage[j];
            if (_substituted[c])
            {
                if (_words.TryGetValue(c, out var candidates) && TrySubstitute(stage, n, j, candidates, out var key, out var value))
                {
                    buffers.EnsureOutput(m + value.Length);
                    output = buffers.Text;
                    start = buffers.Start;
                    end = buffers.End;
                    var from = stageIndex[j];
                    var to = stageIndex[j + key.Length - 1] + 1;
                    foreach (var v in value)
                    {
                        output[m] = v;
                        start[m] = from;
                        end[m] = to;
                        m++;
                    }

                    i2 = j + key.Length;
                    continue;
                }

                if (Digit(stage, n, j) is { } digit)
                {
                    buffers.EnsureOutput(m + digit.Length);
                    output = buffers.Text;
                    start = buffers.Start;
                    end = buffers.End;
                    foreach (var v in digit)
                    {
                        output[m] = v;
                        start[m] = stageIndex[j];
                        end[m] = stageIndex[j] + 1;
                        m++;
                    }

                    i2 = j + 1;
                    continue;
                }
            }

            // Most characters start no word and are no numeral: copied as they are.
            if (m == output.Length)
            {
                buffers.EnsureOutput(m + 1);
                output = buffers.Text;
                start = buffers.Start;
                end = buffers.End;
            }

            output[m] = c;
            start[m] = stageIndex[j];
            end[m] = stageIndex[j] + 1;
            m++;
            i2 = j + 1;
        }

        return m;
    }

    /// <summary>
    /// Drops the separators inside words from the <paramref name="n"/> mapped characters of <paramref name="stage"/>, so
    /// "s b" and "老 赖" read as words, into <see cref="NormalizationBuffers.Joined"/>; returns how many are left. Only
    /// a text with a separator comes here.
    /// </summary>
    private int JoinSeparated(char[] stage, int[] stageIndex, int n, NormalizationBuffers buffers)
    {
        var joined = buffers.Joined;
        var joinedIndex = buffers.JoinedIndex;
        var count = 0;
        for (var j = 0; j < n;)
        {
            if (IsSeparator(stage[j]))
            {
                var k = j;
                while (k < n && IsSeparator(stage[k]))
                {
                    k++;
                }

                if (j > 0 && k < n && ((IsHan(stage[j - 1]) && IsHan(stage[k])) || IsSpelledOut(stage, n, j, k)))
                {
                    j = k;
                    continue;
                }
            }

            joined[count] = stage[j];
            joinedIndex[count] = stageIndex[j];
            count++;
            j++;
        }

        return count;
    }

    private static char MapCharacter(char[] characters, char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            c = ' ';
        }

        if (c is >= 'A' and <= 'Z')
        {
            c = (char)(c + 32);
        }

        return characters[c];
    }

    /// <summary>
    /// True for a separator of the table, and for an emoji or pictograph: borrowers paste what collectors send, and
    /// collectors put emoji between the characters of a word (家😡人, 通🔥讯录) as they put spaces, to slip past filters.
    /// </summary>
    private bool IsSeparator(char c) => _separators[c] || IsPictograph(c);

    /// <summary>
    /// An emoji's UTF-16 halves (its high surrogate is one of U+D83C–U+D83E, the planes' pictographs; low surrogates
    /// follow them), the dingbats and miscellaneous symbols of U+2600–U+27BF and U+2B00–U+2BFF, and the emoji variation
    /// selector. A rare Han character beyond the basic plane has another high surrogate, which is no separator, so it stays.
    /// </summary>
    private static bool IsPictograph(char c) =>
        c is (>= '\uD83C' and <= '\uD83E') or (>= '\uDC00' and <= '\uDFFF') or (>= '\u2600' and <= '\u27BF') or (>= '\u2B00' and <= '\u2BFF') or '\uFE0F';

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>
    /// True when the separators at [<paramref name="j"/>, <paramref name="k"/>) sit between two
    /// single letters, as in "S B" or "t m d": letters spelled out one by one, not words.
    /// </summary>
    private static bool IsSpelledOut(char[] stage, int n, int j, int k)
    {
        var before = stage[j - 1];
        var after = stage[k];
        return char.IsAsciiLetter(before) && char.IsAsciiLetter(after)
            && (j < 2 || !char.IsAsciiLetter(stage[j - 2]))
            && (k + 1 >= n || !char.IsAsciiLetter(stage[k + 1]));
    }

    private static bool TrySubstitute(char[] stage, int n, int j, (string Key, string Value)[] candidates, out string key, out string value)
    {
        foreach (var (k, v) in candidates)
        {
            if (j + k.Length > n || !stage.AsSpan(j, k.Length).SequenceEqual(k))
            {
                continue;
            }

            // An ASCII abbreviation must stand alone: "sb" is not the end of "usb".
            if (char.IsAscii(k[0])
                && ((j > 0 && IsAsciiLetterOrDigit(stage[j - 1])) || (j + k.Length < n && char.IsAsciiLetter(stage[j + k.Length]))))
            {
                continue;
            }

            key = k;
            value = v;
            return true;
        }

        key = value = string.Empty;
        return false;
    }

    /// <summary>The value of a Chinese numeral (零〇一…九, or the financial 壹贰…玖); -1 for any other character.</summary>
    /// <remarks>Asked for every character of every message, so a switch rather than a search of the two digit strings.</remarks>
    private static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    private static string? Digit(char[] stage, int n, int j)
    {
        var c = stage[j];
        var value = DigitValue(c);
        if (value >= 0)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (c is not ('十' or '拾'))
        {
            return null;
        }

        // 十 is a place, not a digit: 十二 → 12, 二十 → 20, 二十三 → 23, 十 → 10.
        var before = j > 0 && DigitValue(stage[j - 1]) >= 0;
        var after = j + 1 < n && DigitValue(stage[j + 1]) >= 0;
        return (before, after) switch
        {
            (true, true) => string.Empty,
            (true, false) => "0",
            (false, true) => "1",
            (false, false) => "10",
        };
    }
}

/// <summary>Reusable buffers for one thread's normalisation, so the hot path allocates nothing.</summary>
internal sealed class NormalizationBuffers
{
    public char[] Stage { get; private set; } = new char[256];

    public char[] Joined { get; private set; } = new char[256];

    public int[] JoinedIndex { get; private set; } = new int[256];

    public int[] StageIndex { get; private set; } = new int[256];

    public char[] Text { get; private set; } = new char[512];

    public int[] Start { get; private set; } = new int[512];

    public int[] End { get; private set; } = new int[512];

    public void Ensure(int length)
    {
        if (Stage.Length < length)
        {
            Stage = new char[length];
            StageIndex = new int[length];
            Joined = new char[length];
            JoinedIndex = new int[length];
        }

        EnsureOutput(2 * length);
    }

    public void EnsureOutput(int length)
    {
        if (Text.Length >= length)
        {
            return;
        }

        var size = Math.Max(length, 2 * Text.Length);
        var text = Text;
        var start = Start;
        var end = End;
        Text = new char[size];
        Start = new int[size];
        End = new int[size];
        text.CopyTo(Text, 0);
        start.CopyTo(Start, 0);
        end.CopyTo(End, 0);
    }
}
