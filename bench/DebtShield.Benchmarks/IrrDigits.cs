using System.Diagnostics;
using System.Globalization;
using DebtShield.Core.Rates;

namespace DebtShield.Benchmarks;

/// <summary>
/// `irr-digits COUNT`: how many of COUNT generated 12-instalment loans would get a different rate,
/// bit for bit, from <see cref="WholePeriodIrrCandidate"/> than from Core's solver, and whether the
/// candidate's rates still make the present value zero (issue 27's trade between speed and digits).
/// </summary>
/// <remarks>
/// The loans are drawn as `make-batch` draws them (invented): principal 1,000 to 49,900, up to 15%
/// deducted, a fee, 12 monthly instalments costing 5% to 59% of the principal. Each loan's IRR is
/// solved twice, on what the borrower received and on the contract principal, as the report does.
/// </remarks>
internal static class IrrDigits
{
    public static int Run(int count)
    {
        var random = new Random(20261128);
        var periods = new double[13];
        var flows = new double[13];
        for (var k = 0; k < periods.Length; k++)
        {
            periods[k] = k;
        }

        long solved = 0, differing = 0, loansDiffering = 0, notConverged = 0;
        long mostUnits = 0;
        double worstResidual = 0;
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < count; n++)
        {
            var principal = random.Next(10, 500) * 100;
            var received = principal - (random.Next(0, 4) * principal / 20);
            var fee = random.Next(0, 300) + 1;
            var instalment = Math.Round(principal * (1 + (random.Next(5, 60) / 100.0)) / 12, 2);
            for (var k = 1; k <= 12; k++)
            {
                flows[k] = -instalment;
            }

            var loanDiffers = false;
            foreach (var start in (ReadOnlySpan<double>)[received - fee, principal])
            {
                flows[0] = start;
                var core = InternalRateOfReturn.Solve(periods, flows).Rate;
                var candidate = WholePeriodIrrCandidate.Solve(flows);
                solved++;
                var units = Math.Abs(BitConverter.DoubleToInt64Bits(core) - BitConverter.DoubleToInt64Bits(candidate));
                if (units != 0)
                {
                    differing++;
                    loanDiffers = true;
                    mostUnits = Math.Max(mostUnits, units);
                }

                var residual = Residual(flows, candidate);
                if (!(residual <= 1e-9))
                {
                    notConverged++;
                }

                worstResidual = Math.Max(worstResidual, double.IsFinite(residual) ? residual : 0);
            }

            loansDiffering += loanDiffers ? 1 : 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} loans, {solved:N0} IRRs: the candidate's rate differs from Core's in {differing:N0} ({100.0 * differing / solved:0.00}%), on {loansDiffering:N0} loans ({100.0 * loansDiffering / count:0.00}%); at most {mostUnits} units in the last place apart"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidate: {notConverged} not converged; largest residual {worstResidual:E2} of the flows' size; {clock.Elapsed.TotalSeconds:0.0} s"));
        return notConverged == 0 ? 0 : 1;
    }

    /// <summary>|Σ aₖ (1 + r)^(−k)| ÷ Σ |aₖ (1 + r)^(−k)|.</summary>
    private static double Residual(double[] flows, double rate)
    {
        double sum = 0, size = 0;
        for (var k = 0; k < flows.Length; k++)
        {
            var term = flows[k] * Math.Pow(1 + rate, -k);
            sum += term;
            size += Math.Abs(term);
        }

        return Math.Abs(sum) / size;
    }
}
