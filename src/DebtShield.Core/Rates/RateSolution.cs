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
    private readonly double _rate;
    private readonly double[]? _several;

    private RateSolution(RateSolutionKind kind, double rate, double[]? several, NoRateReason reason)
    {
        Kind = kind;
        _rate = rate;
        _several = several;
        Reason = reason;
    }

    /// <summary>Which of the three outcomes this is.</summary>
    public RateSolutionKind Kind { get; }

    /// <summary>Why there is no rate; <see cref="NoRateReason.None"/> when there is one or more.</summary>
    public NoRateReason Reason { get; }

    /// <summary>The rate, as a fraction per unit of time of the flows, when it is unique.</summary>
    /// <exception cref="InvalidOperationException">The solution is not unique.</exception>
    public double Rate => Kind == RateSolutionKind.Unique
        ? _rate
        : throw new InvalidOperationException("There is no single rate; inspect Kind first.");

    /// <summary>Every rate found, ascending: one when unique, none when there is no rate.</summary>
    /// <remarks>The one rate of a unique solution is kept without an array (a batch solves millions), so this makes one when asked.</remarks>
    public IReadOnlyList<double> Rates => Kind switch
    {
        RateSolutionKind.Unique => [_rate],
        RateSolutionKind.Several => _several!,
        _ => [],
    };

    /// <summary>True when exactly one rate exists.</summary>
    public bool IsUnique => Kind == RateSolutionKind.Unique;

    /// <summary>The unique rate, or <see langword="null"/>.</summary>
    public double? RateOrNull => IsUnique ? _rate : null;

    internal static RateSolution Unique(double rate) => new(RateSolutionKind.Unique, rate, null, NoRateReason.None);

    internal static RateSolution Several(double[] rates) => new(RateSolutionKind.Several, 0, rates, NoRateReason.None);

    internal static RateSolution NoRate(NoRateReason reason) => new(RateSolutionKind.NoRate, 0, null, reason);

    /// <summary>Every rate times <paramref name="factor"/> (per period to per year), keeping the outcome; as <see cref="Select"/> without a delegate.</summary>
    internal RateSolution Times(double factor) => Kind switch
    {
        RateSolutionKind.Unique => Unique(_rate * factor),
        RateSolutionKind.Several => Select(rate => rate * factor),
        _ => this,
    };

    /// <summary>Applies <paramref name="convert"/> to every rate, keeping the outcome.</summary>
    public RateSolution Select(Func<double, double> convert)
    {
        ArgumentNullException.ThrowIfNull(convert);
        switch (Kind)
        {
            case RateSolutionKind.Unique:
                return Unique(convert(_rate));
            case RateSolutionKind.Several:
                var converted = new double[_several!.Length];
                for (var i = 0; i < converted.Length; i++)
                {
                    converted[i] = convert(_several[i]);
                }

                return Several(converted);
            case RateSolutionKind.NoRate:
            default:
                return this;
        }
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
