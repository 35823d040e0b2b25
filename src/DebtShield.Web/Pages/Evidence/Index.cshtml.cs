using System.Globalization;
using DebtShield.App;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Evidence;
using DebtShield.Web.Api;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Evidence;

/// <summary>
/// 证据: the timeline of collection incidents with their labels and the marked words, filters, the
/// chain's status, phone-backup upload and the bundle download.
/// </summary>
public sealed class IndexModel(LedgerGate gate, TimeProvider time, ChainChecks checks) : LedgerPage(gate, time)
{
    /// <summary>The filter and page asked for.</summary>
    [BindProperty(SupportsGet = true)]
    public EvidenceQuery Query { get; set; } = new();

    /// <summary>The page of entries.</summary>
    public EvidencePage? Entries { get; private set; }

    /// <summary>The last chain check of this case.</summary>
    public ChainCheck? Chain { get; private set; }

    /// <summary>Collector numbers given with an upload, one per line or separated by commas.</summary>
    [BindProperty]
    public string? Collectors { get; set; }

    /// <summary>Shows the page of the timeline.</summary>
    public Task OnGetAsync() => ShowAsync(LoadAsync);

    /// <summary>Imports an uploaded phone backup, then checks the chain.</summary>
    public Task<IActionResult> OnPostImportAsync(IFormFile? backup) => ActAsync(
        async () =>
        {
            if (backup is null || backup.Length == 0)
            {
                throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Missing, "backup"));
            }

            var ledger = await LedgerAsync();
            var numbers = PhoneNumber.ParseList(Collectors);
            await using var content = backup.OpenReadStream();
            var import = await WebInput.WithUploadAsync(content, backup.FileName, path => ImportPhoneBackup.ImportAsync(ledger, Case, path, new PhoneBackupChoices(numbers), Time, HttpContext.RequestAborted), HttpContext.RequestAborted);
            await VerifyAsync();
            var notice = string.Format(CultureInfo.CurrentCulture, WebText.Evidence_Imported, import.Read, import.Added, import.AlreadyKept, import.Skipped);
            var damage = (import.DamagedDatabases ?? []).Select(d => " " + string.Format(CultureInfo.CurrentCulture, WebText.Evidence_DatabaseDamaged, d.Database, d.RecordsRead, d.Reason));
            return (import.Break is { } broken
                ? notice + " " + string.Format(CultureInfo.CurrentCulture, WebText.Evidence_Damaged, broken.Line, broken.ByteOffset, broken.Reason)
                : notice) + string.Concat(damage);
        },
        Here("/evidence"),
        LoadAsync);

    /// <summary>
    /// Reads uploaded chat or SMS screenshots (several at once, or dropped onto the field) into
    /// incidents with Tesseract, on this machine; each refused image is named with its reason.
    /// </summary>
    public Task<IActionResult> OnPostScreenshotsAsync(List<IFormFile> screenshots, string? contact) => ActAsync(
        async () =>
        {
            if (screenshots.Count == 0)
            {
                throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Missing, "screenshots"));
            }

            var files = new List<ScreenshotFile>(screenshots.Count);
            foreach (var upload in screenshots)
            {
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer, HttpContext.RequestAborted);
                var bytes = buffer.ToArray();
                files.Add(new ScreenshotFile(Path.GetFileName(upload.FileName), Time.GetUtcNow(), () => bytes));
            }

            var import = await ImportScreenshots.ImportAsync(await LedgerAsync(), Case, files, string.IsNullOrWhiteSpace(contact) ? null : contact.Trim(), Time, cancellationToken: HttpContext.RequestAborted);
            await VerifyAsync();
            var refused = import.Screenshots.Where(s => s.Outcome == ScreenshotOutcome.Refused).Select(s => s.Name + "：" + s.Problem);
            return string.Join(" ", new[] { string.Format(CultureInfo.CurrentCulture, WebText.Evidence_ScreenshotsRead, import.Screenshots.Count, import.Added, import.ToConfirm) }.Concat(refused));
        },
        Here("/evidence"),
        LoadAsync);

    /// <summary>Checks the chain now.</summary>
    public Task<IActionResult> OnPostVerifyAsync() => ActAsync(
        async () =>
        {
            var chains = await VerifyAsync();
            return chains.All(c => c.Intact) ? WebText.Evidence_Intact : WebText.Evidence_Broken;
        },
        Here("/evidence"),
        LoadAsync);

    /// <summary>
    /// Marks an entry "不是证据" with the borrower's reason: a retraction appended to the chain (nothing
    /// is deleted); the entry leaves the timeline, the figures and the documents.
    /// </summary>
    public Task<IActionResult> OnPostRetractAsync(int sequence, string? reason) => ActAsync(
        async () =>
        {
            var retraction = await RetractEvidence.RetractAsync(await LedgerAsync(), Case, sequence, reason, Time, HttpContext.RequestAborted);
            await VerifyAsync();
            return string.Format(CultureInfo.CurrentCulture, WebText.Evidence_Retracted, sequence, retraction.Sequence);
        },
        Here("/evidence"),
        LoadAsync);

    /// <summary>Downloads the evidence bundle.</summary>
    public async Task<IActionResult> OnGetBundleAsync()
    {
        var (content, name) = await EvidenceApi.BundleAsync(await LedgerAsync(), Case, Time, HttpContext.RequestAborted);
        return File(content, "application/zip", name);
    }

    /// <summary>The address of another page of the same filter.</summary>
    public string PageLink(int page) => Here("/evidence", string.Join("&", new[]
    {
        Part("label", Query.Label), Part("from", Query.From), Part("to", Query.To), Part("number", Query.Number),
        Part("recipient", Query.Recipient), Query.All ? "all=true" : null, "page=" + page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p is not null)));

    private static string? Part(string name, string? value) => string.IsNullOrEmpty(value) ? null : name + "=" + Uri.EscapeDataString(value);

    private async Task<IReadOnlyList<ChainFigure>> VerifyAsync()
    {
        var results = await VerifyEvidence.VerifyAsync(await LedgerAsync(), Case, HttpContext.RequestAborted);
        var figures = new List<ChainFigure>(results.Count);
        foreach (var result in results)
        {
            var figure = ChainFigure.From(result);
            checks.Remember(result.CaseId, figure, Time.GetUtcNow());
            figures.Add(figure);
        }

        return figures;
    }

    private async Task LoadAsync()
    {
        Entries = await EvidencePages.ReadAsync(await LedgerAsync(), Case, Query.ToFilter(), Query.PageNumber, EvidenceQuery.PageSize, HttpContext.RequestAborted);
        Chain = Entries.CaseId is { } id ? checks.Of(id) : null;
    }
}
