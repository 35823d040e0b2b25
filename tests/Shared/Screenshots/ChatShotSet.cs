using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SkiaSharp;

namespace DebtShield.Tests.Screenshots;

/// <summary>A bubble's ground truth: its side, its text as painted (emoji included), the time a reader should give it, its script and its fill.</summary>
/// <param name="Side"><c>received</c> or <c>sent</c>.</param>
/// <param name="Text">The text as painted.</param>
/// <param name="Time">The stamp above it on the screen (China time, ISO 8601), or null when none is visible above it: a reader must then mark its time estimated.</param>
/// <param name="Sent">When it was really sent.</param>
/// <param name="Script"><c>simplified</c> or <c>traditional</c>.</param>
/// <param name="Box">The bubble's fill: left, top, width, height in pixels.</param>
internal sealed record BubbleTruth(string Side, string Text, DateTimeOffset? Time, DateTimeOffset Sent, string Script, int[] Box);

/// <summary>A screenshot's ground truth.</summary>
/// <param name="Name">The file's name (a phone's: the capture time is in it).</param>
/// <param name="App">wechat-light, wechat-dark, ios, miui, android, qq, lender, wechat-desktop-light, wechat-desktop-dark; or the kind of non-chat.</param>
/// <param name="Scale">Pixels per point.</param>
/// <param name="Format"><c>png</c> or <c>jpeg70</c>.</param>
/// <param name="Variant">whole, cropped, pair-first, pair-second, angled, landscape, bill; for the desktop also window (not maximised), long, group.</param>
/// <param name="IsChat">False for what must be refused.</param>
/// <param name="Counterpart">The name or number in the title bar, null when none is visible.</param>
/// <param name="Captured">The capture time, China time.</param>
/// <param name="PairWith">The other screenshot of an overlapping pair.</param>
/// <param name="Bubbles">The whole bubbles on it, top to bottom.</param>
internal sealed record ShotTruth(
    string Name, string App, int Scale, string Format, string Variant, bool IsChat, string? Counterpart, DateTimeOffset Captured, string? PairWith, IReadOnlyList<BubbleTruth> Bubbles);

/// <summary>A screenshot of the set: its bytes and its ground truth.</summary>
internal sealed record ChatShot(byte[] Image, ShotTruth Truth);

/// <summary>What a screenshot of the set is before it is painted: the fields of its <see cref="ShotTruth"/> that painting does not decide, so a test can choose shots without painting the others.</summary>
/// <param name="Name">The file's name.</param>
/// <param name="App">As <see cref="ShotTruth.App"/>.</param>
/// <param name="Scale">Pixels per point.</param>
/// <param name="Format"><c>png</c> or <c>jpeg70</c>.</param>
/// <param name="Variant">As <see cref="ShotTruth.Variant"/>.</param>
/// <param name="IsChat">False for what must be refused.</param>
internal sealed record ShotKind(string Name, string App, int Scale, string Format, string Variant, bool IsChat);

/// <summary>A screenshot of the set with everything drawn from the set's random numbers already drawn, painted when first asked for.</summary>
internal sealed class PlannedShot(ShotKind kind, Func<ChatShot> paint)
{
    private readonly Lazy<ChatShot> _painted = new(paint);

    /// <summary>What it is.</summary>
    public ShotKind Kind { get; } = kind;

    /// <summary>The image and its truth, painted once (by whichever thread asks first) and kept.</summary>
    public ChatShot Painted => _painted.Value;
}

/// <summary>
/// The screenshot test set of issue 24, painted deterministically (fixed seed) in well under a
/// second an image: every app style of <see cref="ChatAppStyle"/> at 2x and 3x, JPEG at quality
/// 70, cropped screens (no title bar, the first stamp cut off), overlapping pairs (the second
/// scrolled so its first messages have no stamp above them), and non-chats a reader must refuse (a
/// photo of a screen at an angle, a landscape chat, a lender's bill page). The wording is modelled
/// on the conduct corpus (data/conduct/corpus): lawful reminders, exposure threats, third-party
/// messages, insults; the borrower's replies are ordinary, some in traditional characters, some
/// ending in an emoji. The stamps cover each app's forms, including <c>11月3日</c> and iOS's
/// <c>2026年11月7日 上午10:37</c>. All of it is invented input.
/// </summary>
internal static class ChatShotSet
{
    private static readonly DateTime Captured = new(2026, 11, 7, 21, 40, 12, DateTimeKind.Unspecified);

