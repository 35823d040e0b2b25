using System.Globalization;
using DebtShield.Core.Reading;
using Scriban;
using Scriban.Parsing;

namespace DebtShield.Documents.Letters;

/// <summary>A fact a template needs, with the words that ask the borrower for it.</summary>
/// <param name="Path">Where the fact sits (<c>borrower.name</c>).</param>
/// <param name="Label">What to ask for, in the template's language (您的姓名).</param>
public sealed record NeededFact(string Path, string Label);

/// <summary>
/// One document's template (<c>data/templates/KIND.txt</c>): a header that names the document and
/// lists every fact it needs, then a Scriban body that writes the letter as plain lines
/// (<c># title</c>, <c>## heading</c>, <c>- item</c>, <c>1. item</c>, <c>:: right-aligned</c>).
/// </summary>
/// <remarks>
/// The header is what lets a lawyer change the wording without touching code and still be told
/// when a new sentence needs a fact the case may not have: a fact used by the body but not
/// declared is an error when the template is rendered (strict variables).
/// </remarks>
public sealed class LetterTemplate
{
    private LetterTemplate(string source, int bodyLine, string kind, int order, string title, string englishTitle, bool perLender, IReadOnlyList<NeededFact> needs, Template body)
    {
        Source = source;
        BodyLine = bodyLine;
        Kind = kind;
        Order = order;
        Title = title;
        EnglishTitle = englishTitle;
        PerLender = perLender;
        Needs = needs;
        Body = body;
    }

    /// <summary>The document's id on the command line (<c>regulator-complaint</c>).</summary>
    public string Kind { get; }

    /// <summary>Where it stands in <c>doc list</c>.</summary>
    public int Order { get; }

    /// <summary>The document's Chinese title.</summary>
    public string Title { get; }

    /// <summary>The document's English title.</summary>
    public string EnglishTitle { get; }

    /// <summary>True when the document concerns one lender (a complaint, a letter to the lender); false for the whole case.</summary>
    public bool PerLender { get; }

    /// <summary>Every fact the body needs, in the order the header lists them.</summary>
    public IReadOnlyList<NeededFact> Needs { get; }

    internal Template Body { get; }

    /// <summary>The file's name, which a problem found while rendering names (<c>regulator-complaint.txt</c>).</summary>
    internal string Source { get; }

    /// <summary>The file's line the body starts on, so a problem the body's parser or renderer finds is placed in the file.</summary>
    internal int BodyLine { get; }

    /// <summary>The shared pieces (<c>_NAME.txt</c>) the body may <c>{{ include "NAME" }}</c>.</summary>
    internal IReadOnlyDictionary<string, string> Partials { get; private init; } = new Dictionary<string, string>();

    /// <summary>The same template, able to include <paramref name="partials"/>.</summary>
    internal LetterTemplate WithPartials(IReadOnlyDictionary<string, string> partials) =>
        new(Source, BodyLine, Kind, Order, Title, EnglishTitle, PerLender, Needs, Body) { Partials = partials };

    /// <summary>The visible blank written where a needed fact is missing.</summary>
    public static string Blank(NeededFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return "＿＿＿＿＿＿（请填写：" + fact.Label + "）";
    }

    /// <summary>Reads a template file's text.</summary>
    /// <param name="name">The file's name, for messages.</param>
    /// <param name="text">Its text.</param>
    /// <exception cref="DataFileException">The header or the body is malformed: the problem's location is the line (and, in the body, the character) in the file.</exception>
    public static LetterTemplate Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw DataFileException.AtLine(name, 1, "the file must start with a --- header");
        }

        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var needs = new List<NeededFact>();
        var end = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line == "---")
            {
                end = i;
                break;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw DataFileException.AtLine(name, i + 1, "expected key: value");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key == "need" || key.StartsWith("need ", StringComparison.Ordinal))
            {
                var path = key["need".Length..].Trim();
                if (path.Length == 0 || value.Length == 0 || !path.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
                {
                    throw DataFileException.AtLine(name, i + 1, "expected need path.to.fact: label");
                }

                needs.Add(new NeededFact(path, value));
            }
            else if (!header.TryAdd(key, value))
            {
                throw DataFileException.AtLine(name, i + 1, "repeated key " + key);
            }
        }

        if (end < 0)
        {
            throw DataFileException.AtLine(name, lines.Length, "the header has no closing ---");
        }

        string Required(string key) => header.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw DataFileException.AtLine(name, 1, "the header lacks " + key);
        var scope = Required("scope");
        if (scope is not ("lender" or "case"))
        {
            throw DataFileException.AtLine(name, 1, "scope must be lender or case");
        }

        if (!int.TryParse(Required("order"), NumberStyles.None, CultureInfo.InvariantCulture, out var order))
        {
            throw DataFileException.AtLine(name, 1, "order must be a whole number");
        }

        var bodyText = string.Join('\n', lines[(end + 1)..]);
        var bodyLine = end + 2;
        var body = Template.Parse(bodyText, name);
        if (body.HasErrors)
        {
            var first = body.Messages[0];
            throw InBody(name, bodyLine, first.Span, first.Message);
        }

        return new LetterTemplate(name, bodyLine, Required("kind"), order, Required("title"), Required("title_en"), scope == "lender", needs, body);
    }

    /// <summary>A problem of the body at <paramref name="span"/> (Scriban counts lines and columns from 0), placed in the file.</summary>
    internal static DataFileException InBody(string source, int bodyLine, SourceSpan span, string problem) =>
        new(source, new ReadingProblem(SourceLocation.AtCharacter(bodyLine + span.Start.Line, span.Start.Column + 1), problem));
}
