using DebtShield.Core.Screenshots;
using DebtShield.Import.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

public sealed class OcrSheetTests
{
    private static OcrLine Line(string text, int left, int top) => new(text, new PixelBox(left, top, 300, 40), 0.9, text.Length);

    [Fact]
    public void OnScreen_LinesOnPageStripsAndBubbles_GoBackWhereTheyStandOnTheScreenshot()
    {
        // A 720-pixel-wide page's title strip (rows 60–140) at the top of the sheet, then two bubbles
        // stacked below it with a 20-pixel margin.
        var sheet = new OcrSheet([], [new(new PixelBox(0, 60, 720, 80), 0, 20), new(new PixelBox(116, 244, 424, 120), 20, 140), new(new PixelBox(180, 1072, 424, 120), 20, 300)]);

        var placed = sheet.OnScreen([Line("融易借在线客服", 240, 40), Line("您好，这里是在线客服", 44, 170), Line("请不要联系我的家人", 44, 330), Line("。", 44, 270)]);

        Assert.Equal(
            [("融易借在线客服", new PixelBox(240, 80, 300, 40)), ("您好，这里是在线客服", new PixelBox(140, 274, 300, 40)), ("请不要联系我的家人", new PixelBox(204, 1102, 300, 40))],
            placed.Select(l => (l.Text, l.Box)));
    }

    [Fact]
    public void OnScreen_SheetShrunkForOcr_PutsLinesBackAtTheScreenshotsScale()
    {
        // A bubble cropped at (20, 20) of a sheet then shrunk to two thirds: its line read at (30, 40).
        var sheet = new OcrSheet([], [new(new PixelBox(270, 1134, 636, 180), 20, 20)], 2 / 3.0);

        var placed = Assert.Single(sheet.OnScreen([Line("你们的利息超过了法律规定。", 30, 40)]));

        Assert.Equal(new PixelBox(270 + 25, 1134 + 40, 450, 60), placed.Box);
    }
}
