using System.Diagnostics;
using System.Globalization;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Rates;

namespace DebtShield.Benchmarks;

/// <summary>
/// The bracketed solver's guarantee over many generated loans (`irr-convergence COUNT`): every
/// loan's IRR, XIRR, Regulation Z APR and contract-principal IRR must come out unique, and each
/// rate must make its flows' present value zero to within 10⁻⁹ of their size. Too slow for the test
/// suite at a million loans; the published vectors are checked there.
/// </summary>
/// <remarks>
/// The loans vary more than the batch file's: 1 to 36 instalments, monthly, weekly, fortnightly
/// and 10-day schedules, odd first periods, deductions, fees and costs from 1% to 400% of the
/// principal, so the solver meets the shapes a researcher's file holds.
/// </remarks>
internal static class IrrConvergence
{
    private const double Tolerance = 1e-9;

    public static int Run(int count)
    {
        var random = new Random(20261206);
        long failures = 0;
        double worst = 0;
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < count; n++)
        {
            var loan = Generate(random, n);
            var cost = TrueCost.Of(loan);
            var flows = Flows(loan, loan.PrincipalBasis);
            var worstHere = Math.Max(
                Residual(cost.IrrPerPeriod, flows, d => cost.Period.Between(loan.ContractDate, d)),
                Residual(cost.Xirr, flows, d => (d.DayNumber - loan.ContractDate.DayNumber) / 365.0));
            worstHere = Math.Max(worstHere, cost.RegZ.Apr.IsUnique ? 0 : double.PositiveInfinity);
            if (cost.OnContractPrincipal is { } view)
            {
                var onContract = view.IrrAnnualNominal.Select(r => r / cost.Period.PerYear);
                worstHere = Math.Max(worstHere, Residual(onContract, Flows(loan, loan.Principal), d => cost.Period.Between(loan.ContractDate, d)));
            }

            if (!(worstHere <= Tolerance))
            {
                failures++;
                if (failures <= 10)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loan {n}: residual {worstHere:E2} ({loan.Schedule.Count} instalments, principal {loan.Principal.Yuan}, basis {loan.PrincipalBasis.Yuan}, repays {loan.ScheduledTotal.Yuan})"));
                }
            }

            worst = Math.Max(worst, double.IsFinite(worstHere) ? worstHere : 0);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} loans, 4 rates each: {failures} not converged; largest residual {worst:E2} of the flows' size; {clock.Elapsed.TotalSeconds:0.0} s"));
        return failures == 0 ? 0 : 1;
    }

    internal static Loan Generate(Random random, int n)
    {
        var contract = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 2000));
        var instalments = random.Next(0, 4) == 0 ? random.Next(1, 37) : 12;
        var days = random.Next(0, 5) switch { 0 => 7, 1 => 14, 2 => 10, _ => 0 };
        var oddFirst = random.Next(0, 4) == 0 ? random.Next(1, 20) : 0;
        var principal = random.Next(5, 5000) * 100m;
        var received = principal - (random.Next(0, 6) * principal / 20);
        var cost = principal * random.Next(1, 400) / 100m;
        var instalment = Math.Round((principal + cost) / instalments, 2);
        var schedule = new Instalment[instalments];
        for (var k = 1; k <= instalments; k++)
        {
            var due = (days == 0 ? contract.AddMonths(k) : contract.AddDays(k * days)).AddDays(oddFirst);
            schedule[k - 1] = new Instalment(due, new Money(instalment));
        }

        var fees = random.Next(0, 2) == 0 ? [] : new[] { new UpfrontFee("服务费", new Money(Math.Round(received * random.Next(1, 20) / 100m, 2)), contract) };
        var creation = Loan.Create($"loan-{n}", new Lender("x", LenderKind.OnlinePlatform), contract, new Money(principal), new Money(received), fees, schedule, [], null);
        return creation.Loan ?? throw new InvalidOperationException("A generated loan was refused: " + string.Join(", ", creation.Problems));
    }

    /// <summary>The borrower's flows: what they had at day 0, then every instalment.</summary>
    private static (DateOnly Date, double Amount)[] Flows(Loan loan, Money start) =>
        [(loan.ContractDate, start.ToDouble()), .. loan.Schedule.Select(i => (i.DueDate, -i.Total.ToDouble()))];

    /// <summary>|Σ aₖ (1 + r)^(−tₖ)| ÷ Σ |aₖ (1 + r)^(−tₖ)|: zero at the root; infinite when there is no single rate.</summary>
    private static double Residual(RateSolution solution, (DateOnly Date, double Amount)[] flows, Func<DateOnly, double> time)
    {
        if (!solution.IsUnique)
        {
            return double.PositiveInfinity;
        }

        double sum = 0, size = 0;
        foreach (var (date, amount) in flows)
        {
            var term = amount * Math.Pow(1 + solution.Rate, -time(date));
            sum += term;
            size += Math.Abs(term);
        }

        return Math.Abs(sum) / size;
    }
}
