using DebtShield.Core.Reading;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DebtShield.Documents.Letters;

/// <summary>How a document cites a legal provision.</summary>
/// <param name="Text">The citation as written in a letter: 《中华人民共和国个人信息保护法》第十条.</param>
/// <param name="Verified">False when the provision's text or number is only second-hand; the letter then marks it for checking.</param>
public sealed record LetterCitation(string Text, bool Verified);

/// <summary>A rendered letter and the facts it still needs.</summary>
/// <param name="Document">The letter.</param>
/// <param name="Missing">The needed facts nobody gave, each written as a visible blank.</param>
/// <param name="Unverified">The citations used that are marked for checking, by id.</param>
public sealed record RenderedLetter(LetterDocument Document, IReadOnlyList<NeededFact> Missing, IReadOnlyList<string> Unverified);

/// <summary>
/// Fills a template with a case's facts. A needed fact that is missing becomes a visible blank;
/// <c>{{ cite "id" }}</c> writes a citation, marked 〔待核实〕 unless verified; a fact or citation
/// the template uses without declaring it is an error naming the template's line.
/// </summary>
public static class LetterRenderer
{
    /// <summary>The mark after a citation that is not verified.</summary>
    public const string UnverifiedMark = "〔待核实〕";

    /// <summary>Renders <paramref name="template"/> with <paramref name="facts"/>.</summary>
    /// <exception cref="DataFileException">The template uses a fact it did not declare, or cites an unknown provision: the problem's location is the line and character in the template's file.</exception>
    public static RenderedLetter Render(LetterTemplate template, LetterFacts facts, Func<string, LetterCitation?> citations)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(citations);
        var missing = template.Needs.Where(n => facts.IsMissing(n.Path)).ToList();
        var globals = ToScript(facts.Root);
        foreach (var need in missing)
        {
            Fill(globals, need.Path, LetterTemplate.Blank(need));
        }

        var unverified = new List<string>();
        globals.Import("cite", new Func<string, string>(id =>
        {
            var citation = citations(id) ?? throw new ArgumentException("unknown citation " + id);
            if (!citation.Verified && !unverified.Contains(id))
            {
                unverified.Add(id);
            }

            return citation.Verified ? citation.Text : citation.Text + UnverifiedMark;
        }));
        var context = new TemplateContext { StrictVariables = true, LoopLimit = 100_000, MemberRenamer = m => m.Name, TemplateLoader = new PartialLoader(template.Partials) };
        context.PushGlobal(globals);
        try
        {
            var text = template.Body.Render(context);
            return new RenderedLetter(LetterDocument.Parse(text), missing, unverified);
        }
        catch (ScriptRuntimeException e)
        {
            throw LetterTemplate.InBody(template.Source, template.BodyLine, e.Span, e.OriginalMessage);
        }
    }

    /// <summary>Serves <c>{{ include "NAME" }}</c> from the library's shared pieces.</summary>
    private sealed class PartialLoader(IReadOnlyDictionary<string, string> partials) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            partials.TryGetValue(templatePath, out var text) ? text : throw new ScriptRuntimeException(callerSpan, "unknown shared piece " + templatePath);

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }

    private static void Fill(ScriptObject globals, string path, string blank)
    {
        var parts = path.Split('.');
        var group = globals;
        foreach (var part in parts[..^1])
        {
            if (group.TryGetValue(part, out var next) && next is ScriptObject child)
            {
                group = child;
            }
            else
            {
                child = [];
                group.SetValue(part, child, false);
                group = child;
            }
        }

        group.SetValue(parts[^1], blank, false);
    }

    private static ScriptObject ToScript(IReadOnlyDictionary<string, object?> group)
    {
        var script = new ScriptObject(StringComparer.Ordinal);
        foreach (var (key, value) in group)
        {
            script.SetValue(key, ToScriptValue(value), false);
        }

        return script;
    }

    private static object? ToScriptValue(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> group => ToScript(group),
        string text => text,
        System.Collections.IEnumerable items => new ScriptArray(items.Cast<object?>().Select(ToScriptValue)),
        _ => value,
    };
}
