using System.Globalization;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Loans;

/// <summary>
/// A loan's overdue terms as a borrower gives them, part by part, before they are read: the
/// options of <c>loan add</c>, the web form's fields, a loan table's cells, a loan file's
/// <c>overdueTerms</c>. Every door reads them here, so a door accepts and refuses what the others
/// do, with the same bounds; each door words a <see cref="OverdueTermsProblem"/> on its own field,
/// option, cell or path.
/// </summary>
/// <remarks>
/// Rates are read here (a fraction, <c>0.0005</c>, or a percentage, <c>0.05%</c>), periods through
/// <see cref="Vocabularies.RateUnits"/> (a blank period is a year, as every door has documented);
/// amounts arrive already read, because the ways of writing yuan (<c>¥1,034.50</c>, <c>1034.5元</c>,
/// a spreadsheet's stored number) belong to the reader of the text. A blank text is a part not
/// given. Nothing given at all is <see cref="OverdueTerms.Unknown"/>: the borrower does not know.
/// </remarks>
public sealed record OverdueTermsEntry
{
    /// <summary>The agreed overdue rate as written: a fraction or a percentage.</summary>
    public string? Rate { get; init; }

    /// <summary>The period <see cref="Rate"/> is quoted per, in any of the rate units' words; blank, a year.</summary>
    public string? Per { get; init; }

    /// <summary>A penalty per day as written: a fraction or a percentage of the unpaid principal.</summary>
    public string? PenaltyPerDay { get; init; }

    /// <summary>A penalty as one amount of yuan.</summary>
    public decimal? Penalty { get; init; }

    /// <summary>Other fees agreed for late payment, as one amount of yuan.</summary>
    public decimal? OtherFees { get; init; }

    /// <summary>True when the borrower says the contract agrees nothing for late payment.</summary>
    public bool NoneAgreed { get; init; }

    /// <summary>True when no part is given and nothing is declared: the terms are not known.</summary>
    public bool IsEmpty => !NoneAgreed && !AnyTermGiven;

    private bool AnyTermGiven =>
        !IsBlank(Rate) || !IsBlank(Per) || !IsBlank(PenaltyPerDay) || Penalty is not null || OtherFees is not null;

    /// <summary>
    /// Reads the terms: nothing given, <see cref="OverdueTerms.Unknown"/>; nothing agreed declared,
    /// <see cref="OverdueTerms.NoneAgreed"/>; otherwise what is given, a part left out not agreed.
    /// Every problem of reading and of combination is reported, each on its part. The bounds of
    /// the values read (a rate from 0 to 100, an amount from 0 to <see cref="Loan.LargestAmount"/>)
    /// are <see cref="OverdueTerms.Problems"/>, which <see cref="Loan.Create"/> asks of every loan, so
    /// a door words them as it words the loan's other facts.
    /// </summary>
    public OverdueTermsReading Read()
    {
        var problems = new List<OverdueTermsProblem>();
        if (NoneAgreed)
        {
            if (AnyTermGiven)
            {
                problems.Add(new OverdueTermsProblem(OverdueTermsPart.NoneAgreed, OverdueTermsProblemKind.NoneAgreedButGiven));
                return new OverdueTermsReading(null, problems);
            }

            return new OverdueTermsReading(OverdueTerms.NoneAgreed, problems);
        }

        if (!AnyTermGiven)
        {
            return new OverdueTermsReading(OverdueTerms.Unknown, problems);
        }

        var per = RatePer.Year;
        if (!IsBlank(Per))
        {
            if (IsBlank(Rate))
            {
                // A period with no rate is most likely a rate forgotten: read as "no rate agreed",
                // it would change what the law supplies, so it is asked for.
                problems.Add(new OverdueTermsProblem(OverdueTermsPart.Rate, OverdueTermsProblemKind.PeriodWithoutRate));
            }
            else if (Vocabularies.RateUnits.Parse(Per.Trim()) is { } unit)
            {
                per = unit;
            }
            else
            {
                problems.Add(new OverdueTermsProblem(OverdueTermsPart.Per, OverdueTermsProblemKind.UnknownPeriod));
            }
        }

        if (!IsBlank(PenaltyPerDay) && Penalty is not null)
        {
            problems.Add(new OverdueTermsProblem(OverdueTermsPart.Penalty, OverdueTermsProblemKind.PenaltyBothWays));
        }

        var rate = ReadRate(Rate, OverdueTermsPart.Rate, problems);
        var daily = ReadRate(PenaltyPerDay, OverdueTermsPart.PenaltyPerDay, problems);
        if (problems.Count > 0)
        {
            return new OverdueTermsReading(null, problems);
        }

        var terms = OverdueTerms.Agreed(
            rate is { } value ? new OverdueRate(value, per) : null,
            daily is { } perDay ? OverduePenalty.PerDay(perDay) : Penalty is { } amount ? OverduePenalty.Once(new Money(amount)) : null,
            OtherFees is { } fees ? new Money(fees) : null);
        return new OverdueTermsReading(terms, problems);
    }

