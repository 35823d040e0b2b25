namespace DebtShield.Core.Rates;

/// <summary>
/// Finds the rates r &gt; −1 at which a series of cash flows has a present value of zero:
/// Σ amountₖ · (1 + r)^(−timeₖ) = 0.
/// </summary>
/// <remarks>
/// <para>
/// Times are in any unit (periods for a per-period IRR, years of 365 days for XIRR) and the rate
/// is per that unit. Signs are the caller's choice: the roots are the same from the borrower's
/// side and the lender's.
/// </para>
/// <para>
/// The solver works in u = ln(1 + r), where every r &gt; −1 is reachable and a 7-day loan costing
/// 40% a week is as easy as a mortgage. When the flows change sign once (every ordinary loan:
/// money in, then repayments), the present value scaled to the time of the sign change is
/// monotone in u, so the root is unique and a step that leaves the bracket known so far
/// is replaced by bisection or by an outward step: it converges whenever the root exists,
/// unlike guess-based Newton. When the flows change sign several times, the solver scans u from
/// r = −99.9999% to r = 10⁶ per unit of time for sign changes and refines each bracket by
/// bisection, so it reports every root it crosses. (A root where the present value touches zero
/// without crossing it is not reported.)
/// </para>
/// </remarks>
public static class InternalRateOfReturn
{
    private const double ScanLow = -13.815510557964274; // ln(1e-6): r = −99.9999%
    private const double ScanHigh = 13.815511557963774; // ln(1e6 + 1)
    private const int ScanSteps = 2800;

