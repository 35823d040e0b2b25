using DebtShield.App.Cases;
using DebtShield.App.ExportEvidence;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.Data;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Api;

/// <summary><c>/api/v1/evidence</c>: the timeline, the chain check, phone-backup import and the bundle.</summary>
public static class EvidenceApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/evidence", async ([AsParameters] EvidenceQuery query, RequestedCase @case, LedgerGate gate, CancellationToken token) =>
        {
            var page = await EvidencePages.ReadAsync(await gate.OpenAsync(token), @case.Reference, query.ToFilter(), query.PageNumber, EvidenceQuery.PageSize, token);
            return EvidencePageFigure.From(page);
        }).WithName("ListEvidence");
        api.MapPost("/evidence/verify", async (RequestedCase @case, LedgerGate gate, CancellationToken token) =>
        {
            var checks = await VerifyEvidence.VerifyAsync(await gate.OpenAsync(token), @case.Reference, token);
            return checks.Select(ChainFigure.From).ToList();
        }).WithName("VerifyEvidence");
        api.MapPost("/evidence/import", async (HttpRequest request, [FromQuery(Name = "file")] string? file, [FromQuery(Name = "collector")] string[]? collectors, RequestedCase @case, LedgerGate gate, TimeProvider time, CancellationToken token) =>
        {
            RawBody.Require(request);
            var name = WebInput.Required(file, "file");
            var ledger = await gate.OpenAsync(token);
            return await ImportPhoneBackup.ImportAsync(ledger, @case.Reference, request.Body, name, new PhoneBackupChoices(collectors ?? []), time, token);
        }).Accepts<Stream>("application/octet-stream").WithName("ImportPhoneBackup");
        api.MapGet("/evidence/bundle", async (RequestedCase @case, LedgerGate gate, TimeProvider time, CancellationToken token) =>
        {
            var (content, name) = await BundleAsync(await gate.OpenAsync(token), @case.Reference, time, token);
            return Results.File(content, "application/zip", name);
        }).WithName("EvidenceBundle");
    }

    /// <summary>The case's evidence bundle to download, and its file name; refused while the chain is broken.</summary>
    /// <remarks>The bundle is written to a private temporary file that is gone once the stream is closed.</remarks>
    internal static async Task<(Stream Content, string Name)> BundleAsync(Ledger ledger, CaseReference @case, TimeProvider time, CancellationToken token)
    {
        var folder = Directory.CreateTempSubdirectory("debtshield-bundle-");
        var path = Path.Combine(folder.FullName, "evidence.zip");
        try
        {
            await ExportEvidenceBundle.WriteAsync(ledger, @case, path, time, token);
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            File.Delete(path);
            folder.Delete();
            var name = "debtshield-evidence-" + time.GetUtcNow().ToOffset(Core.ChinaStandardTime.Offset).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture) + ".zip";
            return (stream, name);
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }
}
