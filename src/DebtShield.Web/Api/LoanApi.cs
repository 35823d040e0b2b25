using DebtShield.App.ImportLoans;
using DebtShield.App.ListLoans;
using DebtShield.App.RecordLoans;
using DebtShield.Core;
using DebtShield.Web.Forms;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Api;

/// <summary>The answer to a loan added: the id its own address takes.</summary>
/// <param name="Id">The loan's id in the case.</param>
public sealed record AddedLoan(string Id);

/// <summary><c>/api/v1/loans</c>: the case's loans with their true cost and legal check; add and import.</summary>
/// <remarks>
/// Uploads are raw request bodies (<c>application/octet-stream</c>) named by <c>?file=</c>, never
/// HTML form posts: a page on another site can make a browser send a form to this local app, but
/// not such a body, so no other site can write into the borrower's ledger.
/// </remarks>
public static class LoanApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/loans", async (RequestedCase @case, LedgerGate gate, TimeProvider time, CancellationToken token) =>
            TypedResults.Ok(await ListLoans.ListAsync(await gate.OpenAsync(token), @case.Reference, ChinaStandardTime.Today(time), token))).WithName("ListLoans");
        api.MapGet("/loans/{id}", async (string id, RequestedCase @case, LedgerGate gate, TimeProvider time, CancellationToken token) =>
            TypedResults.Ok(await ListLoans.ShowAsync(await gate.OpenAsync(token), @case.Reference, id, ChinaStandardTime.Today(time), token))).WithName("ShowLoan");
        api.MapPost("/loans", async (HttpContext http, RequestedCase @case, LedgerGate gate, TimeProvider time, CancellationToken token) =>
        {
            var form = await JsonBody.ReadAsync<LoanForm>(http);
            if (form.Refusal is { } refused)
            {
                return refused;
            }

            var loan = form.Value!.ToLoan(ChinaStandardTime.Today(time));
            await RecordLoan.AddAsync(await gate.OpenAsync(token), @case.Reference, loan, time, token);
            return Results.Created("/api/v1/loans/" + Uri.EscapeDataString(loan.Id), new AddedLoan(loan.Id));
        }).Accepts<LoanForm>("application/json").WithName("AddLoan");
        api.MapPost("/loans/import", async (HttpRequest request, [FromQuery(Name = "file")] string? file, RequestedCase @case, LedgerGate gate, TimeProvider time, CancellationToken token) =>
        {
            RawBody.Require(request);
            var name = WebInput.Required(file, "file");
            var ledger = await gate.OpenAsync(token);
            return TypedResults.Ok(await ImportLoans.ImportAsync(ledger, @case.Reference, request.Body, name, time, token));
        }).Accepts<Stream>("application/octet-stream").WithName("ImportLoans");
    }
}
