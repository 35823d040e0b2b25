using DebtShield.App.MakeDocument;
using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DebtShield.Web.Api;

/// <summary>A document the API offers: its kind, titles, whether it concerns one lender, and the facts it asks for.</summary>
public sealed record DocumentKindFigure(string Kind, string Title, string EnglishTitle, bool PerLender, IReadOnlyList<string> Facts);

/// <summary><c>/api/v1/documents</c>: the seven documents, and one written for the case as DOCX, PDF or Markdown.</summary>
public static class DocumentApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/documents", () => TypedResults.Ok(MakeDocument.Kinds().Select(t => new DocumentKindFigure(t.Kind, t.Title, t.EnglishTitle, t.PerLender, [.. t.Needs.Select(n => n.Path)])).ToList()))
            .WithName("DocumentKinds").CaseFree();
        api.MapPost("/documents/{kind}", async Task<Results<DownloadResult, StatusCodeHttpResult>> (string kind, RequestedCase @case, string? lender, string? format, HttpContext http, LedgerGate gate, TimeProvider time, CancellationToken token) =>
        {
            var facts = await JsonBody.ReadAsync<Dictionary<string, string>>(http, optional: true);
            if (facts.Refusal is { } refused)
            {
                return refused;
            }

            return new DownloadResult(await MakeDocument.DownloadAsync(await gate.OpenAsync(token), DocumentRequest.ForDownload(kind, @case.Reference, lender, format, facts.Value), time, token));
        }).Accepts<Dictionary<string, string>>(isOptional: true, "application/json").WithName("MakeDocument");
    }
}
