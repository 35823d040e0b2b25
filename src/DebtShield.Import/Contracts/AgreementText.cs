using System.Text;
using DebtShield.Import.LoanTables;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace DebtShield.Import.Contracts;

/// <summary>
/// The text of a loan agreement or privacy policy the borrower saved: <c>.txt</c> (UTF-8, else
/// GB18030), <c>.docx</c> (one line per paragraph, through the OpenXML SDK) or <c>.pdf</c> (the
/// text layer, one line per text line as PdfPig orders it; a scanned PDF without text gives
/// nothing, and the caller says so).
/// </summary>
public static class AgreementText
{
    /// <summary>The extensions read, lower case.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".docx", ".pdf"];

    /// <summary>Reads the file's text.</summary>
    /// <exception cref="NotSupportedException">The extension is not one of <see cref="Extensions"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid document of its kind.</exception>
    public static string Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".txt" => CsvRows.Decode(File.ReadAllBytes(path)),
                ".docx" => ReadDocx(path),
                ".pdf" => ReadPdf(path),
                _ => throw new NotSupportedException(extension),
            };
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or UglyToad.PdfPig.Core.PdfDocumentFormatException)
        {
            throw new InvalidDataException(e.Message, e);
        }
        catch (DamagedUtf8Exception e)
        {
            throw new InvalidDataException(e.Describe(), e);
        }
    }

    private static string ReadDocx(string path)
    {
        using var document = WordprocessingDocument.Open(path, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            text.AppendLine(paragraph.InnerText);
        }

        return text.ToString();
    }

    private static string ReadPdf(string path)
    {
        using var document = PdfDocument.Open(path);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.AppendLine(UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(page));
        }

        return text.ToString();
    }
}
