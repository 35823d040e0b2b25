using DebtShield.App.ExportEvidence;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.Web.Forms;
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
        // The query's fields one by one rather than [AsParameters]: the request delegate generator
        // cannot yet bind a record whose members are nullable references (CS8639 in its output).
        api.MapGet("/evidence", async (string? label, string? from, string? to, string? number, string? recipient, RequestedCase @case, LedgerGate gate, CancellationToken token, bool all = false, int? page = null) =>
        {
            var query = new EvidenceQuery(label, from, to, number, recipient, all, page);
            var found = await EvidencePages.ReadAsync(await gate.OpenAsync(token), @case.Reference, query.ToFilter(), query.PageNumber, EvidenceQuery.PageSize, token);
            return TypedResults.Ok(EvidencePageFigure.From(found));
        }).WithName("ListEvidence");
        api.MapPost("/evidence/verify", async (RequestedCase @case, LedgerGate gate, CancellationToken token) =>
        {
            var checks = await VerifyEvidence.VerifyAsync(await gate.OpenAsync(token), @case.Reference, token);
            return TypedResults.Ok(checks.Select(ChainFigure.From).ToList());
        }).WithName("VerifyEvidence");
        api.MapPost("/evidence/import", async (HttpRequest request, [FromQuery(Name = "file")] string? file, [FromQuery(Name = "collector")] string[]? collectors, RequestedCase @case, LedgerGate gate, TimeProvider time, CancellationToken token) =>
        {
            RawBody.Require(request);
            var name = WebInput.Required(file, "file");
            var ledger = await gate.OpenAsync(token);
            return TypedResults.Ok(await ImportPhoneBackup.ImportAsync(ledger, @case.Reference, request.Body, name, new PhoneBackupChoices(collectors ?? []), time, token));
        }).Accepts<Stream>("application/octet-stream").WithName("ImportPhoneBackup");
        api.MapGet("/evidence/bundle", async (RequestedCase @case, LedgerGate gate, TimeProvider time, CancellationToken token) =>
            new DownloadResult(await ExportEvidenceBundle.DownloadAsync(await gate.OpenAsync(token), @case.Reference, time, token)))
            .WithName("EvidenceBundle");
    }
}
