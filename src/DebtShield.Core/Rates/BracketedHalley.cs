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
    /// How fast the equation's terms can change over a step δ: the size of its terms at u + δ is at
    /// least e^(−|δ|·spread) times their size at u, and its third derivative there at most
    /// e^(|δ|·spread) times <see cref="RateEquationPoint.CubicSize"/> at u. It is what lets the solver
    /// bound the equation's value at its next step without evaluating it there.
    /// </summary>
    double Spread { get; }

    /// <summary>The equation's value at <paramref name="u"/> (negative below the root, positive above it) and what bounds it nearby.</summary>
    RateEquationPoint At(double u);
}

/// <summary>
/// The equation at one u: its value, first and second derivatives, the total size of its terms
/// (which says how much of the value is rounding noise), and the size of the terms of its third
/// derivative, so that |f‴(u + δ)| ≤ <see cref="CubicSize"/>·e^(|δ|·spread).
/// </summary>
internal readonly record struct RateEquationPoint(double Value, double Slope, double Curvature, double Size, double CubicSize);

/// <summary>How a root search went: where it started, where it ended, and what it cost.</summary>
/// <param name="Guess">The first u evaluated.</param>
/// <param name="Root">The u returned.</param>
/// <param name="Evaluations">How many times the equation was evaluated (value and its derivatives together).</param>
/// <param name="BracketSteps">How many of the steps were bisections or outward steps rather than Halley's or Newton's.</param>
internal readonly record struct RootSearch(double Guess, double Root, int Evaluations, int BracketSteps);

/// <summary>
/// Halley's method kept inside the bracket learnt so far: the one root finder of the rate solvers.
/// </summary>
/// <remarks>
/// <para>
/// Named for what it does: the step inside the bracket is Halley's, Newton's only where the curvature
/// makes Halley's model unreliable (it was a bracketed Newton's method until issue 27, and was named so).
/// </para>
/// <para>
/// A step that would leave the bracket is replaced by bisection once the root is bracketed, or by
/// an outward step that doubles each time until it is; so the search converges whenever the root
/// exists, where guess-based Newton can run off to a rate of −100% or diverge. Every u it
/// evaluates after the first lies strictly inside the bracket learnt so far, and the bracket only
/// narrows. A step that does not at least halve the one before is replaced by bisection, or
/// doubled while the root is not yet bracketed, so the search never crawls where one exponential
/// outweighs the rest. Inside the bracket the step is Halley's (the second derivative comes from
/// the same pass as the value, so it costs no exponential), falling back to Newton's where the
/// curvature is large against the slope: near the root each evaluation triples the correct
/// digits, and a 12-instalment loan's IRR takes one or two evaluations where Newton took four or
/// five (docs/benchmarks.md, issue 27).
/// </para>
/// <para>
/// The tolerance: it stops in one of three ways. (1) The value is zero to the precision its terms
/// carry, |value| ≤ 16 ε · size (ε = 2⁻⁵², the noise of a sum of that size); it returns one more
/// Newton step from there, which is free and helps. (2) The next step's value is bounded without
/// evaluating it: Taylor's theorem bounds what the step leaves, the residual of the quadratic model
/// plus |h|³/6 times the bound on the third derivative, and when that is at most ε · size (a sixteenth
/// of the noise floor of (1)) the step is returned. Like the last step of (1), what it lands on is then
/// limited by the rounding of the evaluation it was taken from, not by the method. (3) The step or the
/// bracket is no wider than <see cref="Tolerance"/>, 10⁻¹⁵·|u| (plus four subnormal units, for u = 0).
/// For a loan's flows this makes the present value at the returned rate zero to within about 16 ε
/// of the size of its terms; <c>InternalRateOfReturnTests</c> holds every loan-shaped series to
/// ε·(16 + n + t/(1 + r)) of that size, the last two terms being the rounding of the check itself
/// (n flows, the last at time t). The results are reproducible to the bit, and the written rates
/// carry every bit, so the path to the root (first guess, step, order of the sums, exponentials)
/// is part of the output: changing it changes the last digits of some reports (docs/benchmarks.md,
/// issue 27).
/// </para>
/// </remarks>
internal static class BracketedHalley
{
    private const int MaxIterations = 400;

    /// <summary>2⁻⁵², the spacing of doubles at 1.</summary>
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>
    /// A sum of terms of total size S is known only to about n·ε·S; below 16 ε of it the value
    /// cannot tell one rate from the next.
    /// </summary>
    private const double NoiseFloor = 16 * Epsilon;

