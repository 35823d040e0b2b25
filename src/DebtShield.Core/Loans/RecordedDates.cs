namespace DebtShield.Core.Loans;

/// <summary>
/// A loan the borrower records in the ledger is a record of what happened: its contract was signed
/// and its payments were made, so neither can be dated after today. (The lender's schedule looks
/// ahead and is not checked here.) <see cref="Loan.Create"/> cannot know today; the use cases that
/// write to the ledger ask this check with the day from their clock.
/// </summary>
/// <remarks>
/// A day's leeway: "today" is China's, and a borrower abroad, or a phone set to another zone, may
/// already be a day ahead. Two days ahead is a typo (2099 for 2026), never a time zone.
/// </remarks>
public static class RecordedDates
{
    /// <summary>How far after today a recorded date may fall: one day.</summary>
    public static int Leeway => 1;

    /// <summary>The latest date a contract or a payment may carry when today is <paramref name="today"/>.</summary>
    public static DateOnly Latest(DateOnly today) => today.AddDays(Leeway);

    /// <summary>
    /// Every fact of <paramref name="loan"/> dated after <see cref="Latest"/>, with the field it
    /// concerns (<c>contractDate</c>, <c>payments[2].date</c>); empty when the loan has happened as recorded.
    /// </summary>
    public static IReadOnlyList<LoanProblem> Check(Loan loan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var latest = Latest(today);
        var problems = new List<LoanProblem>();
        if (loan.ContractDate > latest)
        {
            problems.Add(new LoanProblem("contractDate", LoanProblemKind.AfterToday));
        }

        for (var i = 0; i < loan.Payments.Count; i++)
        {
            if (loan.Payments[i].Date > latest)
            {
                problems.Add(new LoanProblem($"payments[{i}].date", LoanProblemKind.AfterToday));
            }
        }

        return problems;
    }
}
