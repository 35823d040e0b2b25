using System.Globalization;
using System.Text;
using System.Text.Json;
using DebtShield.Core.Conduct;

namespace DebtShield.Benchmarks;

/// <summary>
/// Makes the conduct model's synthetic training variants (<c>data/conduct/synthetic/messages.jsonl</c>)
/// from the frames of <c>frames.txt</c>, their slots filled from the classes of <c>lexicon.txt</c> and
/// <c>words.txt</c>. The variants are marked synthetic, kept apart from the corpus and never evaluated
/// on (issue 21). Deterministic: the k-th variant of a frame takes, for each slot, word
/// <c>(k × stride + slot) mod count</c>, so the same files give the same set.
/// </summary>
internal static class ConductSyntheticSet
{
    /// <summary>Variants made from each frame (fewer where a frame's slots have fewer combinations).</summary>
    private const int PerFrame = 40;

    /// <summary>Every this many variants, one is written in traditional characters (the guide's other script).</summary>
    private const int TraditionalEvery = 5;

    private static readonly int[] Strides = [1, 7, 11, 13, 17, 19];

    /// <summary>One variant: its text, recipient and labels (the frame's).</summary>
    public sealed record Variant(string Id, int Frame, string Recipient, string Text, IReadOnlySet<ConductLabel> Labels, bool Traditional);

    /// <summary>Makes the variants and writes them to <c>data/conduct/synthetic/messages.jsonl</c>.</summary>
    public static IReadOnlyList<Variant> Write(string root)
    {
        var conduct = Path.Combine(root, "data", "conduct");
        var variants = Make(conduct);
        var text = new StringBuilder();
        foreach (var v in variants)
        {
            text.Append(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["id"] = v.Id,
                ["synthetic"] = true,
                ["frame"] = v.Frame,
                ["script"] = v.Traditional ? "traditional" : "simplified",
                ["recipient"] = v.Recipient,
                ["text"] = v.Text,
                ["labels"] = v.Labels.Select(l => l.Id()).Order(StringComparer.Ordinal).ToArray(),
            }, JsonOptions)).Append('\n');
        }

        File.WriteAllText(Path.Combine(conduct, "synthetic", "messages.jsonl"), text.ToString(), new UTF8Encoding(false));
        return variants;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Makes the variants from the files in <paramref name="conduct"/> (the <c>data/conduct</c> folder).</summary>
    /// <exception cref="FormatException">A frame names an unknown class or label; the message names the file and line.</exception>
    public static IReadOnlyList<Variant> Make(string conduct)
    {
        var classes = ReadClasses(Path.Combine(conduct, "lexicon.txt"));
        foreach (var (name, words) in ReadClasses(Path.Combine(conduct, "synthetic", "words.txt")))
        {
            classes[name] = words;
        }

        var traditional = TraditionalForms(File.ReadAllText(Path.Combine(conduct, "normalise.txt"), Encoding.UTF8));
        var variants = new List<Variant>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var frameNumber = 0;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(Path.Combine(conduct, "synthetic", "frames.txt"), Encoding.UTF8))
        {
            lineNumber++;
            var line = raw.Split('#')[0].TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[1] is not ("borrower" or "contact"))
            {
                throw new FormatException($"frames.txt:{lineNumber}: expected labels, recipient (borrower or contact) and frame, separated by tabs");
            }

            var labels = fields[0] == "none"
                ? new HashSet<ConductLabel>()
                : fields[0].Split(',').Select(id => ConductLabels.TryParse(id, out var l) ? l : throw new FormatException($"frames.txt:{lineNumber}: unknown label {id}")).ToHashSet();
            var parts = Parse(fields[2], classes, lineNumber);
            frameNumber++;
            for (var k = 0; k < PerFrame; k++)
            {
                var text = new StringBuilder();
                var slot = 0;
                foreach (var part in parts)
                {
                    if (part.Words is { } words)
                    {
                        text.Append(words[((k * Strides[slot % Strides.Length]) + slot) % words.Count]);
                        slot++;
                    }
                    else
                    {
                        text.Append(part.Literal);
                    }
                }

                var made = text.ToString();
                var isTraditional = k % TraditionalEvery == TraditionalEvery - 1;
                if (isTraditional)
                {
                    made = string.Concat(made.Select(c => traditional.TryGetValue(c, out var t) ? t : c));
                }

                if (seen.Add(made))
                {
                    variants.Add(new Variant("y" + (variants.Count + 1).ToString("D4", CultureInfo.InvariantCulture), frameNumber, fields[1], made, labels, isTraditional));
                }
            }
        }

        return variants;
    }

    private static List<(string? Literal, IReadOnlyList<string>? Words)> Parse(string frame, Dictionary<string, IReadOnlyList<string>> classes, int lineNumber)
    {
        var parts = new List<(string?, IReadOnlyList<string>?)>();
        var position = 0;
        while (position < frame.Length)
        {
            var open = frame.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add((frame[position..], null));
                break;
            }

            var close = frame.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"frames.txt:{lineNumber}: a {{ without its }}");
            }

            if (open > position)
            {
                parts.Add((frame[position..open], null));
            }

            var name = frame[(open + 1)..close];
            parts.Add((null, classes.TryGetValue(name, out var words) && words.Count > 0
                ? words
                : throw new FormatException($"frames.txt:{lineNumber}: no class {name} in lexicon.txt or synthetic/words.txt")));
            position = close + 1;
        }

        return parts;
    }

    /// <summary>The word classes of a lexicon-style file: <c>[NAME] description</c>, then one entry a line.</summary>
    public static Dictionary<string, IReadOnlyList<string>> ReadClasses(string path)
    {
        var classes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('[') && line.IndexOf(']', StringComparison.Ordinal) is var close and > 1)
            {
                classes[line[1..close]] = current = [];
            }
            else if (current is not null)
            {
                // A word may name after it the longer words it is no part of (请 !申请): the word alone is the class's.
                current.Add(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0]);
            }
        }

        return classes;
    }

    /// <summary>
    /// Characters written the same in both scripts, which normalise.txt also maps from a variant (妳, 瞭)
    /// or from a Cantonese word (佢, 嘅, 哋, 唔, 冇, 搵, 畀, 咗, 係): a traditional variant keeps them.
    /// </summary>
    private const string SameInBothScripts = "你了他的们不没找给系";

    /// <summary>Simplified → traditional, the first traditional form normalise.txt maps to each simplified character.</summary>
    private static Dictionary<char, char> TraditionalForms(string tables)
    {
        var forms = new Dictionary<char, char>();
        foreach (var c in SameInBothScripts)
        {
            forms.Add(c, c);
        }

        var inCharacters = false;
        foreach (var raw in tables.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                inCharacters = line == "[characters]";
                continue;
            }

            var pair = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (inCharacters && pair is [{ Length: 1 } from, { Length: 1 } to] && from[0] != to[0] && to[0] >= '\u4E00')
            {
                forms.TryAdd(to[0], from[0]);
            }
        }

        return forms;
    }
}
