using DebtShield.Core.Screenshots;
using DebtShield.Import.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

public sealed class OcrSheetTests
{
    private static OcrLine Line(string text, int left, int top) => new(text, new PixelBox(left, top, 300, 40), 0.9, text.Length);

    [Fact]
    public void OnScreen_LinesOnCropsAndPage_GoBackWhereTheyStandOnTheScreenshot()
    {
        // A 720×1600 page, then two bubbles stacked below it with a 20-pixel margin.
        var sheet = new OcrSheet(new GreyImage(1, 1, new byte[1]), 1600, [new(new PixelBox(116, 244, 424, 120), 20, 1620), new(new PixelBox(180, 1072, 424, 120), 20, 1780)]);

        var placed = sheet.OnScreen([Line("融易借在线客服", 240, 80), Line("您好，这里是在线客服", 44, 1650), Line("请不要联系我的家人", 44, 1810), Line("。", 44, 1750)]);

        Assert.Equal(
            [("融易借在线客服", new PixelBox(240, 80, 300, 40)), ("您好，这里是在线客服", new PixelBox(140, 274, 300, 40)), ("请不要联系我的家人", new PixelBox(204, 1102, 300, 40))],
            placed.Select(l => (l.Text, l.Box)));
    }
}
