using System.Globalization;
using System.Text;
using SkiaSharp;

namespace DebtShield.Tests.Screenshots;

/// <summary>
/// How WeChat for the desktop paints a conversation in one theme: the window's left strip of app
/// icons, the contact list, and the chat pane (title at its top left, the messages, the input area),
/// in its own colours. Modelled on the desktop app's screens as of 2026; the colours are close, not
/// exact. The dark theme words old stamps with slashes (<c>2026/10/28 15:20</c>), the light one with
/// 年月日, so the set holds both of the desktop's forms.
/// </summary>
internal sealed record DesktopWeChatStyle(
    bool Dark, SKColor Strip, SKColor List, SKColor ListSelected, SKColor ListInk, SKColor Page, SKColor Divider, SKColor TitleInk,
    SKColor Received, SKColor ReceivedInk, SKColor Sent, SKColor SentInk, SKColor Quiet)
{
    public static DesktopWeChatStyle Light { get; } = new(
        false, new(0x2E, 0x2E, 0x2E), new(0xE6, 0xE5, 0xE5), new(0xC9, 0xC8, 0xC8), new(0x1A, 0x1A, 0x1A), new(0xF5, 0xF5, 0xF5), new(0xE2, 0xE2, 0xE2),
        new(0x1A, 0x1A, 0x1A), SKColors.White, new(0x1A, 0x1A, 0x1A), new(0x95, 0xEC, 0x69), new(0x1A, 0x1A, 0x1A), new(0x99, 0x99, 0x99));

    public static DesktopWeChatStyle DarkTheme { get; } = new(
        true, new(0x1A, 0x1A, 0x1A), new(0x26, 0x26, 0x26), new(0x3A, 0x3A, 0x3A), new(0xD0, 0xD0, 0xD0), new(0x1E, 0x1E, 0x1E), new(0x30, 0x30, 0x30),
        new(0xD5, 0xD5, 0xD5), new(0x2C, 0x2C, 0x2C), new(0xD5, 0xD5, 0xD5), new(0x3E, 0xB5, 0x75), new(0x11, 0x11, 0x11), new(0x80, 0x80, 0x80));

    /// <summary>
    /// WeChat for Mac in its dark theme, as real screenshots show it (yqchilde/wxbot's plugin
    /// previews): a near-black page (111111) where Windows has 1E1E1E, received bubbles 2C2C2C with
    /// light text, sent bubbles a softer green (58B26A) with dark text.
    /// </summary>
    public static DesktopWeChatStyle MacDark { get; } = new(
        true, new(0x1A, 0x1A, 0x1A), new(0x1F, 0x1F, 0x1F), new(0x33, 0x33, 0x33), new(0xD0, 0xD0, 0xD0), new(0x11, 0x11, 0x11), new(0x2A, 0x2A, 0x2A),
        new(0xD5, 0xD5, 0xD5), new(0x2C, 0x2C, 0x2C), new(0xDA, 0xDA, 0xDA), new(0x58, 0xB2, 0x6A), new(0x11, 0x11, 0x11), new(0x80, 0x80, 0x80));

    /// <summary>wechat-desktop-light or wechat-desktop-dark.</summary>
    public string Name => Dark ? "wechat-desktop-dark" : "wechat-desktop-light";

    /// <summary>The stamp the desktop app prints above messages sent at <paramref name="time"/> on a computer whose clock says <paramref name="captured"/>.</summary>
    public string Stamp(DateTime time, DateTime captured)
    {
        var days = (captured.Date - time.Date).Days;
        var hm = time.ToString("HH:mm", CultureInfo.InvariantCulture);
        return days switch
        {
            0 => hm,
            1 => "昨天 " + hm,
            < 7 => "星期" + "日一二三四五六"[(int)time.DayOfWeek] + " " + hm,
            _ => Dark
                ? string.Create(CultureInfo.InvariantCulture, $"{time.Year}/{time.Month}/{time.Day} ") + hm
                : string.Create(CultureInfo.InvariantCulture, $"{time.Year}年{time.Month}月{time.Day}日 ") + hm,
        };
    }
}

/// <summary>Where a painted desktop window's parts are, in pixels: the chat pane's message area and its title band.</summary>
/// <param name="Messages">The message area (the pane below its title, above its input area).</param>
/// <param name="Window">The window.</param>
internal sealed record DesktopPanePainted(SKRectI Messages, SKRectI Window);

