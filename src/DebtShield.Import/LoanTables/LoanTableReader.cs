using System.Xml;
using DebtShield.Core;
using DebtShield.Core.Reading;
using DebtShield.Import.Resources;
using DocumentFormat.OpenXml.Packaging;

namespace DebtShield.Import.LoanTables;

/// <summary>
/// Reads the loan table (docs/loan-table.md): one row per instalment, payment or upfront fee,
/// grouped into loans by the <c>loan</c> column, from CSV or XLSX. All or nothing: every loan,
/// or every error located by row and column, so a spreadsheet is never half imported.
/// Nothing here throws for a bad file; a missing, unreadable or malformed file is one error.
/// </summary>
public static class LoanTableReader
{
    /// <summary>The most errors listed; beyond it one line says how many more there were.</summary>
    public const int MaxErrors = 100;

    /// <summary>Reads a <c>.csv</c> or <c>.xlsx</c> file (by its extension, in any case).</summary>
    public static LoanTableReading ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        Func<Stream, LoanTableReading>? read = extension.ToUpperInvariant() switch
        {
            ".CSV" => ReadCsv,
            ".XLSX" => ReadXlsx,
            _ => null,
        };
        if (read is null)
        {
            return LoanTableReading.Failed(ReadingProblem.OfWhole(Localized.Format(ImportMessages.Table_UnknownExtension, extension)));
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return read(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return LoanTableReading.Failed(ReadingProblem.OfWhole(ImportMessages.FileNotFound));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LoanTableReading.Failed(ReadingProblem.OfWhole(Localized.Format(ImportMessages.FileUnreadable, e.Message)));
        }
    }

    /// <summary>Reads a CSV table: UTF-8 (with or without a byte-order mark), else GB18030.</summary>
    public static LoanTableReading ReadCsv(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        string text;
        try
        {
            text = CsvRows.Decode(buffer.ToArray());
        }
        catch (DamagedUtf8Exception e)
        {
            return LoanTableReading.Failed(ReadingProblem.OfWhole(e.Describe()));
        }

        var assembler = new LoanTableAssembler();
        foreach (var row in CsvRows.Read(text))
        {
            assembler.Add(row);
        }

        return assembler.Finish();
    }

    /// <summary>Reads the first worksheet of an XLSX workbook.</summary>
    public static LoanTableReading ReadXlsx(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            if (stream.CanSeek)
            {
                XlsxRows.CheckPartSizes(stream);
                stream.Position = 0;
            }

            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            if (XlsxRows.FirstSheet(document) is not { } sheet)
            {
                return LoanTableReading.Failed(ReadingProblem.OfWhole(ImportMessages.Table_NoSheet));
            }

            var assembler = new LoanTableAssembler();
            foreach (var row in sheet.Read())
            {
                assembler.Add(row);
            }

            return assembler.Finish();
        }
        catch (TableTooLargeException e)
        {
            return LoanTableReading.Failed(ReadingProblem.OfWhole(e.Message));
        }
        catch (InputTooLargeException)
        {
            return LoanTableReading.Failed(ReadingProblem.OfWhole(XlsxRows.PartTooLarge().Message));
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or InvalidOperationException or ArgumentException)
        {
            // Not a zip, not an OPC package, or a package whose parts are not spreadsheet XML.
            return LoanTableReading.Failed(ReadingProblem.OfWhole(ImportMessages.Table_NotXlsx));
        }
    }
}