    /// <summary>
    /// Reads a rate written as a fraction (<c>0.0005</c>, <c>5E-4</c>) or a percentage
    /// (<c>0.05%</c>) into a fraction; null when <paramref name="text"/> is not a number. Its sign and
    /// size are not judged here (<see cref="OverdueTerms.Problems"/> does).
    /// </summary>
    public static decimal? ParseRate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        var percent = trimmed.EndsWith("%", StringComparison.Ordinal);
        return decimal.TryParse(percent ? trimmed[..^1] : trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (percent ? value / 100m : value)
            : null;
    }

    private static decimal? ReadRate(string? text, OverdueTermsPart part, List<OverdueTermsProblem> problems)
    {
        if (IsBlank(text))
        {
            return null;
        }

        var rate = ParseRate(text);
        if (rate is null)
        {
            problems.Add(new OverdueTermsProblem(part, OverdueTermsProblemKind.NotARate));
        }

        return rate;
    }

    private static bool IsBlank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? text) => string.IsNullOrWhiteSpace(text);
}

/// <summary>The outcome of <see cref="OverdueTermsEntry.Read"/>: the terms, or every problem with the parts given.</summary>
/// <param name="Terms">The terms read; null when there are problems.</param>
/// <param name="Problems">What is wrong, each on its part; empty when <paramref name="Terms"/> is set.</param>
public sealed record OverdueTermsReading(OverdueTerms? Terms, IReadOnlyList<OverdueTermsProblem> Problems)
{
    /// <summary>True when the terms were read.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Terms))]
    public bool Succeeded => Terms is not null;
}

/// <summary>One thing wrong with the overdue terms given, on the part it concerns.</summary>
/// <param name="Part">The part: each door names it by its own field, option, column or path.</param>
/// <param name="Kind">What is wrong with it.</param>
public sealed record OverdueTermsProblem(OverdueTermsPart Part, OverdueTermsProblemKind Kind);

/// <summary>The parts of a loan's overdue terms, as the doors give them.</summary>
public enum OverdueTermsPart
{
    /// <summary>The overdue rate.</summary>
    Rate,

    /// <summary>The period the overdue rate is quoted per.</summary>
    Per,

    /// <summary>The penalty as a rate per day.</summary>
    PenaltyPerDay,

    /// <summary>The penalty as one amount.</summary>
    Penalty,

    /// <summary>Other fees for late payment.</summary>
    OtherFees,

    /// <summary>The declaration that the contract agrees nothing for late payment.</summary>
    NoneAgreed,
}

/// <summary>What can be wrong with the overdue terms given.</summary>
public enum OverdueTermsProblemKind
{
    /// <summary>A rate that is not a number, a fraction or a percentage.</summary>
    NotARate,

    /// <summary>A period that is none of the rate units' words.</summary>
    UnknownPeriod,

    /// <summary>A period given without the rate it is the period of.</summary>
    PeriodWithoutRate,

    /// <summary>The penalty given both per day and as an amount.</summary>
    PenaltyBothWays,

    /// <summary>Nothing agreed is declared beside terms given.</summary>
    NoneAgreedButGiven,

    /// <summary>A rate below zero, or beyond 10,000% a period: certainly a typo.</summary>
    RateOutOfRange,

    /// <summary>An amount below zero.</summary>
    Negative,

    /// <summary>An amount beyond <see cref="Loan.LargestAmount"/>: certainly a typo.</summary>
    ImplausiblyLarge,
}
