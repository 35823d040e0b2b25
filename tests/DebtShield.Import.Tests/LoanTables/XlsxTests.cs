using System.Globalization;
using DebtShield.Core.Loans;
using DebtShield.Import.LoanTables;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DebtShield.Import.Tests.LoanTables;

public sealed class XlsxTests
{
    public XlsxTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void ReadXlsx_SharedAndInlineStringsDateCellsAndSerials_ReadsEveryFact()
    {
        // As Excel saves it: shared strings (one in rich-text runs), a real date cell (style with
        // format 14), a bare serial in a date column, and an inline string.
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("借款")),
                new SharedStringItem(new Run(new Text("类")), new Run(new Text("型"))),
                new SharedStringItem(new Text("我的借款")));
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()), new CellStyleFormats(new CellFormat()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(Shared("A1", 0), Shared("B1", 1), Inline("C1", "contract_date"), Inline("D1", "principal"), Inline("E1", "due_date"), Inline("G1", "total")) { RowIndex = 1 },
                new Row(Shared("A3", 2), Inline("B3", "bank"), Number("C3", "46023", 1), Number("D3", "1000"), Number("E3", "46054"), Number("G3", "1034.4999999999998")) { RowIndex = 3 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "S" }));
        }

        stream.Position = 0;
        var reading = LoanTableReader.ReadXlsx(stream);

        Assert.True(reading.Succeeded, string.Join("; ", reading.Errors));
        var loan = Assert.Single(reading.Loans);
        Assert.Equal(("我的借款", LenderKind.Bank), (loan.Id, loan.Lender.Kind));
        Assert.Equal(new DateOnly(2026, 1, 1), loan.ContractDate);
        Assert.Equal(new DateOnly(2026, 2, 1), loan.Schedule[0].DueDate);
        Assert.Equal(1034.5m, loan.Schedule[0].Total.Yuan);
    }

    [Fact]
    public void ReadXlsx_DateCellInAnAmountColumn_IsAnError()
    {
        using var dated = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(dated, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()), new CellStyleFormats(new CellFormat()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(Inline("A1", "loan"), Inline("B1", "lender_kind"), Inline("C1", "contract_date"), Inline("D1", "principal"), Inline("E1", "due_date"), Inline("F1", "total")),
                new Row(Inline("A2", "a"), Inline("B2", "bank"), Number("C2", "46023"), Number("D2", "46023", 1), Number("E2", "46054"), Number("F2", "1"))));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "S" }));
        }

        var reading = LoanTableReader.ReadXlsx(new MemoryStream(dated.ToArray()));

        var error = Assert.Single(reading.Errors);
        Assert.Equal((2, "principal"), (error.Location.Row, error.Location.Column));
    }

    [Fact]
    public void WriteXlsx_ExtraSheets_HoldNumbersDatesAndText()
    {
        var extra = new TableSheet("rates", ["name", "when", "amount", "count"], [["a", new DateOnly(2026, 1, 5), 12.5m, 3]]);
        using var stream = new MemoryStream();

        LoanTableWriter.WriteXlsx(stream, [], [extra]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(stream.ToArray()), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray();
        Assert.Equal(["loans", "rates"], sheets);
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Last().Id!);
        var cells = part.Worksheet.Descendants<Row>().Last().Elements<Cell>().ToArray();
        Assert.Equal("a", cells[0].InlineString!.InnerText);
        Assert.Equal(("46027", 1u), (cells[1].CellValue!.Text, cells[1].StyleIndex!.Value));
        Assert.Equal("12.5", cells[2].CellValue!.Text);
        Assert.Equal("3", cells[3].CellValue!.Text);
    }

    [Fact]
    public void TableSheet_NameExcelRefuses_Throws() =>
        Assert.Throws<ArgumentException>(() => new TableSheet("a/b", [], []));

    private static Cell Shared(string reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };

    private static Cell Inline(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell Number(string reference, string value, uint style = 0) =>
        new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style == 0 ? null : (UInt32Value)style };
}
