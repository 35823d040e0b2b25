using DebtShield.App.Cases;
using System.Globalization;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Data;
using DebtShield.Data.Backups;
using DebtShield.Documents.Letters;
using DebtShield.Import.Guide;
using DebtShield.Import.LegalData;
using DebtShield.App.Resources;

namespace DebtShield.App.MakeDocument;

/// <summary>What to write.</summary>
/// <param name="Kind">The document (<c>regulator-complaint</c>…).</param>
/// <param name="Case">The case (a title converts; null for the only one).</param>
/// <param name="Lender">The lender, by the name its loans carry; needed when the document concerns one lender and the case has several.</param>
/// <param name="Path">The file to write; its extension gives the format.</param>
/// <param name="Set">Facts the borrower gives or corrects, by path (only those the template declares).</param>
/// <param name="Font">The PDF font (<c>PATH</c> or <c>PATH:INDEX</c>); null to search.</param>
/// <param name="Templates">A folder of edited templates; null for the shipped ones.</param>
public sealed record DocumentRequest(
    string Kind,
    CaseReference Case,
    string? Lender,
    string Path,
    IReadOnlyDictionary<string, string>? Set = null,
    string? Font = null,
    string? Templates = null);

/// <summary>What was written, and what the borrower still has to do before sending it.</summary>
/// <param name="Kind">The document.</param>
/// <param name="Title">Its title.</param>
/// <param name="Path">The file.</param>
/// <param name="Format">The format.</param>
/// <param name="Lender">The lender it concerns, if one.</param>
/// <param name="Channel">Where it goes (number and name), if the document has a channel.</param>
/// <param name="Missing">Facts written as blanks, with the <c>--set</c> path that fills each.</param>
/// <param name="Unverified">Provisions cited that are marked 〔待核实〕.</param>
/// <param name="EvidenceListed">Evidence items listed by hash.</param>
/// <param name="EvidenceNotListed">Evidence items left to the bundle.</param>
public sealed record MadeDocument(
    string Kind,
    string Title,
    string Path,
    LetterFormat Format,
    string? Lender,
    string? Channel,
    IReadOnlyList<NeededFact> Missing,
    IReadOnlyList<string> Unverified,
    int EvidenceListed,
    int EvidenceNotListed);

