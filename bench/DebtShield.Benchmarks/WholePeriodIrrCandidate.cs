namespace DebtShield.Benchmarks;

/// <summary>
/// A candidate for issue 27, kept in the bench and not in Core: the per-period IRR of flows one
/// whole period apart, by the same bracketed Newton search as Core's <c>BracketedNewton</c>, but
/// with every discount factor a power of one exponential (e^(−u·k) as (e^(−u))^k, built by
/// multiplication) instead of one <see cref="Math.Exp"/> a flow.
/// </summary>
/// <remarks>
/// <para>
/// It converges wherever Core's solver does (same bracket, same stopping rules), and its rate meets
/// the same tolerance; but its present value is rounded differently, so its root is a few units in
/// the last place away from Core's on some loans, and the batch report writes every digit of a
/// rate. <c>irr-digits COUNT</c> counts those loans. Core keeps its solver until the project
/// decides that trade (docs/benchmarks.md, 2026-12-06, helper s13-irr).
/// </para>
/// <para>Only flows at periods 0, 1, 2, … with exactly one sign change are handled: a 12-instalment loan.</para>
/// </remarks>
internal static class WholePeriodIrrCandidate
{
    private const int MaxIterations = 400;
    private const double NoiseFloor = 16 * 2.220446049250313e-16;

    /// <summary>The rate per period of <paramref name="amounts"/>, the k-th due at period k; NaN when the flows do not change sign exactly once.</summary>
    public static double Solve(ReadOnlySpan<double> amounts)
    {
        var firstSign = 0;
        var previousSign = 0;
        var pivot = -1;
        for (var i = 0; i < amounts.Length; i++)
        {
            var sign = Math.Sign(amounts[i]);
            if (sign == 0)
            {
                continue;
            }

            if (firstSign == 0)
            {
                firstSign = sign;
            }
            else if (sign != previousSign)
            {
                if (pivot >= 0)
                {
                    return double.NaN;
                }

                pivot = i;
            }

            previousSign = sign;
        }

        if (pivot < 0)
        {
            return double.NaN;
        }

        var u = FindRoot(amounts, pivot, firstSign, InitialGuess(amounts, pivot));
        return Math.Abs(u) < 1e-5 ? u * (1 + (u / 2 * (1 + (u / 3)))) : Math.Exp(u) - 1;
    }

    /// <summary>
    /// Core's first guess (the log of repaid over advanced, over the gap between their mean times)
    /// with a second-order term: each side's present value is e^(−u·mean + u²·variance/2 − …) times
    /// its total, so u·Δmean − u²·Δvariance/2 = ln(repaid/advanced); one step of that from Core's
    /// guess cuts the evaluations of a 12-instalment loan from 4.2 to 3.8 on average.
    /// </summary>
    private static double InitialGuess(ReadOnlySpan<double> amounts, int pivot)
    {
        double before = 0, beforeTime = 0, after = 0, afterTime = 0;
        for (var i = 0; i < amounts.Length; i++)
        {
            var size = Math.Abs(amounts[i]);
            if (i < pivot)
            {
                before += size;
                beforeTime += size * i;
            }
            else
            {
                after += size;
                afterTime += size * i;
            }
        }

        var meanBefore = beforeTime / before;
        var meanAfter = afterTime / after;
        double spreadBefore = 0, spreadAfter = 0;
        for (var i = 0; i < amounts.Length; i++)
        {
            var size = Math.Abs(amounts[i]);
            if (i < pivot)
            {
                spreadBefore += size * (i - meanBefore) * (i - meanBefore);
            }
            else
            {
                spreadAfter += size * (i - meanAfter) * (i - meanAfter);
            }
        }

        var gap = meanAfter - meanBefore;
        var guess = Math.Log(after / before) / gap;
        guess += ((spreadAfter / after) - (spreadBefore / before)) * guess * guess / (2 * gap);
        return double.IsFinite(guess) ? Math.Clamp(guess, -20, 20) : 0;
    }

    private static double FindRoot(ReadOnlySpan<double> amounts, int pivot, int firstSign, double guess)
    {
        var u = guess;
        var low = double.NegativeInfinity;
        var high = double.PositiveInfinity;
        var outward = 1.0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (value, slope, size) = ScaledPresentValue(amounts, pivot, firstSign, u);
            if (Math.Abs(value) <= NoiseFloor * size)
            {
                var last = u - (value / slope);
                return double.IsFinite(last) ? last : u;
            }

            var above = value > 0;
            if (above)
            {
                high = u;
            }
            else
            {
                low = u;
            }

            double next;
            var newton = u - (value / slope);
            if (double.IsFinite(newton) && newton > low && newton < high)
            {
                next = newton;
            }
            else if (double.IsFinite(low) && double.IsFinite(high))
            {
                next = low + ((high - low) / 2);
            }
            else
            {
                next = above ? u - outward : u + outward;
                outward *= 2;
            }

            if (Math.Abs(next - u) <= Tolerance(u) || (double.IsFinite(high - low) && high - low <= Tolerance(high)))
            {
                return next;
            }

            u = next;
        }

        return u;
    }

    private static double Tolerance(double u) => (4 * double.Epsilon) + (1e-15 * Math.Abs(u));

    /// <summary>
    /// Σ aₖ·e^(−u·(k − p)) turned by the first flow's sign, its slope in u and the size of its terms:
    /// two exponentials and a multiplication a flow, walking out from the pivot p both ways.
    /// </summary>
    private static (double Value, double Slope, double Size) ScaledPresentValue(ReadOnlySpan<double> amounts, int pivot, int firstSign, double u)
    {
        double value = 0, slope = 0, size = 0;
        var later = Math.Exp(-u);
        var earlier = Math.Exp(u);
        var factor = 1.0;
        for (var k = pivot; k < amounts.Length; k++)
        {
            var amount = amounts[k];
            if (amount != 0)
            {
                var term = amount * factor;
                value += term;
                slope -= (k - pivot) * term;
                size += Math.Abs(term);
            }

            factor *= later;
        }

        factor = earlier;
        for (var k = pivot - 1; k >= 0; k--)
        {
            var amount = amounts[k];
            if (amount != 0)
            {
                var term = amount * factor;
                value += term;
                slope -= (k - pivot) * term;
                size += Math.Abs(term);
            }

            factor *= earlier;
        }

        return (firstSign * value, firstSign * slope, size);
    }
}
