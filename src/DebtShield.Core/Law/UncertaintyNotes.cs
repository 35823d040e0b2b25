namespace DebtShield.Core.Law;

/// <summary>
/// The uncertainties an assessment notes while it is worked out: each kept once, in the order
/// first noted, which is the order the report states them in.
/// </summary>
/// <remarks>
/// A set of bits and an array of the enum, rather than a list and a distinct pass: the batch
/// checks tens of thousands of loans in a process, and every generic collection instantiated over
/// one of our types is code the ReadyToRun image cannot hold, compiled by the JIT twice in every
/// process (docs/benchmarks.md, issue 27).
/// </remarks>
public sealed class UncertaintyNotes
{
    private readonly Uncertainty[] _order = new Uncertainty[32];
    private uint _noted;
    private int _count;

    /// <summary>Notes <paramref name="uncertainty"/>, unless it was noted before.</summary>
    public void Add(Uncertainty uncertainty)
    {
        var bit = 1u << (int)uncertainty;
        if ((_noted & bit) != 0)
        {
            return;
        }

        _noted |= bit;
        _order[_count++] = uncertainty;
    }

    /// <summary>The uncertainties noted, each once, in the order first noted.</summary>
    public Uncertainty[] ToArray()
    {
        var noted = new Uncertainty[_count];
        Array.Copy(_order, noted, _count);
        return noted;
    }
}
