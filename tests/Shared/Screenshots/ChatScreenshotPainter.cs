using SkiaSharp;

namespace DebtShield.Tests.Screenshots;

/// <summary>Something on a painted chat: a bubble, or a time stamp between bubbles.</summary>
internal abstract record ChatItem;

/// <summary>A bubble: on the right when the phone's owner sent it.</summary>
internal sealed record ChatBubble(bool Sent, string Text) : ChatItem;

/// <summary>A time stamp, centred.</summary>
internal sealed record ChatStamp(string Text) : ChatItem;

/// <summary>
/// Paints a WeChat-like chat screenshot from known text with Noto Sans CJK (Debian's
/// fonts-noto-cjk): a status bar, a title bar with the other side's name, avatars and bubbles
/// (white on the left, green on the right, wrapped to 62% of the width), centred time stamps and
/// an input box. What OCR and the layout recover from it can be compared with what was painted.
/// </summary>
internal static class ChatScreenshotPainter
{
    private static readonly SKTypeface Typeface =
        SKFontManager.Default.MatchFamily("Noto Sans CJK SC") ?? throw new InvalidOperationException("Noto Sans CJK SC is missing: apt-get install fonts-noto-cjk");

    public static byte[] Paint(string title, IReadOnlyList<ChatItem> items, int width = 1080, int height = 2400, string clock = "21:45")
    {
        var info = new SKImageInfo(width, height);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xED, 0xED, 0xED));
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x99, 0x99, 0x99), IsAntialias = true };
        using var small = new SKFont(Typeface, 36);
        using var body = new SKFont(Typeface, 46);
        using var stampFont = new SKFont(Typeface, 34);

        // Status bar and title bar.
        canvas.DrawText(clock, 50, 70, SKTextAlign.Left, small, ink);
        canvas.DrawText("5G 87%", width - 50, 70, SKTextAlign.Right, small, ink);
        canvas.DrawText("<", 40, 190, SKTextAlign.Left, body, ink);
        canvas.DrawText(title, width / 2f, 190, SKTextAlign.Center, body, ink);
        canvas.DrawText("···", width - 50, 190, SKTextAlign.Right, body, ink);
        using var rule = new SKPaint { Color = new SKColor(0xD6, 0xD6, 0xD6) };
        canvas.DrawRect(0, 250, width, 2, rule);

        var y = 300f;
        var maxText = (width * 0.62f) - 56;
        foreach (var item in items)
        {
            if (item is ChatStamp stamp)
            {
                canvas.DrawText(stamp.Text, width / 2f, y + 34, SKTextAlign.Center, stampFont, grey);
                y += 90;
                continue;
            }

            var bubble = (ChatBubble)item;
            var lines = Wrap(bubble.Text, body, maxText);
            var textWidth = lines.Max(l => body.MeasureText(l));
            var bubbleWidth = textWidth + 56;
            var bubbleHeight = (lines.Count * 64) + 36;
            var avatarX = bubble.Sent ? width - 130f : 30f;
            using var avatar = new SKPaint { Color = bubble.Sent ? new SKColor(0x57, 0x6B, 0x95) : new SKColor(0xC8, 0x6B, 0x3A) };
            canvas.DrawRoundRect(avatarX, y, 100, 100, 10, 10, avatar);
            var left = bubble.Sent ? width - 160 - bubbleWidth : 160;
            using var fill = new SKPaint { Color = bubble.Sent ? new SKColor(0x95, 0xEC, 0x69) : SKColors.White, IsAntialias = true };
            canvas.DrawRoundRect(left, y, bubbleWidth, bubbleHeight, 12, 12, fill);
            for (var i = 0; i < lines.Count; i++)
            {
                canvas.DrawText(lines[i], left + 28, y + 18 + 48 + (i * 64), SKTextAlign.Left, body, ink);
            }

            y += Math.Max(bubbleHeight, 100) + 40;
        }

        // Input box.
        using var bar = new SKPaint { Color = new SKColor(0xF7, 0xF7, 0xF7) };
        canvas.DrawRect(0, height - 170, width, 170, bar);
        using var field = new SKPaint { Color = SKColors.White };
        canvas.DrawRoundRect(120, height - 140, width - 360, 100, 10, 10, field);
        using var send = new SKPaint { Color = new SKColor(0x07, 0xC1, 0x60) };
        canvas.DrawRoundRect(width - 210, height - 130, 160, 80, 10, 10, send);
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText("发送", width - 130, height - 75, SKTextAlign.Center, small, white);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Breaks text into lines no wider than <paramref name="max"/>, character by character as chat apps wrap Chinese.</summary>
    private static List<string> Wrap(string text, SKFont font, float max)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var c in text)
        {
            if (line.Length > 0 && font.MeasureText(line + c) > max)
            {
                lines.Add(line);
                line = "";
            }

            line += c;
        }

        lines.Add(line);
        return lines;
    }
}
