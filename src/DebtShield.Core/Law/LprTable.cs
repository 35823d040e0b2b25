namespace DebtShield.Core.Law;

/// <summary>One monthly fixing of the Loan Prime Rate (贷款市场报价利率).</summary>
/// <param name="Date">The publication date; the fixing applies from that day.</param>
/// <param name="OneYear">The one-year LPR as a fraction (0.0345 for 3.45%).</param>
/// <param name="FiveYear">The five-year LPR as a fraction.</param>
/// <param name="Status">How well the value is checked.</param>
public sealed record LprFixing(DateOnly Date, decimal OneYear, decimal FiveYear, FactStatus Status);

/// <summary>
/// The LPR history since the first fixing (2019-08-20). The LPR in force on a day is the latest
/// fixing published on or before it; after <see cref="CertainThrough"/> a newer fixing may exist
/// that the data does not have yet, so a lookup past it is uncertain.
/// </summary>
public sealed class LprTable
{
    private readonly LprFixing[] _fixings;

    /// <summary>Creates the table from fixings in any order.</summary>
    /// <param name="fixings">Every fixing, at least one.</param>
    /// <param name="certainThrough">The last day the newest fixing is known to be in force.</param>
    public LprTable(IEnumerable<LprFixing> fixings, DateOnly certainThrough)
    {
        ArgumentNullException.ThrowIfNull(fixings);
        _fixings = [.. fixings.OrderBy(f => f.Date)];
        if (_fixings.Length == 0)
        {
            throw new ArgumentException("The LPR table needs at least one fixing.", nameof(fixings));
        }

        CertainThrough = certainThrough;
    }

    /// <summary>The first fixing's date: no LPR exists before it.</summary>
    public DateOnly FirstDate => _fixings[0].Date;

    /// <summary>The last day the data is known to be complete.</summary>
    public DateOnly CertainThrough { get; }

    /// <summary>The fixing in force on <paramref name="date"/>, or <see langword="null"/> before the first fixing.</summary>
    public LprFixing? InForceOn(DateOnly date)
    {
        var low = 0;
        var high = _fixings.Length - 1;
        LprFixing? found = null;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_fixings[middle].Date <= date)
            {
                found = _fixings[middle];
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
