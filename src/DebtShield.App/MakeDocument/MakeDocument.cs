using DebtShield.App.Cases;
using DebtShield.App.Downloads;
using System.Globalization;
using DebtShield.App.Ledgers;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Reading;
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
    string? Templates = null)
{
    /// <summary>
    /// What a form or a request of the web app asks for: the document <paramref name="kind"/> as
    /// <paramref name="format"/> (<c>docx</c>, <c>pdf</c> or <c>md</c>; <c>docx</c> when none), about
    /// the lender when one is named, with the facts the borrower filled in, blank ones left to the case.
    /// </summary>
    public static DocumentRequest ForDownload(string kind, CaseReference @case, string? lender, string? format, IReadOnlyDictionary<string, string>? facts)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var given = (facts ?? new Dictionary<string, string>()).Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value.Trim(), StringComparer.Ordinal);
        return new(kind, @case, string.IsNullOrWhiteSpace(lender) ? null : lender, kind + "." + (format ?? "docx"), given);
    }
}

/// <summary>A fact a document asks for: its path (what <c>--set</c> and the web form name it by) and its label.</summary>
/// <param name="Path">The fact's path, <c>borrower.name</c>.</param>
/// <param name="Label">What the borrower is asked, in Chinese.</param>
public sealed record DocumentFact(string Path, string Label)
{
    internal static DocumentFact Of(NeededFact fact) => new(fact.Path, fact.Label);
}

/// <summary>A document the app writes, as the hosts list it.</summary>
/// <param name="Kind">Its id (<c>regulator-complaint</c>…).</param>
/// <param name="Title">Its Chinese title.</param>
/// <param name="EnglishTitle">Its English title.</param>
/// <param name="PerLender">True when it concerns one lender.</param>
/// <param name="Needs">The facts it asks for, in order.</param>
public sealed record DocumentKind(string Kind, string Title, string EnglishTitle, bool PerLender, IReadOnlyList<DocumentFact> Needs);

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
    IReadOnlyList<DocumentFact> Missing,
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
        catch (DataFileException e)
        {
            throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_TemplateBroken, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_TemplatesUnreadable, folder, e.Message));
        }
    }

    /// <summary>The documents available, in order, as the hosts list them.</summary>
    /// <exception cref="RequestRefusedException">The template folder cannot be read, or a template in it is broken.</exception>
    public static IReadOnlyList<DocumentKind> Kinds(string? folder = null) =>
        [.. Templates(folder).Select(t => new DocumentKind(t.Kind, t.Title, t.EnglishTitle, t.PerLender, [.. t.Needs.Select(DocumentFact.Of)]))];

    /// <summary>True when <paramref name="path"/>'s extension names a format the app writes (<c>.docx</c>, <c>.pdf</c>, <c>.md</c>).</summary>
    public static bool Writes(string path) => LetterFormats.FromPath(path) is not null;

    /// <summary>Writes the document the request asks for.</summary>
    /// <exception cref="RequestRefusedException">The kind, lender, fact or font cannot be used, or the file cannot be written; nothing is written then.</exception>
    public static async Task<MadeDocument> WriteAsync(OpenLedger ledger, DocumentRequest request, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var template = Find(request);
        var record = await CaseRecord.LoadAsync(ledger, request.Case, cancellationToken).ConfigureAwait(false);
        return await WriteRecordAsync(record, template, request, ChinaStandardTime.Today(time), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The document the request asks for as a download, named by <see cref="DocumentRequest.Path"/>'s
    /// file name (whose extension gives the format); nothing is written to disk. Everything that
    /// can refuse the request is checked before it is returned.
    /// </summary>
    /// <exception cref="RequestRefusedException">The kind, format, lender, fact or font cannot be used.</exception>
    public static async Task<Download> DownloadAsync(OpenLedger ledger, DocumentRequest request, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var format = LetterFormats.FromPath(request.Path) ?? throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_UnknownFormat, System.IO.Path.GetExtension(request.Path).TrimStart('.')));
        var template = Find(request);
        var record = await CaseRecord.LoadAsync(ledger, request.Case, cancellationToken).ConfigureAwait(false);
        var bytes = Bytes(Render(record, template, request, ChinaStandardTime.Today(time)).Letter, format, request.Font);
        return new Download(System.IO.Path.GetFileName(request.Path), MediaType(format), (destination, token) => destination.WriteAsync(bytes, token).AsTask());
    }

    /// <summary>The media type a document of <paramref name="format"/> is sent with.</summary>
    public static string MediaType(LetterFormat format) => format switch
    {
        LetterFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        LetterFormat.Pdf => "application/pdf",
        LetterFormat.Markdown => "text/markdown; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>
    /// Writes the document for a case already read (the benchmarks and tests use this). Named apart
    /// from <see cref="WriteAsync(OpenLedger, DocumentRequest, TimeProvider, CancellationToken)"/>, so
    /// that a host, compiled without Documents, never has to weigh an overload that takes its types.
    /// </summary>
    public static async Task<MadeDocument> WriteRecordAsync(CaseRecord record, LetterTemplate template, DocumentRequest request, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        var format = LetterFormats.FromPath(request.Path) ?? throw new ArgumentException("Unsupported extension: " + request.Path, nameof(request));
        var (rendered, lender, channel, listed, notListed) = Render(record, template, request, today);
        var bytes = Bytes(rendered, format, request.Font);
        try
        {
            await PrivateFile.WriteAsync(request.Path, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_FileUnwritable, request.Path, e.Message));
        }

        return new MadeDocument(template.Kind, template.Title, request.Path, format, lender, channel, [.. rendered.Missing.Select(DocumentFact.Of)], rendered.Unverified, listed, notListed);
    }

    /// <summary>The file's bytes: written in memory, so that a download needs no file and a file is written at once.</summary>
    /// <exception cref="RequestRefusedException">A PDF is asked for and the font cannot be used.</exception>
    private static byte[] Bytes(RenderedLetter rendered, LetterFormat format, string? requestedFont)
    {
        if (format == LetterFormat.Markdown)
        {
            return System.Text.Encoding.UTF8.GetBytes(MarkdownLetter.Write(rendered.Document));
        }

        using var buffer = new MemoryStream();
        if (format == LetterFormat.Pdf)
        {
            PdfLetter.Write(rendered.Document, buffer, Font(requestedFont));
        }
        else
        {
            DocxLetter.Write(rendered.Document, buffer);
        }

        return buffer.ToArray();
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
        catch (DataFileException e)
        {
            throw new RequestRefusedException(Localized.Format(Resources.DocumentText.Doc_TemplateBroken, e.Message));
        }

        var listed = facts.Get("evidence") is List<object?> items ? items.Count : 0;
        var channel = facts.Get("channel.number") is string number && number.Length > 0 ? number + " " + facts.Get("channel.name") : null;
        return (letter, template.PerLender ? loans.FirstOrDefault()?.Lender.Name : null, channel, listed, (int)(facts.Get("evidence_more") ?? 0));
    }

    /// <summary>How a document cites the provision <paramref name="id"/> (<see cref="Cite"/>), or the id itself when the law data does not hold it.</summary>
    public static string CitationText(string id) => Cite(id)?.Text ?? id;

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
