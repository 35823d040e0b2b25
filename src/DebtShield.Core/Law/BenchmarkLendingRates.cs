namespace DebtShield.Core.Law;

/// <summary>
/// The term buckets of the PBOC benchmark lending rates (金融机构人民币贷款基准利率) before the
/// LPR: a loan takes the rate of the bucket its term falls in, each bucket including its upper end.
/// </summary>
public enum BenchmarkTerm
{
    /// <summary>六个月以内（含六个月）.</summary>
    UpToSixMonths,

    /// <summary>六个月至一年（含一年）.</summary>
    UpToOneYear,

    /// <summary>一至三年（含三年）.</summary>
    UpToThreeYears,

    /// <summary>三至五年（含五年）.</summary>
    UpToFiveYears,

    /// <summary>五年以上.</summary>
    OverFiveYears,
}

/// <summary>One change of the benchmark lending rates, with the rate of every term from that day.</summary>
/// <param name="Date">The day the change took effect; it applies until the next change.</param>
/// <param name="UpToSixMonths">Annual fraction for terms up to six months (0.056 for 5.60%).</param>
/// <param name="UpToOneYear">Annual fraction for terms over six months up to one year.</param>
/// <param name="UpToThreeYears">Annual fraction for terms over one year up to three years.</param>
/// <param name="UpToFiveYears">Annual fraction for terms over three years up to five years.</param>
/// <param name="OverFiveYears">Annual fraction for terms over five years.</param>
/// <param name="Status">How well the row is checked.</param>
/// <remarks>
/// From 2014-11-22 the PBOC published three terms only (up to one year, one to five years, over
/// five years); the data then gives the merged buckets the same rate, so a lookup needs no special case.
/// </remarks>
public sealed record BenchmarkRateChange(
    DateOnly Date,
    decimal UpToSixMonths,
    decimal UpToOneYear,
    decimal UpToThreeYears,
    decimal UpToFiveYears,
    decimal OverFiveYears,
    FactStatus Status)
{
    /// <summary>The rate for loans of <paramref name="term"/>.</summary>
    public decimal RateFor(BenchmarkTerm term) => term switch
    {
        BenchmarkTerm.UpToSixMonths => UpToSixMonths,
        BenchmarkTerm.UpToOneYear => UpToOneYear,
        BenchmarkTerm.UpToThreeYears => UpToThreeYears,
        BenchmarkTerm.UpToFiveYears => UpToFiveYears,
        BenchmarkTerm.OverFiveYears => OverFiveYears,
    };
}

/// <summary>
/// The PBOC benchmark lending rates from 1991 until the LPR replaced them: the rates in force on a
/// day are those of the latest change that took effect on or before it.
/// </summary>
public sealed class BenchmarkLendingRates
{
    private readonly BenchmarkRateChange[] _changes;
    private readonly DateOnly[] _dates;

    /// <summary>Creates the table from changes in any order.</summary>
    /// <param name="changes">Every change, at least one, no two on the same day.</param>
    public BenchmarkLendingRates(IEnumerable<BenchmarkRateChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _changes = [.. changes.OrderBy(c => c.Date)];
        if (_changes.Length == 0)
        {
            throw new ArgumentException("The benchmark table needs at least one change.", nameof(changes));
        }

        _dates = [.. _changes.Select(c => c.Date)];
        if (_dates.Distinct().Count() != _dates.Length)
        {
            throw new ArgumentException("Two benchmark changes fall on the same day.", nameof(changes));
        }
    }

    /// <summary>Every change, oldest first.</summary>
    public IReadOnlyList<BenchmarkRateChange> Changes => _changes;

    /// <summary>The change in force on <paramref name="date"/>, or <see langword="null"/> before the first one.</summary>
    public BenchmarkRateChange? InForceOn(DateOnly date)
    {
        var index = Array.BinarySearch(_dates, date);
        var found = index >= 0 ? index : ~index - 1;
        return found >= 0 ? _changes[found] : null;
    }

    /// <summary>
    /// The bucket of a loan running from <paramref name="from"/> to <paramref name="to"/>, each
    /// bucket including its upper end by calendar months (a loan of exactly six months is "up to six months").
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static BenchmarkTerm TermOf(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException("A loan cannot end before it starts.", nameof(to));
        }

        return to <= from.AddMonths(6) ? BenchmarkTerm.UpToSixMonths
            : to <= from.AddMonths(12) ? BenchmarkTerm.UpToOneYear
            : to <= from.AddMonths(36) ? BenchmarkTerm.UpToThreeYears
            : to <= from.AddMonths(60) ? BenchmarkTerm.UpToFiveYears
            : BenchmarkTerm.OverFiveYears;
    }
}
