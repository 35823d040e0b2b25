namespace DebtShield.Core.Law;

/// <summary>What a conclusion rests on: citations into the catalogue and how well they are checked.</summary>
/// <param name="Citations">Ids into <c>data/law/citations.json</c>, such as <c>spl-art25</c>.</param>
/// <param name="Status">The weakest status of the facts used.</param>
public sealed record LegalBasis(IReadOnlyList<string> Citations, FactStatus Status)
{
    /// <summary>The basis of a conclusion drawn from two: both citation lists, the weaker status.</summary>
    public LegalBasis With(LegalBasis other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new LegalBasis([.. Citations.Union(other.Citations)], (FactStatus)Math.Max((int)Status, (int)other.Status));
    }
}