/// <summary>
/// Paints WeChat for the desktop: a window (filling the screenshot, or smaller on a wallpaper with a
/// task bar, as when the window is not maximised) with its strip of icons, a contact list (names,
/// previews, times: the counterpart among them, selected), and the chat pane: the counterpart's name
/// (a group's with its member count) at the pane's top left, the window's buttons, the messages with
/// avatars (square, at the pane's edges), a member's name above each received bubble in a group,
/// stamps centred in the pane, and the input area with its send button. Every word outside the pane
/// is one a reader must leave out. All of it is invented.
/// </summary>
internal static class DesktopWeChatPainter
{
    private static readonly SKTypeface Typeface =
        SKFontManager.Default.MatchFamily("Noto Sans CJK SC") ?? throw new InvalidOperationException("Noto Sans CJK SC is missing: apt-get install fonts-noto-cjk");

    private static readonly string[] OtherChats = ["文件传输助手", "家人群", "订阅号消息", "公司同事群", "快递驿站", "小区业主群"];

    /// <summary>The width of the strip of app icons, in points.</summary>
    private const float StripWidth = 56;

    /// <summary>The width of the contact list, in points.</summary>
    private const float ListWidth = 250;

    private const float TitleHeight = 60;

    private const float InputHeight = 150;

    /// <summary>Paints <paramref name="messages"/> in a desktop WeChat window.</summary>
    /// <param name="style">The theme.</param>
    /// <param name="title">The pane's title as shown (a group's name with its member count).</param>
    /// <param name="members">The names shown above received bubbles in a group, taken in turn; empty for a chat with one person.</param>
    /// <param name="messages">The conversation, oldest first.</param>
    /// <param name="captured">The computer's clock when the screenshot was taken.</param>
    /// <param name="scale">Pixels per point (the display's scaling: 1.25, 1.5, 2).</param>
    /// <param name="windowPoints">The window's size in points.</param>
    /// <param name="screenPoints">The screen's size in points when the window is not maximised (it is painted on a wallpaper); null when the window is the whole screenshot.</param>
    /// <param name="png">The image.</param>
    /// <param name="pane">Where the pane's message area and the window are.</param>
    public static PaintedChat Paint(
        DesktopWeChatStyle style, string title, IReadOnlyList<string> members, IReadOnlyList<PaintedMessage> messages, DateTime captured, float scale,
        (int Width, int Height) windowPoints, (int Width, int Height)? screenPoints, out SKBitmap png, out DesktopPanePainted pane)
    {
        var (screenWide, screenHigh) = screenPoints ?? windowPoints;
        var width = (int)Math.Round(screenWide * scale);
        var height = (int)Math.Round(screenHigh * scale);
        png = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(png);
        canvas.Scale(scale);
        using var paint = new SKPaint { IsAntialias = true };
        using var font = new SKFont(Typeface, 14) { Subpixel = true };
        using var small = new SKFont(Typeface, 12);
        using var titleFont = new SKFont(Typeface, 17);

        var (x0, y0) = (0f, 0f);
        if (screenPoints is not null)
        {
            // The wallpaper: a smooth gradient, as most are, and a task bar with the clock.
            using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(screenWide, screenHigh), [new SKColor(0x1B, 0x4F, 0x8C), new SKColor(0x7A, 0x5C, 0xA8)], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, screenWide, screenHigh, sky);
            paint.Color = new SKColor(0x20, 0x20, 0x24);
            canvas.DrawRect(0, screenHigh - 40, screenWide, 40, paint);
            paint.Color = SKColors.White;
            canvas.DrawText(captured.ToString("HH:mm", CultureInfo.InvariantCulture), screenWide - 24, screenHigh - 15, SKTextAlign.Right, small, paint);
            (x0, y0) = (48, 36);
            paint.Color = new SKColor(0x00, 0x00, 0x00, 0x40);
            canvas.DrawRect(x0 - 1, y0 - 1, windowPoints.Width + 2, windowPoints.Height + 2, paint);
        }

        canvas.Translate(x0, y0);
        var (wide, high) = windowPoints;
        var paneLeft = StripWidth + ListWidth;

        // The strip of icons: the user's own avatar, then the app's icons.
        paint.Color = style.Strip;
        canvas.DrawRect(0, 0, StripWidth, high, paint);
        paint.Color = new SKColor(0x57, 0x6B, 0x95);
        canvas.DrawRoundRect(10, 30, 36, 36, 4, 4, paint);
        paint.Color = new SKColor(0x8A, 0x8A, 0x8A);
        for (var i = 0; i < 4; i++)
        {
            canvas.DrawRoundRect(18, 96 + (i * 48), 20, 18, 3, 3, paint);
        }

