using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DebtShield.Documents.Letters;

/// <summary>
/// A letter as a Word document (Office Open XML), because Word and WPS are what regulators,
/// police stations and courts open. A4, 2.54 cm margins, 宋体 小四 body with a 黑体 title, so it
/// looks like a Chinese official letter and the borrower can still edit every word.
/// </summary>
public static class DocxLetter
{
    private const string BodyFont = "宋体";
    private const string TitleFont = "黑体";
    private const string LatinFont = "Times New Roman";

    /// <summary>Writes the document to <paramref name="output"/>.</summary>
    public static void Write(LetterDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document, autoSave: true);
        package.PackageProperties.Title = document.Title;
        package.PackageProperties.Creator = "DebtShield";
        var main = package.AddMainDocumentPart();
        var body = new Body();
        foreach (var block in document.Blocks)
        {
            body.Append(Paragraph(block));
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U, Header = 720U, Footer = 720U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Paragraph(LetterBlock block)
    {
        var (size, bold, font) = block.Kind switch
        {
            LetterBlockKind.Title => ("36", true, TitleFont),
            LetterBlockKind.Heading => ("28", true, TitleFont),
            _ => ("24", false, BodyFont),
        };
        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Auto, After = block.Kind == LetterBlockKind.Title ? "240" : "60" });
        switch (block.Kind)
        {
            case LetterBlockKind.Title:
                properties.Append(new Justification { Val = JustificationValues.Center });
                break;
            case LetterBlockKind.Signature:
                properties.Append(new Justification { Val = JustificationValues.Right });
                break;
            case LetterBlockKind.ListItem:
                properties.Append(new Indentation { Left = "480", Hanging = "240" });
                break;
            case LetterBlockKind.Paragraph:
                properties.Append(new Indentation { FirstLineChars = 200 });
                break;
            default:
                break;
        }

        // Children in the order the schema requires: fonts, bold, size, language.
        var runProperties = new RunProperties(new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size }, new Languages { EastAsia = "zh-CN" });

        return new Paragraph(properties, new Run(runProperties, new Text(block.Text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
