using System.Globalization;
using DebtShield.App;
using DebtShield.App.ListLoans;
using DebtShield.App.RecordLoans;
using DebtShield.Core.Loans;
using DebtShield.Web.Forms;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Loans;

/// <summary>
/// One loan: its schedule and payments, its true cost, and the legal check step by step with the
/// law it rests on; and what the borrower does to it: record a payment, correct its facts, remove it.
/// </summary>
public sealed class ShowModel(LedgerGate gate, TimeProvider time) : LedgerPage(gate, time)
{
    /// <summary>The loan in full; null when the loan could not be read (the page shows <see cref="LedgerPage.Problem"/>).</summary>
    public LoanDetail? Detail { get; private set; }

    /// <summary>The loan's name, from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>The payment form, kept filled in when it is refused.</summary>
    [BindProperty]
    public PaymentForm Payment { get; set; } = new();

    /// <summary>The correction form, filled in with the loan's facts.</summary>
    [BindProperty]
    public LoanForm Edit { get; set; } = new();

    /// <summary>True when the removal was confirmed.</summary>
    [BindProperty]
    public bool RemoveConfirmed { get; set; }

    /// <summary>Today in China, for the payment form's default date.</summary>
    public DateOnly Day => Today;

    /// <summary>Reads the loan; a loan the case does not hold is refused with the names it does hold.</summary>
    public Task OnGetAsync() => ShowAsync(LoadAsync);

    /// <summary>Records a payment: its date (not after today), its amount, or the chosen instalment's amount when left blank.</summary>
    public Task<IActionResult> OnPostPaymentAsync() => ActAsync(
        async () =>
        {
            var detail = await ReadAsync();
            var payment = Payment.ToPayment(detail, Today);
            await RecordLoan.AddPaymentAsync(await LedgerAsync(), Case, Id, payment, Time, HttpContext.RequestAborted);
            return string.Format(CultureInfo.CurrentCulture, WebText.Payment_Added, Figures.Day(payment.Date), Figures.Yuan(payment.Amount.Yuan));
        },
        Here(Address(Id)),
        ReloadAsync);

    /// <summary>Corrects the loan's contract facts, keeping its schedule, fees and payments.</summary>
    public async Task<IActionResult> OnPostEditAsync()
    {
        var renamed = Id;
        var result = await ActAsync(
            async () =>
            {
                var facts = Edit.ToPastedFacts(Today);
                var overdueTerms = Edit.OverdueTerms();
                var edited = await RecordLoan.EditAsync(
                    await LedgerAsync(),
                    Case,
                    Id,
                    loan => LoanForm.Checked(
                        Loan.Create(facts.Id, facts.Lender, facts.ContractDate, facts.Principal, facts.Received, loan.UpfrontFees, loan.Schedule, loan.Payments, loan.Advertised, overdueTerms),
                        facts.Id),
                    Time,
                    HttpContext.RequestAborted);
                renamed = edited.Id;
                return string.Format(CultureInfo.CurrentCulture, WebText.Loan_Edited, edited.Id);
            },
            Here(Address(Id)),
            ReloadAsync);
        return result is RedirectResult ? Redirect(Here(Address(renamed))) : result;
    }

    /// <summary>Removes the loan with its schedule, fees and payments, once the removal is confirmed.</summary>
    public Task<IActionResult> OnPostRemoveAsync() => ActAsync(
        async () =>
        {
            if (!RemoveConfirmed)
            {
                throw new RequestRefusedException(WebText.Loan_RemoveUnconfirmed);
            }

            await RecordLoan.RemoveAsync(await LedgerAsync(), Case, Id, HttpContext.RequestAborted);
            return string.Format(CultureInfo.CurrentCulture, WebText.Loan_Removed, Id);
        },
        Here("/loans"),
        ReloadAsync);

    /// <summary>The loan page's address.</summary>
    public static string Address(string id) => "/loans/" + Uri.EscapeDataString(id);

    private async Task<LoanDetail> ReadAsync() => await ListLoans.ShowAsync(await LedgerAsync(), Case, Id, Today, HttpContext.RequestAborted);

    private async Task LoadAsync()
    {
        Detail = await ReadAsync();
        Edit = LoanForm.Of(Detail.Loan, Detail.OverdueTerms);
    }

    /// <summary>After a refused form: the loan again, with the refused form's values kept.</summary>
    private Task ReloadAsync() => ShowAsync(async () => Detail = await ReadAsync());
}