    /// <summary>The size of a photo of a screen (the angled non-chats), in pixels.</summary>
    private const int PhotoWidth = 1200;
    private const int PhotoHeight = 1600;

    private static readonly string[] Collector =
    [
        "您好，您在我司的借款已逾期15天，当前应还金额3260元，请尽快还款。",
        "尊敬的用户，您的借款还有2天到期，请及时还款，如已还款请忽略。",
        "今天下午6点前不还，我们就把你的欠款信息发给你通讯录里所有人。",
        "通讯录已导出，今晚统一群发，你欠的5000元全部写清楚。",
        "你的朋友张某在我平台借款已逾期，请转告他尽快还款，否则后果自负。",
        "要让你全家都知道你欠钱不还，让你在公司待不下去。",
        "您的网贷逾期已移交户籍地，工作人员将上门核实。",
        "别装死，老赖一个，明天就派人去你老家找你爸妈谈谈。",
        "最后通知：11月10日前结清，否则联系你的单位领导。",
        "请于今日18:00前还款2180元，逾期将上报征信。",
        "还款可登录APP或联系客服，客服电话4008001234。",
        "再不还款就起诉你，到时候你的亲戚朋友同事都会知道。",
    ];

    private static readonly string[] CollectorTraditional =
    [
        "周先生，假期結束，咱們聊聊還款計劃？",
        "還款可登錄平臺或聯繫客服，逾期將影響您的信用。",
        "您的借款已逾期，請盡快處理，否則通知您的聯繫人。",
    ];

    private static readonly string[] Replies =
    [
        "请不要联系我的家人，我会和你们协商。",
        "我这个月工资发了就还。",
        "你们的利息超过了法律规定。",
        "收到，我会尽快处理🙏",
        "好的😊",
        "我已经在还了，别再打我同事电话了。",
        "請不要再騷擾我的家人。",
        "我會按時還款，謝謝😊",
        "11月15日之前一定还上。",
    ];

    private static readonly string[] Names = ["催收-王经理", "李专员", "贷后部小张", "法务陈律师"];

    private static readonly string[] Numbers = ["10690588123", "17100001234", "95188", "13800138000"];

