using System.Globalization;
using System.Text;
using DebtShield.Import.LoanTables;
using DebtShield.Import.PhoneBackups;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DebtShield.Import.Tests.LoanTables;

/// <summary>Issue 22: tables built to exhaust memory are refused within a bound, with a reason.</summary>
public sealed class TableLimitTests
{
    public TableLimitTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void ReadXlsx_AnInlineStringOfTwentyMillionCharacters_IsRefusedWithoutBuildingIt()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var huge = new Cell { CellReference = "A2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(new string('债', 20_000_000))) };
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("loan")) }) { RowIndex = 1 },
                new Row(huge) { RowIndex = 2 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "S" }));
        }

        stream.Position = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var reading = LoanTableReader.ReadXlsx(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var error = Assert.Single(reading.Errors);
        Assert.Contains("longer than 100000 characters", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 16_000_000, $"{allocated:N0} bytes allocated reading a 40 MB string");
    }

    [Fact]
    public void ReadCsv_ARowOfTwoMillionColumns_IsAProblemOfItsRowAndKeepsAThousandCells()
    {
        var csv = "loan,principal\n" + new string(',', 2_000_000) + "\n";

        var rows = CsvRows.Read(csv).Select(r => (r.Number, Cells: r.Cells.Count, r.Problem)).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal((2, CsvRows.MaxColumns), (rows[1].Number, rows[1].Cells));
        Assert.Contains("more than 1000 columns", rows[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_AQuotedCellLongerThanAnyRealOne_IsAProblemOfItsRow_AndTheNextRowIsRead()
    {
        var csv = "time,direction,channel,text\n\"" + new string('x', CsvRows.MaxCellCharacters + 10) + "\",received,sms,x\n"
            + "2026-11-03 21:43,received,sms,你好\n";

        var rows = CsvRows.Read(csv).Select(r => (r.Number, Text: r.Cells.Count > 3 ? r.Cells[3].Text : null, r.Problem)).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Contains("longer than 100000 characters", rows[1].Problem, StringComparison.Ordinal);
        Assert.Equal(("你好", (string?)null), (rows[2].Text, rows[2].Problem));
    }

    [Fact]
    public void ReadPhoneCsv_ACellLongerThanAnyRealOne_IsSkippedAndNamed()
    {
        var csv = "time,direction,channel,number,text\n2026-11-03 21:43,received,sms,17000001234," + new string('x', CsvRows.MaxCellCharacters + 1) + "\n"
            + "2026-11-03 21:44,received,sms,17000001234,你好\n";

        var (reader, records) = PhoneBackupReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        var read = records.ToList();

        Assert.Equal("你好", Assert.Single(read).Text);
        Assert.Equal(2, Assert.Single(reader.Problems).Line);
    }
}
