using System.Globalization;
using DebtShield.App;
using DebtShield.App.ExportEvidence;
using DebtShield.App.Ledgers;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.App.StampEvidence;
using DebtShield.Core;
using DebtShield.Core.Evidence;
using DebtShield.Web.Forms;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Evidence;

/// <summary>
/// 证据: the timeline of collection incidents with their labels and the marked words, filters, the
/// chain's status, phone-backup upload and the bundle download.
/// </summary>
public sealed class IndexModel(LedgerGate gate, TimeProvider time, ChainChecks checks, HeldUploads<HeldBackup> backups, HeldUploads<HeldScreenshots> heldScreenshots, IHttpClientFactory httpClients) : LedgerPage(gate, time)
{
    /// <summary>Where the token of the last held backup travels between the import and the page (TempData, peeked so a reload keeps it).</summary>
    private const string BackupKey = "HeldBackup";

    /// <summary>Where the token of the screenshots waiting to be confirmed travels.</summary>
    private const string ScreenshotsKey = "HeldScreenshots";

    /// <summary>The filter and page asked for.</summary>
    [BindProperty(SupportsGet = true)]
    public EvidenceQuery Query { get; set; } = new();

    /// <summary>The page of entries.</summary>
    public EvidencePage? Entries { get; private set; }

    /// <summary>The last chain check of this case.</summary>
    public ChainCheck? Chain { get; private set; }

    /// <summary>The last backup imported here, while it is held: the numbers it did not keep, each with "标为催收号码".</summary>
    public Held<HeldBackup>? Backup { get; private set; }

    /// <summary>Screenshots read and waiting for the borrower to confirm what to keep.</summary>
    public Held<HeldScreenshots>? Screenshots { get; private set; }

    /// <summary>Collector numbers given with an upload, one per line or separated by commas.</summary>
    [BindProperty]
    public string? Collectors { get; set; }

    /// <summary>Shows the page of the timeline.</summary>
    public Task OnGetAsync() => ShowAsync(LoadAsync);

    /// <summary>
    /// Imports an uploaded phone backup, then checks the chain. The form is read as a stream
    /// (<see cref="StreamedForm"/>): the backup lies on disk only sealed, and a small one is held in
    /// memory for "标为催收号码".
    /// </summary>
    public async Task<IActionResult> OnPostImportAsync()
    {
        using var form = await StreamedForm.ReadAsync(HttpContext);
        Collectors = form.Field(nameof(Collectors));
        return await ActAsync(() => ImportAsync(form.Files("backup")), Here("/evidence"), LoadAsync);
    }

    /// <summary>
    /// Reads uploaded chat or SMS screenshots (several at once, or dropped onto the field) with
    /// Tesseract, on this machine, and stores nothing: what was read is shown to be confirmed
    /// (<see cref="OnPostConfirmScreenshotsAsync"/>); each refused image is named with its reason.
    /// </summary>
    public async Task<IActionResult> OnPostScreenshotsAsync()
    {
        using var form = await StreamedForm.ReadAsync(HttpContext);
        return await ActAsync(() => ReadScreenshotsAsync(form.Files("screenshots"), form.Field("contact")), Here("/evidence"), LoadAsync);
    }

