using System.Globalization;
using DebtShield.App;
using DebtShield.App.ListLoans;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Web.Api;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Pages.Loans;

/// <summary>
/// A payment as the borrower types it on the loan page: the day, the amount, and optionally the
/// instalment it paid, whose amount is taken when the amount is left blank.
/// </summary>
/// <remarks>
/// The ledger records a payment as a date and an amount, and the legal account applies payments
/// to what is due in date order (as a lender does); the instalment chosen fills in the amount and
/// is not stored.
/// </remarks>
public sealed record PaymentForm
{
    /// <summary>The day it was paid; today when left blank.</summary>
    public string? Date { get; init; }

    /// <summary>What was paid.</summary>
    public string? Amount { get; init; }

    /// <summary>The 1-based number of the instalment it paid, if the borrower chose one.</summary>
    public int? Instalment { get; init; }

    /// <summary>The payment, checked against the loan: after its contract date, not after today, above zero.</summary>
    /// <exception cref="RequestRefusedException">A field does not read, or the payment cannot have been made.</exception>
    public Payment ToPayment(LoanDetail loan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var date = string.IsNullOrWhiteSpace(Date) ? today : FormValue.PastDate(Date, WebText.Payment_Date, today);
        if (date < loan.Loan.ContractDate)
        {
            throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_BeforeContract, WebText.Payment_Date, Figures.Day(date), Figures.Day(loan.Loan.ContractDate)));
        }

        if (!string.IsNullOrWhiteSpace(Amount))
        {
            return new Payment(date, FormValue.Amount(Amount, WebText.Payment_Amount));
        }

        return Instalment is { } number && number >= 1 && number <= loan.Schedule.Count
            ? new Payment(date, new Money(loan.Schedule[number - 1].Total))
            : throw new RequestRefusedException(WebText.Payment_NeedsAmountOrInstalment);
    }
}
