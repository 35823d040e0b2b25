using System.Globalization;
using System.Numerics;
using System.Text;

namespace DebtShield.Core.Conduct;

/// <summary>
/// A character n-gram linear model (logistic regression, each label against the rest) over the
/// normalised text: whether each bigram and trigram of runs of letters, digits and Chinese
/// characters occurs (presence, so a template's repeated "XXX" weighs once). It learns wording the rules do not list, and every label it gives comes with the
/// n-grams that weighed most, so the finding can be explained and quoted.
/// </summary>
/// <remarks>
/// Training is deterministic (examples in the order given, fixed epochs and rate, no randomness),
/// so the same files always give the same weights; <see cref="Format"/> writes them as text
/// (<c>data/conduct/model.txt</c>), which <see cref="Parse"/> reads back exactly.
/// </remarks>
public sealed class NgramModel
{
    private static readonly ConductLabel[] Labels = [.. ConductLabels.All.Where(l => !l.IsMetadata())];

    /// <summary>
    /// For each thread, the call of <see cref="Score(ReadOnlySpan{char}, Span{double})"/> in which
    /// each feature was last counted: a feature counts once a text without a set of the text's
    /// n-grams to clear for every message.
    /// </summary>
    [ThreadStatic]
    private static int[]? t_countedIn;

    [ThreadStatic]
    private static int t_call;

    private readonly ulong[] _keys;
    private readonly NgramTable _index;
    private readonly double[] _weights;
    private readonly double[] _bias;

    private NgramModel(IReadOnlyDictionary<ulong, double[]> weights, double[] bias, double threshold, ConductExplanation explanation)
    {
        var keys = weights.Keys.Order().ToArray();
        _keys = keys;
        _index = new NgramTable(keys);
        _weights = new double[keys.Length * Labels.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            weights[keys[i]].CopyTo(_weights, i * Labels.Length);
        }

        _bias = bias;
        Threshold = threshold;
        Explanation = explanation;
    }

    /// <summary>The labels the model scores, in <see cref="ConductLabel"/> order.</summary>
    public static IReadOnlyList<ConductLabel> ScoredLabels => Labels;

    /// <summary>The probability at or above which a label is given.</summary>
    public double Threshold { get; }

    /// <summary>Why a label came from the model; <c>{0}</c> stands for the n-grams that weighed most.</summary>
    public ConductExplanation Explanation { get; }

    /// <summary>How many distinct n-grams carry weights.</summary>
    public int FeatureCount => _keys.Length;