    private static readonly string[] Lenders = ["融易借在线客服", "速贷宝客服", "金豆花在线客服"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>
    /// The set as planned, when first asked for: every conversation, counterpart and camera grain
    /// drawn from the seed in the order the painting always drew them, so each shot comes out as it
    /// did when the whole set was painted in one pass, whichever shots are painted and in whatever order.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<PlannedShot>> Planned = new(() => [.. Plan()]);

    /// <summary>
    /// The whole set, painted, in a fixed order (64 phone images and non-chats, then 8 of WeChat for the
    /// desktop). Each shot is painted once a process and the same shot is handed to every caller. The
    /// painting is deterministic, so every caller sees what it would have painted itself; callers read
    /// the bytes and never change them.
    /// </summary>
    public static IReadOnlyList<ChatShot> All() => [.. Planned.Value.Select(p => p.Painted)];

    /// <summary>
    /// The shots of <paramref name="kind"/>, in the set's order, each painted when the enumeration
    /// reaches it: a test that needs a few shots paints those alone (painting the whole set took
    /// 12–21 CPU-seconds, a quarter to a half of the Import tests' CPU; docs/benchmarks.md).
    /// </summary>
    public static IEnumerable<ChatShot> Choose(Func<ShotKind, bool> kind) => Planned.Value.Where(p => kind(p.Kind)).Select(p => p.Painted);

    private static IEnumerable<PlannedShot> Plan()
    {
        var random = new Random(20261205);
        var minute = 0;
        string Name() => string.Create(CultureInfo.InvariantCulture, $"Screenshot_{Captured.AddMinutes(minute++):yyyyMMdd-HHmmss}");

        foreach (var style in ChatAppStyle.All)
        {
            foreach (var scale in new[] { 2, 3 })
            {
                for (var k = 0; k < 2; k++)
                {
                    yield return Chat(style, scale, Conversation(style, random), Name(), "whole", jpeg: false, random);
                }
            }

            yield return Chat(style, 3, Conversation(style, random), Name(), "whole", jpeg: true, random);
            yield return Cropped(style, random.Next(2) + 2, Conversation(style, random), Name());
            foreach (var shot in Pair(style, Conversation(style, random, length: 11), Name(), Name()))
            {
                yield return shot;
            }
        }

        yield return Angled(ChatAppStyle.WeChatLight, Conversation(ChatAppStyle.WeChatLight, random), Name(), 7f, random);
        yield return Angled(ChatAppStyle.MiuiSms, Conversation(ChatAppStyle.MiuiSms, random), Name(), -9f, random);
        yield return Angled(ChatAppStyle.WeChatDark, Conversation(ChatAppStyle.WeChatDark, random), Name(), 12f, random);
        yield return Landscape(ChatAppStyle.WeChatLight, Conversation(ChatAppStyle.WeChatLight, random), Name(), random);
        yield return Landscape(ChatAppStyle.IosMessages, Conversation(ChatAppStyle.IosMessages, random), Name(), random);
        yield return Bill(1080, 2400, Name(), jpeg: false);
        yield return Bill(750, 1600, Name(), jpeg: false);
        yield return Bill(1080, 2400, Name(), jpeg: true);
        foreach (var shot in Desktop(Name))
        {
            yield return shot;
        }
    }

    /// <summary>
    /// WeChat for the desktop (wide screenshots of a window, as a borrower takes on a laptop): light
    /// and dark, maximised and not (on a wallpaper), a long message wrapping, a group with its
    /// members' names and its member count in the title, and a crop of the messages alone (light, and
    /// WeChat for Mac's dark theme). From a seed of their own, so the phone screenshots before them stay as they were.
    /// </summary>
    private static IEnumerable<PlannedShot> Desktop(Func<string> name)
    {
        var random = new Random(20261206);
        var light = DesktopWeChatStyle.Light;
        List<PaintedMessage> Talk() => Conversation(ChatAppStyle.WeChatLight, random);
        yield return DesktopShot(light, "whole", Names[0], Names[0], [], Talk(), 1.25f, (1100, 700), null, name());
        yield return DesktopShot(DesktopWeChatStyle.DarkTheme, "whole", Names[1], Names[1], [], Talk(), 1.5f, (1000, 680), null, name());
        yield return DesktopShot(light, "window", Names[2], Names[2], [], Talk(), 1.25f, (960, 620), (1280, 760), name());
        var talk = Talk();
        var first = talk.FindIndex(m => !m.Sent);
        talk[first] = talk[first] with { Text = Collector[0] + Collector[10] + Collector[11], Traditional = false };
        yield return DesktopShot(light, "long", Names[3], Names[3], [], talk, 1.5f, (900, 680), null, name());
        yield return DesktopShot(light, "group", "贷后协商群(5)", "贷后协商群", ["催收-王经理", "李专员", "贷后部小张"], Talk(), 1.25f, (1100, 720), null, name());
        yield return DesktopShot(light, "cropped", Names[0], null, [], Talk(), 1.25f, (1100, 700), null, name());
        yield return Bill(1600, 900, name(), jpeg: false); // a wide page that is no chat: still refused
        // WeChat for Mac's dark theme cut to its messages, as real screenshots in READMEs show it
        // (data/screenshots/real, the tuning repositories): its own page and green, no title.
        yield return DesktopShot(DesktopWeChatStyle.MacDark, "cropped", Names[3], null, [], Talk(), 2f, (1000, 640), null, name());
    }

    /// <summary>A desktop WeChat window (<paramref name="variant"/> <c>cropped</c>: its message area alone).</summary>
    private static PlannedShot DesktopShot(
        DesktopWeChatStyle style, string variant, string title, string? counterpart, string[] members, List<PaintedMessage> messages, float scale,
        (int Width, int Height) window, (int Width, int Height)? screen, string name)
    {
        var kind = Kind(name + ".png", style.Name, (int)Math.Round(scale), false, variant, isChat: true);
        return new PlannedShot(kind, () => PaintDesktop(kind, style, title, counterpart, members, messages, scale, window, screen));
    }

    private static ChatShot PaintDesktop(
        ShotKind kind, DesktopWeChatStyle style, string title, string? counterpart, string[] members, List<PaintedMessage> messages, float scale,
        (int Width, int Height) window, (int Width, int Height)? screen)
    {
        var painted = DesktopWeChatPainter.Paint(style, title, members, messages, Captured, scale, window, screen, out var bitmap, out var pane);
        using (bitmap)
        {
            if (kind.Variant != "cropped")
            {
                return new ChatShot(Encode(bitmap, false), Truth(kind, counterpart, painted, null));
            }

            var area = pane.Messages;
            using var cut = new SKBitmap(area.Width, area.Height);
            bitmap.ExtractSubset(cut, area);
            using var copy = cut.Copy();
            var shifted = painted with
            {
                Width = copy.Width,
                Height = copy.Height,
                Bubbles = [.. painted.Bubbles.Select(b => b with { Fill = new SKRectI(b.Fill.Left - area.Left, b.Fill.Top - area.Top, b.Fill.Right - area.Left, b.Fill.Bottom - area.Top) })],
            };
            return new ChatShot(Encode(copy, false), Truth(kind, null, shifted, null));
        }
    }

    /// <summary>Writes every image of the set into <paramref name="folder"/> with its ground truth beside it (<c>NAME.json</c>).</summary>
    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var shot in All())
        {
            File.WriteAllBytes(Path.Combine(folder, shot.Truth.Name), shot.Image);
            File.WriteAllText(Path.Combine(folder, Path.GetFileNameWithoutExtension(shot.Truth.Name) + ".json"), ToJson(shot.Truth) + "\n");
        }
    }

    /// <summary>The ground truth as written beside an image.</summary>
    public static string ToJson(ShotTruth truth) => JsonSerializer.Serialize(truth, Json);

    /// <summary>A conversation of about <paramref name="length"/> messages ending shortly before the capture, in three to four sittings on different days.</summary>
    private static List<PaintedMessage> Conversation(ChatAppStyle style, Random random, int length = 8)
    {
        var days = new[] { 0, 1, 3, 4, 9, 12, 40 }.OrderBy(_ => random.Next()).Take(4).OrderDescending().ToArray();
        var messages = new List<PaintedMessage>();
        var sitting = 0;
        while (messages.Count < length)
        {
            var day = days[Math.Min(sitting, days.Length - 1)];
            var time = Captured.Date.AddDays(-day).AddHours(random.Next(8, 21)).AddMinutes(random.Next(60)).AddSeconds(random.Next(60));
            if (time >= Captured)
            {
                time = Captured.AddMinutes(-30 - random.Next(60));
            }

            if (messages.Count > 0 && time <= messages[^1].Time)
            {
                time = messages[^1].Time.AddMinutes(7 + random.Next(30));
            }

            if (time >= Captured.AddMinutes(-5))
            {
                break; // no message after the screenshot
            }

            var inSitting = 1 + random.Next(3);
            for (var i = 0; i < inSitting && messages.Count < length; i++)
            {
                var sent = messages.Count > 0 && random.Next(5) < 2;
                var text = sent ? Replies[random.Next(Replies.Length)]
                    : random.Next(6) == 0 ? CollectorTraditional[random.Next(CollectorTraditional.Length)]
                    : Collector[random.Next(Collector.Length)];
                if (style.App == ChatApp.LenderChat && !sent && i == 0)
                {
                    text = "您好，这里是在线客服，请问有什么可以帮您？";
                }

                if (messages.Any(m => m.Text == text))
                {
                    continue; // the same words twice in a conversation would be a second message the reader cannot tell apart by place
                }

                messages.Add(new PaintedMessage(sent, text, time, IsTraditional(text)));
                time = time.AddMinutes(random.Next(0, 2)).AddSeconds(random.Next(1, 30));
            }

            sitting++;
        }

        return messages;
    }

    /// <summary>True when the text uses characters only the traditional script writes so (those the set's traditional texts use).</summary>
    private static bool IsTraditional(string text) => text.Any(c => "結們還劃計錄臺聯繫將響請盡處則聯騷擾會謝".Contains(c, StringComparison.Ordinal));

    private static string Counterpart(ChatAppStyle style, Random random) => style.App switch
    {
        ChatApp.WeChat or ChatApp.Qq => Names[random.Next(Names.Length)],
        ChatApp.IosMessages or ChatApp.MiuiSms or ChatApp.AndroidSms => Numbers[random.Next(Numbers.Length)],
        ChatApp.LenderChat => Lenders[random.Next(Lenders.Length)],
    };

    private static PlannedShot Chat(ChatAppStyle style, int scale, List<PaintedMessage> messages, string name, string variant, bool jpeg, Random random)
    {
        var counterpart = Counterpart(style, random);
        var kind = Kind(name + (jpeg ? ".jpg" : ".png"), style.Name, scale, jpeg, variant, isChat: true);
        return new PlannedShot(kind, () =>
        {
            var painted = ChatAppPainter.Paint(style, counterpart, messages, Captured, scale, out var bitmap);
            using (bitmap)
            {
                return new ChatShot(Encode(bitmap, jpeg), Truth(kind, counterpart, painted, null));
            }
        });
    }

    /// <summary>The screen without its status and title bars and its input bar, cut between two bubbles so the first stamp is gone.</summary>
    private static PlannedShot Cropped(ChatAppStyle style, int scale, List<PaintedMessage> messages, string name)
    {
        var kind = Kind(name + ".png", style.Name, scale, false, "cropped", isChat: true);
        return new PlannedShot(kind, () => PaintCropped(kind, style, messages));
    }

    private static ChatShot PaintCropped(ShotKind kind, ChatAppStyle style, List<PaintedMessage> messages)
    {
        var scale = kind.Scale;
        var painted = ChatAppPainter.Paint(style, "", messages.Count > 2 ? messages[1..] : messages, Captured, scale, out var bitmap, scrolled: true);
        using (bitmap)
        {
            var top = painted.Bubbles[0].Fill.Top - (6 * scale);
            var bottom = painted.Bubbles[^1].Fill.Bottom + (8 * scale);
            using var cut = new SKBitmap(bitmap.Width, bottom - top);
            bitmap.ExtractSubset(cut, new SKRectI(0, top, bitmap.Width, bottom));
            using var copy = cut.Copy();
            var shifted = painted with
            {
                Height = copy.Height,
                Bubbles = [.. painted.Bubbles.Select(b => b with { Fill = new SKRectI(b.Fill.Left, b.Fill.Top - top, b.Fill.Right, b.Fill.Bottom - top) })],
            };
            return new ChatShot(Encode(copy, false), Truth(kind, null, shifted, null));
        }
    }

    /// <summary>Two screenshots of one conversation: the first shows its start, the second is scrolled down and repeats the first's last messages.</summary>
    private static PlannedShot[] Pair(ChatAppStyle style, List<PaintedMessage> messages, string first, string second)
    {
        var counterpart = Counterpart(style, new Random(messages.Count + (int)style.App));
        var firstKind = Kind(first + ".png", style.Name, 3, false, "pair-first", isChat: true);
        var secondKind = Kind(second + ".png", style.Name, 3, false, "pair-second", isChat: true);
        var both = new Lazy<ChatShot[]>(() =>
        {
            // The second shows where the first's painting ended: the two are painted together.
            var top = ChatAppPainter.Paint(style, counterpart, messages, Captured, 3, out var one);
            var shown = top.Bubbles.Count;
            var from = Math.Max(1, shown - 3);
            var bottom = ChatAppPainter.Paint(style, counterpart, messages[from..], Captured, 3, out var two, scrolled: messages[from].Time - messages[from - 1].Time < TimeSpan.FromMinutes(5));
            using (one)
            using (two)
            {
                return
                [
                    new ChatShot(Encode(one, false), Truth(firstKind, counterpart, top, secondKind.Name)),
                    new ChatShot(Encode(two, false), Truth(secondKind, counterpart, bottom, firstKind.Name)),
                ];
            }
        });
        return [new PlannedShot(firstKind, () => both.Value[0]), new PlannedShot(secondKind, () => both.Value[1])];
    }

    /// <summary>A photo of a phone's screen taken by another phone: the screen small, turned and foreshortened, on a dull background, a little blurred.</summary>
    private static PlannedShot Angled(ChatAppStyle style, List<PaintedMessage> messages, string name, float degrees, Random random)
    {
        var counterpart = Counterpart(style, random);
        var grain = SensorGrain(random);
        var kind = Kind(name + ".jpg", "angled", 3, true, "angled", isChat: false);
        return new PlannedShot(kind, () => PaintAngled(kind, style, counterpart, messages, degrees, grain));
    }

    private static ChatShot PaintAngled(ShotKind kind, ChatAppStyle style, string counterpart, List<PaintedMessage> messages, float degrees, sbyte[] grain)
    {
        ChatAppPainter.Paint(style, counterpart, messages, Captured, 3, out var screen);
        using (screen)
        {
            using var photo = new SKBitmap(new SKImageInfo(PhotoWidth, PhotoHeight));
            using var canvas = new SKCanvas(photo);
            canvas.Clear(new SKColor(0x6B, 0x63, 0x5A));
            using var shade = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(PhotoWidth, PhotoHeight), [new SKColor(0x80, 0x78, 0x70), new SKColor(0x3A, 0x35, 0x30)], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, PhotoWidth, PhotoHeight, shade);
            canvas.Translate(600, 800);
            canvas.RotateDegrees(degrees);
            var perspective = SKMatrix.CreateIdentity();
            perspective.Persp0 = 0.00012f;
            perspective.Persp1 = 0.00006f;
            canvas.Concat(perspective);
            canvas.Scale(0.55f);
            canvas.Translate(-screen.Width / 2f, -screen.Height / 2f);
            using var blur = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(1.2f, 1.2f), IsAntialias = true };
            canvas.DrawBitmap(screen, 0, 0, blur);
            canvas.Flush();
            AddSensorNoise(photo, grain);
            return new ChatShot(Encode(photo, true), NotChat(kind));
        }
    }

    /// <summary>The camera's grain of each pixel of a photo, row by row, drawn from the set's random numbers when the set is planned.</summary>
    private static sbyte[] SensorGrain(Random random)
    {
        var grain = new sbyte[PhotoWidth * PhotoHeight];
        for (var i = 0; i < grain.Length; i++)
        {
            grain[i] = (sbyte)(random.Next(-4, 5) + random.Next(-4, 5));
        }

        return grain;
    }

    /// <summary>A camera's light and grain: brighter towards one corner, and every pixel a few levels lighter or darker (<paramref name="grain"/>), as no screenshot is.</summary>
    private static void AddSensorNoise(SKBitmap photo, sbyte[] grain)
    {
        for (var y = 0; y < photo.Height; y++)
        {
            for (var x = 0; x < photo.Width; x++)
            {
                var pixel = photo.GetPixel(x, y);
                var light = (int)((30.0 * x / photo.Width) + (20.0 * y / photo.Height)) - 25;
                var shift = light + grain[(y * photo.Width) + x];
                photo.SetPixel(x, y, new SKColor(Grain(pixel.Red, shift), Grain(pixel.Green, shift), Grain(pixel.Blue, shift)));
            }
        }

        static byte Grain(byte value, int grain) => (byte)Math.Clamp(value + grain, 0, 255);
    }

    private static PlannedShot Landscape(ChatAppStyle style, List<PaintedMessage> messages, string name, Random random)
    {
        var counterpart = Counterpart(style, random);
        var kind = Kind(name + ".png", "landscape", 2, false, "landscape", isChat: false);
        return new PlannedShot(kind, () =>
        {
            ChatAppPainter.Paint(style, counterpart, messages, Captured, 2, out var screen, landscape: true);
            using (screen)
            {
                return new ChatShot(Encode(screen, false), NotChat(kind));
            }
        });
    }

    private static PlannedShot Bill(int width, int height, string name, bool jpeg)
    {
        var kind = Kind(name + (jpeg ? ".jpg" : ".png"), "bill", width / 360, jpeg, "bill", isChat: false);
        return new PlannedShot(kind, () =>
        {
            var png = BillPagePainter.Paint(width, height);
            if (jpeg)
            {
                using var bitmap = SKBitmap.Decode(png);
                png = Encode(bitmap, true);
            }

            return new ChatShot(png, NotChat(kind));
        });
    }

    private static ShotKind Kind(string file, string app, int scale, bool jpeg, string variant, bool isChat) =>
        new(file, app, scale, jpeg ? "jpeg70" : "png", variant, isChat);

    private static ShotTruth NotChat(ShotKind kind) =>
        new(kind.Name, kind.App, kind.Scale, kind.Format, kind.Variant, false, null, Offset(Captured), null, []);

    private static ShotTruth Truth(ShotKind kind, string? counterpart, PaintedChat painted, string? pairWith) =>
        new(
            kind.Name, kind.App, kind.Scale, kind.Format, kind.Variant, true, counterpart, Offset(Captured), pairWith,
            [.. painted.Bubbles.Select(b => new BubbleTruth(
                b.Message.Sent ? "sent" : "received",
                b.Message.Text,
                b.StampAbove is { } stamp ? Offset(stamp) : null,
                Offset(b.Message.Time),
                b.Message.Traditional ? "traditional" : "simplified",
                [b.Fill.Left, b.Fill.Top, b.Fill.Width, b.Fill.Height]))]);

    private static DateTimeOffset Offset(DateTime time) => new(time, TimeSpan.FromHours(8));

    private static byte[] Encode(SKBitmap bitmap, bool jpeg)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, jpeg ? 70 : 100);
        return data.ToArray();
    }

    /// <summary>The text a reader can give back: the painted text without its emoji (pictures, not characters) and spaces.</summary>
    public static string Readable(string text) =>
        string.Concat(text.EnumerateRunes().Where(r => !ChatAppPainter.IsEmoji(r) && !Rune.IsWhiteSpace(r)).Select(r => r.ToString()));
}
