namespace DebtShield.Core.Loans;

/// <summary>
/// The rate the lender advertised, exactly as shown: "日利率 0.05%" is
/// <c>new AdvertisedRate(0.0005, RatePer.Day, AdvertisedMethod.Nominal)</c>.
/// </summary>
/// <remarks>
/// Lenders quote a small per-day or per-month figure because it looks cheap. The product turns
/// it into a nominal annual figure with the same simple arithmetic (a day rate × 365, a month
/// rate × 12) and shows it beside the real cost, so the borrower sees the gap.
/// </remarks>
public sealed record AdvertisedRate
{
    /// <summary>Creates an advertised rate; <paramref name="value"/> is a fraction (0.0005 for 0.05%).</summary>
    public AdvertisedRate(double value, RatePer per, AdvertisedMethod method)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An advertised rate must be finite.");
        }

        if (!Enum.IsDefined(per) || !Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(per), "Unknown rate unit or method.");
        }

        Value = value;
        Per = per;
        Method = method;
    }

    /// <summary>The advertised figure as a fraction per <see cref="Per"/>.</summary>
    public double Value { get; }

    /// <summary>The time unit the figure is quoted per.</summary>
    public RatePer Per { get; }

    /// <summary>How the lender says the figure was computed.</summary>
    public AdvertisedMethod Method { get; }

    /// <summary>
    /// The figure as a nominal annual fraction: a day rate × 365, a month rate × 12, a year rate as it is.
    /// </summary>
    public double NominalAnnual => Per switch
    {
        RatePer.Day => Value * 365,
        RatePer.Month => Value * 12,
        RatePer.Year => Value,
    };
}

/// <summary>The time unit an advertised rate is quoted per.</summary>
public enum RatePer
{
    /// <summary>Per day (日利率, 日息).</summary>
    Day,

    /// <summary>Per month (月利率, 月费率).</summary>
    Month,

    /// <summary>Per year (年利率, 年化).</summary>
    Year,
}

/// <summary>How the lender says an advertised rate was computed.</summary>
public enum AdvertisedMethod
{
    /// <summary>Not stated.</summary>
    Unknown,

    /// <summary>A nominal interest rate on the outstanding principal.</summary>
    Nominal,

    /// <summary>An annualized rate by the IRR method.</summary>
    Irr,

    /// <summary>An annualized rate by the simple (APR) method.</summary>
    Apr,

    /// <summary>A fee rate on the original principal every period (费率), whatever remains outstanding.</summary>
    FeeRate,
}
