namespace DebtShield.App.RateLoans;

/// <summary>
/// The figures of a rate report a batch can be asked for (<c>--fields</c>), so a researcher who
/// needs one figure pays for one. <c>line</c> and <c>id</c> are always written: they join a
/// result to its input.
/// </summary>
[Flags]
public enum RateFields
{
    /// <summary>Only <c>line</c> and <c>id</c>.</summary>
    None = 0,

#pragma warning disable CS1591 // Each member is the report field of the same name (RateLoanReport).
    LenderName = 1 << 0,
    LenderKind = 1 << 1,
    Principal = 1 << 2,
    Received = 1 << 3,
    UpfrontDeduction = 1 << 4,
    PrincipalBasis = 1 << 5,
    TotalRepayable = 1 << 6,
    TotalCost = 1 << 7,
    Period = 1 << 8,
    PeriodsPerYear = 1 << 9,
    RegularSchedule = 1 << 10,
    TermYears = 1 << 11,
    IrrPerPeriod = 1 << 12,
    IrrAnnualNominal = 1 << 13,
    IrrAnnualEffective = 1 << 14,
    XirrAnnual = 1 << 15,
    AprSimple = 1 << 16,
    AprRegZ = 1 << 17,
    StatedAnnual = 1 << 18,
    StatedGap = 1 << 19,
    OnContractPrincipal = 1 << 20,
    Notes = 1 << 21,
    Verdict = 1 << 22,
#pragma warning restore CS1591

    /// <summary>The whole report, as <c>rate --json</c> writes it.</summary>
    All = (1 << 23) - 1,
}

/// <summary>The names of <see cref="RateFields"/>: the report's own JSON names, in report order.</summary>
public static class RateFieldNames
{
    private static readonly string[] Names = [.. Enumerable.Range(0, 23).Select(bit => Name((RateFields)(1 << bit)))];

    /// <summary>Every selectable name, in the order the report writes them.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>
    /// The JSON name of one field (<see cref="RateFields.IrrAnnualNominal"/> → <c>irrAnnualNominal</c>):
    /// the report's pinned name, never the member's name, so renaming a member changes neither
    /// <c>--fields</c> nor a written line.
    /// </summary>
    public static string Name(RateFields field) => field switch
    {
        RateFields.LenderName => LoanFigures.Names.LenderName,
        RateFields.LenderKind => LoanFigures.Names.LenderKind,
        RateFields.Principal => LoanFigures.Names.Principal,
        RateFields.Received => LoanFigures.Names.Received,
        RateFields.UpfrontDeduction => LoanFigures.Names.UpfrontDeduction,
        RateFields.PrincipalBasis => LoanFigures.Names.PrincipalBasis,
        RateFields.TotalRepayable => LoanFigures.Names.TotalRepayable,
        RateFields.TotalCost => LoanFigures.Names.TotalCost,
        RateFields.Period => LoanFigures.Names.Period,
        RateFields.PeriodsPerYear => LoanFigures.Names.PeriodsPerYear,
        RateFields.RegularSchedule => LoanFigures.Names.RegularSchedule,
        RateFields.TermYears => LoanFigures.Names.TermYears,
        RateFields.IrrPerPeriod => RateLoanReport.Names.IrrPerPeriod,
        RateFields.IrrAnnualNominal => LoanFigures.Names.IrrAnnualNominal,
        RateFields.IrrAnnualEffective => LoanFigures.Names.IrrAnnualEffective,
        RateFields.XirrAnnual => RateLoanReport.Names.XirrAnnual,
        RateFields.AprSimple => LoanFigures.Names.AprSimple,
        RateFields.AprRegZ => RateLoanReport.Names.AprRegZ,
        RateFields.StatedAnnual => LoanFigures.Names.StatedAnnual,
        RateFields.StatedGap => RateLoanReport.Names.StatedGap,
        RateFields.OnContractPrincipal => RateLoanReport.Names.OnContractPrincipal,
        RateFields.Notes => RateLoanReport.Names.Notes,
        RateFields.Verdict => RateLoanReport.Names.Verdict,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not one field."),
    };

    /// <summary>
    /// Parses a comma-separated list of names (<c>irrAnnualNominal,aprSimple</c>); on an unknown
    /// name returns <see langword="false"/> with that name in <paramref name="unknown"/>.
    /// </summary>
    public static bool TryParse(string list, out RateFields fields, out string? unknown)
    {
        ArgumentNullException.ThrowIfNull(list);
        fields = RateFields.None;
        unknown = null;
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var index = Array.IndexOf(Names, part);
            if (index < 0)
            {
                unknown = part;
                return false;
            }

            fields |= (RateFields)(1 << index);
        }

        return true;
    }
}
