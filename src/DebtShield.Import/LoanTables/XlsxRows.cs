using System.Globalization;
using System.Text;
using System.Xml;
using DebtShield.Core;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DebtShield.Import.LoanTables;

/// <summary>
/// The rows of the first worksheet of an XLSX workbook, streamed: the OpenXML SDK finds the
/// parts, and a forward-only <see cref="XmlReader"/> reads the sheet, so a sheet of a hundred
/// thousand rows is never held as a document tree.
/// </summary>
/// <remarks>
/// A cell is shared text (<c>t="s"</c>, an index into the shared-string table, rich-text runs
/// joined, phonetic guides left out), inline text (<c>t="inlineStr"</c>), a formula's text
/// result (<c>t="str"</c>), an error (<c>t="e"</c>), an ISO date (<c>t="d"</c>), or a number;
/// a number whose style has a date format is a date serial.
/// </remarks>
internal sealed class XlsxRows
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>
    /// The most bytes one part of a workbook (a sheet, the shared strings) is read to once unpacked,
    /// 256 MiB: a sheet of a hundred thousand loans is a tenth of it, and a zip's few bytes may
    /// claim to unpack into any size.
    /// </summary>
    public const long LargestPart = 256L * 1024 * 1024;

    private readonly WorksheetPart sheet;
    private readonly List<string> sharedStrings;
    private readonly bool[] dateStyles;

    private XlsxRows(WorksheetPart sheet, List<string> sharedStrings, bool[] dateStyles)
    {
        this.sheet = sheet;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
    }

    /// <summary>The first worksheet of <paramref name="document"/>, or <see langword="null"/> when there is none.</summary>
    public static XlsxRows? FirstSheet(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart;
        var sheets = workbookPart?.Workbook?.Sheets?.Elements<Sheet>();
        if (workbookPart is null || sheets is null)
        {
            return null;
        }

        foreach (var entry in sheets)
        {
            if (entry.Id?.Value is { } id && workbookPart.GetPartById(id) is WorksheetPart worksheet)
            {
                return new XlsxRows(worksheet, ReadSharedStrings(workbookPart.SharedStringTablePart), DateStyles(workbookPart.WorkbookStylesPart));
            }
        }

        return null;
    }

    /// <summary>Every row that has cells; the cell list is reused from row to row.</summary>
    public IEnumerable<TableRow> Read()
    {
        var cells = new List<TableCell>();
        using var stream = sheet.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(Bounded(stream), Settings);
        var rowNumber = 0;
        var column = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
            {
                rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                cells.Clear();
                column = 0;
                if (reader.IsEmptyElement)
                {
                    yield return new TableRow(rowNumber, cells, null);
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
            {
                column = ColumnIndex(reader.GetAttribute("r")) ?? column;
                var cell = ReadCell(reader);
                while (cells.Count < column)
                {
                    cells.Add(new TableCell(string.Empty, TableCellKind.Text));
                }

                if (cells.Count == column)
                {
                    cells.Add(cell);
                }
                else
                {
                    cells[column] = cell;
                }

                column++;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "row")
            {
                yield return new TableRow(rowNumber, cells, null);
            }
        }
    }

    private TableCell ReadCell(XmlReader reader)
    {
        var type = reader.GetAttribute("t");
        var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        string? value = null;
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "c"))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                }
                else if (reader.LocalName == "v")
                {
                    value = ReadBoundedContent(reader);
                }
                else if (reader.LocalName == "is")
                {
                    value = ReadRichText(reader, "is");
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return type switch
        {
            "s" => new TableCell(SharedString(value), TableCellKind.Text),
            "inlineStr" or "str" or "b" => new TableCell(value ?? string.Empty, TableCellKind.Text),
            "e" => new TableCell(value ?? string.Empty, TableCellKind.Error),
            "d" => new TableCell(value is { Length: >= 10 } ? value[..10] : value ?? string.Empty, TableCellKind.Text),
            _ when value is null => new TableCell(string.Empty, TableCellKind.Text),
            _ => new TableCell(value, style >= 0 && style < dateStyles.Length && dateStyles[style] ? TableCellKind.DateNumber : TableCellKind.Number),
        };
    }

    private string SharedString(string? index) =>
        int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count
            ? sharedStrings[i]
            : throw new InvalidDataException("A shared-string index points outside the table.");

    /// <summary>Reads the text runs of the element the reader is on (<c>si</c> or <c>is</c>) and moves past its end.</summary>
    /// <summary>
    /// The text of the element the reader is on, read a chunk at a time and refused beyond
    /// <see cref="CsvRows.MaxCellCharacters"/>: a 1.5 MB workbook can hold one 1.5 GB string,
    /// which <c>ReadElementContentAsString</c> would build whole before anything could say no.
    /// </summary>
    /// <exception cref="TableTooLargeException">The text is longer than a cell may be.</exception>
    private static string ReadBoundedContent(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var text = new StringBuilder();
        var chunk = new char[4096];
        reader.Read();
        while (reader.NodeType is not (XmlNodeType.EndElement or XmlNodeType.None))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    if (text.Length + read > CsvRows.MaxCellCharacters)
                    {
                        throw new TableTooLargeException(string.Format(CultureInfo.CurrentCulture, Resources.ImportMessages.Table_CellTooLong, CsvRows.MaxCellCharacters));
                    }

                    text.Append(chunk, 0, read);
                }
            }

            reader.Read();
        }

        reader.Read();
        return text.ToString();
    }

    private static string ReadRichText(XmlReader reader, string element)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var text = new StringBuilder();
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.LocalName == element))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                text.Append(ReadBoundedContent(reader));
                if (text.Length > CsvRows.MaxCellCharacters)
                {
                    throw new TableTooLargeException(string.Format(CultureInfo.CurrentCulture, Resources.ImportMessages.Table_CellTooLong, CsvRows.MaxCellCharacters));
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
        return text.ToString();
    }

    /// <summary>
    /// The most text the shared strings may hold in all (characters): they are kept for the whole
    /// read, so this bounds what a workbook can make us hold (about 100 MB of UTF-16).
    /// </summary>
    public const long MaxSharedCharacters = 50_000_000;

    /// <summary>
    /// Checks every part's unpacked size as the zip states it, before the SDK reads any part whole
    /// (the workbook, the styles): a part claiming more than <see cref="LargestPart"/> is refused.
    /// </summary>
    /// <exception cref="TableTooLargeException">A part is larger.</exception>
    public static void CheckPartSizes(Stream workbook)
    {
        using var zip = new System.IO.Compression.ZipArchive(workbook, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Any(e => e.Length > LargestPart))
        {
            throw PartTooLarge();
        }
    }

    /// <summary>The words for a part found larger than <see cref="LargestPart"/>, by the zip's claim or by its bytes.</summary>
    public static TableTooLargeException PartTooLarge() =>
        new(string.Format(CultureInfo.CurrentCulture, Resources.ImportMessages.Table_PartTooLarge, LargestPart / (1024 * 1024)));

    /// <summary>A part's content, failing with an <see cref="InputTooLargeException"/> past <see cref="LargestPart"/> bytes, whatever the zip claimed.</summary>
    private static BoundedStream Bounded(Stream content) => new(content, LargestPart);

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(Bounded(stream), Settings);
        reader.Read();
        var total = 0L;
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                var text = ReadRichText(reader, "si");
                total += text.Length;
                if (total > MaxSharedCharacters)
                {
                    throw new TableTooLargeException(string.Format(CultureInfo.CurrentCulture, Resources.ImportMessages.Table_TooMuchText, MaxSharedCharacters));
                }

                strings.Add(text);
            }
            else
            {
                reader.Read();
            }
        }

        return strings;
    }

    /// <summary>For each cell style, whether it shows numbers as dates.</summary>
    private static bool[] DateStyles(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToArray() ?? [];
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
            {
                custom[id] = code;
            }
        }

        var dates = new bool[formats.Length];
        for (var i = 0; i < formats.Length; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            dates[i] = custom.TryGetValue(id, out var code) ? IsDateFormat(code) : IsBuiltInDateFormat(id);
        }

        return dates;
    }

    /// <summary>Built-in date formats (ECMA-376 §18.8.30), including the ones East Asian Excel adds (27–36, 50–58).</summary>
    private static bool IsBuiltInDateFormat(uint id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>A custom format is a date format when, outside quotes, escapes and [brackets], it has a date or time letter.</summary>
    internal static bool IsDateFormat(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuotes)
            {
                inQuotes = c != '"';
            }
            else if (inBrackets)
            {
                inBrackets = c != ']';
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '[')
            {
                inBrackets = true;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else if (c is 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S')
            {
                return true;
            }
        }

        return false;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return null;
            }
        }

        return letters == 0 ? null : index - 1;
    }
}

/// <summary>A workbook holds more than a table may (a cell longer than any real one): refused with the reason.</summary>
internal sealed class TableTooLargeException(string message) : Exception(message);
