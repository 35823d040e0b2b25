using DebtShield.Core.Loans;
using DebtShield.Core.Planning;

namespace DebtShield.Core.Tests.Planning;

/// <summary>Test data: loans as the plan sees them, built through the real <see cref="PlanLoan.From"/>.</summary>
internal static class PlanLoans
{
    public static readonly DateOnly Start = new(2026, 1, 1);

    /// <summary>A loan of <paramref name="count"/> monthly dues of <paramref name="instalment"/> on the 15th, the first in month <paramref name="first"/> (negative: already overdue).</summary>
    public static PlanLoan Monthly(string id, decimal balance, decimal rate, int count, decimal instalment, int first = 0, LenderKind kind = LenderKind.OnlinePlatform, double? realRate = null, bool keep = false, IEnumerable<Payment>? payments = null)
    {
        var loan = Loan.Create(
            id,
            new Lender(id + "App", kind),
            Start.AddMonths(Math.Min(first, 0) - 1),
            new Money(balance),
            null,
            [],
            Enumerable.Range(0, count).Select(k => new Instalment(Start.AddMonths(first + k).AddDays(14), new Money(instalment))),
            payments ?? [],
            null).Loan!;
        return PlanLoan.From(loan, Start, new Money(balance), rate, realRate ?? (double)rate, keep);
    }
}
