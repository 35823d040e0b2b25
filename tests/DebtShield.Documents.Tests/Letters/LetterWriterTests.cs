using DebtShield.Documents.Letters;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;

namespace DebtShield.Documents.Tests.Letters;

public sealed class LetterWriterTests
{
    private static readonly LetterDocument Sample = LetterDocument.Parse(
        "# 金融消费投诉书\n## 一、投诉人\n姓名：小王\n- 哈希 dbc1ce943801（entries/000002.txt）\n:: 2026年11月28日\n");

    [Fact]
    public void Docx_IsValidOpenXml_WithTheTextInOrderAndTheTitleCentred()
    {
        using var buffer = new MemoryStream();
        DocxLetter.Write(Sample, buffer);
        buffer.Position = 0;

        using var document = WordprocessingDocument.Open(buffer, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => e.Description).ToList();
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

        Assert.Empty(errors);
        Assert.Equal(["金融消费投诉书", "一、投诉人", "姓名：小王", "• 哈希 dbc1ce943801（entries/000002.txt）", "2026年11月28日"], paragraphs.Select(p => p.InnerText));
        Assert.Equal(JustificationValues.Center, paragraphs[0].ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(JustificationValues.Right, paragraphs[^1].ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("金融消费投诉书", document.PackageProperties.Title);
    }

    [Fact]
    public void Markdown_KeepsHeadingsAndItems_OneParagraphPerLine()
    {
        var text = MarkdownLetter.Write(Sample);

        Assert.Equal("# 金融消费投诉书\n\n## 一、投诉人\n\n姓名：小王\n\n- 哈希 dbc1ce943801（entries/000002.txt）\n\n2026年11月28日\n", text);
    }

    [Fact]
    public void Markdown_CollectorTextWithMarkupLinksAndBidi_IsShownAsWritten()
    {
        var document = LetterDocument.Parse(
            "# 报警材料\n- 内容：“<img src=x onerror=alert(1)> [点我](javascript:alert(1)) **急**”\n1. 第一条 `代码`\n- 附件 photo\u202Egpj.exe\n# 二级\n");

        var text = MarkdownLetter.Write(document);

        Assert.Equal(
            "# 报警材料\n\n- 内容：“\\<img src=x onerror=alert(1)\\> \\[点我\\](javascript:alert(1)) \\*\\*急\\*\\*”\n\n1. 第一条 \\`代码\\`\n\n"
            + "- 附件 photo⟦U+202E⟧gpj.exe\n\n# 二级\n",
            text);
    }

    [Theory]
    [InlineData("# 不是标题", "\\# 不是标题")]
    [InlineData("> 不是引用", "\\> 不是引用")]
    [InlineData("-5元", "\\-5元")]
    [InlineData("2026. 不是列表", "2026\\. 不是列表")]
    [InlineData("a & b", "a \\& b")]
    public void MarkdownEscape_AtAParagraphStart_KeepsItAParagraph(string plain, string expected)
    {
        Assert.Equal(expected, MarkdownLetter.Escape(plain, lineStart: true));
    }

    [Fact]
    public void Wrap_NeverStartsALineWithClosingPunctuation_OrSplitsANumber()
    {
        using var typeface = CjkFont.Locate(null).Load()!;
        using var font = new SKFont(typeface, 12);
        var text = string.Concat(Enumerable.Repeat("借款金额10,000.00元，已还4,600.00元。", 20));

        var lines = PdfLetter.Wrap(text, font, 200, 200);

        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines.Skip(1), l => Assert.DoesNotMatch(@"^[，。、；：）]", l));
        Assert.All(lines.Zip(lines.Skip(1)), pair => Assert.False(
            char.IsAsciiDigit(pair.First[^1]) && (char.IsAsciiDigit(pair.Second[0]) || pair.Second[0] is '.' or ','),
            pair.First + " | " + pair.Second));
        Assert.All(lines, l => Assert.True(font.MeasureText(l) <= 200 + (font.Size * 2), l));
    }

    [Fact]
    public void Locate_RequestedFontWithoutChineseGlyphs_IsRefusedNamingIt()
    {
        var error = Assert.Throws<CjkFontException>(() => CjkFont.Locate("/nonexistent/font.ttc:2"));

        Assert.Equal("/nonexistent/font.ttc:2", error.Requested);
    }

    [Fact]
    public void Locate_CollectionWithIndex_OpensThatFace()
    {
        var found = CjkFont.Locate(null);

        var again = CjkFont.Locate(found.Path + ":" + found.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(found, again);
    }

    [Fact]
    public void Pdf_ShortLetter_IsOnePage()
    {
        using var buffer = new MemoryStream();

        PdfLetter.Write(Sample, buffer, CjkFont.Locate(null));
        var text = System.Text.Encoding.Latin1.GetString(buffer.ToArray());

        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("/Count 1", text, StringComparison.Ordinal);
    }
}
