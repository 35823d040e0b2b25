using System.Globalization;
using System.Text;
using DebtShield.Import.Screenshots;
using DebtShield.Tests.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

public sealed class TesseractOcrTests
{
    private const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    private static string Word(int block, int line, int left, int top, int width, int height, double confidence, string text) =>
        $"5\t1\t{block}\t1\t{line}\t1\t{left}\t{top}\t{width}\t{height}\t{confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}\t{text}\n";

    [Fact]
    public void Lines_TsvReport_JoinsWordsAndAveragesConfidenceOverCharacters()
    {
        var tsv = Header
            + "4\t1\t1\t1\t1\t0\t190\t413\t590\t66\t-1\t\n"
            + Word(1, 1, 190, 413, 80, 42, 90, "您好")
            + Word(1, 1, 280, 413, 40, 42, 60, "，")
            + Word(1, 1, 330, 413, 90, 42, 96, "5000")
            + Word(1, 1, 430, 413, 90, 42, 96, "CNY")
            + Word(1, 1, 530, 413, 40, 42, 96, " ");

        var line = Assert.Single(TesseractOcr.Lines(tsv));

        Assert.Equal(("您好，5000 CNY", new Core.Screenshots.PixelBox(190, 413, 330, 42), 10), (line.Text, line.Box, line.Characters));
        Assert.Equal(((0.90 * 2) + 0.60 + (0.96 * 7)) / 10, line.Confidence, 9);
    }

