using DebtShield.App.Input;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Planning;
using DebtShield.Import.LoanFiles;

namespace DebtShield.App.PlanRepayment;

/// <summary>
/// Use case: "should I take this new loan?" Debt service to income before and after, and which
/// existing loans it would push behind their lawful schedule (lawful-first plan, the new loan's
/// money counted as cash in the first month).
/// </summary>
public static class Affordability
{
    /// <summary>Reads the offer's loan file at <paramref name="path"/> and checks it against the case.</summary>
    /// <exception cref="RequestRefusedException">The file cannot be read as a loan; every error is named.</exception>
    public static AffordReport ForFile(CaseFacts facts, string path, DateOnly today, PlanOptions options)
    {
        var reading = LoanFileReader.ReadFile(path);
        return reading.Succeeded
            ? Of(facts, reading.Loan, today, options)
            : throw new RequestRefusedException(string.Join("；", reading.Errors.Select(e => e.Describe(path))));
    }

    /// <summary>Checks <paramref name="offer"/> against the case.</summary>
    public static AffordReport Of(CaseFacts facts, Loan offer, DateOnly today, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(options);
        var start = today;
        var loans = PlanLoans.From(facts.Loans, start);
        var offered = PlanLoans.From(offer, start);
        var received = offer.ContractDate >= today ? offer.Received - offer.UpfrontFeeTotal : Money.Zero;
        var budget = new Money(options.Budget ?? facts.Budget.LeftForDebts.Yuan);
        var check = AffordabilityCheck.Of(loans, offered, received, start, budget, facts.Budget.Income);
        return new AffordReport(
            facts.Case,
            today,
            offer.Id,
            offered.Balance.RoundToFen().Yuan,
            received.RoundToFen().Yuan,
            check.ServiceBefore.RoundToFen().Yuan,
            check.ServiceAfter.RoundToFen().Yuan,
            check.RatioBefore is { } before ? Math.Round(before, 4) : null,
            check.RatioAfter is { } after ? Math.Round(after, 4) : null,
            check.PushedBehind,
            check.NewLoanBehind);
    }
}

/// <summary>The affordability check of a new loan.</summary>
/// <param name="Case">The case's title.</param>
/// <param name="AsOf">Today.</param>
/// <param name="Offer">The offered loan's name.</param>
/// <param name="LawfulBalance">What the law would support owing on it.</param>
/// <param name="Received">What it would pay out now (counted as cash in the first month).</param>
/// <param name="DebtServiceBefore">The lenders' schedules per month over the coming year, now.</param>
/// <param name="DebtServiceAfter">The same with the new loan.</param>
/// <param name="DebtServiceToIncomeBefore">Debt service over income now; null without income.</param>
/// <param name="DebtServiceToIncomeAfter">The same with the new loan.</param>
/// <param name="PushedBehind">Existing loans the new one would push behind.</param>
/// <param name="NewLoanBehind">Whether the new loan itself would fall behind.</param>
public sealed record AffordReport(
    string? Case,
    DateOnly AsOf,
    string Offer,
    decimal LawfulBalance,
    decimal Received,
    decimal DebtServiceBefore,
    decimal DebtServiceAfter,
    double? DebtServiceToIncomeBefore,
    double? DebtServiceToIncomeAfter,
    IReadOnlyList<string> PushedBehind,
    bool NewLoanBehind);
