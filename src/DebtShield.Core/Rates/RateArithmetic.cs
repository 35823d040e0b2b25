namespace DebtShield.Core.Rates;

/// <summary>
/// The two conversions between a rate r and its logarithm u = ln(1 + r), done so that rates
/// near zero keep their relative precision (plain <c>Math.Exp(u) - 1</c> loses it).
/// </summary>
internal static class RateArithmetic
{
    /// <summary>e^u − 1, accurate for small u.</summary>
    public static double ExpM1(double u)
    {
        if (Math.Abs(u) < 1e-5)
        {
            return u * (1 + (u / 2 * (1 + (u / 3))));
        }

        return Math.Exp(u) - 1;
    }

    /// <summary>ln(1 + r), accurate for small r.</summary>
    public static double Log1P(double r)
    {
        if (Math.Abs(r) < 1e-5)
        {
            return r * (1 - (r / 2 * (1 - (r * 2 / 3))));
        }

        return Math.Log(1 + r);
    }
}
