using DebtShield.Core.Screenshots;
using DebtShield.Import.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

public sealed class OcrSheetTests
{
    private static OcrLine Line(string text, int left, int top) => new(text, new PixelBox(left, top, 300, 40), 0.9, text.Length);

    [Fact]
    public void OnScreen_LinesOnThePageAndOnCrops_GoBackWhereTheyStandOnTheScreenshot()
    {
        // Given a 720×1600 page, then two bubbles each on a page of its own with a 20-pixel margin.
        var sheet = new OcrSheet([], [new(new PixelBox(0, 0, 720, 1600), 0), new(new PixelBox(116, 244, 424, 120), 20), new(new PixelBox(180, 1072, 424, 120), 20)]);

        // When the title is read on the page, a line on each crop, and a full stop in a crop's bottom margin.
        var placed = sheet.OnScreen([[Line("融易借在线客服", 240, 80)], [Line("您好，这里是在线客服", 44, 30)], [Line("请不要联系我的家人", 44, 30), Line("。", 44, 125)]]);

        // Then each line stands where it is on the screenshot, and the speck in the margin is gone.
        Assert.Equal(
            [("融易借在线客服", new PixelBox(240, 80, 300, 40)), ("您好，这里是在线客服", new PixelBox(140, 254, 300, 40)), ("请不要联系我的家人", new PixelBox(204, 1082, 300, 40))],
            placed.Select(l => (l.Text, l.Box)));
    }
}
