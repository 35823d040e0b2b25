using DebtShield.Core.Law;
using DebtShield.Core.Loans;

namespace DebtShield.Core.Planning;

/// <summary>
/// The credit-record rules the timeline applies, read from <c>data/credit</c>: how long a negative
/// record is kept, the one-time repair policy, and which lenders report.
/// </summary>
/// <param name="RetentionYears">Years a negative record is kept after the conduct ends (征信业管理条例 第十六条).</param>
/// <param name="Repair">The one-time repair policy of 2025-12-22.</param>
/// <param name="Reporting">For each lender kind, whether it reports to the credit reference centre.</param>
public sealed record CreditRecordRules(int RetentionYears, OneTimeRepair Repair, IReadOnlyDictionary<LenderKind, CreditReporting> Reporting);

/// <summary>The one-time credit repair (一次性信用修复) terms.</summary>
/// <param name="IncurredFrom">First day a qualifying record may have started.</param>
/// <param name="IncurredTo">Last day a qualifying record may have started.</param>
/// <param name="MaxSingleAmount">The largest single overdue amount that qualifies.</param>
/// <param name="RepaidBy">The last day of full repayment that qualifies.</param>
/// <param name="EarlyRepaidBy">Repaid by this day: hidden from <paramref name="EarlyHiddenFrom"/>.</param>
/// <param name="EarlyHiddenFrom">When early repayments' records stop being shown.</param>
/// <param name="AmountStatus">How sure the amount's definition is (principal, interest and penalty together: secondary).</param>
public sealed record OneTimeRepair(DateOnly IncurredFrom, DateOnly IncurredTo, Money MaxSingleAmount, DateOnly RepaidBy, DateOnly EarlyRepaidBy, DateOnly EarlyHiddenFrom, FactStatus AmountStatus);

/// <summary>Whether a kind of lender reports to the PBOC credit reference centre, and how sure that is.</summary>
/// <param name="Reports">True or false when established; null when not.</param>
/// <param name="Licensed">A licensed lender (bank, consumer finance, microloan).</param>
/// <param name="Status">How sure the answer is.</param>
public sealed record CreditReporting(bool? Reports, bool Licensed, FactStatus Status);

/// <summary>
/// One stretch of a loan being overdue as the lender's own schedule counts it, and what it means
/// for the credit record if the lender reports it.
/// </summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Lender">The lender.</param>
/// <param name="Reporting">Whether the lender reports (often uncertain).</param>
/// <param name="Started">The first due date not paid in full.</param>
/// <param name="Ended">The day it was all paid up; null while still overdue.</param>
/// <param name="LargestUnpaid">The most that was overdue at once in the stretch.</param>
/// <param name="DropsOff">The day a record of it is due to be deleted: <paramref name="Ended"/> plus the retention years; null while still overdue.</param>
/// <param name="Repair">What the one-time repair policy does for it.</param>
/// <param name="HiddenFrom">When the repair policy stops the record being shown, where it applies.</param>
public sealed record CreditEpisode(
    string LoanId,
    string Lender,
    CreditReporting Reporting,
    DateOnly Started,
    DateOnly? Ended,
    Money LargestUnpaid,
    DateOnly? DropsOff,
    RepairOutcome Repair,
    DateOnly? HiddenFrom);

/// <summary>What the one-time repair policy does for an overdue stretch.</summary>
public enum RepairOutcome
{
    /// <summary>It qualifies: the record is not shown from <see cref="CreditEpisode.HiddenFrom"/>.</summary>
    Applies,

    /// <summary>Still overdue and the repayment deadline has not passed: repaying in full by then would qualify it.</summary>
    AppliesIfRepaidInTime,

    /// <summary>Started outside the policy's dates.</summary>
    OutsidePeriod,

    /// <summary>The amount overdue was above the policy's limit.</summary>
    AmountTooLarge,

    /// <summary>Not repaid in full by the policy's deadline.</summary>
    RepaidTooLate,
}

/// <summary>
/// Finds every overdue stretch in a loan's history (the lender's schedule against the payments)
/// and dates what follows for the credit record: the five-year rule and the one-time repair.
/// </summary>
public static class CreditTimeline
{
    /// <summary>The overdue stretches of <paramref name="loan"/> up to <paramref name="asOf"/>, oldest first; none when the lender is known not to report.</summary>
    public static IReadOnlyList<CreditEpisode> Of(Loan loan, CreditRecordRules rules, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(rules);
        var reporting = rules.Reporting.TryGetValue(loan.Lender.Kind, out var known) ? known : new CreditReporting(null, false, FactStatus.Uncertain);
        if (reporting.Reports == false)
        {
            return [];
        }

        // Arrears change only the day after a due date and on a payment date.
        var days = loan.Schedule.Select(i => i.DueDate.AddDays(1))
            .Concat(loan.Payments.Select(p => p.Date))
            .Where(d => d <= asOf)
            .Append(asOf)
            .Distinct()
            .Order();
        var episodes = new List<CreditEpisode>();
        DateOnly? started = null;
        var largest = Money.Zero;
        foreach (var day in days)
        {
            var arrears = Arrears.Of(loan, day);
            if (arrears is not null)
            {
                if (started is null)
                {
                    started = arrears.Since;
                    largest = Money.Zero;
                }

                largest = arrears.Unpaid > largest ? arrears.Unpaid : largest;
            }
            else if (started is { } from)
            {
                episodes.Add(Episode(loan, reporting, rules, from, day, largest, asOf));
                started = null;
            }
        }

        if (started is { } open)
        {
            episodes.Add(Episode(loan, reporting, rules, open, null, largest, asOf));
        }

        return episodes;
    }

    private static CreditEpisode Episode(Loan loan, CreditReporting reporting, CreditRecordRules rules, DateOnly started, DateOnly? ended, Money largest, DateOnly asOf)
    {
        var repair = rules.Repair;
        RepairOutcome outcome;
        DateOnly? hidden = null;
        if (started < repair.IncurredFrom || started > repair.IncurredTo)
        {
            outcome = RepairOutcome.OutsidePeriod;
        }
        else if (largest > repair.MaxSingleAmount)
        {
            outcome = RepairOutcome.AmountTooLarge;
        }
        else if (ended is { } end && end <= repair.RepaidBy)
        {
            outcome = RepairOutcome.Applies;
            hidden = end <= repair.EarlyRepaidBy ? repair.EarlyHiddenFrom : new DateOnly(end.Year, end.Month, 1).AddMonths(2).AddDays(-1);
        }
        else
        {
            outcome = ended is null && asOf <= repair.RepaidBy ? RepairOutcome.AppliesIfRepaidInTime : RepairOutcome.RepaidTooLate;
        }

        return new CreditEpisode(loan.Id, loan.Lender.Name, reporting, started, ended, largest, ended?.AddYears(rules.RetentionYears), outcome, hidden);
    }
}
