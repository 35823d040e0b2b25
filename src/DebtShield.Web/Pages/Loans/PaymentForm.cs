using System.Globalization;
using DebtShield.App;
using DebtShield.App.Input;
using DebtShield.App.ListLoans;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Web.Forms;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Pages.Loans;

/// <summary>
/// A payment as the borrower types it on the loan page: the day, the amount, optionally the
/// instalment it paid, whose amount is taken when the amount is left blank, and what the parties
/// applied it to.
/// </summary>
/// <remarks>
/// The ledger records a payment as a date, an amount and its designation; without one the legal
/// account applies it in the statutory order (interest, then principal: Civil Code Art 561). The
/// instalment chosen fills in the amount and is not stored.
/// </remarks>
public sealed record PaymentForm
{
    /// <summary>The day it was paid; today when left blank.</summary>
    public string? Date { get; init; }

    /// <summary>What was paid.</summary>
    public string? Amount { get; init; }

    /// <summary>The 1-based number of the instalment it paid, if the borrower chose one.</summary>
    public int? Instalment { get; init; }

    /// <summary>What the parties applied it to, by its loan-file name; blank for the statutory order.</summary>
    public string? AppliesTo { get; init; }

    /// <summary>The choices of <see cref="AppliesTo"/> in the order the form lists them, each with its words.</summary>
    public static IReadOnlyList<(string Value, string Text)> Targets =>
    [
        ("", WebText.Payment_AppliesToLaw),
        (FactText.TargetName(PaymentTarget.Principal)!, WebText.Payment_AppliesToPrincipal),
        (FactText.TargetName(PaymentTarget.Interest)!, WebText.Payment_AppliesToInterest),
        (FactText.TargetName(PaymentTarget.Fees)!, WebText.Payment_AppliesToFees),
    ];

    /// <summary>The words for a recorded payment's designation; <see langword="null"/> for the statutory order, which goes unsaid.</summary>
    public static string? Describe(string? appliesTo) =>
        appliesTo is null ? null : Targets.FirstOrDefault(t => t.Value == appliesTo).Text;

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

        var target = string.IsNullOrWhiteSpace(AppliesTo)
            ? PaymentTarget.Default
            : FactText.Target(AppliesTo) ?? throw new RequestRefusedException(WebText.Payment_AppliesToUnknown);
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            return new Payment(date, FormValue.Amount(Amount, WebText.Payment_Amount), target);
        }

        return Instalment is { } number && number >= 1 && number <= loan.Schedule.Count
            ? new Payment(date, new Money(loan.Schedule[number - 1].Total), target)
            : throw new RequestRefusedException(WebText.Payment_NeedsAmountOrInstalment);
    }
}
