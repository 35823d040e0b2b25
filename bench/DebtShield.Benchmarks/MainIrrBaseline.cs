namespace DebtShield.Benchmarks;

/// <summary>
/// Main's 12-instalment IRR path at e5688a6 (first-order guess, bracketed Newton confirmed by one
/// more evaluation), copied here only to be timed beside Core's in the same run (issue 27); to be
/// removed once measured. One sign change, sorted times, finite values: what the benchmark gives it.
/// </summary>
internal static class MainIrrBaseline
{
    private const int MaxIterations = 400;
    private const double NoiseFloor = 16 * 2.220446049250313e-16;

    public static double Solve(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts) => Search(times, amounts).Rate;

    /// <summary>The rate, the first guess and the root in u, and how many evaluations and bracket steps it took.</summary>
    public static (double Rate, double Guess, double Root, int Evaluations, int BracketSteps) Search(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts)
    {
        for (var i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i]) || !double.IsFinite(amounts[i]))
            {
                throw new ArgumentException("Times and amounts must be finite.", nameof(amounts));
            }
        }

        for (var i = 1; i < times.Length; i++)
        {
            if (times[i] < times[i - 1])
            {
                throw new ArgumentException("Sorted times only.", nameof(times));
            }
        }

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

        if (signChanges != 1)
        {
            throw new ArgumentException("One sign change only.", nameof(amounts));
        }

        var guess = InitialGuess(times, amounts, pivot);
        var (u, evaluations, bracketSteps) = FindRoot(times, amounts, times[pivot], firstSign, guess);
        return (Math.Abs(u) < 1e-5 ? u * (1 + (u / 2 * (1 + (u / 3)))) : Math.Exp(u) - 1, guess, u, evaluations, bracketSteps);
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

    private static (double Value, double Slope, double Size) At(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, double tau, int firstSign, double u)
    {
        double value = 0, slope = 0, size = 0;
        for (var i = 0; i < amounts.Length; i++)
        {
            if (amounts[i] == 0)
            {
                continue;
            }

            var offset = times[i] - tau;
            var term = amounts[i] * Math.Exp(-u * offset);
            value += term;
            slope -= offset * term;
            size += Math.Abs(term);
        }

        return (firstSign * value, firstSign * slope, size);
    }

    private static (double Root, int Evaluations, int BracketSteps) FindRoot(ReadOnlySpan<double> times, ReadOnlySpan<double> amounts, double tau, int firstSign, double guess)
    {
        var bracketSteps = 0;
        var u = guess;
        var low = double.NegativeInfinity;
        var high = double.PositiveInfinity;
        var outward = 1.0;
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var (value, slope, size) = At(times, amounts, tau, firstSign, u);
            if (Math.Abs(value) <= NoiseFloor * size)
            {
                var last = u - (value / slope);
                return (double.IsFinite(last) ? last : u, iteration, bracketSteps);
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
                return (next, iteration, bracketSteps);
            }

            u = next;
        }

        return (u, MaxIterations, bracketSteps);
    }

    private static double Tolerance(double u) => (4 * double.Epsilon) + (1e-15 * Math.Abs(u));
}
