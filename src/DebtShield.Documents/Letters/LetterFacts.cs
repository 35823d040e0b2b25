namespace DebtShield.Documents.Letters;

/// <summary>
/// The facts a letter template reads, as a tree addressed by dotted paths (<c>borrower.name</c>,
/// <c>proposal.monthly</c>): text, numbers, yes/no, nested facts and lists of facts.
/// </summary>
/// <remarks>
/// The case supplies what it knows and the borrower adds or corrects the rest by path; the
/// template never sees a fact that was not given, and a fact it declares but nobody gave is
/// written as a visible blank (<see cref="LetterTemplate.Blank"/>), never guessed.
/// </remarks>
public sealed class LetterFacts
{
    private readonly Dictionary<string, object?> root = new(StringComparer.Ordinal);

    /// <summary>The top level of the tree.</summary>
    public IReadOnlyDictionary<string, object?> Root => root;

    /// <summary>
    /// Sets the fact at <paramref name="path"/>, creating the facts above it; null removes it, so
    /// that it counts as missing (as does blank text).
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty, or runs through a fact that is not a group.</exception>
    public LetterFacts Set(string path, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var parts = path.Split('.');
        var group = root;
        foreach (var part in parts[..^1])
        {
            if (!group.TryGetValue(part, out var next) || next is null)
            {
                next = new Dictionary<string, object?>(StringComparer.Ordinal);
                group[part] = next;
            }

            group = next as Dictionary<string, object?> ?? throw new ArgumentException("Not a group of facts: " + part + " in " + path, nameof(path));
        }

        if (value is null)
        {
            group.Remove(parts[^1]);
        }
        else
        {
            group[parts[^1]] = value;
        }

        return this;
    }

    /// <summary>The fact at <paramref name="path"/>, or null when it was not given.</summary>
    public object? Get(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        object? node = root;
        foreach (var part in path.Split('.'))
        {
            if (node is not Dictionary<string, object?> group || !group.TryGetValue(part, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>True when the fact at <paramref name="path"/> is absent or blank text.</summary>
    public bool IsMissing(string path) => Get(path) is null or string { Length: 0 };
}
