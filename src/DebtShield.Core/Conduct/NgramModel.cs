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
/// <para>
/// The words of its <see cref="WordClasses"/> are read as one symbol a class before the n-grams are
/// taken (你老公会知道 and 你领导会知道 are the same trigrams), so what one circle or verb taught the
/// model carries to the others; a reason quotes the words of the message the n-gram stood for.
/// Each label has its own threshold, chosen on sources the model was not trained on.
/// </para>
/// <para>
/// Training is deterministic (examples in the order given, fixed epochs and rate, no randomness),
/// so the same files always give the same weights; <see cref="Format"/> writes them as text
/// (<c>data/conduct/model.txt</c>), which <see cref="Parse"/> reads back exactly.
/// </para>
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
    private readonly double[] _thresholds;

    private NgramModel(IReadOnlyDictionary<ulong, double[]> weights, double[] bias, double[] thresholds, ConductExplanation explanation, NgramWordClasses classes)
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
        _thresholds = thresholds;
        Explanation = explanation;
        WordClasses = classes;
    }

    private NgramModel(NgramModel model, double[] thresholds)
    {
        _keys = model._keys;
        _index = model._index;
        _weights = model._weights;
        _bias = model._bias;
        _thresholds = thresholds;
        Explanation = model.Explanation;
        WordClasses = model.WordClasses;
    }

    /// <summary>The labels the model scores, in <see cref="ConductLabel"/> order.</summary>
    public static IReadOnlyList<ConductLabel> ScoredLabels => Labels;

    /// <summary>
    /// For each label in <see cref="ScoredLabels"/> order, the probability at or above which it is
    /// given; <see cref="double.PositiveInfinity"/> for a label the model never gives.
    /// </summary>
    public IReadOnlyList<double> Thresholds => _thresholds;

    /// <summary>The word classes read as one symbol each (<see cref="NgramWordClasses.None"/> for none).</summary>
    public NgramWordClasses WordClasses { get; }

    /// <summary>Why a label came from the model; <c>{0}</c> stands for the n-grams that weighed most.</summary>
    public ConductExplanation Explanation { get; }

    /// <summary>How many distinct n-grams carry weights.</summary>
    public int FeatureCount => _keys.Length;

    /// <summary>Trains a model on normalised texts and their labels.</summary>
    /// <param name="examples">Normalised texts (as <see cref="ConductNormalizer"/> gives them) and their text labels.</param>
    /// <param name="threshold">The probability at or above which a label is given, the same for every label.</param>
    /// <param name="explanation">The explanation template of model findings.</param>
    /// <param name="epochs">Passes over the examples.</param>
    /// <param name="rate">The learning rate.</param>
    /// <param name="l2">The weight decay.</param>
    /// <param name="classes">The word classes read as one symbol each; none if not given.</param>
    public static NgramModel Train(
        IReadOnlyList<(string Text, IReadOnlySet<ConductLabel> Labels)> examples,
        double threshold,
        ConductExplanation explanation,
        int epochs = 30,
        double rate = 0.2,
        double l2 = 1e-4,
        NgramWordClasses? classes = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        classes ??= NgramWordClasses.None;

        // Each distinct n-gram gets a row; an example is the rows of its n-grams, each once.
        var rowOf = new Dictionary<ulong, int>();
        var rows = new List<int[]>(examples.Count);
        var targets = new bool[examples.Count * Labels.Length];
        for (var i = 0; i < examples.Count; i++)
        {
            var present = new List<int>();
            foreach (var (key, _) in Features(classes.Tag(examples[i].Text)))
            {
                if (!rowOf.TryGetValue(key, out var row))
                {
                    rowOf.Add(key, row = rowOf.Count);
                }

                if (!present.Contains(row))
                {
                    present.Add(row);
                }
            }

            rows.Add([.. present]);
            for (var l = 0; l < Labels.Length; l++)
            {
                targets[(i * Labels.Length) + l] = examples[i].Labels.Contains(Labels[l]);
            }
        }

        var weights = new double[rowOf.Count * Labels.Length];
        var bias = new double[Labels.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var i = 0; i < examples.Count; i++)
            {
                var present = rows[i];
                for (var l = 0; l < Labels.Length; l++)
                {
                    var z = bias[l];
                    foreach (var row in present)
                    {
                        z += weights[(row * Labels.Length) + l];
                    }

                    var gradient = Sigmoid(z) - (targets[(i * Labels.Length) + l] ? 1.0 : 0.0);
                    bias[l] -= rate * gradient;
                    foreach (var row in present)
                    {
                        ref var w = ref weights[(row * Labels.Length) + l];
                        w -= rate * (gradient + (l2 * w));
                    }
                }
            }
        }

        // Weights too small to matter are dropped: the file stays reviewable and the table small.
        var kept = new Dictionary<ulong, double[]>();
        foreach (var (key, row) in rowOf)
        {
            var span = weights.AsSpan(row * Labels.Length, Labels.Length);
            var any = false;
            foreach (var w in span)
            {
                any |= Math.Abs(w) >= 0.01;
            }

            if (any)
            {
                kept.Add(key, [.. span.ToArray().Select(w => Math.Round(w, 4))]);
            }
        }

        return new NgramModel(kept, [.. bias.Select(b => Math.Round(b, 4))], [.. Labels.Select(_ => threshold)], explanation, classes);
    }

    /// <summary>The same model with a threshold of its own for each label, in <see cref="ScoredLabels"/> order.</summary>
    public NgramModel WithThresholds(IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentOutOfRangeException.ThrowIfNotEqual(thresholds.Count, Labels.Length, nameof(thresholds));
        return new NgramModel(this, [.. thresholds]);
    }

    /// <summary>The probability at or above which <paramref name="label"/> is given.</summary>
    public double ThresholdOf(ConductLabel label) => _thresholds[Array.IndexOf(Labels, label)];

    /// <summary>Reads a model written by <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the line.</exception>
    public static NgramModel Parse(string text, string sourceName = "model.txt")
    {
        ArgumentNullException.ThrowIfNull(text);
        double[]? thresholds = null;
        ConductExplanation? explanation = null;
        double[]? bias = null;
        var classes = new List<(string, IReadOnlyList<string>)>();
        var ngrams = new List<(string Spelling, double[] Weights, int LineNumber)>();
        foreach (var (lineNumber, line) in ConductDataLine.Significant(text))
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "threshold" when fields.Length == 2:
                    thresholds = [.. Labels.Select(_ => Threshold(fields[1], lineNumber))];
                    break;
                case "threshold" when fields.Length == Labels.Length + 1:
                    thresholds = [.. fields.Skip(1).Select(f => Threshold(f, lineNumber))];
                    break;
                case "class" when fields.Length == 3 && ngrams.Count == 0:
                    classes.Add((fields[1], fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
                    break;
                case "explain" when fields.Length == 2:
                    explanation = ConductRuleSet.ParseExplanation(fields[1]);
                    break;
                case "bias" when fields.Length == Labels.Length + 1:
                    bias = [.. fields.Skip(1).Select(f => Number(f, lineNumber))];
                    break;
                default:
                    if (fields.Length != Labels.Length + 1)
                    {
                        throw ConductDataLine.Error(sourceName, lineNumber, "expected an n-gram and " + Labels.Length.ToString(CultureInfo.InvariantCulture) + " weights, once each");
                    }

                    ngrams.Add((fields[0], [.. fields.Skip(1).Select(f => Number(f, lineNumber))], lineNumber));
                    break;
            }
        }

        if (thresholds is null || explanation is null || bias is null)
        {
            throw Reading.DataFileException.OfWhole(sourceName, "needs threshold, explain and bias lines");
        }

        var wordClasses = classes.Count == 0 ? NgramWordClasses.None : new NgramWordClasses(classes);
        var weights = new Dictionary<ulong, double[]>();
        foreach (var (spelling, row, lineNumber) in ngrams)
        {
            if (Unspell(spelling, wordClasses) is not { Length: >= 2 and <= 3 } ngram || !weights.TryAdd(Key(ngram), row))
            {
                throw ConductDataLine.Error(sourceName, lineNumber, "expected an n-gram of two or three characters or {CLASS} symbols, once each: " + spelling);
            }
        }

        return new NgramModel(weights, bias, thresholds, explanation, wordClasses);

        double Threshold(string field, int lineNumber) => field == "off" ? double.PositiveInfinity : Number(field, lineNumber);

        double Number(string field, int lineNumber) =>
            double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw ConductDataLine.Error(sourceName, lineNumber, "not a number: " + field);
    }

    /// <summary>The model as text: a header, then one n-gram a line with its weight per label.</summary>
    public string Format(string header)
    {
        var text = new StringBuilder(header);
        text.Append("# thresholds: ").AppendJoin('\t', Labels.Select(l => l.Id())).Append(" (off: never given by the model)\n");
        text.Append("threshold");
        foreach (var threshold in _thresholds)
        {
            text.Append('\t').Append(double.IsPositiveInfinity(threshold) ? "off" : threshold.ToString("R", CultureInfo.InvariantCulture));
        }

        text.Append('\n');
        text.Append("explain\t").Append(Explanation.Chinese).Append(" | ").Append(Explanation.English).Append('\n');
        foreach (var (name, words) in WordClasses.Classes)
        {
            text.Append("class\t").Append(name).Append('\t').AppendJoin(' ', words).Append('\n');
        }

        text.Append("# columns: ").AppendJoin('\t', Labels.Select(l => l.Id())).Append('\n');
        text.Append("bias");
        AppendWeights(_bias);
        for (var index = 0; index < _keys.Length; index++)
        {
            text.Append(Spell(_keys[index], WordClasses));
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

        var tagged = WordClasses.Classes.Count == 0 ? normalizedText : WordClasses.Tag(normalizedText).AsSpan();
        foreach (var (key, _) in Features(tagged))
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
    /// heaviest first, each as the words of the normalised text it stands for (a class's symbol is
    /// the word it replaced) and where they start.
    /// </summary>
    public IReadOnlyList<(string Ngram, int Start)> Reasons(string normalizedText, ConductLabel label, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var l = Array.IndexOf(Labels, label);
        var starts = new List<int>();
        var ends = new List<int>();
        var tagged = WordClasses.Tag(normalizedText, starts, ends);
        var seen = new HashSet<ulong>();
        var found = new List<(ulong Key, int Start, int Length, double Weight)>();
        foreach (var (key, start) in Features(tagged))
        {
            if (_index.IndexOf(key) is var index and >= 0 && _weights[(index * Labels.Length) + l] > 0 && seen.Add(key))
            {
                found.Add((key, start, (key & 0xFFFF) == 0 ? 2 : 3, _weights[(index * Labels.Length) + l]));
            }
        }

        return [.. found.OrderByDescending(f => f.Weight).ThenBy(f => f.Start).Take(count)
            .Select(f => (normalizedText[starts[f.Start]..ends[f.Start + f.Length - 1]], starts[f.Start]))];
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

    /// <summary>An n-gram as the model's file writes it: a class's symbol as <c>{NAME}</c>.</summary>
    private static string Spell(ulong key, NgramWordClasses classes)
    {
        var text = new StringBuilder(3);
        foreach (var c in (ReadOnlySpan<char>)[(char)(key >> 32), (char)((key >> 16) & 0xFFFF), (char)(key & 0xFFFF)])
        {
            if (c == '\0')
            {
                break;
            }

            _ = NgramWordClasses.IsSymbol(c) ? text.Append('{').Append(classes.NameOf(c)).Append('}') : text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>The n-gram <see cref="Spell"/> wrote, or null if a <c>{NAME}</c> names no class.</summary>
    private static string? Unspell(string spelling, NgramWordClasses classes)
    {
        var text = new StringBuilder(3);
        for (var i = 0; i < spelling.Length; i++)
        {
            var close = spelling[i] == '{' ? spelling.IndexOf('}', i) : -1;
            if (close > i + 1)
            {
                if (!classes.TryGetSymbol(spelling[(i + 1)..close], out var symbol))
                {
                    return null;
                }

                text.Append(symbol);
                i = close;
            }
            else
            {
                text.Append(spelling[i]);
            }
        }

        return text.ToString();
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
                _run = char.IsLetterOrDigit(_text[_position]) || NgramWordClasses.IsSymbol(_text[_position]) ? _run + 1 : 0;
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
