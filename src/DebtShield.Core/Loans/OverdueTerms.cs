namespace DebtShield.Core.Loans;

/// <summary>
/// What the contract agrees the borrower pays once late: an overdue rate (逾期利率), a penalty
/// (违约金) and other fees. The law holds them together to the cap (2020 rules Arts 28, 29;
/// 2015 rules Arts 29, 30), so the legal engine needs them to say what a lender may ask of an
/// overdue loan.
/// </summary>
/// <remarks>
/// Three states are kept apart, because the law treats them differently: the borrower does not
/// know what the contract says (<see cref="Unknown"/>, the default: the engine gives a range);
/// the borrower knows what it says (<see cref="Agreed"/>), where a part left out is a part not
/// agreed (for the overdue rate, the law then supplies one: the term rate running on, or with no
/// rate at all, the one-year LPR). Values are facts as written; <see cref="Loan.Create"/> checks
/// them, so a negative rate is a problem reported on its field, not an exception.
/// </remarks>
public sealed record OverdueTerms
{
    private OverdueTerms(bool isKnown, OverdueRate? rate, OverduePenalty? penalty, Money? otherFees)
    {
        IsKnown = isKnown;
        Rate = rate;
        Penalty = penalty;
        OtherFees = otherFees;
    }

    /// <summary>The borrower does not know what the contract agrees for late payment.</summary>
    public static OverdueTerms Unknown { get; } = new(false, null, null, null);

    /// <summary>The contract agrees nothing for late payment: no overdue rate, no penalty, no fees.</summary>
    public static OverdueTerms NoneAgreed { get; } = new(true, null, null, null);

    /// <summary>True when the borrower knows what the contract agrees (even if that is nothing).</summary>
    public bool IsKnown { get; }

    /// <summary>The agreed overdue rate; null when none is agreed (or the terms are unknown).</summary>
    public OverdueRate? Rate { get; }

    /// <summary>The agreed penalty; null when none is agreed (or the terms are unknown).</summary>
    public OverduePenalty? Penalty { get; }

    /// <summary>Other fees agreed for late payment, as one amount; null when none are agreed (or the terms are unknown).</summary>
    public Money? OtherFees { get; }

    /// <summary>The terms the contract agrees; a part left null is not agreed.</summary>
    public static OverdueTerms Agreed(OverdueRate? rate, OverduePenalty? penalty, Money? otherFees) =>
        new(true, rate, penalty, otherFees);

    /// <summary>
    /// What is out of bounds in the terms, each on its part: a rate below zero or beyond 100 (10,000%
    /// a period, certainly a typo), an amount below zero or beyond <see cref="Loan.LargestAmount"/>.
    /// The one statement of those bounds: <see cref="Loan.Create"/> and
    /// <see cref="OverdueTermsEntry.Read"/> both ask it.
    /// </summary>
    public IEnumerable<OverdueTermsProblem> Problems()
    {
        if (Rate is { } rate && !Loan.IsRate(rate.Value))
        {
            yield return new OverdueTermsProblem(OverdueTermsPart.Rate, OverdueTermsProblemKind.RateOutOfRange);
        }

        if (Penalty?.DailyRate is { } daily && !Loan.IsRate(daily))
        {
            yield return new OverdueTermsProblem(OverdueTermsPart.PenaltyPerDay, OverdueTermsProblemKind.RateOutOfRange);
        }

        if (AmountProblem(Penalty?.Amount) is { } penalty)
        {
            yield return new OverdueTermsProblem(OverdueTermsPart.Penalty, penalty);
        }

        if (AmountProblem(OtherFees) is { } fees)
        {
            yield return new OverdueTermsProblem(OverdueTermsPart.OtherFees, fees);
        }
    }

    private static OverdueTermsProblemKind? AmountProblem(Money? amount) => amount switch
    {
        { IsNegative: true } => OverdueTermsProblemKind.Negative,
        { } a when Math.Abs(a.Yuan) > Loan.LargestAmount => OverdueTermsProblemKind.ImplausiblyLarge,
        _ => null,
    };
}

/// <summary>
/// An agreed overdue rate as the contract words it: "逾期日利率 0.05%" is
/// <c>new OverdueRate(0.0005m, RatePer.Day)</c>.
/// </summary>
/// <param name="Value">The figure as a fraction per <paramref name="Per"/> (0.0005 for 0.05%).</param>
/// <param name="Per">The time unit it is quoted per.</param>
public sealed record OverdueRate(decimal Value, RatePer Per)
{
    /// <summary>
    /// The rate as an annual simple rate over a year of <paramref name="daysPerYear"/> days: a day
    /// rate × the days (so that it accrues exactly the day rate each day), a month rate × 12 (as
    /// courts read a monthly rate), a year rate as it is.
    /// </summary>
    public decimal Annual(int daysPerYear) => Per switch
    {
        RatePer.Day => Value * daysPerYear,
        RatePer.Month => Value * 12,
        RatePer.Year => Value,
    };
}

/// <summary>
/// An agreed penalty (违约金) for late payment: either a rate per day on what is overdue, or one
/// amount. Exactly one of <see cref="DailyRate"/> and <see cref="Amount"/> is set.
/// </summary>
public sealed record OverduePenalty
{
    private OverduePenalty(decimal? dailyRate, Money? amount)
    {
        DailyRate = dailyRate;
        Amount = amount;
    }

    /// <summary>The penalty as a fraction per day of the unpaid principal (0.001 for 0.1% a day); null for an amount.</summary>
    public decimal? DailyRate { get; }

    /// <summary>The penalty as one amount; null for a daily rate.</summary>
    public Money? Amount { get; }

    /// <summary>A penalty of <paramref name="rate"/> (a fraction) a day.</summary>
    public static OverduePenalty PerDay(decimal rate) => new(rate, null);

    /// <summary>A penalty of one amount.</summary>
    public static OverduePenalty Once(Money amount) => new(null, amount);
}
