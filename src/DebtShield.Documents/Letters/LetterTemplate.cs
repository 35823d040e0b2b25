using System.Globalization;
using Scriban;

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
    private LetterTemplate(string kind, int order, string title, string englishTitle, bool perLender, IReadOnlyList<NeededFact> needs, Template body)
    {
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

    /// <summary>The shared pieces (<c>_NAME.txt</c>) the body may <c>{{ include "NAME" }}</c>.</summary>
    internal IReadOnlyDictionary<string, string> Partials { get; private init; } = new Dictionary<string, string>();

    /// <summary>The same template, able to include <paramref name="partials"/>.</summary>
    internal LetterTemplate WithPartials(IReadOnlyDictionary<string, string> partials) =>
        new(Kind, Order, Title, EnglishTitle, PerLender, Needs, Body) { Partials = partials };

    /// <summary>The visible blank written where a needed fact is missing.</summary>
    public static string Blank(NeededFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return "＿＿＿＿＿＿（请填写：" + fact.Label + "）";
    }

    /// <summary>Reads a template file's text.</summary>
    /// <param name="name">The file's name, for messages.</param>
    /// <param name="text">Its text.</param>
    /// <exception cref="LetterTemplateException">The header or the body is malformed; the message names the file and line.</exception>
    public static LetterTemplate Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new LetterTemplateException(name, 1, "the file must start with a --- header");
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
                throw new LetterTemplateException(name, i + 1, "expected key: value");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key == "need" || key.StartsWith("need ", StringComparison.Ordinal))
            {
                var path = key["need".Length..].Trim();
                if (path.Length == 0 || value.Length == 0 || !path.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
                {
                    throw new LetterTemplateException(name, i + 1, "expected need path.to.fact: label");
                }

                needs.Add(new NeededFact(path, value));
            }
            else if (!header.TryAdd(key, value))
            {
                throw new LetterTemplateException(name, i + 1, "repeated key " + key);
            }
        }

        if (end < 0)
        {
            throw new LetterTemplateException(name, lines.Length, "the header has no closing ---");
        }

        string Required(string key) => header.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new LetterTemplateException(name, 1, "the header lacks " + key);
        var scope = Required("scope");
        if (scope is not ("lender" or "case"))
        {
            throw new LetterTemplateException(name, 1, "scope must be lender or case");
        }

        if (!int.TryParse(Required("order"), NumberStyles.None, CultureInfo.InvariantCulture, out var order))
        {
            throw new LetterTemplateException(name, 1, "order must be a whole number");
        }

        var bodyText = string.Join('\n', lines[(end + 1)..]);
        var body = Template.Parse(bodyText, name);
        if (body.HasErrors)
        {
            var first = body.Messages[0];
            throw new LetterTemplateException(name, first.Span.Start.Line + end + 2, first.Message);
        }

        return new LetterTemplate(Required("kind"), order, Required("title"), Required("title_en"), scope == "lender", needs, body);
    }
}

/// <summary>A template that cannot be read or rendered: which file, which line, what is wrong.</summary>
public sealed class LetterTemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LetterTemplateException(string file, int line, string problem)
        : base(string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: {problem}"))
    {
        File = file;
        Line = line;
    }

    /// <summary>Creates the exception.</summary>
    public LetterTemplateException()
    {
        File = "";
    }

    /// <summary>Creates the exception.</summary>
    public LetterTemplateException(string message)
        : base(message)
    {
        File = "";
    }

    /// <summary>Creates the exception.</summary>
    public LetterTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
    }

    /// <summary>The template file.</summary>
    public string File { get; }

    /// <summary>The line in it (1-based).</summary>
    public int Line { get; }
}
