using DebtShield.Core.Loans;

namespace DebtShield.Core.Law;

/// <summary>
/// The law of the 1991 opinion as data: the benchmark rates, the multiple (4), the day the 2015
/// rules took its place for new cases, and the basis of the line.
/// </summary>
/// <param name="Benchmark">The PBOC benchmark lending rates.</param>
/// <param name="Multiple">How many times the benchmark the line is (4).</param>
/// <param name="FiledBefore">Cases filed before this day (2015-09-01) fall under the opinion.</param>
/// <param name="Basis">Citations and status of the line itself; each lookup adds the status of its benchmark row.</param>
public sealed record Opinion1991Rules(BenchmarkLendingRates Benchmark, decimal Multiple, DateOnly FiledBefore, LegalBasis Basis);

/// <summary>The benchmark a 1991-opinion line was taken from.</summary>
/// <param name="Change">The change in force on the contract date.</param>
/// <param name="Term">The bucket of the loan's agreed term.</param>
/// <param name="Rate">The benchmark rate for that term, an annual fraction.</param>
public sealed record BenchmarkLookup(BenchmarkRateChange Change, BenchmarkTerm Term, decimal Rate);

/// <summary>
/// Item 6 of the SPC's 1991 opinion on lending cases (《关于人民法院审理借贷案件的若干意见》):
/// private-lending interest may not exceed four times the bank rate for loans of the same
/// category and term, the part above it is not protected. It governs cases filed before the 2015
/// rules took effect (2015-09-01); outside a lawsuit the as-of date stands in for the filing date,
/// as for the 2020 rules' transition.
/// </summary>
/// <remarks>
/// The opinion names neither the day nor the term of the bank rate. The line here is the PBOC
/// benchmark rate in force on the contract date for the bucket of the agreed term (contract date
/// to the last due date), which is how the judgments read apply it; the SPC said in 2015 that
/// courts generally read "bank rate" as the PBOC benchmark. Both choices are shown to the user as
/// uncertain. The opinion does not say either what becomes of interest already paid above the
/// line, so no kept-if-paid band is set: what was paid above it goes to principal like any other
/// overpayment, and the report says that practice varies.
/// </remarks>
public static class Opinion1991Line
{
    /// <summary>
    /// The line for <paramref name="loan"/> in a case filed on <paramref name="filedOn"/>, or
    /// <see langword="null"/> when the case falls under later rules or the contract predates the
    /// benchmark data.
    /// </summary>
    public static RateCap? For(Loan loan, Opinion1991Rules rules, DateOnly filedOn)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(rules);
        if (filedOn >= rules.FiledBefore || rules.Benchmark.InForceOn(loan.ContractDate) is not { } change)
        {
            return null;
        }

        var term = BenchmarkLendingRates.TermOf(loan.ContractDate, loan.FinalDueDate);
        var rate = change.RateFor(term);
        var status = (FactStatus)Math.Max((int)rules.Basis.Status, (int)change.Status);
        return new RateCap(
            rules.Multiple * rate,
            loan.ContractDate,
            CapRule.FourTimesBenchmark,
            null,
            null,
            rules.Basis with { Status = status },
            Benchmark: new BenchmarkLookup(change, term, rate));
    }
}
