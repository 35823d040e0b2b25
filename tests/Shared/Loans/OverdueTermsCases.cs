using DebtShield.Core;
using DebtShield.Core.Loans;

namespace DebtShield.Tests.Shared.Loans;

/// <summary>
/// One table of overdue terms as a borrower gives them, with what every door must make of them:
/// the CLI's <c>loan add</c>, the web's loan form, a loan table and a loan file each run the whole
/// table (their own tests, in their own projects), so a door that accepts what another refuses,
/// or reads it differently, fails. Rates are written as fractions, which every door can carry (a
/// loan file's rate is a JSON number).
/// </summary>
public static class OverdueTermsCases
{
    /// <summary>The facts every case's loan shares: a bank's loan of 1,000 repaid with 1,100 a month later.</summary>
    public static readonly DateOnly ContractDate = new(2026, 1, 1);

    /// <summary>The one instalment's due date.</summary>
    public static readonly DateOnly DueDate = new(2026, 2, 1);

    /// <summary>The cases, by name.</summary>
    public static readonly IReadOnlyDictionary<string, OverdueTermsCase> All = new OverdueTermsCase[]
    {
        new("nothing given", Expected: OverdueTerms.Unknown),
        new("a day rate", Rate: "0.0005", Per: "day", Expected: Agreed(new OverdueRate(0.0005m, RatePer.Day))),
        new("a day rate in Chinese", Rate: "0.0005", Per: "日", Expected: Agreed(new OverdueRate(0.0005m, RatePer.Day))),
        new("a rate without its period", Rate: "0.24", Expected: Agreed(new OverdueRate(0.24m, RatePer.Year))),
        new("a period without its rate", Per: "day"),
        new("a period without its rate beside fees", Per: "month", Fees: "50"),
        new("an unknown period", Rate: "0.0005", Per: "fortnight"),
        new("a penalty both ways", PenaltyPerDay: "0.001", Penalty: "200"),
        new("a penalty per day", PenaltyPerDay: "0.001", Expected: Agreed(penalty: OverduePenalty.PerDay(0.001m))),
        new("nothing agreed", NoneAgreed: true, Expected: OverdueTerms.NoneAgreed),
        new("nothing agreed beside fees", Fees: "50", NoneAgreed: true),
        new("nothing agreed beside a period", Per: "day", NoneAgreed: true),
        new("fees of nothing", Fees: "0", Expected: Agreed(fees: Money.Zero)),
        new("a penalty of nothing", Penalty: "0", Expected: Agreed(penalty: OverduePenalty.Once(Money.Zero))),
        new("a negative rate", Rate: "-0.01", Per: "year"),
        new("a rate beyond bounds", Rate: "200", Per: "year"),
        new("negative fees", Fees: "-5"),
        new("fees beyond bounds", Fees: "2000000000000"),
        new(
            "all of them",
            Rate: "0.0005",
            Per: "day",
            Penalty: "200",
            Fees: "50",
            Expected: Agreed(new OverdueRate(0.0005m, RatePer.Day), OverduePenalty.Once(new Money(200m)), new Money(50m))),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The cases' names, for a theory.</summary>
    public static TheoryData<string> Names => [.. All.Keys];

    private static OverdueTerms Agreed(OverdueRate? rate = null, OverduePenalty? penalty = null, Money? fees = null) =>
        OverdueTerms.Agreed(rate, penalty, fees);
}

/// <summary>One way a borrower gives the overdue terms, each part as typed (null: not given).</summary>
/// <param name="Name">What the case is.</param>
/// <param name="Rate">The overdue rate, a fraction.</param>
/// <param name="Per">Its period, in any of the rate units' words.</param>
/// <param name="PenaltyPerDay">The penalty per day, a fraction.</param>
/// <param name="Penalty">The penalty as one amount of yuan.</param>
/// <param name="Fees">Other fees, one amount of yuan.</param>
/// <param name="NoneAgreed">True when the borrower says the contract agrees nothing for late payment.</param>
/// <param name="Expected">The terms every door must read; null when every door must refuse them.</param>
public sealed record OverdueTermsCase(
    string Name,
    string? Rate = null,
    string? Per = null,
    string? PenaltyPerDay = null,
    string? Penalty = null,
    string? Fees = null,
    bool NoneAgreed = false,
    OverdueTerms? Expected = null);
