using System.Text;
using DebtShield.Import.Contracts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace DebtShield.Import.Tests.Contracts;

public sealed class AgreementTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("debtshield-agreement-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_Docx_GivesOneLinePerParagraph()
    {
        var path = Path.Combine(_folder, "agreement.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("第一条 借款金额10000元。"))),
                new Paragraph(new Run(new Text("第二条 授权读取"), new Text("通讯录。") { Space = SpaceProcessingModeValues.Preserve }))));
        }

        Assert.Equal("第一条 借款金额10000元。\n第二条 授权读取通讯录。\n", AgreementText.Read(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_Pdf_GivesTheTextLayer()
    {
        var path = Path.Combine(_folder, "agreement.pdf");
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText("Clause 2: the borrower authorises access to the contact list.", 10, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        File.WriteAllBytes(path, builder.Build());

        Assert.Contains("authorises access to the contact list", AgreementText.Read(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Gb18030Text_IsDecoded()
    {
        var path = Path.Combine(_folder, "agreement.txt");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes("甲方同意授权读取通讯录。"));

        Assert.Equal("甲方同意授权读取通讯录。", AgreementText.Read(path));
    }

    [Fact]
    public void Read_OtherExtension_IsNotSupported()
    {
        var path = Path.Combine(_folder, "agreement.rtf");
        File.WriteAllText(path, "x");

        Assert.Throws<NotSupportedException>(() => AgreementText.Read(path));
    }

    [Fact]
    public void Read_BrokenDocx_IsInvalidData()
    {
        var path = Path.Combine(_folder, "broken.docx");
        File.WriteAllText(path, "not a zip");

        Assert.ThrowsAny<Exception>(() => AgreementText.Read(path));
    }
}