    private async Task<string> ImportAsync(IReadOnlyList<UploadedFile> uploads)
    {
        if (uploads is not [var backup, ..])
        {
            throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Missing, "backup"));
        }

        var ledger = await LedgerAsync();
        var numbers = PhoneNumber.ParseList(Collectors);
        var bytes = backup.Content.Length <= HeldUploads<HeldBackup>.Largest ? await backup.ReadAllBytesAsync(HttpContext.RequestAborted) : null;
        await using var content = bytes is null ? backup.Content.OpenRead() : new MemoryStream(bytes, writable: false);
        var import = await ImportAsync(ledger, content, backup.FileName, numbers);
        await VerifyAsync();
        var skipped = import.SkippedNumbers ?? [];
        var token = bytes is not null && skipped.Count > 0 ? backups.Hold(RequestedCase.Of(HttpContext), UserName, new HeldBackup(backup.FileName, bytes, skipped), bytes.LongLength) : null;
        Remember(BackupKey, token);
        var notice = string.Format(CultureInfo.CurrentCulture, WebText.Evidence_Imported, import.Read, import.Added, import.AlreadyKept, import.Skipped)
            + (token is null && skipped.Count > 0 ? " " + string.Format(CultureInfo.CurrentCulture, WebText.Evidence_SkippedNotHeld, skipped.Count) : "");
        var damage = (import.DamagedDatabases ?? []).Select(d => " " + string.Format(CultureInfo.CurrentCulture, WebText.Evidence_DatabaseDamaged, d.Location.Database, d.Location.RecordsRead, d.Message));
        return (import.Break is { } broken
            ? notice + " " + string.Format(CultureInfo.CurrentCulture, WebText.Evidence_Damaged, broken.Location.Line, broken.Location.ByteOffset, broken.Message)
            : notice) + string.Concat(damage);
    }

    private async Task<string> ReadScreenshotsAsync(IReadOnlyList<UploadedFile> screenshots, string? contact)
    {
        if (screenshots.Count == 0)
        {
            throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Missing, "screenshots"));
        }

        var files = new List<ScreenshotFile>(screenshots.Count);
        foreach (var upload in screenshots)
        {
            var bytes = await upload.ReadAllBytesAsync(HttpContext.RequestAborted);
            files.Add(new ScreenshotFile(upload.FileName, Time.GetUtcNow(), () => bytes));
        }

        var readings = await ImportScreenshots.ReadAsync(await LedgerAsync(), Case, files, cancellationToken: HttpContext.RequestAborted);
        var read = readings.Screenshots;
        var bubbles = read.Sum(r => r.Messages.Count);
        var token = bubbles > 0
            ? heldScreenshots.Hold(RequestedCase.Of(HttpContext), UserName, new HeldScreenshots(readings, string.IsNullOrWhiteSpace(contact) ? null : contact.Trim()), screenshots.Sum(s => s.Content.Length))
            : null;
        Remember(ScreenshotsKey, token);
        var refused = read.Where(r => r.Result.Outcome == ScreenshotOutcome.Refused).Select(r => r.Result.Name + "：" + r.Result.Problem);
        var notice = token is not null ? string.Format(CultureInfo.CurrentCulture, WebText.Evidence_ScreenshotsToConfirm, read.Count, bubbles)
            : bubbles > 0 ? WebText.Evidence_ScreenshotsTooLarge
            : string.Format(CultureInfo.CurrentCulture, WebText.Evidence_ScreenshotsRead, read.Count, 0, 0);
        return string.Join(" ", new[] { notice }.Concat(refused));
    }

    /// <summary>
    /// Appends the bubbles the borrower ticked (or all of them) from the screenshots read before,
    /// or lets them go; nothing of a screenshot is stored unless one of its bubbles is kept.
    /// </summary>
    public Task<IActionResult> OnPostConfirmScreenshotsAsync(string? token, List<string> chosen, bool all, bool discard) => ActAsync(
        async () =>
        {
            var held = heldScreenshots.Find(token, RequestedCase.Of(HttpContext), UserName)
                ?? throw new RequestRefusedException(WebText.Evidence_ScreenshotsGone);
            heldScreenshots.Release(held.Token);
            Remember(ScreenshotsKey, null);
            if (discard)
            {
                return WebText.Evidence_ScreenshotsDiscarded;
            }

            var picked = chosen.ToHashSet(StringComparer.Ordinal);
            var import = await ImportScreenshots.AppendAsync(
                await LedgerAsync(),
                Case,
                held.Value.Readings,
                (screenshot, bubble) => all || picked.Contains(screenshot.ToString(CultureInfo.InvariantCulture) + ":" + bubble.ToString(CultureInfo.InvariantCulture)),
                held.Value.Contact,
                Time,
                HttpContext.RequestAborted);
            await VerifyAsync();
            return string.Format(CultureInfo.CurrentCulture, WebText.Evidence_ScreenshotsRead, import.Screenshots.Count, import.Added, import.ToConfirm);
        },
        Here("/evidence"),
        LoadAsync);

    /// <summary>
    /// "标为催收号码": marks a number the last import did not keep as a collector's and keeps its
    /// records from the same file, held since the import, without uploading it again.
    /// </summary>
    public Task<IActionResult> OnPostKeepAsync(string? token, string? number) => ActAsync(
        async () =>
        {
            var marked = PhoneNumber.Normalize(WebInput.Required(number, WebText.Evidence_SkippedNumber));
            var held = backups.Find(token, RequestedCase.Of(HttpContext), UserName)
                ?? throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Evidence_HeldGone, number));
            var backup = held.Value;
            if (marked is null || !backup.Skipped.Any(s => s.Number == marked))
            {
                throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Evidence_NotSkipped, number));
            }

            await using var content = new MemoryStream(backup.Content, writable: false);
            var import = await ImportAsync(await LedgerAsync(), content, backup.FileName, [marked]);
            await VerifyAsync();
            backups.Update(held.Token, backup with { Skipped = import.SkippedNumbers ?? [] });
            Remember(BackupKey, held.Token);
            return string.Format(CultureInfo.CurrentCulture, WebText.Evidence_Kept, marked, import.Added);
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

    /// <summary>
    /// Has the authority the borrower named sign the chain's head (RFC 3161). Only the head's hash is
    /// sent, and only because the borrower pressed the button; the reply is checked before it is kept.
    /// </summary>
    public Task<IActionResult> OnPostTimestampAsync(string? authority) => ActAsync(
        async () =>
        {
            var stamp = await StampEvidenceHead.StampAsync(await LedgerAsync(), Case, authority, httpClients.CreateClient(), HttpContext.RequestAborted);
            return string.Format(CultureInfo.CurrentCulture, WebText.Evidence_Stamped, stamp.Authority, stamp.Count, Figures.Time(stamp.StampedAt.ToOffset(ChinaStandardTime.Offset)));
        },
        Here("/evidence"),
        LoadAsync);

    /// <summary>Downloads the evidence bundle.</summary>
    public async Task<IActionResult> OnGetBundleAsync()
    {
        return new DownloadResult(await ExportEvidenceBundle.DownloadAsync(await LedgerAsync(), Case, Time, HttpContext.RequestAborted));
    }

    /// <summary>The address of another page of the same filter.</summary>
    public string PageLink(int page) => Here("/evidence", string.Join("&", new[]
    {
        Part("label", Query.Label), Part("from", Query.From), Part("to", Query.To), Part("number", Query.Number),
        Part("recipient", Query.Recipient), Query.All ? "all=true" : null, "page=" + page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p is not null)));

    private static string? Part(string name, string? value) => string.IsNullOrEmpty(value) ? null : name + "=" + Uri.EscapeDataString(value);

    /// <summary>The signed-in user on a server; null in local mode, where the machine is the borrower's.</summary>
    private string? UserName => User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

    private Task<PhoneBackupImport> ImportAsync(OpenLedger ledger, Stream content, string fileName, IReadOnlyList<string> collectors) =>
        ImportPhoneBackup.ImportAsync(ledger, Case, content, fileName, new PhoneBackupChoices(collectors), Time, HttpContext.RequestAborted);

    private void Remember(string key, string? token)
    {
        if (token is null)
        {
            TempData.Remove(key);
        }
        else
        {
            TempData[key] = token;
        }
    }

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
        Backup = backups.Find(TempData.Peek(BackupKey) as string, RequestedCase.Of(HttpContext), UserName);
        Screenshots = heldScreenshots.Find(TempData.Peek(ScreenshotsKey) as string, RequestedCase.Of(HttpContext), UserName);
        Entries = await EvidencePages.ReadAsync(await LedgerAsync(), Case, Query.ToFilter(), Query.PageNumber, EvidenceQuery.PageSize, HttpContext.RequestAborted);
        Chain = Entries.CaseId is { } id ? checks.Of(id) : null;
    }
}
