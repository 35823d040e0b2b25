namespace DebtShield.Core.Conduct;

/// <summary>
/// A message after <see cref="ConductNormalizer"/>: the text the rules match, and for each of its
/// characters the range of the original it came from, so evidence is quoted from what the
/// collector really wrote.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _start;
    private readonly int[] _end;

    internal NormalizedText(string text, int[] start, int[] end)
    {
        Text = text;
        _start = start;
        _end = end;
    }

    /// <summary>The normalised text.</summary>
    public string Text { get; }

    /// <summary>Maps the normalised range [<paramref name="start"/>, <paramref name="end"/>) to the original text.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(start, end);
        return (_start[start], _end[end - 1]);
    }
}