        // The contact list, the counterpart selected.
        paint.Color = style.List;
        canvas.DrawRect(StripWidth, 0, ListWidth, high, paint);
        paint.Color = style.ListSelected;
        canvas.DrawRoundRect(StripWidth + 12, 24, ListWidth - 56, 26, 4, 4, paint);
        paint.Color = style.Quiet;
        canvas.DrawText("搜索", StripWidth + 38, 42, SKTextAlign.Left, small, paint);
        var entries = OtherChats.Take(2).Append(title).Concat(OtherChats.Skip(2)).ToList();
        for (var i = 0; i < entries.Count && 64 + ((i + 1) * 64) < high; i++)
        {
            var top = 64f + (i * 64);
            if (entries[i] == title)
            {
                paint.Color = style.ListSelected;
                canvas.DrawRect(StripWidth, top, ListWidth, 64, paint);
            }

            paint.Color = new SKColor((byte)(0x60 + (i * 23)), 0x8C, (byte)(0xB0 - (i * 11)));
            canvas.DrawRoundRect(StripWidth + 12, top + 12, 40, 40, 4, 4, paint);
            paint.Color = style.ListInk;
            canvas.DrawText(entries[i], StripWidth + 62, top + 30, SKTextAlign.Left, font, paint);
            paint.Color = style.Quiet;
            var preview = entries[i] == title && messages.Count > 0 ? messages[^1].Text : "[图片]";
            canvas.DrawText(preview.Length > 9 ? preview[..9] + "…" : preview, StripWidth + 62, top + 50, SKTextAlign.Left, small, paint);
            canvas.DrawText(i == 0 ? "21:02" : "昨天", StripWidth + ListWidth - 12, top + 30, SKTextAlign.Right, small, paint);
        }

        // The pane: its title with the window's buttons, the messages, the input area.
        paint.Color = style.Page;
        canvas.DrawRect(paneLeft, 0, wide - paneLeft, high, paint);
        paint.Color = style.TitleInk;
        canvas.DrawText(title, paneLeft + 24, 42, SKTextAlign.Left, titleFont, paint);
        canvas.DrawText("···", wide - 24, 46, SKTextAlign.Right, titleFont, paint);
        using (var stroke = new SKPaint { IsAntialias = true, Color = style.Quiet, Style = SKPaintStyle.Stroke, StrokeWidth = 1 })
        {
            canvas.DrawLine(wide - 126, 14, wide - 116, 14, stroke);
            canvas.DrawRect(wide - 84, 9, 9, 9, stroke);
            canvas.DrawLine(wide - 42, 9, wide - 33, 18, stroke);
            canvas.DrawLine(wide - 42, 18, wide - 33, 9, stroke);
        }

        paint.Color = style.Divider;
        canvas.DrawRect(paneLeft, TitleHeight, wide - paneLeft, 1, paint);
        var inputTop = high - InputHeight;
        canvas.DrawRect(paneLeft, inputTop, wide - paneLeft, 1, paint);
        paint.Color = style.Quiet;
        for (var i = 0; i < 5; i++)
        {
            canvas.DrawRoundRect(paneLeft + 20 + (i * 34), inputTop + 12, 18, 18, 3, 3, paint);
        }

        paint.Color = style.Dark ? new SKColor(0x2C, 0x2C, 0x2C) : new SKColor(0xE9, 0xE9, 0xE9);
        canvas.DrawRoundRect(wide - 124, high - 46, 100, 32, 4, 4, paint);
        paint.Color = new SKColor(0x07, 0xC1, 0x60);
        canvas.DrawText("发送(S)", wide - 74, high - 25, SKTextAlign.Center, font, paint);

