using System.Globalization;
using System.Text;
using DebtShield.Core.Loans;
using DebtShield.Core.Rates;
using DebtShield.Import.LoanFiles;

namespace DebtShield.Benchmarks;

/// <summary>
/// What an IRR costs in evaluations of the present value (value and derivatives in one pass), over
/// generated populations (`irr-evaluations COUNT`, issue 27): how many evaluations a solve takes,
/// how many of its steps were bisections or outward steps, and how far the first guess was from
/// the root. These counts do not depend on the machine's load, unlike any timing (main's path
/// before issue 27's Halley step, and these counts for it: docs/benchmarks.md, helper s14-irr).
/// </summary>
/// <remarks>
/// Three populations: the rate batch's loans (<see cref="BatchFile"/>, 12 monthly instalments; their
/// IRR on what was received and, as the report has it, on the contract principal), the convergence
/// run's varied loans (<see cref="IrrConvergence.Generate"/>: 1 to 36 instalments, weekly to
/// monthly, odd first periods, costs up to 400%; per-period IRR and XIRR), and the property tests'
/// loan-shaped flows (one advance, 1 to 60 repayments 1 to 90 days apart, in periods of 30 days).
/// </remarks>
internal static class IrrEvaluations
{
    public static int Run(int count)
    {
        Report("rate batch (12 instalments; received and contract principal)", BatchFlows(count));
        Report("convergence loans (IRR per period and XIRR)", ConvergenceFlows(count));
        Report("property tests' loan-shaped flows", PropertyFlows(count));
        return 0;
    }

    private static void Report(string population, IEnumerable<(double[] Times, double[] Amounts)> flows)
    {
        var evaluations = new long[16];
        long solves = 0, bracketSteps = 0;
        var guessErrors = new List<double>();
        foreach (var (times, amounts) in flows)
        {
            var search = InternalRateOfReturn.SearchMonotone(times, amounts)
                ?? throw new InvalidOperationException("A generated loan does not change sign once.");
            solves++;
            evaluations[Math.Min(search.Evaluations, 15)]++;
            bracketSteps += search.BracketSteps;
            guessErrors.Add(Math.Abs(search.Guess - search.Root));
        }

        guessErrors.Sort();
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{population}: {solves:N0} solves\n");
        line.Append(CultureInfo.InvariantCulture, $"  evaluations: {Histogram(evaluations, solves)}; bracket steps {bracketSteps}\n");
        line.Append(CultureInfo.InvariantCulture, $"  first guess's error in u = ln(1 + r): median {Quantile(guessErrors, 0.5):E1}, p90 {Quantile(guessErrors, 0.9):E1}, p99 {Quantile(guessErrors, 0.99):E1}, max {guessErrors[^1]:E1}");
        Console.WriteLine(line);
    }

    private static string Histogram(long[] counts, long total)
    {
        double mean = 0;
        var parts = new List<string>();
        for (var k = 0; k < counts.Length; k++)
        {
            mean += k * (double)counts[k] / total;
            if (counts[k] > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{k}{(k == 15 ? "+" : "")}: {100.0 * counts[k] / total:0.###}%"));
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"mean {mean:0.000} ({string.Join(", ", parts)})");
    }

    private static double Quantile(List<double> sorted, double q) => sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)];

    private static IEnumerable<(double[] Times, double[] Amounts)> BatchFlows(int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"irr-evaluations-{Environment.ProcessId}.jsonl");
        BatchFile.Write(path, count);
        try
        {
            var n = 0;
            foreach (var text in File.ReadLines(path))
            {
                var loan = LoanFileReader.Read(Encoding.UTF8.GetBytes(text), $"b{n++}").Loan
                    ?? throw new InvalidOperationException("A batch line was refused.");
                var period = RepaymentPeriod.Of(loan.ContractDate, DueDates(loan));
                yield return PerPeriod(loan, loan.PrincipalBasis.ToDouble(), period);
                if (loan.UpfrontDeduction.IsPositive)
                {
                    yield return PerPeriod(loan, loan.Principal.ToDouble(), period);
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<(double[] Times, double[] Amounts)> ConvergenceFlows(int count)
    {
        var random = new Random(20261206);
        for (var n = 0; n < count; n++)
        {
            var loan = IrrConvergence.Generate(random, n);
            yield return PerPeriod(loan, loan.PrincipalBasis.ToDouble(), RepaymentPeriod.Of(loan.ContractDate, DueDates(loan)));
            var years = new double[loan.Schedule.Count + 1];
            for (var i = 0; i < loan.Schedule.Count; i++)
            {
                years[i + 1] = (loan.Schedule[i].DueDate.DayNumber - loan.ContractDate.DayNumber) / 365.0;
            }

            yield return (years, Amounts(loan, loan.PrincipalBasis.ToDouble()));
        }
    }

    private static IEnumerable<(double[] Times, double[] Amounts)> PropertyFlows(int count)
    {
        var random = new Random(20261207);
        for (var n = 0; n < count; n++)
        {
            var payments = random.Next(1, 61);
            var times = new double[payments + 1];
            var amounts = new double[payments + 1];
            amounts[0] = random.Next(1, 1_000_001);
            for (var i = 1; i <= payments; i++)
            {
                times[i] = times[i - 1] + (random.Next(1, 91) / 30.0);
                amounts[i] = -random.Next(1, 100_001);
            }

            yield return (times, amounts);
        }
    }

    /// <summary>The flows as <see cref="TrueCost"/> solves them: what the borrower had at 0, then every instalment, in periods.</summary>
    private static (double[] Times, double[] Amounts) PerPeriod(Loan loan, double start, RepaymentPeriod period)
    {
        var times = new double[loan.Schedule.Count + 1];
        for (var i = 0; i < loan.Schedule.Count; i++)
        {
            times[i + 1] = period.Between(loan.ContractDate, loan.Schedule[i].DueDate);
        }

        return (times, Amounts(loan, start));
    }

    private static DateOnly[] DueDates(Loan loan) => [.. loan.Schedule.Select(i => i.DueDate)];

    private static double[] Amounts(Loan loan, double start)
    {
        var amounts = new double[loan.Schedule.Count + 1];
        amounts[0] = start;
        for (var i = 0; i < loan.Schedule.Count; i++)
        {
            amounts[i + 1] = -loan.Schedule[i].Total.ToDouble();
        }

        return amounts;
    }
}
