using DebtShield.Import.Screenshots;
using DebtShield.Tests.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

public sealed class TesseractOcrTests
{
    private const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    private static string Word(int block, int line, int left, int top, int width, int height, double confidence, string text) =>
        PageWord(1, block, line, left, top, width, height, confidence, text);

    private static string PageWord(int page, int block, int line, int left, int top, int width, int height, double confidence, string text) =>
        $"5\t{page}\t{block}\t1\t{line}\t1\t{left}\t{top}\t{width}\t{height}\t{confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}\t{text}\n";

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
    public void Lines_TheSameLineNumbersOnTwoPages_AreTwoLines()
    {
        // Given a report of two crops read as pages: Tesseract numbers each page's first line block 1, line 1.
        var tsv = Header
            + PageWord(1, 1, 1, 38, 30, 160, 42, 93, "您好")
            + PageWord(2, 1, 1, 38, 30, 200, 42, 91, "我会还款");

        var lines = TesseractOcr.Lines(tsv);

        Assert.Equal(["您好", "我会还款"], lines.Select(l => l.Text));
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

    [Fact]
    public void Pages_ReportOfThreePages_GivesEachPageItsLinesAndTheSpeckRuleOneTextHeight()
    {
        // Given the page (nothing on it but a title), a crop of two lines, and a crop holding a speck:
        // a speck is a small unsure word by the text height of the whole report, not of its own page.
        var tsv = Header
            + PageWord(1, 1, 1, 240, 80, 230, 44, 90, "融易借在线客服")
            + PageWord(2, 1, 1, 38, 30, 300, 42, 95, "您的借款已逾期")
            + PageWord(2, 1, 2, 38, 90, 120, 42, 95, "请处理")
            + PageWord(3, 1, 1, 38, 30, 12, 12, 40, "、");

        var pages = TesseractOcr.Pages(tsv, 3);

        Assert.Equal([["融易借在线客服"], ["您的借款已逾期", "请处理"], []], pages.Select(p => p.Select(l => l.Text).ToArray()));
    }

    [Fact]
    public async Task ReadAsync_SheetOfPages_ReadsEachBubbleOnItsOwnPage()
    {
        // Given a painted WeChat screenshot's sheet: the page, then each bubble on a page of its own, one TIFF.
        var shot = ChatShotSet.All().First(s => s.Truth.App == "wechat-light" && s.Truth.Variant == "whole" && s.Truth.Scale == 2 && s.Truth.Format == "png");
        var image = ScreenshotImage.Decode(shot.Image, shot.Truth.Name);
        var bubbles = image.FindBubbles();
        var sheet = image.ForOcr(bubbles);

        // When one Tesseract process reads it.
        var pages = await new TesseractOcr().ReadAsync(sheet, shot.Truth.Name);

        // Then every page has its own lines: the title on the page, and each bubble's text on its crop,
        // in order (the simplified ones: this model reads a traditional bubble in simplified forms).
        Assert.Equal(sheet.Pages.Count, pages.Count);
        Assert.Contains(pages[0], l => l.Text.Contains(shot.Truth.Counterpart!, StringComparison.Ordinal));
        var read = pages.Skip(1).Take(bubbles.Count).Select(p => string.Concat(p.Select(l => l.Text))).ToList();
        Assert.Equal(shot.Truth.Bubbles.Count, read.Count);
        var simplified = shot.Truth.Bubbles.Zip(read).Where(b => b.First.Script == "simplified").Select(b => (Painted: ChatShotSet.Readable(b.First.Text), Read: b.Second)).ToList();
        Assert.True(simplified.Count >= 3, $"{simplified.Count} simplified bubbles");
        Assert.All(simplified, b => Assert.True(Same(b.Painted, b.Read), $"{b.Painted} read {b.Read}"));

        // Most characters in place: the reading is OCR's, exact text is not the point here.
        static bool Same(string painted, string read) => painted.Count(read.Contains) >= painted.Length * 0.8 && read.Length <= painted.Length + 3;
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
