using DebtShield.Core.Law;
using DebtShield.Core.Planning;
using DebtShield.Import.LegalData;

namespace DebtShield.App.PlanRepayment;

/// <summary>
/// Use case: the credit-record timeline. For every overdue stretch with a lender that reports (or
/// may report) to the PBOC credit reference centre: when it started and ended, when a record of
/// it is due to be deleted under the five-year rule, and what the 2025-12-22 one-time repair does
/// for it. Which lenders report is not established in the facts, and the report says so.
/// </summary>
public static class CreditRecords
{
    /// <summary>The timeline of the case's loans as of <paramref name="today"/>.</summary>
    public static CreditReport Of(CaseFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rules = LegalDataReader.CreditRules;
        var episodes = facts.Loans
            .SelectMany(l => CreditTimeline.Of(l, rules, today))
            .OrderBy(e => e.Started)
            .ThenBy(e => e.LoanId, StringComparer.Ordinal)
            .Select(e => new CreditEpisodeFigure(
                e.LoanId,
                e.Lender,
                e.Reporting.Reports,
                Status(e.Reporting.Status),
                e.Started,
                e.Ended,
                e.LargestUnpaid.RoundToFen().Yuan,
                e.DropsOff,
                Repair(e.Repair),
                e.HiddenFrom))
            .ToArray();
        var repair = rules.Repair;
        return new CreditReport(
            facts.Case,
            today,
            episodes,
            new CreditPolicyFigure(
                rules.RetentionYears,
                "verified",
                repair.IncurredFrom,
                repair.IncurredTo,
                repair.MaxSingleAmount.Yuan,
                Status(repair.AmountStatus),
                repair.RepaidBy,
                repair.EarlyRepaidBy,
                repair.EarlyHiddenFrom,
                "verified",
                "uncertain"));
    }

    private static string Status(FactStatus status) => status switch
    {
        FactStatus.Verified => "verified",
        FactStatus.Secondary => "secondary",
        _ => "uncertain",
    };

    private static string Repair(RepairOutcome outcome) => outcome switch
    {
        RepairOutcome.Applies => "applies",
        RepairOutcome.AppliesIfRepaidInTime => "applies_if_repaid_in_time",
        RepairOutcome.OutsidePeriod => "outside_period",
        RepairOutcome.AmountTooLarge => "amount_too_large",
        RepairOutcome.RepaidTooLate => "repaid_too_late",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}

/// <summary>The credit-record timeline.</summary>
/// <param name="Case">The case's title.</param>
/// <param name="AsOf">Today.</param>
/// <param name="Episodes">Every overdue stretch with a lender not known to stay out of the credit report, oldest first.</param>
/// <param name="Policy">The rules applied, with their status.</param>
public sealed record CreditReport(string? Case, DateOnly AsOf, IReadOnlyList<CreditEpisodeFigure> Episodes, CreditPolicyFigure Policy);

/// <summary>One overdue stretch.</summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Lender">The lender.</param>
/// <param name="LenderReports">Whether the lender reports to the credit reference centre; null = not established.</param>
/// <param name="ReportingStatus">How sure that is.</param>
/// <param name="Started">The first due date not paid.</param>
/// <param name="Ended">The day it was all paid up; null while still overdue.</param>
/// <param name="LargestUnpaid">The most overdue at once (the lender's figure).</param>
/// <param name="DropsOff">When a record of it is due to be deleted (five years after it ended); null while overdue.</param>
/// <param name="Repair"><c>applies</c>, <c>applies_if_repaid_in_time</c>, <c>outside_period</c>, <c>amount_too_large</c> or <c>repaid_too_late</c>.</param>
/// <param name="HiddenFrom">When the one-time repair stops the record being shown, where it applies.</param>
public sealed record CreditEpisodeFigure(string LoanId, string Lender, bool? LenderReports, string ReportingStatus, DateOnly Started, DateOnly? Ended, decimal LargestUnpaid, DateOnly? DropsOff, string Repair, DateOnly? HiddenFrom);

/// <summary>The rules the timeline applies.</summary>
/// <param name="RetentionYears">Years a negative record is kept after the conduct ends (征信业管理条例 第十六条).</param>
/// <param name="RetentionStatus">verified.</param>
/// <param name="RepairIncurredFrom">One-time repair: first qualifying start date.</param>
/// <param name="RepairIncurredTo">Last qualifying start date.</param>
/// <param name="RepairMaxAmount">Largest single overdue amount that qualifies.</param>
/// <param name="RepairAmountStatus">How sure the amount's definition is (principal + interest + penalty: secondary).</param>
/// <param name="RepairRepaidBy">Full repayment deadline.</param>
/// <param name="RepairEarlyRepaidBy">Repaid by this day: hidden from the next field's date.</param>
/// <param name="RepairEarlyHiddenFrom">When early repayments' records stop being shown.</param>
/// <param name="RepairStatus">verified (PBOC notice, verbatim copy).</param>
/// <param name="ReportingStatus">Which lenders report: uncertain (not in the verified facts).</param>
public sealed record CreditPolicyFigure(
    int RetentionYears,
    string RetentionStatus,
    DateOnly RepairIncurredFrom,
    DateOnly RepairIncurredTo,
    decimal RepairMaxAmount,
    string RepairAmountStatus,
    DateOnly RepairRepaidBy,
    DateOnly RepairEarlyRepaidBy,
    DateOnly RepairEarlyHiddenFrom,
    string RepairStatus,
    string ReportingStatus);
