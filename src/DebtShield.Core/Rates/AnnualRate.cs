namespace DebtShield.Core.Rates;

/// <summary>
/// A rate per year, with the method that produced it; the same loan has several, and mixing
/// them up is how a 46% loan gets advertised as 18%.
/// </summary>
/// <param name="Fraction">The rate as a fraction: 0.2399 for 23.99%.</param>
/// <param name="Method">How the rate was annualised.</param>
public readonly record struct AnnualRate(double Fraction, AnnualisationMethod Method)
{
    /// <summary>The rate in percent: 23.99 for 0.2399.</summary>
    public double Percent => Fraction * 100;
}

/// <summary>How a rate per year was obtained.</summary>
public enum AnnualisationMethod
{
    /// <summary>
    /// A per-period rate times the periods in a year, without compounding: how lenders in China
    /// disclose an "IRR" rate, and the figure a simple annual cap is compared with.
    /// </summary>
    Nominal,

    /// <summary>A per-period rate compounded over a year: (1 + r)^n − 1.</summary>
    Effective,

    /// <summary>
    /// The PBOC's simple (APR) method: total cost over the principal, divided by the term in
    /// years. It ignores that the principal is repaid along the way, so it understates the cost
    /// of an instalment loan; it is the figure lenders like to quote.
    /// </summary>
    Simple,

    /// <summary>The actuarial method of US Regulation Z, Appendix J: a reference the world can check.</summary>
    Actuarial,
}