    /// <summary>
    /// Solves Σ amountₖ · (1 + r)^(−timeₖ) = 0 for r &gt; −1.
    /// </summary>
    /// <param name="times">When each flow happens, in the unit the rate is wanted per; any order.</param>
    /// <param name="amounts">The flows, one per time; money in and out have opposite signs.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or hold a non-finite value.</exception>
    public static RateSolution Solve(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts)
    {
        if (times.Length != amounts.Length)
        {
            throw new ArgumentException("Every flow needs exactly one time.", nameof(times));
        }

        for (var i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i]) || !double.IsFinite(amounts[i]))
            {
                throw new ArgumentException("Times and amounts must be finite.", nameof(amounts));
            }
        }

        if (!IsSorted(times))
        {
            var sortedTimes = times.ToArray();
            var sortedAmounts = amounts.ToArray();
            Array.Sort(sortedTimes, sortedAmounts);
            return SolveSorted(sortedTimes, sortedAmounts);
        }

        return SolveSorted(times, amounts);
    }

    private static bool IsSorted(ReadOnlySpan<double> times)
    {
        for (var i = 1; i < times.Length; i++)
        {
            if (times[i] < times[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static RateSolution SolveSorted(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts)
    {
        var (signChanges, pivot, firstSign) = SignChanges(amounts);
        return signChanges switch
        {
            0 => RateSolution.NoRate(NoRateReason.NoSignChange),
            1 => RateSolution.Unique(RateArithmetic.ExpM1(SearchMonotone(times, amounts, pivot, firstSign).Root)),
            _ => SolveByScan(times, amounts),
        };
    }

    /// <summary>
    /// The search for the one root of sorted flows that change sign once, as <see cref="Solve"/>
    /// makes it; <see langword="null"/> for other flows. For counting what a solve costs (the
    /// bench's <c>irr-evaluations</c> and the tests), not for rates.
    /// </summary>
    internal static RootSearch? SearchMonotone(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts)
    {
        var (signChanges, pivot, firstSign) = SignChanges(amounts);
        return signChanges == 1 && IsSorted(times) ? SearchMonotone(times, amounts, pivot, firstSign) : null;
    }

    /// <summary>How often the nonzero flows change sign, where they first do, and the first one's sign.</summary>
    private static (int Count, int Pivot, int FirstSign) SignChanges(ReadOnlySpan<double> amounts)
    {
        var firstSign = 0;
        var previousSign = 0;
        var signChanges = 0;
        var pivot = -1;
        for (var i = 0; i < amounts.Length; i++)
        {
            // Math.Sign's, for the finite amounts Solve admits, without its check for NaN.
            var amount = amounts[i];
            var sign = amount > 0 ? 1 : amount < 0 ? -1 : 0;
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
                signChanges++;
                if (pivot < 0)
                {
                    pivot = i;
                }
            }

            previousSign = sign;
        }

        return (signChanges, pivot, firstSign);
    }

    /// <summary>
    /// One sign change: f(u) = Σ cₖ·e^(−u·(tₖ − τ)), with τ the time of the sign change, has the
    /// sign of the first flow times an increasing function of u, so the root is unique and every
    /// evaluation tells on which side of it we stand.
    /// </summary>
    private static RootSearch SearchMonotone(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, int pivot, int firstSign) =>
        BracketedHalley.Search(new ScaledPresentValue(times, amounts, times[pivot], firstSign), InitialGuess(times, amounts, pivot));

    /// <summary>
    /// Where the search starts: each side of the sign change taken as a lump of its size at its
    /// mean time, widened by its spread of times. With Bₖ and Aₖ the flows before and after τ,
    /// ln Σ|cₖ|·e^(−u·oₖ) = ln C − u·μ + u²·σ²/2 + … (C, μ, σ² the side's size, mean offset and
    /// variance of offsets), so the root is near that of (σ_A² − σ_B²)/2 · u² − (μ_A − μ_B)·u + ln(A/B).
    /// For twelve equal instalments this lands within about 10⁻⁵ of the root at ordinary rates
    /// and 10⁻³ at 200% cost, where the first-order guess ln(A/B)/(μ_A − μ_B) is 10⁻³ to 10⁻¹
    /// away: close enough that two evaluations finish (<see cref="BracketedHalley"/>).
    /// </summary>
    private static double InitialGuess(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, int pivot)
    {
        var tau = times[pivot];
        var (before, beforeMean, beforeVariance) = Moments(times[..pivot], amounts[..pivot], tau);
        var (after, afterMean, afterVariance) = Moments(times[pivot..], amounts[pivot..], tau);
        var logRatio = Math.Log(after / before);
        var distance = afterMean - beforeMean;
        var bend = (afterVariance - beforeVariance) / 2;

        // The quadratic's root nearer the first-order guess, in the form without cancellation.
        var discriminant = (distance * distance) - (4 * bend * logRatio);
        var guess = discriminant >= 0
            ? 2 * logRatio / (distance + Math.Sqrt(discriminant))
            : logRatio / distance;
        return double.IsFinite(guess) ? Math.Clamp(guess, -20, 20) : 0;
    }

    /// <summary>The flows' total size, and the mean and variance of their offsets from τ weighted by size.</summary>
    private static (double Size, double Mean, double Variance) Moments(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, double tau)
    {
        double size = 0, first = 0, second = 0;
        for (var i = 0; i < amounts.Length; i++)
        {
            var weight = Math.Abs(amounts[i]);
            var offset = times[i] - tau;
            size += weight;
            first += weight * offset;
            second += weight * offset * offset;
        }

        var mean = first / size;
        return (size, mean, Math.Max(0, (second / size) - (mean * mean)));
    }

    /// <summary>
    /// The present value scaled to τ, the time of the one sign change, and turned by the first
    /// flow's sign so that it rises with u. Zero flows are skipped and all terms on one side of τ
    /// share a sign, so an overflowed sum is ±∞, never NaN.
    /// </summary>
    /// <remarks>
    /// Each term cₖ·e^(−u·oₖ), oₖ = tₖ − τ, has the derivatives (−oₖ)ʲ times itself, so the value,
    /// the slope, the curvature and the third derivative's bound come from the one exponential a
    /// term; and a term changes by at most e^(|δ|·|oₖ|) over δ, so the spread is the largest |oₖ|.
    /// </remarks>
    private readonly ref struct ScaledPresentValue(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, double tau, int firstSign) : IRateEquation
    {
        private readonly ReadOnlySpan<double> _times = times;
        private readonly ReadOnlySpan<double> _amounts = amounts;

        public double Spread
        {
            get
            {
                double spread = 0;
                for (var i = 0; i < _amounts.Length; i++)
                {
                    if (_amounts[i] != 0)
                    {
                        spread = Math.Max(spread, Math.Abs(_times[i] - tau));
                    }
                }

                return spread;
            }
        }

        public RateEquationPoint At(double u)
        {
            double value = 0, slope = 0, curvature = 0, size = 0, cubicSize = 0;
            for (var i = 0; i < _amounts.Length; i++)
            {
                if (_amounts[i] == 0)
                {
                    continue;
                }

                var offset = _times[i] - tau;
                var term = _amounts[i] * Math.Exp(-u * offset);
                var squared = offset * offset;
                var termSize = Math.Abs(term);
                value += term;
                slope -= offset * term;
                curvature += squared * term;
                size += termSize;
                cubicSize += squared * Math.Abs(offset) * termSize;
            }

            return new(firstSign * value, firstSign * slope, firstSign * curvature, size, cubicSize);
        }
    }

    private static RateSolution SolveByScan(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts)
    {
        var tau = (times[0] + times[^1]) / 2;
        var roots = new List<double>();
        var step = (ScanHigh - ScanLow) / ScanSteps;
        var previousU = ScanLow;
        var previousSign = ScaledSign(times, amounts, tau, previousU);
        if (previousSign == 0)
        {
            roots.Add(previousU);
        }

        for (var k = 1; k <= ScanSteps; k++)
        {
            var u = ScanLow + (k * step);
            var sign = ScaledSign(times, amounts, tau, u);
            if (sign == 0)
            {
                roots.Add(u);
            }
            else if (previousSign != 0 && sign != previousSign)
            {
                roots.Add(Bisect(times, amounts, tau, previousU, u, previousSign));
            }

            previousU = u;
            previousSign = sign;
        }

        if (roots.Count == 0)
        {
            return RateSolution.NoRate(NoRateReason.NoRoot);
        }

        var rates = roots.Select(RateArithmetic.ExpM1).ToArray();
        return rates.Length == 1 ? RateSolution.Unique(rates[0]) : RateSolution.Several(rates);
    }

    private static double Bisect(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, double tau, double low, double high, int lowSign)
    {
        for (var iteration = 0; iteration < 200 && high - low > BracketedHalley.Tolerance(high); iteration++)
        {
            var middle = low + ((high - low) / 2);
            var sign = ScaledSign(times, amounts, tau, middle);
            if (sign == 0)
            {
                return middle;
            }

            if (sign == lowSign)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low + ((high - low) / 2);
    }

    /// <summary>The sign of the present value, computed with every exponent shifted so none overflows.</summary>
    private static int ScaledSign(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, double tau, double u)
    {
        var largest = double.NegativeInfinity;
        for (var i = 0; i < times.Length; i++)
        {
            if (amounts[i] != 0)
            {
                largest = Math.Max(largest, -u * (times[i] - tau));
            }
        }

        double sum = 0;
        for (var i = 0; i < times.Length; i++)
        {
            if (amounts[i] == 0)
            {
                continue;
            }

            sum += amounts[i] * Math.Exp((-u * (times[i] - tau)) - largest);
        }

        return Math.Sign(sum);
    }
}
