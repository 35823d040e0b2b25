using System.Globalization;
using System.IO.Compression;
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
    public void ReadXlsx_ASheetThatUnpacksPastTheLimit_IsRefusedWithoutReadingIt()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            var spaces = new byte[1 << 20];
            spaces.AsSpan().Fill((byte)' ');
            for (var written = 0L; written <= XlsxRows.LargestPart; written += spaces.Length)
            {
                sheet.Write(spaces);
            }
        }

        Assert.True(stream.Length < 4_000_000, $"the workbook is {stream.Length:N0} bytes");
        stream.Position = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var reading = LoanTableReader.ReadXlsx(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var error = Assert.Single(reading.Errors);
        Assert.Contains("unpacks to more than 256 MB", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 16_000_000, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void OpenIphoneBackup_AZipWhoseFileUnpacksPastTheLimit_IsRefusedNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "iphone-bomb-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                Entry(zip, "backup/Manifest.db", "");
                using var plist = zip.CreateEntry("backup/Manifest.plist", CompressionLevel.Fastest).Open();
                var zeros = new byte[1 << 20];
                for (var written = 0L; written <= IphoneBackup.LargestHeld; written += zeros.Length)
                {
                    plist.Write(zeros);
                }
            }

            Assert.True(new FileInfo(path).Length < 2_000_000);
            var refusal = Assert.Throws<PhoneBackupException>(() => IphoneBackup.Open(path));

            Assert.Contains("backup/Manifest.plist", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("more than 128 MB", refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
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
    public void ReadCsv_AQuotedCellLongerThanAnyRealOne_IsAProblemOfItsRowAndTheNextRowIsRead()
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
        Assert.Equal(2, Assert.Single(reader.Problems).Location.Line);
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(text));
    }
}
