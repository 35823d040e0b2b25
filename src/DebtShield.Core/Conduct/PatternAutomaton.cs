namespace DebtShield.Core.Conduct;

/// <summary>
/// An Aho–Corasick automaton over every lexicon term: one pass over a message finds every
/// occurrence of every term, however many terms there are. Built once, then read-only, so one
/// instance serves all threads.
/// </summary>
/// <remarks>
/// Characters are first mapped to a small alphabet (those that occur in some term); any other
/// character sends the automaton back to the root. Transitions are a dense table over that
/// alphabet, with failure links folded in at build time, so matching is one array read a character.
/// </remarks>
internal sealed class PatternAutomaton
{
    private readonly ushort[] _alphabet;
    private readonly int _alphabetSize;
    private readonly int[] _next;
    private readonly int[][] _outputs;
    private readonly int[] _lengths;

    public PatternAutomaton(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _alphabet = new ushort[char.MaxValue + 1];
        var size = 1;
        foreach (var pattern in patterns)
        {
            foreach (var c in pattern)
            {
                if (_alphabet[c] == 0)
                {
                    _alphabet[c] = checked((ushort)size++);
                }
            }
        }

        _alphabetSize = size;
        _lengths = [.. patterns.Select(p => p.Length)];

        // The trie, with child lists grown as needed.
        var children = new List<int[]> { new int[size] };
        var outputs = new List<List<int>> { new() };
        for (var id = 0; id < patterns.Count; id++)
        {
            if (patterns[id].Length == 0)
            {
                throw new ArgumentException("empty pattern", nameof(patterns));
            }

            var state = 0;
            foreach (var c in patterns[id])
            {
                var symbol = _alphabet[c];
                if (children[state][symbol] == 0)
                {
                    children[state][symbol] = children.Count;
                    children.Add(new int[size]);
                    outputs.Add([]);
                }

                state = children[state][symbol];
            }

            outputs[state].Add(id);
        }

        // Breadth-first: failure links, then transitions completed through them.
        var fail = new int[children.Count];
        var queue = new Queue<int>();
        for (var symbol = 1; symbol < size; symbol++)
        {
            if (children[0][symbol] is var child and > 0)
            {
                fail[child] = 0;
                queue.Enqueue(child);
            }
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            outputs[state].AddRange(outputs[fail[state]]);
            for (var symbol = 1; symbol < size; symbol++)
            {
                var child = children[state][symbol];
                if (child > 0)
                {
                    fail[child] = children[fail[state]][symbol];
                    queue.Enqueue(child);
                }
                else
                {
                    children[state][symbol] = children[fail[state]][symbol];
                }
            }
        }

        _next = new int[children.Count * size];
        for (var state = 0; state < children.Count; state++)
        {
            children[state].CopyTo(_next, state * size);
        }

        _outputs = [.. outputs.Select(o => o.ToArray())];
    }

    /// <summary>The number of states, for tests and diagnostics.</summary>
    public int StateCount => _outputs.Length;

    /// <summary>
    /// Appends (pattern id, start, end) to <paramref name="hits"/> for every occurrence of every
    /// pattern in <paramref name="text"/>, overlapping ones included, in order of their end.
    /// </summary>
    public void Match(ReadOnlySpan<char> text, List<TermHit> hits)
    {
        var current = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var symbol = _alphabet[text[i]];
            current = symbol == 0 ? 0 : _next[(current * _alphabetSize) + symbol];
            var found = _outputs[current];
            for (var k = 0; k < found.Length; k++)
            {
                var id = found[k];
                hits.Add(new TermHit(id, i + 1 - _lengths[id], i + 1));
            }
        }
    }
}

/// <summary>One occurrence of a pattern: its id and its range in the matched text.</summary>
internal readonly record struct TermHit(int Pattern, int Start, int End);
