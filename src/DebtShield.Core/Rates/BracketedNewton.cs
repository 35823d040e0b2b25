namespace DebtShield.Core.Rates;

/// <summary>
/// An equation in u = ln(1 + r) with exactly one root, rising through it: every evaluation says on
/// which side of the root u lies. Both rate equations of a loan have this shape (the IRR's present
/// value scaled to the sign change, Regulation Z's general equation), which is what lets one
/// solver guarantee convergence for both.
/// </summary>
internal interface IRateEquation
{
    /// <summary>
    /// The equation's value at <paramref name="u"/> (negative below the root, positive above it),
    /// its slope there, and the total size of its terms, which says how much of the value is
    /// rounding noise.
    /// </summary>
    (double Value, double Slope, double Size) At(double u);
}

/// <summary>
/// Newton's method kept inside the bracket learnt so far: the one root finder of the rate solvers.
/// </summary>
/// <remarks>
/// <para>
/// A Newton step that would leave the bracket is replaced by bisection once the root is bracketed,
/// or by an outward step that doubles each time until it is; so the search converges whenever the
/// root exists, where guess-based Newton can run off to a rate of −100% or diverge. Every u it
/// evaluates after the first lies strictly inside the bracket learnt so far, and the bracket only
/// narrows.
/// </para>
/// <para>
/// The tolerance: it stops when the value is zero to the precision its terms carry,
/// |value| ≤ 16 ε · size (ε = 2⁻⁵², the noise of a sum of that size), and returns one more Newton
/// step from there, which is free and helps; or when the step or the bracket is no wider than
/// <see cref="Tolerance"/>, 10⁻¹⁵·|u| (plus four subnormal units, for u = 0). For a loan's flows
/// this makes the present value at the returned rate zero to within about 16 ε of the size of its
/// terms; <c>InternalRateOfReturnTests</c> holds every loan-shaped series to ε·(16 + n + t/(1 + r))
/// of that size, the last two terms being the rounding of the check itself (n flows, the last at
/// time t). The results are reproducible to the bit, and the written rates carry every bit, so
/// the path to the root (first guess, order of the sums, exponentials) is part of the output:
/// changing it changes the last digits of some reports (docs/benchmarks.md, issue 27).
/// </para>
/// </remarks>
internal static class BracketedNewton
{
    private const int MaxIterations = 400;

    /// <summary>
    /// A sum of terms of total size S is known only to about n·ε·S; below 16 ε of it the value
    /// cannot tell one rate from the next.
    /// </summary>
    private const double NoiseFloor = 16 * 2.220446049250313e-16;

    /// <summary>Finds the root of <paramref name="equation"/>, starting from <paramref name="guess"/>.</summary>
    /// <returns>
    /// u within the tolerance above of the root; if 400 evaluations do not get there, the last u
    /// (the bench's <c>irr-convergence</c> and the tests would report such a rate, by its present value).
    /// </returns>
    public static double FindRoot<TEquation>(scoped in TEquation equation, double guess)
        where TEquation : IRateEquation, allows ref struct
    {
        var u = guess;
        var low = double.NegativeInfinity;
        var high = double.PositiveInfinity;
        var outward = 1.0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (value, slope, size) = equation.At(u);
            if (Math.Abs(value) <= NoiseFloor * size)
            {
                var last = u - (value / slope);
                return double.IsFinite(last) ? last : u;
            }

            // An overflowed sum is ±∞, never NaN (its terms on each side share a sign), so it still
            // says on which side of the root u lies.
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

    /// <summary>How close two values of u must be to count as the same rate.</summary>
    internal static double Tolerance(double u) => (4 * double.Epsilon) + (1e-15 * Math.Abs(u));
}