/// <summary>
/// Use case: "write document KIND for my case": the complaint, report or letter, filled from the
/// case's loans, findings and evidence, as DOCX, PDF or Markdown. The tool writes a file; the
/// borrower reads it, fills any blanks and sends it. Nothing is sent, and no document is addressed
/// to the borrower's contacts except the borrower's own notice.
/// </summary>
public static class MakeDocument
{
    /// <summary>The documents available, in order.</summary>
    /// <exception cref="RequestRefusedException">The template folder cannot be read, or a template in it is broken.</exception>
    public static IReadOnlyList<LetterTemplate> Templates(string? folder = null)
    {
        if (folder is null)
        {
            return LetterLibrary.Templates;
        }

        try
        {
            return LetterLibrary.Load(folder);
        }
        catch (LetterTemplateException e)
        {
            throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_TemplateBroken, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_TemplatesUnreadable, folder, e.Message));
        }
    }

    /// <summary>Writes the document the request asks for.</summary>
    /// <exception cref="RequestRefusedException">The kind, lender, fact or font cannot be used, or the file cannot be written; nothing is written then.</exception>
    public static async Task<MadeDocument> WriteAsync(Ledger ledger, DocumentRequest request, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var template = Find(request);
        var record = await CaseRecord.LoadAsync(ledger, request.Case, cancellationToken).ConfigureAwait(false);
        return await WriteAsync(record, template, request, ChinaStandardTime.Today(time), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the document for a case already read (the benchmarks and tests use this).</summary>
    public static async Task<MadeDocument> WriteAsync(CaseRecord record, LetterTemplate template, DocumentRequest request, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        var format = LetterFormats.FromPath(request.Path) ?? throw new ArgumentException("Unsupported extension: " + request.Path, nameof(request));
        var (rendered, lender, channel, listed, notListed) = Render(record, template, request, today);
        var font = format == LetterFormat.Pdf ? Font(request.Font) : null;
        try
        {
            await PrivateFile.WriteAsync(request.Path, (stream, token) =>
            {
                switch (format)
                {
                    case LetterFormat.Docx:
                        DocxLetter.Write(rendered.Document, stream);
                        break;
                    case LetterFormat.Pdf:
                        PdfLetter.Write(rendered.Document, stream, font!);
                        break;
                    default:
                        var bytes = System.Text.Encoding.UTF8.GetBytes(MarkdownLetter.Write(rendered.Document));
                        return stream.WriteAsync(bytes, token).AsTask();
                }

                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_FileUnwritable, request.Path, e.Message));
        }

        return new MadeDocument(template.Kind, template.Title, request.Path, format, lender, channel, rendered.Missing, rendered.Unverified, listed, notListed);
    }

    /// <summary>Renders the document's text without writing a file.</summary>
    /// <exception cref="RequestRefusedException">The lender or a fact cannot be used.</exception>
    public static (RenderedLetter Letter, string? Lender, string? Channel, int Listed, int NotListed) Render(CaseRecord record, LetterTemplate template, DocumentRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        var loans = Loans(record, template, request.Lender);
        var route = Route(template, loans);
        var facts = DocumentFacts.Of(record, loans, route, today, aboutTheLender: template.PerLender);
        Apply(facts, template, request.Set);
        RenderedLetter letter;
        try
        {
            letter = LetterRenderer.Render(template, facts, Cite);
        }
        catch (LetterTemplateException e)
        {
            throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_TemplateBroken, e.Message));
        }

        var listed = facts.Get("evidence") is List<object?> items ? items.Count : 0;
        var channel = facts.Get("channel.number") is string number && number.Length > 0 ? number + " " + facts.Get("channel.name") : null;
        return (letter, template.PerLender ? loans.FirstOrDefault()?.Lender.Name : null, channel, listed, (int)(facts.Get("evidence_more") ?? 0));
    }

    /// <summary>A citation as documents write it: 《中华人民共和国个人信息保护法》第十条.</summary>
    public static LetterCitation? Cite(string id)
    {
        if (!LegalDataReader.Citations.TryGetValue(id, out var citation))
        {
            return null;
        }

        var law = citation.LawZh.Contains('《', StringComparison.Ordinal) ? citation.LawZh : "《" + citation.LawZh + "》";
        var article = string.IsNullOrWhiteSpace(citation.Article) || citation.Article == "全文" ? "" : citation.Article;
        return new LetterCitation(law + article, citation.Status == FactStatus.Verified);
    }

    private static LetterTemplate Find(DocumentRequest request)
    {
        var templates = Templates(request.Templates);
        return templates.FirstOrDefault(t => t.Kind == request.Kind.Trim())
            ?? throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_UnknownKind, request.Kind, string.Join(", ", templates.Select(t => t.Kind))));
    }

    private static List<Loan> Loans(CaseRecord record, LetterTemplate template, string? lender)
    {
        var names = record.Loans.Select(l => l.Lender.Name).Distinct(StringComparer.Ordinal).ToList();
        if (lender is not null)
        {
            var name = lender.Trim();
            return names.Contains(name, StringComparer.Ordinal)
                ? [.. record.Loans.Where(l => l.Lender.Name == name)]
                : throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_LenderNotFound, lender, string.Join("、", names)));
        }

        if (!template.PerLender)
        {
            return [.. record.Loans];
        }

        return names.Count switch
        {
            0 => throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_NoLoans, template.Kind)),
            1 => [.. record.Loans],
            _ => throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_LenderAmbiguous, string.Join("、", names))),
        };
    }

    private static ComplaintRoute? Route(LetterTemplate template, List<Loan> loans)
    {
        var route = RouteFor(template.Kind, loans.Count > 0 ? loans[0].Lender.Kind : LenderKind.Unknown, out var dependsOnLender);
        return route is not null || !dependsOnLender
            ? route
            : throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_NoRegulator, loans.FirstOrDefault()?.Lender.Name ?? ""));
    }

    /// <summary>
    /// The route of a document about a lender of <paramref name="kind"/>: the one route when the
    /// document's channel does not depend on the lender, else the route for that kind; null with
    /// <paramref name="dependsOnLender"/> set when the kind has none (private and unlicensed lenders
    /// have no regulator), and null without it when the document has no channel at all.
    /// </summary>
    internal static ComplaintRoute? RouteFor(string documentKind, LenderKind kind, out bool dependsOnLender)
    {
        var routes = GuideLibrary.Routes.Where(r => r.Document == documentKind).ToList();
        dependsOnLender = routes.Count > 0 && routes.Any(r => r.LenderKinds.Count > 0);
        return dependsOnLender ? routes.FirstOrDefault(r => r.LenderKinds.Contains(kind)) : routes.FirstOrDefault();
    }

    private static void Apply(Documents.Letters.LetterFacts facts, LetterTemplate template, IReadOnlyDictionary<string, string>? set)
    {
        foreach (var (path, value) in set ?? new Dictionary<string, string>())
        {
            if (!template.Needs.Any(n => n.Path == path))
            {
                throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_UnknownFact, template.Kind, path, string.Join(", ", template.Needs.Select(n => n.Path))));
            }

            // One line, and never a line marker (# title, :: signature) the borrower did not mean.
            var text = value.ReplaceLineEndings(" ").Trim().TrimStart('#', ':').Trim();
            facts.Set(path, text.Length == 0 ? null : text);
            if (path.StartsWith("proposal.", StringComparison.Ordinal))
            {
                facts.Set("proposal.source", ""); // the borrower's own proposal replaces the plan's
            }

            // An amount given in figures is also written in capitals.
            if (facts.Get(path + "_capitals") is string && decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan) && yuan >= 0m && yuan <= ChineseCapitals.MaxYuan)
            {
                facts.Set(path, DocumentFacts.Figure(yuan)).Set(path + "_capitals", ChineseCapitals.Of(new Money(yuan)));
            }
        }
    }

    private static CjkFont Font(string? requested)
    {
        try
        {
            return CjkFont.Locate(requested);
        }
        catch (CjkFontException e)
        {
            throw new RequestRefusedException(e.Requested is null
                ? Resources.DocumentText.Doc_FontMissing
                : Localized.Format(Resources.DocumentText.Doc_FontUnusable, e.Requested));
        }
    }
}
