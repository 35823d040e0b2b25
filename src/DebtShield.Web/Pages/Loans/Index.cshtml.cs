using System.Globalization;
using DebtShield.App;
using DebtShield.App.ImportLoans;
using DebtShield.App.ListLoans;
using DebtShield.App.RecordLoans;
using DebtShield.Web.Forms;
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

    /// <summary>The number of instalments as typed (6, 6 期), read with a reason when it does not read.</summary>
    [BindProperty]
    public string? Instalments { get; set; }

    /// <summary>The pasted repayment screen.</summary>
    [BindProperty]
    public string? Pasted { get; set; }

    /// <summary>True when the borrower has seen what pasting again changes and confirmed it.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>A pasted loan that differs from the stored one of the same name, waiting for confirmation.</summary>
    public PastedLoanComparison? Pending { get; private set; }

    /// <summary>Lists the loans.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Adds the loan of the form.</summary>
    public Task<IActionResult> OnPostAddAsync() => ActAsync(
        async () =>
        {
            var count = FormValue.Count(Instalments, WebText.Field_Instalments, WebText.Field_InstalmentsUnit, EqualInstalments.LargestCount);
            var loan = (Form with { Instalments = count }).ToLoan(Today);
            await RecordLoan.AddAsync(await LedgerAsync(), Case, loan, Time, HttpContext.RequestAborted);
            return string.Format(CultureInfo.CurrentCulture, WebText.Loan_Added, loan.Id);
        },
        Here("/loans"),
        LoadAsync);

    /// <summary>Imports an uploaded loan file, case file or loan table, read as a stream (<see cref="StreamedForm"/>).</summary>
    public async Task<IActionResult> OnPostImportAsync()
    {
        using var form = await StreamedForm.ReadAsync(HttpContext);
        return await ActAsync(
            async () =>
            {
                if (form.Files("file") is not [var file, ..])
                {
                    throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Missing, WebText.Loans_ImportFile));
                }

                var ledger = await LedgerAsync();
                await using var content = file.Content.OpenRead();
                var summary = await ImportLoans.ImportAsync(ledger, Case, content, file.FileName, Time, HttpContext.RequestAborted);
                return string.Format(CultureInfo.CurrentCulture, WebText.Import_Done, summary.Added, summary.Unchanged);
            },
            Here("/loans"),
            LoadAsync);
    }

    /// <summary>
    /// Reads a pasted repayment screen with the loan's facts from the form. A new loan is stored with
    /// its paid rows as payments; the same loan again says so; a loan that differs from the stored one
    /// is shown, fact by fact, and updated only once confirmed.
    /// </summary>
    public async Task<IActionResult> OnPostPasteAsync()
    {
        if (!Confirmed)
        {
            await ShowAsync(async () => Pending = await ComparePastedAsync());
            if (Problem is not null || Pending is { Stored: not null, Unchanged: false })
            {
                Response.StatusCode = Problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
                await LoadAsync();
                return Page();
            }
        }

        return await ActAsync(
            async () =>
            {
                var comparison = Pending ?? await ComparePastedAsync();
                if (comparison.Unchanged)
                {
                    return string.Format(CultureInfo.CurrentCulture, WebText.Paste_Unchanged, comparison.Pasted.Id);
                }

                await ImportLoans.StoreAsync(await LedgerAsync(), Case, comparison.Reading, replace: comparison.Stored is not null, Time, HttpContext.RequestAborted);
                return comparison.Stored is null
                    ? string.Format(CultureInfo.CurrentCulture, WebText.Paste_Added, comparison.Pasted.Id, comparison.Pasted.Payments.Count)
                    : string.Format(CultureInfo.CurrentCulture, WebText.Paste_Updated, comparison.Pasted.Id);
            },
            Here("/loans"),
            LoadAsync);
    }

    private async Task<PastedLoanComparison> ComparePastedAsync()
    {
        var reading = ImportLoans.ReadPasted(WebInput.Required(Pasted, WebText.Field_Pasted), WebText.Field_Pasted, Form.ToPastedFacts(Today), Today, LoanFieldLabels.Describe);
        reading.RequireSucceeded();
        return await ImportLoans.CompareAsync(await LedgerAsync(), Case, reading, Today, HttpContext.RequestAborted);
    }

    private async Task LoadAsync() => List = await ListLoans.ListAsync(await LedgerAsync(), Case, Today, HttpContext.RequestAborted);
}