        var paneWidth = wide - paneLeft;
        var maxText = Math.Min(paneWidth * 0.55f, 430f);
        var painted = new List<PaintedBubble>();
        var stamps = new List<PaintedStamp>();
        DateTime? previous = null;
        DateTime? stampAbove = null;
        var y = TitleHeight + 20;
        var member = 0;
        foreach (var message in messages)
        {
            var needsStamp = previous is null || message.Time - previous.Value >= TimeSpan.FromMinutes(5);
            var lines = ChatAppPainter.Wrap(message.Text, font, maxText);
            var named = members.Count > 0 && !message.Sent;
            var bubbleHeight = (lines.Count * 20f) + 18;
            var needed = bubbleHeight + (needsStamp ? 36 : 0) + (named ? 18 : 0) + 16;
            if (y + needed > inputTop - 10)
            {
                break;
            }

            if (needsStamp)
            {
                var text = style.Stamp(message.Time, captured);
                paint.Color = style.Quiet;
                var centre = paneLeft + (paneWidth / 2f);
                canvas.DrawText(text, centre, y + 14, SKTextAlign.Center, small, paint);
                var half = small.MeasureText(text) / 2;
                stamps.Add(new PaintedStamp(text, message.Time, Scaled(new SKRect(centre - half, y, centre + half, y + 18), scale, x0, y0)));
                stampAbove = new DateTime(message.Time.Year, message.Time.Month, message.Time.Day, message.Time.Hour, message.Time.Minute, 0, DateTimeKind.Unspecified);
                y += 36;
            }

            var avatarX = message.Sent ? wide - 20 - 36 : paneLeft + 20;
            paint.Color = message.Sent ? new SKColor(0x57, 0x6B, 0x95) : new SKColor(0xC8, 0x6B, 0x3A);
            canvas.DrawRoundRect(avatarX, y, 36, 36, 4, 4, paint);
            if (named)
            {
                paint.Color = style.Quiet;
                canvas.DrawText(members[member++ % members.Count], avatarX + 46, y + 12, SKTextAlign.Left, small, paint);
                y += 18;
            }

            var bubbleWidth = lines.Max(l => ChatAppPainter.Measure(l, font)) + 20;
            var left = message.Sent ? avatarX - 10 - bubbleWidth : avatarX + 46;
            var fill = new SKRect(left, y, left + bubbleWidth, y + bubbleHeight);
            paint.Color = message.Sent ? style.Sent : style.Received;
            canvas.DrawRoundRect(fill, 4, 4, paint);
            paint.Color = message.Sent ? style.SentInk : style.ReceivedInk;
            for (var i = 0; i < lines.Count; i++)
            {
                DrawLine(canvas, lines[i], left + 10, y + 9 + 15 + (i * 20), font, paint);
            }

            painted.Add(new PaintedBubble(message, Scaled(fill, scale, x0, y0), stampAbove));
            y += bubbleHeight + 16;
            previous = message.Time;
        }

        pane = new DesktopPanePainted(
            Scaled(new SKRect(paneLeft, TitleHeight + 1, wide, inputTop), scale, x0, y0),
            Scaled(new SKRect(0, 0, wide, high), scale, x0, y0));
        return new PaintedChat(width, height, title, painted, stamps);
    }

    private static SKRectI Scaled(SKRect rect, float scale, float x0, float y0) =>
        SKRectI.Round(new SKRect((rect.Left + x0) * scale, (rect.Top + y0) * scale, (rect.Right + x0) * scale, (rect.Bottom + y0) * scale));

    /// <summary>Draws a line, an emoji as a yellow face (a picture, as the app draws it).</summary>
    private static void DrawLine(SKCanvas canvas, string line, float x, float baseline, SKFont font, SKPaint ink)
    {
        var run = new StringBuilder();
        foreach (var rune in line.EnumerateRunes())
        {
            if (!ChatAppPainter.IsEmoji(rune))
            {
                run.Append(rune.ToString());
                continue;
            }

            canvas.DrawText(run.ToString(), x, baseline, SKTextAlign.Left, font, ink);
            x += font.MeasureText(run.ToString());
            run.Clear();
            using var face = new SKPaint { IsAntialias = true, Color = new SKColor(0xFF, 0xCC, 0x33) };
            canvas.DrawCircle(x + (font.Size * 0.575f), baseline - (font.Size * 0.38f), font.Size * 0.5f, face);
            face.Color = new SKColor(0x66, 0x44, 0x00);
            canvas.DrawCircle(x + (font.Size * 0.4f), baseline - (font.Size * 0.5f), font.Size * 0.07f, face);
            canvas.DrawCircle(x + (font.Size * 0.75f), baseline - (font.Size * 0.5f), font.Size * 0.07f, face);
            x += font.Size * 1.15f;
        }

        if (run.Length > 0)
        {
            canvas.DrawText(run.ToString(), x, baseline, SKTextAlign.Left, font, ink);
        }
    }
}
