using DebtShield.Core.Loans;

namespace DebtShield.Core.Law;

/// <summary>
/// The contract's own rate expressed the way lawful interest accrues: the annual simple rate
/// (actual days over the day count) at which the lender's schedule, paid on time and applied to
/// interest first, repays the principal basis exactly.
/// </summary>
/// <remarks>
/// Accruing at this rate reproduces the contract: a loan paid on schedule owes nothing on its
/// last due date. Capping it at the legal line then gives what the law supports. (The nominal
/// IRR is the figure compared with a cap; months of 28 to 31 days make it differ slightly from
/// this day-based rate.)
/// </remarks>
public static class ScheduleSimpleRate
{
    private const double Highest = 1e6;

    /// <summary>Solves for the rate; zero when the schedule repays no more than the principal basis.</summary>
    public static decimal Solve(Loan loan, DayCount dayCount, double guess)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var daysPerYear = dayCount.DaysPerYear();
        var basis = loan.PrincipalBasis.ToDouble();
        var (dueDates, totals) = (loan.DueDates, loan.InstalmentTotals);

        // A schedule of up to 64 instalments lives on the stack: a batch solves this once a loan
        // (issue 27). Each stretch's days are kept as the double they are multiplied as.
        Span<(double Days, double Amount)> schedule = dueDates.Length <= 64 ? stackalloc (double, double)[dueDates.Length] : new (double, double)[dueDates.Length];
        var previous = loan.ContractDate;
        for (var i = 0; i < schedule.Length; i++)
        {
            schedule[i] = (dueDates[i].DayNumber - previous.DayNumber, totals[i].ToDouble());
            previous = dueDates[i];
        }

        // The balance at no interest is both the test and the bracket's low end: worked out once.
        double low = 0, lowValue = BalanceAtEnd(schedule, basis, 0, daysPerYear);
        if (lowValue >= 0)
        {
            return 0m;
        }

        // The final balance increases with the rate: bracket tightly around the guess (the nominal
        // IRR is within a few percent of the answer), then regula falsi (Illinois).
        if (double.IsFinite(guess) && guess > 0)
        {
            var below = guess * 0.97;
            var belowValue = BalanceAtEnd(schedule, basis, below, daysPerYear);
            if (belowValue < 0)
            {
                (low, lowValue) = (below, belowValue);
            }
        }

        var high = double.IsFinite(guess) && guess > 0 ? Math.Max(guess * 1.03, low * 1.03) : 0.5;
        var highValue = BalanceAtEnd(schedule, basis, high, daysPerYear);
        while (highValue < 0 && high < Highest)
        {
            low = high;
            lowValue = highValue;
            high *= 4;
            highValue = BalanceAtEnd(schedule, basis, high, daysPerYear);
        }

        if (highValue < 0)
        {
            return (decimal)Highest;
        }

        var side = 0;
        for (var iteration = 0; iteration < 200 && high - low > 1e-12 * high; iteration++)
        {
            var next = ((low * highValue) - (high * lowValue)) / (highValue - lowValue);
            if (!(next > low && next < high))
            {
                next = low + ((high - low) / 2);
            }

            var value = BalanceAtEnd(schedule, basis, next, daysPerYear);
            if (value == 0)
            {
                return (decimal)next;
            }

            if (value < 0)
            {
                low = next;
                lowValue = value;
                if (side == -1)
                {
                    highValue /= 2;
                }

                side = -1;
            }
            else
            {
                high = next;
                highValue = value;
                if (side == 1)
                {
                    lowValue /= 2;
                }

                side = 1;
            }
        }

        return (decimal)((low + high) / 2);
    }

    private static double BalanceAtEnd(ReadOnlySpan<(double Days, double Amount)> schedule, double basis, double rate, int daysPerYear)
    {
        double owed = basis, interest = 0;
        var daily = rate / daysPerYear;
        foreach (var (days, amount) in schedule)
        {
            if (owed > 0)
            {
                interest += owed * daily * days;
            }

            var toInterest = Math.Min(amount, interest);
            interest -= toInterest;
            owed -= amount - toInterest;
        }

        return owed + interest;
    }
}
