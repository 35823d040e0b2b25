using DebtShield.App.Cases;
using DebtShield.App.MakeDocument;
using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;

namespace DebtShield.Web.Api;

/// <summary>A document the API offers: its kind, titles, whether it concerns one lender, and the facts it asks for.</summary>
public sealed record DocumentKindFigure(string Kind, string Title, string EnglishTitle, bool PerLender, IReadOnlyList<string> Facts);

/// <summary><c>/api/v1/documents</c>: the seven documents, and one written for the case as DOCX, PDF or Markdown.</summary>
public static class DocumentApi
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["pdf"] = "application/pdf",
        ["md"] = "text/markdown; charset=utf-8",
    };

    /// <summary>The media type of a format; null for a format the app does not write.</summary>
    public static string? ContentType(string format) => ContentTypes.GetValueOrDefault(format);

    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/documents", () => MakeDocument.Templates().Select(t => new DocumentKindFigure(t.Kind, t.Title, t.EnglishTitle, t.PerLender, [.. t.Needs.Select(n => n.Path)])).ToList())
            .WithName("DocumentKinds").CaseFree();
        api.MapPost("/documents/{kind}", async (string kind, RequestedCase @case, string? lender, string? format, Dictionary<string, string>? facts, LedgerGate gate, TimeProvider time, CancellationToken token) =>
        {
            var (content, name, type) = await WriteAsync(await gate.OpenAsync(token), kind, @case.Reference, lender, format ?? "docx", facts ?? [], time, token);
            return Results.File(content, type, name);
        }).WithName("MakeDocument");
    }

    /// <summary>Writes the document to a private temporary file and returns its bytes, name and media type.</summary>
    /// <exception cref="App.RequestRefusedException">The kind, format, lender or a fact cannot be used.</exception>
    internal static async Task<(byte[] Content, string Name, string Type)> WriteAsync(Data.Ledger ledger, string kind, CaseReference @case, string? lender, string format, IReadOnlyDictionary<string, string> facts, TimeProvider time, CancellationToken token)
    {
        var type = ContentType(format) ?? throw new App.RequestRefusedException(string.Format(System.Globalization.CultureInfo.CurrentCulture, Resources.WebText.Input_Invalid, Resources.WebText.Documents_Format, format));
        var given = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value.Trim(), StringComparer.Ordinal);
        var bytes = await WebInput.WithTemporaryFileAsync("document." + format, async path =>
        {
            await MakeDocument.WriteAsync(ledger, new DocumentRequest(kind, @case, string.IsNullOrWhiteSpace(lender) ? null : lender, path, given), time, token);
            return await File.ReadAllBytesAsync(path, token);
        });
        return (bytes, kind + "." + format, type);
    }
}