    /// <summary>Trains a model on normalised texts and their labels.</summary>
    /// <param name="examples">Normalised texts (as <see cref="ConductNormalizer"/> gives them) and their text labels.</param>
    /// <param name="threshold">The probability at or above which a label is given.</param>
    /// <param name="explanation">The explanation template of model findings.</param>
    /// <param name="epochs">Passes over the examples.</param>
    /// <param name="rate">The learning rate.</param>
    /// <param name="l2">The weight decay.</param>
    public static NgramModel Train(
        IReadOnlyList<(string Text, IReadOnlySet<ConductLabel> Labels)> examples,
        double threshold,
        ConductExplanation explanation,
        int epochs = 30,
        double rate = 0.2,
        double l2 = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var weights = new Dictionary<ulong, double[]>();
        var bias = new double[Labels.Length];
        var features = examples.Select(e => Features(e.Text).Select(f => f.Key).Distinct().ToList()).ToList();
        foreach (var key in features.SelectMany(f => f))
        {
            weights.TryAdd(key, new double[Labels.Length]);
        }

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var i = 0; i < examples.Count; i++)
            {
                for (var l = 0; l < Labels.Length; l++)
                {
                    var z = bias[l];
                    foreach (var key in features[i])
                    {
                        z += weights[key][l];
                    }

                    var gradient = Sigmoid(z) - (examples[i].Labels.Contains(Labels[l]) ? 1.0 : 0.0);
                    bias[l] -= rate * gradient;
                    foreach (var key in features[i])
                    {
                        var w = weights[key];
                        w[l] -= rate * (gradient + (l2 * w[l]));
                    }
                }
            }
        }

        // Weights too small to matter are dropped: the file stays reviewable and the table small.
        var kept = weights.Where(p => p.Value.Any(w => Math.Abs(w) >= 0.01))
            .ToDictionary(p => p.Key, p => p.Value.Select(w => Math.Round(w, 4)).ToArray());
        return new NgramModel(kept, [.. bias.Select(b => Math.Round(b, 4))], threshold, explanation);
    }

    /// <summary>Reads a model written by <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the line.</exception>
    public static NgramModel Parse(string text, string sourceName = "model.txt")
    {
        ArgumentNullException.ThrowIfNull(text);
        double? threshold = null;
        ConductExplanation? explanation = null;
        double[]? bias = null;
        var weights = new Dictionary<ulong, double[]>();
        foreach (var (lineNumber, line) in ConductDataLine.Significant(text))
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "threshold" when fields.Length == 2:
                    threshold = Number(fields[1], lineNumber);
                    break;
                case "explain" when fields.Length == 2:
                    explanation = ConductRuleSet.ParseExplanation(fields[1]);
                    break;
                case "bias" when fields.Length == Labels.Length + 1:
                    bias = [.. fields.Skip(1).Select(f => Number(f, lineNumber))];
                    break;
                default:
                    if (fields.Length != Labels.Length + 1 || fields[0].Length is < 2 or > 3 || !weights.TryAdd(Key(fields[0]), [.. fields.Skip(1).Select(f => Number(f, lineNumber))]))
                    {
                        throw ConductDataLine.Error(sourceName, lineNumber, "expected an n-gram and " + Labels.Length.ToString(CultureInfo.InvariantCulture) + " weights, once each");
                    }

                    break;
            }
        }

        if (threshold is null || explanation is null || bias is null)
        {
            throw Reading.DataFileException.OfWhole(sourceName, "needs threshold, explain and bias lines");
        }

        return new NgramModel(weights, bias, threshold.Value, explanation);

        double Number(string field, int lineNumber) =>
            double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw ConductDataLine.Error(sourceName, lineNumber, "not a number: " + field);
    }

    /// <summary>The model as text: a header, then one n-gram a line with its weight per label.</summary>
    public string Format(string header)
    {
        var text = new StringBuilder(header);
        text.Append("threshold\t").Append(Threshold.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("explain\t").Append(Explanation.Chinese).Append(" | ").Append(Explanation.English).Append('\n');
        text.Append("# columns: ").AppendJoin('\t', Labels.Select(l => l.Id())).Append('\n');
        text.Append("bias");
        AppendWeights(_bias);
        for (var index = 0; index < _keys.Length; index++)
        {
            text.Append(Spell(_keys[index]));
            AppendWeights(_weights.AsSpan(index * Labels.Length, Labels.Length));
        }

        return text.ToString();

        void AppendWeights(ReadOnlySpan<double> weights)
        {
            foreach (var w in weights)
            {
                text.Append('\t').Append(w.ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }
    }

    /// <summary>Writes the probability of each scored label for a normalised text into <paramref name="probabilities"/>.</summary>
    public void Score(ReadOnlySpan<char> normalizedText, Span<double> probabilities)
    {
        _bias.CopyTo(probabilities);

        // Each n-gram counts once (presence): an n-gram the model knows is added the first time
        // it is seen in this call; one it does not know adds nothing however often it occurs.
        var countedIn = t_countedIn;
        if (countedIn is null || countedIn.Length < _keys.Length)
        {
            countedIn = t_countedIn = new int[Math.Max(_keys.Length, 1)];
            t_call = 0;
        }

        var call = t_call = t_call == int.MaxValue ? 1 : t_call + 1;
        if (call == 1)
        {
            Array.Clear(countedIn);
        }

        foreach (var (key, _) in Features(normalizedText))
        {
            var index = _index.IndexOf(key);
            if (index < 0 || countedIn[index] == call)
            {
                continue;
            }

            countedIn[index] = call;
            var row = _weights.AsSpan(index * Labels.Length, Labels.Length);
            for (var l = 0; l < row.Length; l++)
            {
                probabilities[l] += row[l];
            }
        }

        for (var l = 0; l < Labels.Length; l++)
        {
            probabilities[l] = Sigmoid(probabilities[l]);
        }
    }

    /// <summary>The probability of each scored label, in <see cref="ScoredLabels"/> order.</summary>
    public double[] Score(string normalizedText)
    {
        var probabilities = new double[Labels.Length];
        Score(normalizedText.AsSpan(), probabilities);
        return probabilities;
    }

    /// <summary>
    /// The n-grams of <paramref name="normalizedText"/> that weigh most towards <paramref name="label"/>,
    /// heaviest first, each with where it starts in the normalised text.
    /// </summary>
    public IReadOnlyList<(string Ngram, int Start)> Reasons(string normalizedText, ConductLabel label, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var l = Array.IndexOf(Labels, label);
        var seen = new HashSet<ulong>();
        var found = new List<(ulong Key, int Start, double Weight)>();
        foreach (var (key, start) in Features(normalizedText))
        {
            if (_index.IndexOf(key) is var index and >= 0 && _weights[(index * Labels.Length) + l] > 0 && seen.Add(key))
            {
                found.Add((key, start, _weights[(index * Labels.Length) + l]));
            }
        }

        return [.. found.OrderByDescending(f => f.Weight).ThenBy(f => f.Start).Take(count).Select(f => (Spell(f.Key), f.Start))];
    }

    /// <summary>The bigrams and trigrams of a normalised text, with where each starts.</summary>
    private static FeatureEnumerator Features(ReadOnlySpan<char> text) => new(text);

    private static List<(ulong Key, int Start)> Features(string text)
    {
        var list = new List<(ulong, int)>();
        foreach (var feature in Features(text.AsSpan()))
        {
            list.Add(feature);
        }

        return list;
    }

    private static ulong Key(char a, char b, char c) => ((ulong)a << 32) | ((ulong)b << 16) | c;

    private static ulong Key(string ngram) => Key(ngram[0], ngram[1], ngram.Length == 3 ? ngram[2] : '\0');

    private static string Spell(ulong key)
    {
        var text = new StringBuilder(3).Append((char)(key >> 32)).Append((char)((key >> 16) & 0xFFFF));
        return (key & 0xFFFF) == 0 ? text.ToString() : text.Append((char)(key & 0xFFFF)).ToString();
    }

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    /// <summary>
    /// The model's n-grams and their rows: open addressing over a power-of-two table at most half
    /// full, so a lookup is one multiplication and, most often, one probe. Read-only once built.
    /// </summary>
    private sealed class NgramTable
    {
        private readonly ulong[] _slots;
        private readonly int[] _rows;
        private readonly int _shift;

        public NgramTable(ulong[] keys)
        {
            var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
            _slots = new ulong[capacity];
            _rows = new int[capacity];
            _shift = 64 - BitOperations.Log2((uint)capacity);
            for (var row = 0; row < keys.Length; row++)
            {
                var slot = Slot(keys[row]);
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & (capacity - 1);
                }

                _slots[slot] = keys[row];
                _rows[slot] = row;
            }
        }

        /// <summary>The row of <paramref name="key"/> (never 0: a key holds at least two characters), or -1.</summary>
        public int IndexOf(ulong key)
        {
            var mask = _slots.Length - 1;
            for (var slot = Slot(key); ; slot = (slot + 1) & mask)
            {
                var held = _slots[slot];
                if (held == key)
                {
                    return _rows[slot];
                }

                if (held == 0)
                {
                    return -1;
                }
            }
        }

        private int Slot(ulong key) => (int)(unchecked(key * 0x9E3779B97F4A7C15UL) >> _shift);
    }

    /// <summary>Walks the n-grams of a span without allocating: bigram, then trigram, at each position.</summary>
    private ref struct FeatureEnumerator(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _position = -1;
        private int _run;
        private bool _trigramNext;

        public (ulong Key, int Start) Current { get; private set; }

        public readonly FeatureEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_trigramNext)
            {
                _trigramNext = false;
                Current = (Key(_text[_position - 2], _text[_position - 1], _text[_position]), _position - 2);
                return true;
            }

            while (++_position < _text.Length)
            {
                _run = char.IsLetterOrDigit(_text[_position]) ? _run + 1 : 0;
                if (_run >= 2)
                {
                    _trigramNext = _run >= 3;
                    Current = (Key(_text[_position - 1], _text[_position], '\0'), _position - 1);
                    return true;
                }
            }

            return false;
        }
    }
}
