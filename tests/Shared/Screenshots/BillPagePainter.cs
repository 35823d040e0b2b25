using SkiaSharp;

namespace DebtShield.Tests.Screenshots;

/// <summary>
/// Paints a lender app's bill page (the kind sent by mistake through the screenshot import): a
/// status bar, a title, and rows with a label on the left and its value on the right edge, as
/// 借款金额 … ¥5,000.00. Nothing on it is a chat; the import must say so and keep nothing.
/// </summary>
internal static class BillPagePainter
{
    private static readonly SKTypeface Typeface =
        SKFontManager.Default.MatchFamily("Noto Sans CJK SC") ?? throw new InvalidOperationException("Noto Sans CJK SC is missing: apt-get install fonts-noto-cjk");

    public static IReadOnlyList<(string Label, string Value)> Rows { get; } =
    [
        ("借款金额", "¥5,000.00"), ("到账金额", "¥4,500.00"), ("借款期限", "6期"), ("每期应还", "¥1,021.50"),
        ("本期应还日", "2026-11-20"), ("逾期天数", "15天"), ("逾期罚息", "¥180.00"), ("服务费", "¥300.00"),
        ("已还期数", "2期"), ("剩余应还", "¥4,086.00"),
    ];

    public static byte[] Paint(int width = 1080, int height = 2400)
    {
        var info = new SKImageInfo(width, height);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x66, 0x66, 0x66), IsAntialias = true };
        using var small = new SKFont(Typeface, 36);
        using var body = new SKFont(Typeface, 46);
        canvas.DrawText("10:21", 50, 70, SKTextAlign.Left, small, ink);
        canvas.DrawText("5G 64%", width - 50, 70, SKTextAlign.Right, small, ink);
        canvas.DrawText("账单详情", width / 2f, 190, SKTextAlign.Center, body, ink);
        var y = 360f;
        foreach (var (label, value) in Rows)
        {
            canvas.DrawText(label, 60, y, SKTextAlign.Left, body, grey);
            canvas.DrawText(value, width - 60, y, SKTextAlign.Right, body, ink);
            y += 140;
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
