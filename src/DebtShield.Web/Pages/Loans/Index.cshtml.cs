using System.Globalization;
using DebtShield.App;
using DebtShield.App.ImportLoans;
using DebtShield.App.ListLoans;
using DebtShield.App.RecordLoans;
using DebtShield.Web.Api;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Loans;

/// <summary>借款: every loan with its real rate, the cap, the lawful balance and its flags; add one, import a file, or paste a repayment screen.</summary>
public sealed class IndexModel(LedgerGate gate, TimeProvider time) : LedgerPage(gate, time)
{
    /// <summary>The loans.</summary>
    public CaseLoanList? List { get; private set; }

    /// <summary>The add form, kept filled in when it is refused.</summary>
    [BindProperty]
    public LoanForm Form { get; set; } = new();

    /// <summary>The pasted repayment screen.</summary>
    [BindProperty]
    public string? Pasted { get; set; }

    /// <summary>Lists the loans.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Adds the loan of the form.</summary>
    public Task<IActionResult> OnPostAddAsync() => ActAsync(
        async () =>
        {
            var loan = Form.ToLoan();
            await RecordLoan.AddAsync(await LedgerAsync(), CaseTitle, loan, Time, HttpContext.RequestAborted);
            return string.Format(CultureInfo.CurrentCulture, WebText.Loan_Added, loan.Id);
        },
        Here("/loans"),
        LoadAsync);

    /// <summary>Imports an uploaded loan file, case file or loan table.</summary>
    public Task<IActionResult> OnPostImportAsync(IFormFile? file) => ActAsync(
        async () =>
        {
            if (file is null || file.Length == 0)
            {
                throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Missing, "file"));
            }

            var ledger = await LedgerAsync();
            await using var content = file.OpenReadStream();
            var summary = await WebInput.WithUploadAsync(content, file.FileName, path => LoanApi.ImportAsync(ledger, CaseTitle, path, Time, HttpContext.RequestAborted), HttpContext.RequestAborted);
            return string.Format(CultureInfo.CurrentCulture, WebText.Import_Done, summary.Added, summary.Unchanged);
        },
        Here("/loans"),
        LoadAsync);

    /// <summary>Reads a pasted repayment screen with the loan's facts from the form.</summary>
    public Task<IActionResult> OnPostPasteAsync() => ActAsync(
        async () =>
        {
            var reading = ImportLoans.ReadPasted(WebInput.Required(Pasted, "pasted"), "pasted", Form.ToPastedFacts());
            if (!reading.Succeeded)
            {
                throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Import_Refused, string.Join("；", reading.Errors)));
            }

            var summary = await ImportLoans.StoreAsync(await LedgerAsync(), CaseTitle, reading, replace: false, Time, HttpContext.RequestAborted);
            return string.Format(CultureInfo.CurrentCulture, WebText.Import_Done, summary.Added, summary.Unchanged);
        },
        Here("/loans"),
        LoadAsync);

    private async Task LoadAsync() => List = await ListLoans.ListAsync(await LedgerAsync(), CaseTitle, Today, HttpContext.RequestAborted);
}
