using System.Globalization;
using System.Text;
using SkiaSharp;

namespace DebtShield.Tests.Screenshots;

/// <summary>A message of a painted conversation: who sent it, what it says, when, and in which script.</summary>
/// <param name="Sent">True when the phone's owner sent it (a right-hand bubble).</param>
/// <param name="Text">What it says, emoji included.</param>
/// <param name="Time">When it was sent, China time.</param>
/// <param name="Traditional">True when it is written in traditional characters.</param>
internal sealed record PaintedMessage(bool Sent, string Text, DateTime Time, bool Traditional = false);

/// <summary>A bubble as painted: the message, where its fill is, and the stamp above it on the screen (null when none is visible above it).</summary>
internal sealed record PaintedBubble(PaintedMessage Message, SKRectI Fill, DateTime? StampAbove);

/// <summary>A time stamp as painted: its text, the time it stands for and where it is.</summary>
internal sealed record PaintedStamp(string Text, DateTime Time, SKRectI Box);

/// <summary>What was painted on one screenshot, for comparing what a reader gives back.</summary>
internal sealed record PaintedChat(int Width, int Height, string? Counterpart, IReadOnlyList<PaintedBubble> Bubbles, IReadOnlyList<PaintedStamp> Stamps);

/// <summary>
/// Paints a chat screen as <see cref="ChatAppStyle"/> describes an app: status bar, the app's title
/// bar (the counterpart; on MIUI the carrier line under a number; on iOS a small name under a round
/// avatar), the messages with a stamp wherever the app prints one (five minutes or more after the
/// previous message), and the input bar. Bubbles are laid out from the top and messages that do
/// not fit whole are left off, so every bubble in <see cref="PaintedChat"/> is whole on the image.
/// Emoji are painted as a yellow face (no colour emoji font is installed), as a phone paints them:
/// a picture, not a character.
/// </summary>
internal static class ChatAppPainter
{
    private static readonly SKTypeface Typeface =
        SKFontManager.Default.MatchFamily("Noto Sans CJK SC") ?? throw new InvalidOperationException("Noto Sans CJK SC is missing: apt-get install fonts-noto-cjk");

