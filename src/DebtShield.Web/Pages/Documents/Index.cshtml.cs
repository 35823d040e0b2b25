using System.Globalization;
using DebtShield.App;
using DebtShield.App.ListLoans;
using DebtShield.App.MakeDocument;
using DebtShield.App.RecordEvidence;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Documents;

/// <summary>
/// 文书: the seven documents a borrower sends (complaints, reports, letters, the notice to contacts),
/// filled from the case and downloaded as DOCX, PDF or Markdown. The page asks for the facts the
/// ledger does not hold; what is left empty is written as a visible blank, never invented.
/// The app writes the file; the borrower reads it and sends it.
/// </summary>
public sealed class IndexModel(LedgerGate gate, TimeProvider time) : LedgerPage(gate, time)
{
    /// <summary>The documents, in order.</summary>
    public IReadOnlyList<DocumentKind> Templates { get; } = MakeDocument.Kinds();

    /// <summary>The document chosen.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>The lender it concerns, for a document about one lender.</summary>
    [BindProperty]
    public string? Lender { get; set; }

    /// <summary>The format: <c>docx</c>, <c>pdf</c> or <c>md</c>.</summary>
    [BindProperty]
    public string Format { get; set; } = "docx";

    /// <summary>Facts the borrower gives, by the template's path (named, so that the form's other fields never bind here).</summary>
    [BindProperty(Name = "Facts")]
    public Dictionary<string, string> Facts { get; set; } = [];

    /// <summary>The chosen template, when one is chosen.</summary>
    public DocumentKind? Chosen => Templates.FirstOrDefault(t => t.Kind == Kind);

    /// <summary>The case's lenders.</summary>
    public IReadOnlyList<string> Lenders { get; private set; } = [];

    /// <summary>
    /// The numbers that contacted the borrower, with the lender each is taken to collect for: a
    /// document about one lender cites only that lender's, so the borrower can say whose a number is.
    /// </summary>
    public IReadOnlyList<CollectorNumber> Collectors { get; private set; } = [];

    /// <summary>Where the chosen document goes for each of the case's lenders; empty when it does not depend on the lender.</summary>
    public IReadOnlyList<LenderChannel> Channels { get; private set; } = [];

    /// <summary>The number whose lender the borrower gives.</summary>
    [BindProperty]
    public string? Number { get; set; }

    /// <summary>The lender the borrower says the number collects for; empty to say none.</summary>
    [BindProperty]
    public string? CollectsFor { get; set; }

    /// <summary>Shows the documents, and the form of the one chosen.</summary>
    public Task OnGetAsync() => ShowAsync(LoadAsync);

    /// <summary>Writes the document and sends it to the browser to save; a refusal is shown on the form, still filled in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var kind = Chosen?.Kind ?? throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Invalid, WebText.Nav_Documents, Kind ?? ""));
            return new DownloadResult(await MakeDocument.DownloadAsync(await LedgerAsync(), DocumentRequest.ForDownload(kind, Case, Lender, Format, Facts), Time, HttpContext.RequestAborted));
        }
        catch (RequestRefusedException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
    }

    /// <summary>Records which lender a number collects for, and comes back to the same document.</summary>
    public Task<IActionResult> OnPostCollectorAsync() => ActAsync(
        async () =>
        {
            var number = await CollectorLenders.MarkAsync(await LedgerAsync(), Case, Number ?? "", CollectsFor, Time, HttpContext.RequestAborted);
            return string.IsNullOrWhiteSpace(CollectsFor)
                ? string.Format(CultureInfo.CurrentCulture, WebText.Documents_CollectorCleared, number)
                : string.Format(CultureInfo.CurrentCulture, WebText.Documents_CollectorSaved, number, CollectsFor.Trim());
        },
        Here("/documents", "kind=" + Uri.EscapeDataString(Kind ?? "")) + "#collectors",
        LoadAsync);

    private async Task LoadAsync()
    {
        var ledger = await LedgerAsync();
        var loans = await ListLoans.ListAsync(ledger, Case, Today, HttpContext.RequestAborted);
        Lenders = [.. loans.Loans.Select(l => l.Figures.LenderName).Distinct(StringComparer.Ordinal)];
        Channels = Chosen is { } chosen ? DocumentChannels.For(chosen.Kind, loans.Loans) : [];
        if (Chosen?.PerLender == true && Lenders.Count > 1)
        {
            Collectors = await CollectorLenders.ListAsync(ledger, Case, HttpContext.RequestAborted);
        }
    }
}
