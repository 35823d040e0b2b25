using System.Text.Json.Serialization;
using DebtShield.App.CheckLoans;
using DebtShield.App.RateLoans;
using DebtShield.Core.Loans;

namespace DebtShield.App.ListLoans;

/// <summary>
/// One loan of a case as <c>loan list</c> and the web app show it: the facts that identify it and
/// the figures computed from them today. Money is yuan, rates are fractions.
/// </summary>
/// <param name="Figures">The loan's figures every report of it shares; the list writes ten of them, flat, under its own names.</param>
public sealed record LoanListEntry([property: JsonIgnore] LoanFigures Figures)
{
    /// <summary>The loan's name.</summary>
    public required string Id { get; init; }

    /// <summary>The list's name for <see cref="LoanFigures.LenderName"/> (published so; not renamed).</summary>
    [JsonInclude, JsonPropertyName("lender")]
    internal string Lender => Figures.LenderName;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.LenderKind)]
    internal string LenderKind => Figures.LenderKind;

    /// <summary>The day the money arrived.</summary>
    public required DateOnly ContractDate { get; init; }

    [JsonInclude, JsonPropertyName(LoanFigures.Names.Principal)]
    internal decimal Principal => Figures.Principal;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.Received)]
    internal decimal Received => Figures.Received;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.UpfrontDeduction)]
    internal decimal UpfrontDeduction => Figures.UpfrontDeduction;

    /// <summary>The list's name for <see cref="LoanFigures.TotalRepayable"/> (published so; not renamed).</summary>
    [JsonInclude, JsonPropertyName("scheduledTotal")]
    internal decimal ScheduledTotal => Figures.TotalRepayable;

    /// <summary>Everything paid so far.</summary>
    public required decimal Paid { get; init; }

    /// <summary>Instalments in the schedule.</summary>
    public required int Instalments { get; init; }

    /// <summary>Payments recorded.</summary>
    public required int Payments { get; init; }

    /// <summary>The next due date from today, if any remains.</summary>
    public required DateOnly? NextDueDate { get; init; }

    /// <summary>What the schedule asks on that date.</summary>
    public required decimal? NextDueAmount { get; init; }

    /// <summary>Scheduled and due but unpaid (the lender's figure), when overdue.</summary>
    public required decimal? OverdueAmount { get; init; }

    /// <summary>The first due date not fully paid, when overdue.</summary>
    public required DateOnly? OverdueSince { get; init; }

    /// <summary>Days overdue, when overdue.</summary>
    public required int? DaysOverdue { get; init; }

    [JsonInclude, JsonPropertyName(LoanFigures.Names.IrrAnnualNominal)]
    internal double? IrrAnnualNominal => Figures.IrrAnnualNominal;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.IrrAnnualEffective)]
    internal double? IrrAnnualEffective => Figures.IrrAnnualEffective;

    /// <summary>Annual rate on actual dates.</summary>
    public required double? XirrAnnual { get; init; }

    [JsonInclude, JsonPropertyName(LoanFigures.Names.AprSimple)]
    internal double AprSimple => Figures.AprSimple;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.StatedAnnual)]
    internal double? StatedAnnual => Figures.StatedAnnual;

    /// <summary>The annual cap that applies; with <see cref="LenderOfRecordDecides"/>, the private-lending view's.</summary>
    public required decimal CapAnnual { get; init; }

    /// <summary>
    /// The licensed view's cap when the lender of record decides between the two (a platform's or an
    /// unknown lender's loan); null otherwise.
    /// </summary>
    public decimal? OtherCapAnnual { get; init; }

    /// <summary>Whether the lender of record decides which cap applies; the list then shows both and states neither as fact.</summary>
    public bool LenderOfRecordDecides { get; init; }

    /// <summary>
    /// Whether the rate exceeds the cap; null when no rate exists, or when the lender of record
    /// decides and the rate exceeds one view's cap and not the other's.
    /// </summary>
    public required bool? ExceedsCap { get; init; }

    /// <summary>What may lawfully be asked today; the low end of the range when <see cref="LawfulMostDue"/> is given.</summary>
    public required decimal LawfulTotalDue { get; init; }

    /// <summary>
    /// The top of the lawful range when the loan is overdue and its agreed overdue terms are not
    /// known (<see cref="CheckLoans.CheckLoanReport.LawfulMostTotalDue"/>); null when there is no range.
    /// </summary>
    public decimal? LawfulMostDue { get; init; }

    /// <summary>What the contract asks today.</summary>
    public required decimal ContractTotalDue { get; init; }

    /// <summary>The legal flags' ids.</summary>
    public required IReadOnlyList<string> Flags { get; init; }

    /// <summary>One plain sentence for the borrower.</summary>
    public required string Verdict { get; init; }
}

