using DebtShield.Core.Reading;
using DebtShield.Documents.Letters;

namespace DebtShield.Documents.Tests.Letters;

public sealed class LetterTemplateTests
{
    private const string Header = "---\nkind: note\norder: 1\ntitle: 说明\ntitle_en: Note\nscope: case\nneed borrower.name: 您的名字\n---\n";

    private static LetterCitation? Cite(string id) => id switch
    {
        "verified-id" => new LetterCitation("《某法》第一条", true),
        "secondary-id" => new LetterCitation("《某办法》第二条", false),
        _ => null,
    };

    [Fact]
    public void Parse_Header_ReadsKindScopeAndNeeds()
    {
        var template = LetterTemplate.Parse("note.txt", Header + "# 说明\n");

        Assert.Equal(("note", 1, "说明", false), (template.Kind, template.Order, template.Title, template.PerLender));
        Assert.Equal([new NeededFact("borrower.name", "您的名字")], template.Needs);
    }

    [Theory]
    [InlineData("kind: x\n", 1, "must start with a --- header")]
    [InlineData("---\nkind: x\norder: 1\ntitle: t\ntitle_en: t\nscope: everyone\n---\n", 1, "scope must be lender or case")]
    [InlineData("---\nkind: x\norder: 1\ntitle: t\ntitle_en: t\nscope: case\nneed : label\n---\n", 7, "expected need path.to.fact: label")]
    [InlineData("---\nkind: x\nno colon here\n---\n", 3, "expected key: value")]
    [InlineData("---\nkind: x\norder: 1\ntitle: t\ntitle_en: t\nscope: case\n---\nline\n{{ if }}\n", 9, "")]
    public void Parse_MalformedTemplate_NamesTheFileAndLine(string text, int line, string problem)
    {
        var error = Assert.Throws<DataFileException>(() => LetterTemplate.Parse("bad.txt", text));

        Assert.Equal(("bad.txt", (long?)line), (error.File, error.Problem.Location.Line));
        Assert.StartsWith("bad.txt:" + line + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    // The header's eight lines come first, so the body's first line is the file's ninth; the place
    // is the token the parser could not take (here the closing braces), counted in characters.
    [Theory]
    [InlineData("第一行\n金额 {{ loan.amount + }} 元\n", 10, 21)]
    [InlineData("{{ if }}\n", 9, 7)]
    public void Parse_MalformedPlaceholder_IsAReadingProblemAtItsLineAndCharacterInTheFile(string body, int line, int character)
    {
        var error = Assert.Throws<DataFileException>(() => LetterTemplate.Parse("bad.txt", Header + body));

        Assert.Equal((LocationKind.LineAndCharacter, (long?)line, (int?)character), (error.Problem.Location.Kind, error.Problem.Location.Line, error.Problem.Location.Character));
        Assert.StartsWith($"bad.txt:{line}:{character}: ", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Problem.Message));
    }

    [Fact]
    public void Render_MissingNeededFact_IsAVisibleBlankAndReported()
    {
        var template = LetterTemplate.Parse("note.txt", Header + "# 说明\n我是{{ borrower.name }}。\n");

        var letter = LetterRenderer.Render(template, new LetterFacts(), Cite);

        Assert.Equal("我是＿＿＿＿＿＿（请填写：您的名字）。", letter.Document.Blocks[1].Text);
        Assert.Equal(["borrower.name"], letter.Missing.Select(m => m.Path));
    }

    [Fact]
    public void Render_GivenFact_IsWrittenAsGiven()
    {
        var template = LetterTemplate.Parse("note.txt", Header + "我是{{ borrower.name }}。\n");

        var letter = LetterRenderer.Render(template, new LetterFacts().Set("borrower.name", "小王"), Cite);

        Assert.Equal("我是小王。", letter.Document.Blocks[0].Text);
        Assert.Empty(letter.Missing);
    }

    [Fact]
    public void Render_UndeclaredFact_IsAnErrorNamingTheFileLineAndCharacter()
    {
        var template = LetterTemplate.Parse("note.txt", Header + "第一行\n写给 {{ lender.secret }}\n");

        var error = Assert.Throws<DataFileException>(() => LetterRenderer.Render(template, new LetterFacts(), Cite));

        // The header's eight lines come first: the body's second line is the file's tenth.
        Assert.Equal(("note.txt", (long?)10, (int?)7), (error.File, error.Problem.Location.Line, error.Problem.Location.Character));
        Assert.StartsWith("note.txt:10:7: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("lender", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Citation_MarksOnlyTheUnverifiedOnes()
    {
        var template = LetterTemplate.Parse("note.txt", Header + "依据{{ cite \"verified-id\" }}和{{ cite \"secondary-id\" }}。\n");

        var letter = LetterRenderer.Render(template, new LetterFacts(), Cite);

        Assert.Equal("依据《某法》第一条和《某办法》第二条〔待核实〕。", letter.Document.Blocks[0].Text);
        Assert.Equal(["secondary-id"], letter.Unverified);
    }

    [Fact]
    public void Render_UnknownCitation_IsAnError()
    {
        var template = LetterTemplate.Parse("note.txt", Header + "依据{{ cite \"nowhere\" }}。\n");

        Assert.Throws<DataFileException>(() => LetterRenderer.Render(template, new LetterFacts(), Cite));
    }

    [Fact]
    public void Parse_Lines_BecomeTitleHeadingsItemsAndSignature()
    {
        var document = LetterDocument.Parse("# 标题\n\n## 一、事实\n正文\n- 一项\n12. 第十二项\n:: 2026年11月28日\n");

        Assert.Equal(
            [
                new LetterBlock(LetterBlockKind.Title, "标题"),
                new LetterBlock(LetterBlockKind.Heading, "一、事实"),
                new LetterBlock(LetterBlockKind.Paragraph, "正文"),
                new LetterBlock(LetterBlockKind.ListItem, "• 一项"),
                new LetterBlock(LetterBlockKind.ListItem, "12. 第十二项"),
                new LetterBlock(LetterBlockKind.Signature, "2026年11月28日"),
            ],
            document.Blocks);
        Assert.Equal("标题", document.Title);
    }

    [Fact]
    public void ShippedTemplates_AllParse_AndDeclareWhatTheyNeed()
    {
        var templates = LetterLibrary.Templates;

        Assert.Equal(7, templates.Count);
        Assert.All(templates, t => Assert.Contains(t.Needs, n => n.Path == "borrower.name"));
    }

    [Fact]
    public void Load_EditedFolder_UsesItsTemplatesAndSharedPieces()
    {
        var folder = Directory.CreateTempSubdirectory("debtshield-templates-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "note.txt"), Header + "# 说明\n{{ include \"sign\" }}\n");
            File.WriteAllText(Path.Combine(folder, "_sign.txt"), ":: {{ borrower.name }}\n");

            var template = Assert.Single(LetterLibrary.Load(folder));
            var letter = LetterRenderer.Render(template, new LetterFacts().Set("borrower.name", "小王"), Cite);

            Assert.Equal(new LetterBlock(LetterBlockKind.Signature, "小王"), letter.Document.Blocks[^1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