    [Fact]
    public void Lines_AvatarReadAsACharacterAndASpeck_AreDroppedAndFarApartWordsSplit()
    {
        var tsv = Header
            + Word(1, 1, 30, 390, 100, 100, 18, "加")
            + Word(1, 1, 190, 413, 80, 42, 94, "您好")
            + Word(1, 2, 240, 470, 36, 19, 51, "巴")
            + Word(1, 2, 190, 480, 44, 42, 95, "领导")
            + Word(1, 2, 240, 500, 14, 14, 93, "。")
            + Word(2, 1, 42, 163, 22, 44, 46, "<")
            + Word(2, 1, 427, 145, 230, 44, 86, "催收王经理");

        var lines = TesseractOcr.Lines(tsv);

        Assert.Equal(["您好", "领导。", "<", "催收王经理"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Lines_CommaAndFullStopReadUnsure_AreKeptBesideTheirWordsAndASpeckApartIsNot()
    {
        // Given chi_tra's words on a bubble whose comma wrapped to the start of its second line: the
        // comma and the full stop are a third of the text's height and read at 0.56 and 0.45.
        var tsv = Header
            + Word(1, 1, 41, 44, 30, 29, 93, "還款")
            + Word(1, 1, 74, 43, 47, 30, 97, "客服")
            + Word(1, 2, 45, 107, 5, 11, 57, ",")
            + Word(1, 2, 86, 87, 61, 30, 93, "逾期")
            + Word(1, 2, 149, 87, 45, 30, 93, "信用")
            + Word(1, 2, 200, 107, 9, 9, 45, "。")
            + Word(1, 2, 400, 100, 8, 8, 45, "、");

        var lines = TesseractOcr.Lines(tsv);

        Assert.Equal(["還款客服", "，逾期信用。"], lines.Select(l => l.Text));
    }

    private static string PageWord(int page, int line, int left, int height, double confidence, string text) =>
        $"5\t{page}\t1\t1\t{line}\t1\t{left}\t{line * 100}\t{height}\t{height}\t{confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}\t{text}\n";

    [Fact]
    public void Pages_TwoSheetsNumberingTheirLinesFromOne_KeepEachSheetsLinesApart()
    {
        // Given two screenshots' sheets read as the pages of one TIFF: Tesseract numbers each page's
        // blocks and lines from 1 again.
        var tsv = Header
            + PageWord(1, 1, 40, 30, 93, "还款")
            + PageWord(1, 2, 40, 30, 95, "好的")
            + PageWord(2, 1, 40, 30, 95, "谢谢")
            + PageWord(2, 1, 75, 30, 95, "你");

        var pages = TesseractOcr.Pages(tsv, 2);

        Assert.Equal([["还款", "好的"], ["谢谢你"]], pages.Select(p => p.Select(l => l.Text).ToArray()).ToArray());
    }

    [Fact]
    public void Pages_ASheetOfSmallerText_IsJudgedByItsOwnTextHeightAsWhenReadAlone()
    {
        // Given a 3x screenshot's sheet (text 60 pixels high) and a 1x one's (20 pixels) in one
        // report: the second's words are no specks, as they are not when its sheet is read alone.
        var tsv = Header
            + PageWord(1, 1, 40, 60, 95, "您好")
            + PageWord(1, 2, 40, 60, 95, "客服")
            + PageWord(1, 3, 40, 60, 95, "逾期")
            + PageWord(2, 1, 40, 20, 80, "谢谢");

        var pages = TesseractOcr.Pages(tsv, 2);

        Assert.Equal(TesseractOcr.Lines(Header + PageWord(1, 1, 40, 20, 80, "谢谢")).Select(l => l.Text), pages[1].Select(l => l.Text));
        Assert.Equal(["谢谢"], pages[1].Select(l => l.Text));
    }

    [Fact]
    public async Task ReadAsync_TesseractMissing_SaysWhatToInstall()
    {
        var ocr = new TesseractOcr(executable: "/nonexistent/tesseract");

        var e = await Assert.ThrowsAsync<ScreenshotException>(() => ocr.ReadAsync([1, 2, 3], "a.png"));

        Assert.True(e.OcrUnavailable);
        Assert.Contains("tesseract-ocr-chi-sim", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ChineseDataMissing_SaysWhatToInstall()
    {
        var ocr = new TesseractOcr(language: "chi_missing");

        var e = await Assert.ThrowsAsync<ScreenshotException>(() => ocr.ReadAsync("P5\n1 1\n255\n\u00ff"u8.ToArray(), "a.png"));

        Assert.True(e.OcrUnavailable);
    }

    [Fact]
    public async Task ReadPagesAsync_ASheetSentPacked_IsReadWordForWordAsItsPgm()
    {
        // Given the sheet of a 3x screenshot (the largest and whitest), which goes to Tesseract
        // as a packed TIFF page, and the same sheet written out as a plain PGM.
        var shot = ChatShotSet.Choose(k => k.Scale == 3 && k.Variant == "whole" && k.Format == "png").First();
        var image = ScreenshotImage.Decode(shot.Image, shot.Truth.Name);
        var sheet = image.ForOcr(image.FindBubbles()).Image;
        var ocr = new TesseractOcr();

        var plain = await ocr.ReadAsync(Pgm(sheet), shot.Truth.Name);
        var packed = Assert.Single(await ocr.ReadPagesAsync([(sheet, shot.Truth.Name)]));

        Assert.Null(packed.Failure);
        Assert.NotEmpty(plain);
        Assert.Equal(plain.Select(l => (l.Text, l.Box, l.Confidence)), packed.Lines.Select(l => (l.Text, l.Box, l.Confidence)));
    }

    /// <summary>A grey image as a binary PGM, the plain format Tesseract reads without packing.</summary>
    private static byte[] Pgm(GreyImage sheet)
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{sheet.Width} {sheet.Height}\n255\n"));
        return [.. header, .. sheet.Pixels.Span];
    }

    [Fact]
    public void Lines_WordsBelowHalfSure_AreCountedAsUnsureCharacters()
    {
        var tsv = Header
            + Word(1, 1, 190, 413, 80, 42, 92, "周先")
            + Word(1, 1, 280, 413, 40, 42, 22, "生")
            + Word(1, 1, 330, 413, 90, 42, 35, "结束")
            + Word(1, 1, 430, 413, 40, 42, 50, "聊");

        var line = Assert.Single(TesseractOcr.Lines(tsv));

        Assert.Equal((6, 3), (line.Characters, line.UnsureCharacters));
    }

    [Theory]
    [InlineData("最后通知:11月10日前结清,否则联系你", "最后通知：11月10日前结清，否则联系你")]
    [InlineData("咱们聊聊还款计划?", "咱们聊聊还款计划？")]
    [InlineData("请于今日18:00前还款,APP,", "请于今日18:00前还款，APP,")]
    [InlineData(",逾期将影响您的信用", "，逾期将影响您的信用")]
    public void Lines_AsciiPunctuationAfterAChineseCharacter_IsMadeFullWidth(string read, string expected)
    {
        var line = Assert.Single(TesseractOcr.Lines(Header + Word(1, 1, 190, 413, 600, 42, 92, read)));

        Assert.Equal(expected, line.Text);
    }
}