    /// <summary>Paints <paramref name="messages"/> as <paramref name="style"/> shows them at <paramref name="scale"/> pixels a point.</summary>
    /// <param name="style">The app and theme.</param>
    /// <param name="counterpart">The title bar's name or number.</param>
    /// <param name="messages">The conversation, oldest first.</param>
    /// <param name="captured">The phone's clock when the screenshot was taken: the status bar's time and what relative stamps are read against.</param>
    /// <param name="scale">Pixels per point: 2 or 3.</param>
    /// <param name="png">The image.</param>
    /// <param name="landscape">Paints the screen turned sideways (width and height swapped).</param>
    /// <param name="scrolled">The first message's stamp has scrolled out of view: the messages up to the next stamp show none.</param>
    public static PaintedChat Paint(ChatAppStyle style, string counterpart, IReadOnlyList<PaintedMessage> messages, DateTime captured, int scale, out SKBitmap png, bool landscape = false, bool scrolled = false)
    {
        var (pointsWide, pointsHigh) = style.Points;
        if (landscape)
        {
            (pointsWide, pointsHigh) = (pointsHigh, pointsWide);
        }

        var width = pointsWide * scale;
        var height = pointsHigh * scale;
        png = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(png);
        canvas.Scale(scale);
        canvas.Clear(style.Page);
        using var font = new SKFont(Typeface, 16) { Subpixel = true };
        using var small = new SKFont(Typeface, 12);
        using var title = new SKFont(Typeface, 17);
        using var paint = new SKPaint { IsAntialias = true };

        // Status bar, title bar.
        var statusHeight = style.App == ChatApp.IosMessages ? 44f : 28f;
        paint.Color = style.Header;
        canvas.DrawRect(0, 0, pointsWide, statusHeight + style.HeaderHeight, paint);
        paint.Color = style.HeaderInk;
        using (var status = new SKFont(Typeface, 13))
        {
            canvas.DrawText(captured.ToString("HH:mm", CultureInfo.InvariantCulture), 18, statusHeight - 10, SKTextAlign.Left, status, paint);
            canvas.DrawText("5G 87%", pointsWide - 18, statusHeight - 10, SKTextAlign.Right, status, paint);
        }

        var headerBottom = statusHeight + style.HeaderHeight;
        PaintHeader(canvas, style, counterpart, statusHeight, pointsWide, title, small, paint);

        // Input bar.
        var inputTop = pointsHigh - 56f;
        var painted = new List<PaintedBubble>();
        var stamps = new List<PaintedStamp>();
        var y = headerBottom + 12;
        DateTime? previous = null;
        DateTime? stampAbove = null;
        var maxText = (pointsWide * 0.62f) - 20;
        foreach (var message in messages)
        {
            var needsStamp = previous is null ? !scrolled : message.Time - previous.Value >= TimeSpan.FromMinutes(5);
            var lines = Wrap(message.Text, font, maxText);
            var bubbleHeight = (lines.Count * 22f) + 16;
            var needed = bubbleHeight + (needsStamp ? 34 : 0) + style.BubbleGap;
            if (y + needed > inputTop - 8)
            {
                break;
            }

            if (needsStamp)
            {
                var text = style.Stamp(message.Time, captured);
                var box = PaintStamp(canvas, style, text, pointsWide / 2f, y + 6, small, paint);
                stamps.Add(new PaintedStamp(text, message.Time, Scaled(box, scale)));
                stampAbove = StampTime(style, message.Time);
                y += 34;
            }

            var textWidth = lines.Max(l => Measure(l, font));
            var bubbleWidth = textWidth + 20;
            var avatar = style.Avatars ? 48f : 0f;
            var left = message.Sent ? pointsWide - 10 - avatar - bubbleWidth : 10 + avatar;
            if (style.Avatars && (style.App != ChatApp.AndroidSms || !message.Sent))
            {
                paint.Color = message.Sent ? new SKColor(0x57, 0x6B, 0x95) : new SKColor(0xC8, 0x6B, 0x3A);
                var avatarX = message.Sent ? pointsWide - 50f : 8f;
                if (style.App is ChatApp.Qq or ChatApp.LenderChat or ChatApp.AndroidSms)
                {
                    canvas.DrawCircle(avatarX + 20, y + 20, 20, paint);
                }
                else
                {
                    canvas.DrawRoundRect(avatarX, y, 40, 40, 4, 4, paint);
                }
            }

            if (style.App == ChatApp.AndroidSms && message.Sent)
            {
                left += avatar; // Google Messages shows no avatar beside one's own messages
            }

            var fill = new SKRect(left, y, left + bubbleWidth, y + bubbleHeight);
            paint.Color = message.Sent ? style.Sent : style.Received;
            var radius = style.IsSms ? 16f : 5f;
            canvas.DrawRoundRect(fill, radius, radius, paint);
            paint.Color = message.Sent ? style.SentInk : style.ReceivedInk;
            for (var i = 0; i < lines.Count; i++)
            {
                DrawLine(canvas, lines[i], left + 10, y + 8 + 17 + (i * 22), font, paint);
            }

            painted.Add(new PaintedBubble(message, Scaled(fill, scale), stampAbove));
            y += bubbleHeight + style.BubbleGap;
            previous = message.Time;
        }

        paint.Color = style.Dark ? new SKColor(0x1E, 0x1E, 0x1E) : new SKColor(0xF7, 0xF7, 0xF7);
        canvas.DrawRect(0, inputTop, pointsWide, 56, paint);
        paint.Color = style.Dark ? new SKColor(0x2C, 0x2C, 0x2C) : SKColors.White;
        canvas.DrawRoundRect(44, inputTop + 10, pointsWide - 120, 36, 6, 6, paint);
        return new PaintedChat(width, height, counterpart, painted, stamps);
    }

    /// <summary>The time a stamp stands for: the lender's app prints seconds, the others the minute.</summary>
    private static DateTime StampTime(ChatAppStyle style, DateTime time) =>
        style.App == ChatApp.LenderChat ? time : new DateTime(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, DateTimeKind.Unspecified);

    private static void PaintHeader(SKCanvas canvas, ChatAppStyle style, string counterpart, float top, int width, SKFont title, SKFont small, SKPaint paint)
    {
        paint.Color = style.HeaderInk;
        switch (style.App)
        {
            case ChatApp.IosMessages:
                paint.Color = new SKColor(0xA4, 0xA8, 0xB3);
                canvas.DrawCircle(width / 2f, top + 26, 22, paint);
                paint.Color = SKColors.Black;
                using (var name = new SKFont(Typeface, 11))
                {
                    canvas.DrawText(counterpart + " >", width / 2f, top + 66, SKTextAlign.Center, name, paint);
                }

                paint.Color = new SKColor(0x0B, 0x84, 0xFE);
                canvas.DrawText("<", 12, top + 30, SKTextAlign.Left, title, paint);
                break;
            case ChatApp.MiuiSms:
                canvas.DrawText("<", 14, top + 30, SKTextAlign.Left, title, paint);
                canvas.DrawText(counterpart, width / 2f, top + 26, SKTextAlign.Center, title, paint);
                paint.Color = new SKColor(0x99, 0x99, 0x99);
                canvas.DrawText("北京移动", width / 2f, top + 46, SKTextAlign.Center, small, paint);
                break;
            case ChatApp.AndroidSms:
                canvas.DrawText("<", 14, top + 34, SKTextAlign.Left, title, paint);
                canvas.DrawText(counterpart, 56, top + 34, SKTextAlign.Left, title, paint);
                break;
            case ChatApp.WeChat:
            case ChatApp.Qq:
            case ChatApp.LenderChat:
                canvas.DrawText("<", 14, top + 31, SKTextAlign.Left, title, paint);
                canvas.DrawText(counterpart, width / 2f, top + 31, SKTextAlign.Center, title, paint);
                canvas.DrawText("···", width - 16, top + 31, SKTextAlign.Right, title, paint);
                break;
        }

        if (!style.Dark && style.App != ChatApp.Qq)
        {
            paint.Color = new SKColor(0xD6, 0xD6, 0xD6);
            canvas.DrawRect(0, top + style.HeaderHeight - 0.5f, width, 0.5f, paint);
        }
    }

