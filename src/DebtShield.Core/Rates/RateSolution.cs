namespace DebtShield.Core.Rates;

/// <summary>
/// What a rate solver found: exactly one rate, no rate, or several rates.
/// </summary>
/// <remarks>
/// "No rate" and "several rates" are answers, not errors: a schedule that repays less than it
/// lent in every scenario has no rate, and a schedule with money flowing back and forth can have
/// more than one. A borrower must be told which, never shown a number a guess happened to land on.
/// </remarks>
public readonly record struct RateSolution
{
    private readonly double[]? _rates;

    private RateSolution(RateSolutionKind kind, double[]? rates, NoRateReason reason)
    {
        Kind = kind;
        _rates = rates;
        Reason = reason;
    }

    /// <summary>Which of the three outcomes this is.</summary>
    public RateSolutionKind Kind { get; }

    /// <summary>Why there is no rate; <see cref="NoRateReason.None"/> when there is one or more.</summary>
    public NoRateReason Reason { get; }

    /// <summary>The rate, as a fraction per unit of time of the flows, when it is unique.</summary>
    /// <exception cref="InvalidOperationException">The solution is not unique.</exception>
    public double Rate => Kind == RateSolutionKind.Unique
        ? _rates![0]
        : throw new InvalidOperationException("There is no single rate; inspect Kind first.");

    /// <summary>Every rate found, ascending: one when unique, none when there is no rate.</summary>
    public IReadOnlyList<double> Rates => _rates ?? [];

    /// <summary>True when exactly one rate exists.</summary>
    public bool IsUnique => Kind == RateSolutionKind.Unique;

    /// <summary>The unique rate, or <see langword="null"/>.</summary>
    public double? RateOrNull => IsUnique ? _rates![0] : null;

    internal static RateSolution Unique(double rate) => new(RateSolutionKind.Unique, [rate], NoRateReason.None);

    internal static RateSolution Several(double[] rates) => new(RateSolutionKind.Several, rates, NoRateReason.None);

    internal static RateSolution NoRate(NoRateReason reason) => new(RateSolutionKind.NoRate, null, reason);

    /// <summary>Applies <paramref name="convert"/> to every rate, keeping the outcome.</summary>
    public RateSolution Select(Func<double, double> convert)
    {
        ArgumentNullException.ThrowIfNull(convert);
        if (_rates is null)
        {
            return this;
        }

        var converted = new double[_rates.Length];
        for (var i = 0; i < converted.Length; i++)
        {
            converted[i] = convert(_rates[i]);
        }

        return new RateSolution(Kind, converted, Reason);
    }
}

/// <summary>The three outcomes of a rate solver.</summary>
public enum RateSolutionKind
{
    /// <summary>Exactly one rate makes the flows' present value zero.</summary>
    Unique,

    /// <summary>No rate above −100% does.</summary>
    NoRate,

    /// <summary>More than one rate does; none of them is "the" rate.</summary>
    Several,
}

/// <summary>Why no rate exists.</summary>
public enum NoRateReason
{
    /// <summary>A rate exists.</summary>
    None,

    /// <summary>Every flow has the same sign (or is zero): money only goes one way.</summary>
    NoSignChange,

    /// <summary>The flows change sign, but no rate above −100% balances them.</summary>
    NoRoot,
}
