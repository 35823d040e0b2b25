namespace DebtShield.Core.Planning;

/// <summary>
/// The plan's calendar and growth arithmetic: month m runs from the start date plus m months to
/// the day before the start plus m + 1 months; a balance grows by one twelfth of its annual rate
/// each month, and the budget arrives at the start of each month.
/// </summary>
/// <remarks>
/// Growing the whole balance monthly charges interest on unpaid interest, which lawful simple
/// interest does not. The difference appears only while a loan is behind and is in the lender's
/// favour, so the plan never understates what will be owed; a loan paid at least its interest
/// each month grows exactly as under simple interest. This keeps the simulation and the
/// optimised plan one linear model, so the two can be compared exactly.
/// </remarks>
public static class PlanMonths
{
    /// <summary>Half a fen: below this a balance counts as paid.</summary>
    public const decimal Fen = 0.005m;

    /// <summary>The month of the plan <paramref name="date"/> falls in; dates before the start fall in month 0.</summary>
    public static int Index(DateOnly start, DateOnly date)
    {
        if (date <= start)
        {
            return 0;
        }

        var months = ((date.Year - start.Year) * 12) + date.Month - start.Month;
        return start.AddMonths(months) > date ? months - 1 : months;
    }

    /// <summary>The monthly growth rate of an annual simple rate.</summary>
    public static decimal MonthlyRate(decimal annual) => annual / 12m;

    /// <summary>(1 + <paramref name="monthly"/>)^<paramref name="months"/>.</summary>
    public static decimal Growth(decimal monthly, int months)
    {
        var growth = 1m;
        for (var i = 0; i < months; i++)
        {
            growth *= 1m + monthly;
        }

        return growth;
    }
}
