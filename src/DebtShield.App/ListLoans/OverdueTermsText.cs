using DebtShield.App.RateLoans;
using DebtShield.App.Resources;
using DebtShield.Core.Loans;

namespace DebtShield.App.ListLoans;

/// <summary>
/// What a loan's contract agrees for late payment, in the reader's words: the loan page and
/// <c>loan show</c> say it beside the figures it changes, so a borrower can see whether the range
/// they are shown comes from terms nobody has entered yet.
/// </summary>
public static class OverdueTermsText
{
    /// <summary>The terms in one line: not known, nothing agreed, or each agreed part.</summary>
    public static string Of(OverdueTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!terms.IsKnown)
        {
            return AppText.Overdue_Unknown;
        }

        var parts = new List<string>(3);
        if (terms.Rate is { } rate)
        {
            parts.Add(Localized.Format(AppText.Overdue_Rate, RateLoanReport.PerName(rate.Per), new Percentage((double)rate.Value)));
        }

        if (terms.Penalty?.DailyRate is { } daily)
        {
            parts.Add(Localized.Format(AppText.Overdue_PenaltyPerDay, new Percentage((double)daily)));
        }

        if (terms.Penalty?.Amount is { } once)
        {
            parts.Add(Localized.Format(AppText.Overdue_PenaltyOnce, once));
        }

        if (terms.OtherFees is { } fees)
        {
            parts.Add(Localized.Format(AppText.Overdue_OtherFees, fees));
        }

        return parts.Count == 0 ? AppText.Overdue_NoneAgreed : string.Join(AppText.Overdue_Separator, parts);
    }
}