    /// <summary>
    /// Halley's step divides Newton's by 1 + t, t = f″·(Newton's step)/(2 f′); beyond this |t| the
    /// curvature dominates, the quadratic model says little about the root and Newton's step is taken.
    /// </summary>
    private const double HalleyLimit = 0.5;

    /// <summary>
    /// The bound of stopping rule (2) is used only for steps with |h|·spread ≤ 2⁻⁶, where every
    /// term grows by at most e^(1/64) &lt; <see cref="NearGrowth"/>.
    /// </summary>
    private const double NearStep = 1.0 / 64;

    private const double NearGrowth = 1.016;

    /// <summary>Finds the root of <paramref name="equation"/>, starting from <paramref name="guess"/>.</summary>
    /// <returns>
    /// u within the tolerance above of the root; if 400 evaluations do not get there, the last u
    /// (the bench's <c>irr-convergence</c> and the tests would report such a rate, by its present value).
    /// </returns>
    public static double FindRoot<TEquation>(scoped in TEquation equation, double guess)
        where TEquation : IRateEquation, allows ref struct =>
        Search(equation, guess).Root;

    /// <summary>As <see cref="FindRoot"/>, saying also what the search cost (the bench's <c>irr-evaluations</c> and the tests count it).</summary>
    public static RootSearch Search<TEquation>(scoped in TEquation equation, double guess)
        where TEquation : IRateEquation, allows ref struct
    {
        var u = guess;
        var low = double.NegativeInfinity;
        var high = double.PositiveInfinity;
        var outward = 1.0;
        var spread = equation.Spread;
        var bracketSteps = 0;
        var previousStep = double.PositiveInfinity;
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var (value, slope, curvature, size, cubicSize) = equation.At(u);

            // An overflowed value is no measure of the root's distance, whatever its size says.
            if (double.IsFinite(value) && Math.Abs(value) <= NoiseFloor * size)
            {
                var last = u - (value / slope);
                return new(guess, double.IsFinite(last) ? last : u, iteration, bracketSteps);
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

            // Newton's step n, and Halley's n / (1 + t): the root of the quadratic model to second
            // order, whose model value v + f′h + f″h²/2 is then exactly −f″·n²·t / (2 (1 + t)²).
            var newton = -(value / slope);
            var t = curvature * newton / (2 * slope);
            double step, modelled;
            if (Math.Abs(t) <= HalleyLimit)
            {
                step = newton / (1 + t);
                modelled = Math.Abs(curvature * newton * newton * t) / (2 * (1 + t) * (1 + t));
            }
            else
            {
                step = newton;
                modelled = Math.Abs(curvature * newton * newton) / 2;
            }

            // A step is taken only if it at least halves the one before: where one exponential
            // outweighs the rest, Newton's steps stay about 1/spread long and would crawl for
            // hundreds of evaluations. Such a step is replaced by bisection once the root is
            // bracketed, or doubled while it is not.
            double next;
            var stepped = u + step;
            var inside = double.IsFinite(stepped) && stepped > low && stepped < high;
            if (inside && Math.Abs(step) <= previousStep / 2)
            {
                next = stepped;
                var reach = Math.Abs(step);
                if (reach * spread <= NearStep
                    && (modelled + (NearGrowth * cubicSize * reach * reach * reach / 6)) * NearGrowth <= Epsilon * size)
                {
                    return new(guess, next, iteration, bracketSteps);
                }
            }
            else if (double.IsFinite(low) && double.IsFinite(high))
            {
                next = low + ((high - low) / 2);
                bracketSteps++;
            }
            else if (inside)
            {
                var doubled = u + (2 * step);
                next = double.IsFinite(doubled) ? doubled : stepped;
                bracketSteps++;
            }
            else
            {
                next = above ? u - outward : u + outward;
                outward *= 2;
                bracketSteps++;
            }

            if (Math.Abs(next - u) <= Tolerance(u) || (double.IsFinite(high - low) && high - low <= Tolerance(high)))
            {
                return new(guess, next, iteration, bracketSteps);
            }

            previousStep = Math.Abs(next - u);
            u = next;
        }

        return new(guess, u, MaxIterations, bracketSteps);
    }

    /// <summary>How close two values of u must be to count as the same rate.</summary>
    internal static double Tolerance(double u) => (4 * double.Epsilon) + (1e-15 * Math.Abs(u));
}
