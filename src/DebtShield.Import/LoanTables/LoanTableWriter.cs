using System.Buffers;
using System.Globalization;
using System.Text;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.Figures;
using DebtShield.Import.LoanFiles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DebtShield.Import.LoanTables;

/// <summary>
/// Writes loans as the loan table (docs/loan-table.md) that <see cref="LoanTableReader"/> reads
/// back with every fact unchanged: English column keys, one row per instalment, then one per
/// payment, then one per upfront fee, with the loan's own columns repeated on every row so that
/// each row still says which loan it is after the borrower sorts or filters the sheet.
/// </summary>
public static class LoanTableWriter
{
    /// <summary>The name of the loans' sheet in a workbook.</summary>
    public const string LoanSheetName = "loans";

    private const uint DateStyle = 1;

    private static readonly SearchValues<char> CsvSpecial = SearchValues.Create(",\"\r\n");

    /// <summary>Writes a CSV table in UTF-8 with a byte-order mark (so that Excel shows the Chinese correctly).</summary>
    public static void WriteCsv(Stream stream, IEnumerable<Loan> loans)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(loans);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        writer.NewLine = "\r\n";
        writer.WriteLine(string.Join(',', LoanTableColumns.All.Select(LoanTableColumns.Key)));
        foreach (var row in Rows(loans))
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                writer.Write(CsvField(row[i].Invariant));
            }

            writer.WriteLine();
        }
    }

    /// <summary>
    /// Writes an XLSX workbook: the loans on the first sheet (<see cref="LoanSheetName"/>), then
    /// each of <paramref name="extraSheets"/>. Amounts are numbers, dates real date cells.
    /// </summary>
    public static void WriteXlsx(Stream stream, IEnumerable<Loan> loans, IEnumerable<TableSheet>? extraSheets = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(loans);
        var extras = extraSheets?.ToArray() ?? [];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { LoanSheetName };
        foreach (var extra in extras)
        {
            if (!names.Add(extra.Name))
            {
                throw new ArgumentException($"Two sheets are named \"{extra.Name}\".", nameof(extraSheets));
            }
        }

        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = new Sheets();
        AddSheet(workbookPart, sheets, LoanSheetName, LoanTableColumns.All.Select(LoanTableColumns.Key), Rows(loans));
        foreach (var extra in extras)
        {
            AddSheet(workbookPart, sheets, extra.Name, extra.Header, extra.Rows.Select(r => r.ToArray()));
        }

        workbookPart.Workbook.AppendChild(sheets);
        workbookPart.Workbook.Save();
    }

    /// <summary>The table rows of the loans: instalments, then payments, then upfront fees, loan by loan.</summary>
    private static IEnumerable<SheetCell[]> Rows(IEnumerable<Loan> loans)
    {
        foreach (var loan in loans)
        {
            foreach (var instalment in loan.Schedule)
            {
                var row = LoanRow(loan);
                row[(int)LoanTableColumn.DueDate] = instalment.DueDate;
                row[(int)LoanTableColumn.Total] = instalment.Total.Yuan;
                row[(int)LoanTableColumn.PrincipalPart] = Amount(instalment.Principal);
                row[(int)LoanTableColumn.Interest] = Amount(instalment.Interest);
                row[(int)LoanTableColumn.Fees] = Amount(instalment.Fees);
                yield return row;
            }

            foreach (var payment in loan.Payments)
            {
                var row = LoanRow(loan);
                row[(int)LoanTableColumn.PaidDate] = payment.Date;
                row[(int)LoanTableColumn.PaidAmount] = payment.Amount.Yuan;
                row[(int)LoanTableColumn.PaidAppliesTo] = PaymentTargetNames.Name(payment.AppliesTo) is { } target ? target : SheetCell.Empty;
                yield return row;
            }

            foreach (var fee in loan.UpfrontFees)
            {
                var row = LoanRow(loan);
                row[(int)LoanTableColumn.FeeName] = fee.Name;
                row[(int)LoanTableColumn.FeeAmount] = fee.Amount.Yuan;
                row[(int)LoanTableColumn.FeeDate] = fee.Date;
                yield return row;
            }
        }
    }

    private static SheetCell[] LoanRow(Loan loan)
    {
        var row = new SheetCell[LoanTableColumns.All.Count];
        row[(int)LoanTableColumn.Loan] = loan.Id;
        row[(int)LoanTableColumn.Lender] = loan.Lender.Name.Length == 0 ? SheetCell.Empty : loan.Lender.Name;
        row[(int)LoanTableColumn.LenderKind] = Vocabularies.LenderKinds.WireId(loan.Lender.Kind);
        row[(int)LoanTableColumn.ContractDate] = loan.ContractDate;
        row[(int)LoanTableColumn.Principal] = loan.Principal.Yuan;
        row[(int)LoanTableColumn.Received] = loan.Received.Yuan;
        if (loan.Advertised is { } stated)
        {
            row[(int)LoanTableColumn.StatedRate] = stated.Value;
            row[(int)LoanTableColumn.StatedPer] = Vocabularies.RateUnits.WireId(stated.Per);
            row[(int)LoanTableColumn.StatedMethod] = Vocabularies.RateMethods.WireId(stated.Method);
        }

        var terms = loan.OverdueTerms;
        if (terms == OverdueTerms.NoneAgreed)
        {
            row[(int)LoanTableColumn.OverdueTerms] = "none";
        }

        if (terms.Rate is { } overdue)
        {
            row[(int)LoanTableColumn.OverdueRate] = overdue.Value;
            row[(int)LoanTableColumn.OverduePer] = Vocabularies.RateUnits.WireId(overdue.Per);
        }

        if (terms.Penalty?.DailyRate is { } daily)
        {
            row[(int)LoanTableColumn.PenaltyPerDay] = daily;
        }

        row[(int)LoanTableColumn.Penalty] = Amount(terms.Penalty?.Amount);
        row[(int)LoanTableColumn.OverdueFees] = Amount(terms.OtherFees);
        return row;
    }

    private static SheetCell Amount(Core.Money? amount) => amount is { } value ? value.Yuan : SheetCell.Empty;

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(CsvSpecial) < 0 && value.Trim().Length == value.Length
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, IEnumerable<string> header, IEnumerable<SheetCell[]> rows)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            var rowNumber = 1u;
            WriteRow(writer, rowNumber, header.Select(h => (SheetCell)h).ToArray());
            foreach (var row in rows)
            {
                WriteRow(writer, ++rowNumber, row);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static void WriteRow(OpenXmlWriter writer, uint number, SheetCell[] cells)
    {
        writer.WriteStartElement(new Row { RowIndex = number });
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Kind != SheetCellKind.Empty)
            {
                var cell = Cell(cells[i]);
                cell.CellReference = SpreadsheetColumns.Letters(i) + number.ToString(CultureInfo.InvariantCulture);
                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    private static Cell Cell(SheetCell value) => value.Kind switch
    {
        SheetCellKind.Text => Text(value.Invariant),
        SheetCellKind.Date => new Cell
        {
            CellValue = new CellValue(value.Date.DayNumber - Epoch.DayNumber),
            StyleIndex = DateStyle,
        },

        // Excel holds 15 significant digits; a more precise amount is kept as text so nothing is lost.
        SheetCellKind.ExactNumber when AmountText.SignificantDigits(value.Invariant) > 15 => Text(value.Invariant),
        SheetCellKind.ExactNumber or SheetCellKind.WholeNumber or SheetCellKind.FloatingNumber => new Cell { CellValue = new CellValue(value.Invariant) },
        SheetCellKind.Empty => new Cell(),
    };

    private static Cell Text(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>Day 0 of spreadsheet date serials (so 1900-03-01 is 61, as in Excel).</summary>
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 2 });
}
