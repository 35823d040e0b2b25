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
        if (BalanceAtEnd(loan, basis, 0, daysPerYear) >= 0)
        {
            return 0m;
        }

        // The final balance increases with the rate: bracket, then regula falsi (Illinois).
        double low = 0, lowValue = BalanceAtEnd(loan, basis, 0, daysPerYear);
        var high = double.IsFinite(guess) && guess > 0 ? guess * 1.25 : 0.5;
        var highValue = BalanceAtEnd(loan, basis, high, daysPerYear);
        while (highValue < 0 && high < Highest)
        {
            low = high;
            lowValue = highValue;
            high *= 4;
            highValue = BalanceAtEnd(loan, basis, high, daysPerYear);
        }

        if (highValue < 0)
        {
            return (decimal)Highest;
        }

        var side = 0;
        for (var iteration = 0; iteration < 200 && high - low > 1e-13 * high; iteration++)
        {
            var next = ((low * highValue) - (high * lowValue)) / (highValue - lowValue);
            var value = BalanceAtEnd(loan, basis, next, daysPerYear);
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

    private static double BalanceAtEnd(Loan loan, double basis, double rate, int daysPerYear)
    {
        double owed = basis, interest = 0;
        var day = loan.ContractDate;
        foreach (var instalment in loan.Schedule)
        {
            if (owed > 0)
            {
                interest += owed * rate * (instalment.DueDate.DayNumber - day.DayNumber) / daysPerYear;
            }

            day = instalment.DueDate;
            var amount = instalment.Total.ToDouble();
            var toInterest = Math.Min(amount, interest);
            interest -= toInterest;
            owed -= amount - toInterest;
        }

        return owed + interest;
    }
}
