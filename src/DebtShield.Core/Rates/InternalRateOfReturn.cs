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
/// monotone in u, so the root is unique and a Newton step that leaves the bracket known so far
/// is replaced by bisection or by an outward step: it converges whenever the root exists,
/// unlike guess-based Newton. When the flows change sign several times, the solver scans u from
/// r = −99.9999% to r = 10⁶ per unit of time for sign changes and refines each bracket by
/// bisection, so it reports every root it crosses. (A root where the present value touches zero
/// without crossing it is not reported.)
/// </para>
/// <para>
/// When every time is a whole number (a regular schedule's per-period IRR), the present value is
/// evaluated with powers of one exponential instead of an exponential a flow, which is most of the
/// time a 12-instalment loan takes; the solver and its tolerance are the same.
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
        var firstSign = 0;
        var previousSign = 0;
        var signChanges = 0;
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
                signChanges++;
                if (pivot < 0)
                {
                    pivot = i;
                }
            }

            previousSign = sign;
        }

        return signChanges switch
        {
            0 => RateSolution.NoRate(NoRateReason.NoSignChange),
            1 => RateSolution.Unique(RateArithmetic.ExpM1(SolveMonotone(times, amounts, pivot, firstSign))),
            _ => SolveByScan(times, amounts),
        };
    }

    /// <summary>
    /// One sign change: f(u) = Σ cₖ·e^(−u·(tₖ − τ)), with τ the time of the sign change, has the
    /// sign of the first flow times an increasing function of u, so the root is unique and every
    /// evaluation tells on which side of it we stand.
    /// </summary>
    private static double SolveMonotone(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, int pivot, int firstSign) =>
        InWholePeriods(times)
            ? BracketedNewton.FindRoot(new WholePeriodPresentValue(times, amounts, pivot, firstSign), SecondOrderGuess(times, amounts, pivot))
            : BracketedNewton.FindRoot(new ScaledPresentValue(times, amounts, times[pivot], firstSign), InitialGuess(times, amounts, pivot));

    /// <summary>
    /// True when every flow falls on a whole period (a regular schedule's per-period IRR), so each
    /// discount factor is a power of one exponential. Whole times keep every difference exact.
    /// </summary>
    private static bool InWholePeriods(ReadOnlySpan<double> times)
    {
        for (var i = 0; i < times.Length; i++)
        {
            if (times[i] != Math.Floor(times[i]) || Math.Abs(times[i]) > WholePeriodPresentValue.LongestSpan)
            {
                return false;
            }
        }

        return true;
    }

    private static double InitialGuess(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, int pivot)
    {
        double before = 0, beforeTime = 0, after = 0, afterTime = 0;
        for (var i = 0; i < pivot; i++)
        {
            var size = Math.Abs(amounts[i]);
            before += size;
            beforeTime += size * times[i];
        }

        for (var i = pivot; i < amounts.Length; i++)
        {
            var size = Math.Abs(amounts[i]);
            after += size;
            afterTime += size * times[i];
        }

        var guess = Math.Log(after / before) / ((afterTime / after) - (beforeTime / before));
        return double.IsFinite(guess) ? Math.Clamp(guess, -20, 20) : 0;
    }

    /// <summary>
    /// <see cref="InitialGuess"/> with a second-order term: each side's present value is its total
    /// times e^(−u·mean + u²·variance/2 − …) of its times, so u·Δmean − u²·Δvariance/2 = ln(repaid ÷
    /// advanced), and one step of that from the first-order guess saves about one evaluation in ten
    /// on a 12-instalment loan (4.2 → 3.8 on average, docs/benchmarks.md).
    /// </summary>
    private static double SecondOrderGuess(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, int pivot)
    {
        double before = 0, beforeTime = 0, after = 0, afterTime = 0;
        for (var i = 0; i < amounts.Length; i++)
        {
            var size = Math.Abs(amounts[i]);
            if (i < pivot)
            {
                before += size;
                beforeTime += size * times[i];
            }
            else
            {
                after += size;
                afterTime += size * times[i];
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
                spreadBefore += size * (times[i] - meanBefore) * (times[i] - meanBefore);
            }
            else
            {
                spreadAfter += size * (times[i] - meanAfter) * (times[i] - meanAfter);
            }
        }

        var gap = meanAfter - meanBefore;
        var guess = Math.Log(after / before) / gap;
        guess += ((spreadAfter / after) - (spreadBefore / before)) * guess * guess / (2 * gap);
        return double.IsFinite(guess) ? Math.Clamp(guess, -20, 20) : 0;
    }

    /// <summary>
    /// The present value scaled to τ, the time of the one sign change, and turned by the first
    /// flow's sign so that it rises with u. Zero flows are skipped and all terms on one side of τ
    /// share a sign, so an overflowed sum is ±∞, never NaN.
    /// </summary>
    private readonly ref struct ScaledPresentValue(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, double tau, int firstSign) : IRateEquation
    {
        private readonly ReadOnlySpan<double> _times = times;
        private readonly ReadOnlySpan<double> _amounts = amounts;

        public (double Value, double Slope, double Size) At(double u)
        {
            double value = 0, slope = 0, size = 0;
            for (var i = 0; i < _amounts.Length; i++)
            {
                if (_amounts[i] == 0)
                {
                    continue;
                }

                var offset = _times[i] - tau;
                var term = _amounts[i] * Math.Exp(-u * offset);
                value += term;
                slope -= offset * term;
                size += Math.Abs(term);
            }

            return (firstSign * value, firstSign * slope, size);
        }
    }

    /// <summary>
    /// <see cref="ScaledPresentValue"/> for flows a whole number of periods apart: e^(−u·d) for the
    /// d-th period from the sign change is built by multiplying e^(−u) (or e^(u) before it), two
    /// exponentials an evaluation instead of one a flow, which is most of the per-period IRR's time.
    /// </summary>
    /// <remarks>
    /// Each multiplication adds a rounding, so a power built from k of them is off by about k·ε; the
    /// power is taken afresh from an exponential at every 16th period (and across any gap that
    /// crosses one), which keeps the terms within about 16 ε of their exact values, the size of
    /// <see cref="BracketedNewton"/>'s noise floor. The rounding differs from
    /// <see cref="ScaledPresentValue"/>'s, so the root it stops at can differ from that one's in the
    /// last units of the double, within the solver's stated tolerance (CHANGELOG, "Not yet released").
    /// </remarks>
    private readonly ref struct WholePeriodPresentValue(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, int pivot, int firstSign) : IRateEquation
    {
        /// <summary>The largest time, in periods, taken this way: every offset between two is exact in an <see langword="int"/>.</summary>
        public const double LongestSpan = 1 << 24;

        private const int Restart = 16;

        private readonly ReadOnlySpan<double> _times = times;
        private readonly ReadOnlySpan<double> _amounts = amounts;

        public (double Value, double Slope, double Size) At(double u)
        {
            double value = 0, slope = 0, size = 0;
            var tau = _times[pivot];
            var later = Math.Exp(-u);
            var power = 0;
            var factor = 1.0;
            for (var k = pivot; k < _amounts.Length; k++)
            {
                var offset = (int)(_times[k] - tau);
                factor = Advance(factor, later, -u, ref power, offset);
                Add(_amounts[k], offset, factor, ref value, ref slope, ref size);
            }

            var earlier = Math.Exp(u);
            power = 0;
            factor = 1.0;
            for (var k = pivot - 1; k >= 0; k--)
            {
                var offset = (int)(tau - _times[k]);
                factor = Advance(factor, earlier, u, ref power, offset);
                Add(_amounts[k], -offset, factor, ref value, ref slope, ref size);
            }

            return (firstSign * value, firstSign * slope, size);
        }

        /// <summary>e^(exponent·target) from e^(exponent·power): by multiplication within a block of 16 periods, afresh across one.</summary>
        private static double Advance(double factor, double step, double exponent, ref int power, int target)
        {
            if (target / Restart != power / Restart)
            {
                power = target;
                return Math.Exp(exponent * target);
            }

            for (; power < target; power++)
            {
                factor *= step;
            }

            return factor;
        }

        private static void Add(double amount, int offset, double factor, ref double value, ref double slope, ref double size)
        {
            if (amount == 0)
            {
                return;
            }

            var term = amount * factor;
            value += term;
            slope -= offset * term;
            size += Math.Abs(term);
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
        for (var iteration = 0; iteration < 200 && high - low > BracketedNewton.Tolerance(high); iteration++)
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