    private static SKRect PaintStamp(SKCanvas canvas, ChatAppStyle style, string text, float centre, float top, SKFont font, SKPaint paint)
    {
        var width = font.MeasureText(text);
        var box = new SKRect(centre - (width / 2) - 6, top, centre + (width / 2) + 6, top + 20);
        if (style.StampPill is { } pill)
        {
            paint.Color = pill;
            canvas.DrawRoundRect(box, 4, 4, paint);
        }

        paint.Color = style.StampInk;
        canvas.DrawText(text, centre, top + 15, SKTextAlign.Center, font, paint);
        return box;
    }

    private static SKRectI Scaled(SKRect rect, int scale) =>
        SKRectI.Round(new SKRect(rect.Left * scale, rect.Top * scale, rect.Right * scale, rect.Bottom * scale));

    /// <summary>True for the emoji the set paints (the faces and hands block and the symbols above it).</summary>
    public static bool IsEmoji(Rune rune) => rune.Value >= 0x1F300;

    internal static float Measure(string text, SKFont font) =>
        text.EnumerateRunes().Sum(r => IsEmoji(r) ? font.Size * 1.15f : font.MeasureText(r.ToString()));

    private static void DrawLine(SKCanvas canvas, string line, float x, float baseline, SKFont font, SKPaint ink)
    {
        var run = new StringBuilder();
        foreach (var rune in line.EnumerateRunes())
        {
            if (!IsEmoji(rune))
            {
                run.Append(rune.ToString());
                continue;
            }

            canvas.DrawText(run.ToString(), x, baseline, SKTextAlign.Left, font, ink);
            x += font.MeasureText(run.ToString());
            run.Clear();
            using var face = new SKPaint { IsAntialias = true, Color = new SKColor(0xFF, 0xCC, 0x33) };
            var r = font.Size * 0.5f;
            canvas.DrawCircle(x + (font.Size * 0.575f), baseline - (font.Size * 0.38f), r, face);
            face.Color = new SKColor(0x66, 0x44, 0x00);
            canvas.DrawCircle(x + (font.Size * 0.4f), baseline - (font.Size * 0.5f), r * 0.14f, face);
            canvas.DrawCircle(x + (font.Size * 0.75f), baseline - (font.Size * 0.5f), r * 0.14f, face);
            face.Style = SKPaintStyle.Stroke;
            face.StrokeWidth = r * 0.12f;
            canvas.DrawArc(new SKRect(x + (font.Size * 0.3f), baseline - (font.Size * 0.55f), x + (font.Size * 0.85f), baseline - (font.Size * 0.1f)), 20, 140, false, face);
            x += font.Size * 1.15f;
        }

        if (run.Length > 0)
        {
            canvas.DrawText(run.ToString(), x, baseline, SKTextAlign.Left, font, ink);
        }
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="max"/>, character by character as chat
    /// apps wrap Chinese, and as they do never starting a line with a closing mark (。，、！？…: the
    /// line-breaking rules of Unicode's annex 14 that Android and iOS follow): the character before
    /// it goes down with it. A full stop alone on a line of its own is a layout no phone paints.
    /// </summary>
    internal static List<string> Wrap(string text, SKFont font, float max)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (line.Length > 0 && Measure(line + rune.ToString(), font) > max)
            {
                var carried = "";
                if (NeverStartsALine(rune) && line.ToString().EnumerateRunes().Count() > 1)
                {
                    var last = line.ToString().EnumerateRunes().Last().ToString();
                    carried = last;
                    line.Length -= last.Length;
                }

                lines.Add(line.ToString());
                line.Clear().Append(carried);
            }

            line.Append(rune.ToString());
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>The closing marks no line may start with (Unicode line-breaking classes CL, CP, EX, IS and the like, as the set's texts use them).</summary>
    private static bool NeverStartsALine(Rune rune) => rune.IsBmp && "。，、；：？！）》」』”’.,;:?!)".Contains((char)rune.Value, StringComparison.Ordinal);
}