/// <summary>A case's loans as of a day, with totals.</summary>
/// <param name="Case">The case's title; null when the ledger has no case.</param>
/// <param name="AsOf">The day the figures are for.</param>
/// <param name="Loans">The loans, by name.</param>
/// <param name="Totals">The sums over the loans.</param>
public sealed record CaseLoanList(string? Case, DateOnly AsOf, IReadOnlyList<LoanListEntry> Loans, CaseTotals Totals);

/// <summary>Sums over a case's loans.</summary>
/// <param name="Principal">Contract amounts.</param>
/// <param name="Received">What arrived.</param>
/// <param name="ScheduledTotal">What the schedules ask.</param>
/// <param name="Paid">What was paid.</param>
/// <param name="OverdueAmount">Due and unpaid by the schedules.</param>
/// <param name="LawfulTotalDue">What may lawfully be asked: the sum of the low ends.</param>
/// <param name="LoansAboveCap">Loans whose rate exceeds their cap.</param>
/// <param name="LawfulMostDue">The sum of the top ends (a loan without a range counts its one figure); equal to <paramref name="LawfulTotalDue"/> when no loan has a range.</param>
public sealed record CaseTotals(decimal Principal, decimal Received, decimal ScheduledTotal, decimal Paid, decimal OverdueAmount, decimal LawfulTotalDue, int LoansAboveCap, decimal LawfulMostDue);

/// <summary>One loan in full: <c>loan show</c>.</summary>
/// <param name="Loan">The summary line.</param>
/// <param name="Schedule">The lender's schedule.</param>
/// <param name="PaymentsMade">The payments.</param>
/// <param name="UpfrontFees">The upfront fees.</param>
/// <param name="Rate">The true-cost report.</param>
/// <param name="Check">The legal report, with its citations.</param>
/// <param name="OverdueTermsWorded">What the contract agrees for late payment, in words (<see cref="OverdueTermsText"/>).</param>
/// <param name="OverdueTerms">The same as a fact, for a form that corrects it.</param>
public sealed record LoanDetail(
    LoanListEntry Loan,
    IReadOnlyList<InstalmentFigure> Schedule,
    IReadOnlyList<PaymentFigure> PaymentsMade,
    IReadOnlyList<UpfrontFeeFigure> UpfrontFees,
    RateLoanReport Rate,
    CheckLoanReport Check,
    string OverdueTermsWorded,
    [property: JsonIgnore] OverdueTerms OverdueTerms);

/// <summary>An instalment in a report.</summary>
/// <param name="DueDate">The due date.</param>
/// <param name="Total">What is due.</param>
/// <param name="Principal">The principal part, if shown.</param>
/// <param name="Interest">The interest part, if shown.</param>
/// <param name="Fees">The fees part, if shown.</param>
public sealed record InstalmentFigure(DateOnly DueDate, decimal Total, decimal? Principal, decimal? Interest, decimal? Fees)
{
    /// <summary>The figure of a Core instalment.</summary>
    public static InstalmentFigure From(Instalment instalment)
    {
        ArgumentNullException.ThrowIfNull(instalment);
        return new(instalment.DueDate, instalment.Total.Yuan, instalment.Principal?.Yuan, instalment.Interest?.Yuan, instalment.Fees?.Yuan);
    }
}

/// <summary>A payment in a report.</summary>
/// <param name="Date">The day paid.</param>
/// <param name="Amount">What was paid.</param>
/// <param name="AppliesTo">
/// What the parties applied it to, by its loan-file name (<c>principal</c>, <c>interest</c>,
/// <c>fees</c>); <see langword="null"/> for the statutory order.
/// </param>
public sealed record PaymentFigure(DateOnly Date, decimal Amount, string? AppliesTo = null);

/// <summary>An upfront fee in a report.</summary>
/// <param name="Name">What the lender called it.</param>
/// <param name="Amount">What was paid.</param>
/// <param name="Date">When.</param>
public sealed record UpfrontFeeFigure(string Name, decimal Amount, DateOnly Date);
