namespace DebtShield.Core.Conduct;

/// <summary>
/// The word classes the n-gram model reads as one symbol each: 你老公, 你领导 and 同事群 all become
/// the one symbol of the circle, so a circle or a verb the training messages never used still weighs
/// what its class has learned (issue 21: the model, trained on one source's words, found nothing the
/// rules miss on another source's).
/// </summary>
/// <remarks>
/// The words are the lexicon's (<c>data/conduct/lexicon.txt</c>) as they stood when the model was
/// trained, and are written into the model's own file, so a model reads the same text the same way
/// after the lexicon has grown. Words of one character are left as they are: 说 or 就 alone would turn
/// every sentence into symbols. Where words overlap, the leftmost, then the longest, is taken.
/// </remarks>
public sealed class NgramWordClasses
{
    /// <summary>The first character of the private-use block that stands for a class: class i is <c>First + i</c>.</summary>
    private const char First = '\uE000';

    [ThreadStatic]
    private static List<TermHit>? t_hits;

    private readonly PatternAutomaton? _automaton;
    private readonly int[] _classOf;

    /// <summary>Builds the classes from their names and words, in the order given.</summary>
    /// <exception cref="ArgumentException">A class has no name, a name repeats, or there are more than 256 classes.</exception>
    public NgramWordClasses(IReadOnlyList<(string Name, IReadOnlyList<string> Words)> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count > 256 || classes.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != classes.Count || classes.Any(c => string.IsNullOrWhiteSpace(c.Name)))
        {
            throw new ArgumentException("word classes need distinct names, at most 256 of them", nameof(classes));
        }

        Classes = [.. classes.Select(c => (c.Name, (IReadOnlyList<string>)[.. c.Words.Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))];
        var words = new List<string>();
        var classOf = new List<int>();
        for (var i = 0; i < Classes.Count; i++)
        {
            foreach (var word in Classes[i].Words)
            {
                words.Add(word);
                classOf.Add(i);
            }
        }

        _automaton = words.Count == 0 ? null : new PatternAutomaton(words);
        _classOf = [.. classOf];
    }

    /// <summary>No classes: the text is read as it is.</summary>
    public static NgramWordClasses None { get; } = new([]);

    /// <summary>The classes, each with its words of two characters or more, sorted.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Words)> Classes { get; }

    /// <summary>Whether <paramref name="c"/> is the symbol of a class.</summary>
    public static bool IsSymbol(char c) => c is >= First and <= (char)(First + 255);

    /// <summary>The symbol that stands for the class named <paramref name="name"/>, if there is one.</summary>
    public bool TryGetSymbol(string name, out char symbol)
    {
        for (var i = 0; i < Classes.Count; i++)
        {
            if (Classes[i].Name == name)
            {
                symbol = (char)(First + i);
                return true;
            }
        }

        symbol = default;
        return false;
    }

    /// <summary>The name of the class <paramref name="symbol"/> stands for.</summary>
    public string NameOf(char symbol) => Classes[symbol - First].Name;

    /// <summary>
    /// Replaces each class word of <paramref name="text"/> by its class's symbol; <paramref name="starts"/>
    /// and <paramref name="ends"/> receive, for each character of the result, the range of
    /// <paramref name="text"/> it stands for.
    /// </summary>
    public string Tag(ReadOnlySpan<char> text, List<int>? starts = null, List<int>? ends = null)
    {
        starts?.Clear();
        ends?.Clear();
        if (_automaton is null)
        {
            for (var i = 0; i < text.Length; i++)
            {
                starts?.Add(i);
                ends?.Add(i + 1);
            }

            return text.ToString();
        }

        var hits = t_hits ??= [];
        hits.Clear();
        _automaton.Match(text, hits);

        // Leftmost, then longest: hits come in order of their end, so order them by start.
        hits.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var tagged = new System.Text.StringBuilder(text.Length);
        var position = 0;
        var next = 0;
        while (position < text.Length)
        {
            while (next < hits.Count && hits[next].Start < position)
            {
                next++;
            }

            if (next < hits.Count && hits[next].Start == position)
            {
                var hit = hits[next];
                tagged.Append((char)(First + _classOf[hit.Pattern]));
                starts?.Add(hit.Start);
                ends?.Add(hit.End);
                position = hit.End;
            }
            else
            {
                tagged.Append(text[position]);
                starts?.Add(position);
                ends?.Add(position + 1);
                position++;
            }
        }

        return tagged.ToString();
    }
}
