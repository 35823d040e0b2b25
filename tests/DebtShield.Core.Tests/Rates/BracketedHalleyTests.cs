using DebtShield.Core.Rates;

namespace DebtShield.Core.Tests.Rates;

public sealed class BracketedHalleyTests
{
    /// <summary>
    /// arctan(u − root): rising through one root, but so flat far from it that a Newton step from
    /// more than about 1.39 away overshoots by more than it gained, and plain Newton diverges.
    /// Records every u it is evaluated at. Its third derivative, (6x² − 2)/(1 + x²)³, is never
    /// more than 2 in size, anywhere: a cubic size of 2 with no spread.
    /// </summary>
    private sealed class FlatFarOut(double root) : IRateEquation
    {
        public List<double> Visited { get; } = [];

        public double Spread => 0;

        public RateEquationPoint At(double u)
        {
            Visited.Add(u);
            var x = u - root;
            var slope = 1 / (1 + (x * x));
            return new(Math.Atan(x), slope, -2 * x * slope * slope, 1, 2);
        }

        public double NewtonStep(double u) => u - (At(u).Value / At(u).Slope);
    }

    [Fact]
    public void FindRoot_NewtonWouldLeaveTheBracket_StaysInsideItAndConverges()
    {
        // Given a guess 3 from the root, where plain Newton diverges.
        var probe = new FlatFarOut(root: 3);
        var plain = 0.0;
        for (var step = 0; step < 3; step++)
        {
            plain = probe.NewtonStep(plain);
        }

        Assert.True(Math.Abs(plain - 3) > 100, $"plain Newton should have run off; it is at {plain}");

        // When
        var equation = new FlatFarOut(root: 3);
        var u = BracketedHalley.FindRoot(equation, guess: 0);

        // Then: the root to the stated tolerance, and every point evaluated inside the bracket the
        // earlier evaluations had learnt, which only narrowed.
        Assert.InRange(u, 3 - BracketedHalley.Tolerance(3), 3 + BracketedHalley.Tolerance(3));
        var low = double.NegativeInfinity;
        var high = double.PositiveInfinity;
        foreach (var visited in equation.Visited)
        {
            Assert.InRange(visited, low, high);
            Assert.True(visited != low && visited != high, $"{visited} is on the bracket's edge [{low}, {high}]");
            if (visited < 3)
            {
                low = visited;
            }
            else
            {
                high = visited;
            }
        }

        Assert.True(equation.Visited.Count >= 3 && double.IsFinite(low) && double.IsFinite(high), "the search never bracketed the root");
    }

    /// <summary>
    /// 1 − e^(−k(u − root)): rising through one root, and so steep below it that a step from far
    /// above lands where the exponential overflows, and the value is −∞ with a size of ∞.
    /// </summary>
    private sealed class SteepBelow(double root, double k) : IRateEquation
    {
        public List<double> Visited { get; } = [];

        public double Spread => k;

        public RateEquationPoint At(double u)
        {
            Visited.Add(u);
            var falling = Math.Exp(-k * (u - root));
            return new(1 - falling, k * falling, -k * k * falling, 1 + falling, k * k * k * falling);
        }
    }

    [Fact]
    public void FindRoot_StepLandsWhereTheValueOverflows_KeepsBracketingAndConverges()
    {
        // Given a guess where Newton's step is about −e^95 / 10: the value there is −∞.
        var equation = new SteepBelow(root: 0.5, k: 10);

        // When
        var u = BracketedHalley.FindRoot(equation, guess: 10);

        // Then: an overflowed value is below the root, not at it.
        Assert.Contains(equation.Visited.ToArray(), visited => double.IsNegativeInfinity(1 - Math.Exp(-10 * (visited - 0.5))));
        Assert.InRange(u, 0.5 - BracketedHalley.Tolerance(0.5), 0.5 + BracketedHalley.Tolerance(0.5));
    }

    [Fact]
    public void FindRoot_RootFarFromTheGuess_ConvergesInFewerThanAHundredEvaluations()
    {
        // Given a root 1,000 above the guess: Newton's first step lands a million out, its next far below the bracket.
        var equation = new FlatFarOut(root: 1000);

        // When
        var u = BracketedHalley.FindRoot(equation, guess: 0);

        // Then
        Assert.InRange(u, 1000 - BracketedHalley.Tolerance(1000), 1000 + BracketedHalley.Tolerance(1000));
        Assert.True(equation.Visited.Count < 100, $"{equation.Visited.Count} evaluations");
    }
}
