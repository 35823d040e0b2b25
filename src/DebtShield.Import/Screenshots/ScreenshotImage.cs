using System.Globalization;
using System.Runtime.InteropServices;
using DebtShield.Core.Screenshots;
using DebtShield.Import.Resources;
using SkiaSharp;

namespace DebtShield.Import.Screenshots;

/// <summary>
/// A screenshot decoded whole: its size, its format, and the shade under a line of text. Decoding
/// it before OCR is what tells a non-image or a truncated PNG apart from an image without text,
/// so each gets its own message and nothing is stored for either.
/// </summary>
/// <remarks>
/// The pixels are decoded once into a managed array (RGBA, four bytes a pixel, row after row) and
/// every search reads that array: reading a native bitmap pixel by pixel costs a call into Skia for
/// each, which was most of this class's time on a 1080×2400 screenshot.
/// </remarks>
public sealed class ScreenshotImage
{
    private readonly byte[] _rgba;

    private byte[]? _grey;

    private ScreenshotImage(byte[] rgba, int width, int height, string mediaType)
    {
        _rgba = rgba;
        Width = width;
        Height = height;
        MediaType = mediaType;
    }

    /// <summary>Its width in pixels.</summary>
    public int Width { get; }

    /// <summary>Its height in pixels.</summary>
    public int Height { get; }

    /// <summary>
    /// The share of the image its flat fills cover, once <see cref="FindBubbles"/> has looked: its
    /// largest flat region (the page behind the bubbles), and on a picture wallpaper the bubbles' fills too.
    /// </summary>
    public double PageShare { get; private set; } = 1;

    /// <summary>Its media type (<c>image/png</c>…), from its content, not its name.</summary>
    public string MediaType { get; }

    /// <summary>Decodes <paramref name="content"/>.</summary>
    /// <exception cref="ScreenshotException">It is not an image, or it is damaged.</exception>
    public static ScreenshotImage Decode(byte[] content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data) ?? throw new ScreenshotException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Screenshot_NotImage, name));
        var mediaType = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => "image/png",
            SKEncodedImageFormat.Jpeg => "image/jpeg",
            SKEncodedImageFormat.Webp => "image/webp",
            SKEncodedImageFormat.Gif => "image/gif",
            SKEncodedImageFormat.Bmp => "image/bmp",
            _ => throw new ScreenshotException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Screenshot_NotImage, name)),
        };
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = GC.AllocateUninitializedArray<byte>(info.BytesSize, pinned: true);
        var result = codec.GetPixels(info, Marshal.UnsafeAddrOfPinnedArrayElement(rgba, 0));
        if (result != SKCodecResult.Success)
        {
            throw new ScreenshotException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Screenshot_Damaged, name, result));
        }

        return new ScreenshotImage(rgba, info.Width, info.Height, mediaType);
    }

    /// <summary>
    /// The shade a line of text is painted on: the pixels of a frame a few pixels outside its box,
    /// inside the bubble's padding. Colored when most of them are saturated (a sent bubble).
    /// </summary>
    public LineShade ShadeAround(PixelBox box)
    {
        const int Gap = 5;
        var left = Math.Clamp(box.Left - Gap, 0, Width - 1);
        var right = Math.Clamp(box.Right + Gap, 0, Width - 1);
        var top = Math.Clamp(box.Top - Gap, 0, Height - 1);
        var bottom = Math.Clamp(box.Bottom + Gap, 0, Height - 1);
        int colored = 0, all = 0;
        var step = Math.Max(1, (right - left) / 64);
        for (var x = left; x <= right; x += step)
        {
            Count(x, top);
            Count(x, bottom);
        }

        for (var y = top; y <= bottom; y += Math.Max(1, (bottom - top) / 8))
        {
            Count(left, y);
            Count(right, y);
        }

        return all == 0 ? LineShade.Unknown : colored * 2 > all ? LineShade.Colored : LineShade.Neutral;

        void Count(int x, int y)
        {
            all++;
            if (IsColored(Color((y * Width) + x)))
            {
                colored++;
            }
        }
    }

    /// <summary>The chat pane of a desktop app's window, when <see cref="FindBubbles"/> found one there; null for a phone's screen.</summary>
    public ChatPane? Pane { get; private set; }

    /// <summary>
    /// The message bubbles on the image, found from their fills before any text is read: regions of
    /// one flat colour, other than the page's, the size of a bubble (at least a line high, not
    /// touching the sides, not as wide as the screen), with text inside them (pixels far from both the
    /// fill and the page, enclosed by the fill). Avatars and icons are flat but hold no text; the
    /// title and input bars span the screen. Works the same on light and dark themes and on any app's
    /// colours; a photo of a screen has no flat fills and gives none. A desktop app's window is
    /// looked for first (<see cref="Pane"/>): its bubbles are a small share of the image's width, and
    /// only those in its chat pane are the conversation.
    /// </summary>
    public IReadOnlyList<BubbleArea> FindBubbles()
    {
        var regions = FlatRegions();
        Pane = null;
        _pills = [];
        _cutAway = [];
        if (regions.Count == 0)
        {
            return [];
        }

        var cut = new List<PixelBox>();
        if (DesktopWeChat(regions, cut) is { } desktop)
        {
            Pane = desktop.Pane;
            _cutAway = [.. cut];
            return desktop.Bubbles;
        }

        var page = regions.MaxBy(r => r.Count)!;
        cut.Clear();
        if (DesktopPane(regions, page, cut) is { } other)
        {
            Pane = other.Pane;
            _cutAway = [.. cut];
            return other.Bubbles;
        }

        cut.Clear();
        var (bubbles, pills) = Bubbles(regions, page, pane: null, cut);
        var cutOnWallpaper = new List<PixelBox>();
        if ((PageShare < ChatShape.FlatPageAtLeast || bubbles.Count == 0) && WallpaperBubbles(regions, page, cutOnWallpaper) is { Bubbles.Count: > 1 } onWallpaper)
        {
            // No bubble on the largest flat region, or no flat page at all, yet flat bubbles with
            // text: a chat on a picture wallpaper (the largest region may be a long bubble, or the
            // transparent frame a publisher left round a window). A camera's picture of a screen
            // has neither (its grain breaks every fill), and one flat box with text on a picture
            // (a notification's card) is no conversation: two are needed. The fills' share of the
            // image, not the page's, says it is a screenshot.
            bubbles = onWallpaper.Bubbles;
            pills = [];
            cut = cutOnWallpaper;
            PageShare = Math.Max(PageShare, (page.Count + onWallpaper.Pixels) / (double)(Width * Height));
            if (Width > Height && !BarsAcross(regions) && FromBothSides(onWallpaper.Bubbles))
            {
                // A desktop window's messages cut out wide: the picture is the pane.
                Pane = new ChatPane(ChatScreenLayout.Desktop, new PixelBox(0, 0, Width, Height), 0);
            }
        }

        _pills = [.. pills.OrderBy(p => p.Top)];
        _cutAway = bubbles.Count > 0 ? [.. cut] : [];
        return [.. bubbles.Select(b => b.Area)];
    }

    /// <summary>
    /// The bubbles of a chat whose page is a picture (a photo set as the chat's wallpaper): the
    /// regions of a bubble's size and shape holding text, as on a flat page, whose sides look out on
    /// no other solid fill (the bars) but on the picture. At least two are needed to call it a chat.
    /// </summary>
    /// <param name="regions">Every flat region, the one labelled <c>n</c> at <c>n - 1</c>.</param>
    /// <param name="page">The largest of them.</param>
    /// <param name="cut">Gets the boxes of the bubbles cut by a bar (<see cref="Cut"/>), left out.</param>
    /// <returns>The bubbles, top to bottom, and the pixels their fills cover.</returns>
    private (List<(BubbleArea Area, SKColor Fill)> Bubbles, int Pixels) WallpaperBubbles(List<FlatRegion> regions, FlatRegion page, List<PixelBox> cut)
    {
        var found = new List<(BubbleArea Area, SKColor Fill)>();
        var pixels = 0;
        foreach (var region in regions)
        {
            var box = region.Box;
            if (box.Left <= 0 || box.Right >= Width || !(Width > Height ? IsDesktopBubbleSized(box) : IsPhoneBubbleSized(box)) || !OnAPicture(box, regions))
            {
                continue;
            }

            if (Cut(region))
            {
                cut.Add(box);
                continue;
            }

            var interior = Interior(region);
            var ink = interior.Count(i => Distance(Color(i), region.Color) > 60);
            if (region.Count + interior.Count >= 0.8 * box.Width * box.Height && ink >= box.Width * box.Height / 100)
            {
                found.Add(BubbleOf(region));
                pixels += region == page ? 0 : region.Count;
            }
        }

        found.Sort((a, b) => a.Area.Box.Top.CompareTo(b.Area.Box.Top));
        return (found, pixels);
    }

    /// <summary>
    /// True when a solid fill spans the image's width at its top or its bottom: a phone's title or
    /// input bar. A desktop window's messages cut out wide have none; a frame left round them
    /// (transparent, or a shadow) is a ring, not a solid bar.
    /// </summary>
    private bool BarsAcross(List<FlatRegion> regions) =>
        regions.Any(r => r.Box.Width >= Width * 0.9 && (r.Box.Top == 0 || r.Box.Bottom == Height) && r.Count * 2 >= r.Box.Width * r.Box.Height);

    /// <summary>
    /// True when bubbles hang from both sides (one mostly in the left part, one in the right): a
    /// conversation shows both people's. Cards stacked in the middle (a notification over a phone's
    /// wallpaper) are no chat.
    /// </summary>
    private bool FromBothSides(List<(BubbleArea Area, SKColor Fill)> bubbles) =>
        bubbles.Any(b => b.Area.Box.CenterX < Width * 0.4) && bubbles.Any(b => b.Area.Box.CenterX > Width * 0.6);

    /// <summary>
    /// True when <paramref name="box"/> has a desktop bubble's size: at least <see cref="DesktopBubbleAtLeast"/>
    /// each way. A desktop app's bubble is a few percent of a wide window's width high, under a phone's share.
    /// </summary>
    private static bool IsDesktopBubbleSized(PixelBox box) => box.Width >= DesktopBubbleAtLeast && box.Height >= DesktopBubbleAtLeast;

    /// <summary>
    /// True when, down the middle half of <paramref name="box"/>, both sides look out on no solid
    /// fill within a few pixels: a bubble on a picture wallpaper, where a bar or a panel would be a
    /// solid fill beside it.
    /// </summary>
    private bool OnAPicture(PixelBox box, List<FlatRegion> regions)
    {
        return MostlyBothSides(box, NoSolidFill);

        bool NoSolidFill(int x, int y, int step)
        {
            for (var k = 0; k < Reach && x >= 0 && x < Width; k++, x += step)
            {
                var i = (y * Width) + x;
                if (_labels[i] > 0 && regions[_labels[i] - 1] is var other && other.Count * 2 >= other.Box.Width * other.Box.Height && other.Box.Width > box.Width)
                {
                    return false; // a bar or a panel wider than the bubble
                }
            }

            return true;
        }
    }

    /// <summary>
    /// True when the fill of <paramref name="region"/> is cut off at its top or its bottom: it runs
    /// into the image's edge, or both its corners on that side are square where a bubble's are
    /// rounded, or that side is a row as wide as its body against a bar. That is a bubble scrolled
    /// under the title bar or the input bar, whose text is not all on the screen. The bar may be
    /// the page's own colour, so the square corners show it; but WeChat's bubbles point at the
    /// avatar with a tail from one side, which keeps the box's far column empty on the cut row,
    /// so a cut row is also one as wide as the body (the narrowest row of its middle half) with a
    /// solid fill beyond it that is wider than the bubble and not the page round it. A desktop
    /// app's nearly square bubbles have rows that wide too, but the page beyond them.
    /// </summary>
    private bool Cut(FlatRegion region)
    {
        var box = region.Box;
        if (box.Top <= 0 || box.Bottom >= Height)
        {
            return true;
        }

        if (Square(box.Top) || Square(box.Bottom - 1))
        {
            return true;
        }

        var body = int.MaxValue;
        for (var y = box.Top + (box.Height / 4); y < box.Bottom - (box.Height / 4); y++)
        {
            body = Math.Min(body, Span(y));
        }

        return (Span(box.Top) >= body - SquareRowSlack && BarBeyond(box.Top, -1))
            || (Span(box.Bottom - 1) >= body - SquareRowSlack && BarBeyond(box.Bottom - 1, 1));

        bool Square(int y) => Filled(box.Left, y) && Filled(box.Right - 1, y);

        bool Filled(int x, int y) => _labels[(y * Width) + x] == region.Id;

        int Span(int y)
        {
            var row = _labels.AsSpan((y * Width) + box.Left, box.Width);
            var first = row.IndexOf(region.Id);
            return first < 0 ? 0 : row.LastIndexOf(region.Id) - first + 1;
        }

        // Beyond the row (a few pixels on, past a JPEG's ring or a bar's edge), at a quarter, the half and three
        // quarters of the box's width: a solid fill wider than the bubble whose box does not hold it.
        bool BarBeyond(int y, int step)
        {
            var bars = 0;
            for (var q = 1; q <= 3; q++)
            {
                var x = box.Left + (box.Width * q / 4);
                for (var k = 1; k <= BarLooksPast && y + (k * step) >= 0 && y + (k * step) < Height; k++)
                {
                    var label = _labels[((y + (k * step)) * Width) + x];
                    if (label > 0 && label != region.Id)
                    {
                        var other = _regions[label - 1];
                        bars += other.Count * 2 >= other.Box.Width * other.Box.Height && other.Box.Width > box.Width
                            && !(other.Box.Left <= box.Left && other.Box.Right >= box.Right && other.Box.Top <= box.Top && other.Box.Bottom >= box.Bottom) ? 1 : 0;
                        break;
                    }
                }
            }

            return bars >= 2;
        }
    }

    /// <summary>How many rows past a fill's first or last row <see cref="Cut"/> looks for a bar: past a JPEG's ring and a bar's hairline edge.</summary>
    private const int BarLooksPast = 6;

    /// <summary>
    /// How many pixels narrower than its body a fill's first or last row may be and still be cut
    /// square (<see cref="Cut"/>): a JPEG's blocks fray a cut row's ends by a pixel; a bubble's
    /// rounded corner takes several pixels off its first row at every scale a phone shows.
    /// </summary>
    private const int SquareRowSlack = 2;

    /// <summary>
    /// True when <paramref name="box"/> has a phone bubble's size against the screen's width (wider
    /// than a few characters, lower than a line, narrower than the screen less its margins) and is
    /// not an avatar: on a flat page and on a picture wallpaper alike.
    /// </summary>
    private bool IsPhoneBubbleSized(PixelBox box) =>
        box.Width >= Width * 0.07 && box.Height >= Width * 0.06 && box.Width <= Width * 0.85 && !IsAvatar(box);

    /// <summary>A bubble of <paramref name="region"/>'s box, its text read as on a coloured or a neutral fill, with its fill.</summary>
    private static (BubbleArea Area, SKColor Fill) BubbleOf(FlatRegion region) =>
        (new BubbleArea(region.Box, IsColored(region.Color) ? LineShade.Colored : LineShade.Neutral), region.Color);

    /// <summary>
    /// True when <paramref name="box"/> is where a phone chat puts an avatar: roughly square and
    /// wholly within the strip at either side of the screen (<see cref="ChatLayout.AvatarMargin"/>)
    /// that bubbles never reach into far, since they start beside the avatar. A picture avatar has a
    /// flat background and marks on it, which would otherwise pass for a bubble with text.
    /// </summary>
    private bool IsAvatar(PixelBox box) =>
        (box.Right <= Width * ChatLayout.AvatarMargin || box.Left >= Width * (1 - ChatLayout.AvatarMargin))
        && Math.Abs(box.Width - box.Height) <= 0.25 * Math.Max(box.Width, box.Height);

    /// <summary>
    /// The page colour and bubble fills of WeChat for the desktop, light and dark: its chat pane is
    /// F5F5F5 where the phone's page is EDEDED, its bubbles white and green (95EC69, an older green
    /// 9EEA6A), or in the dark theme 2C2C2C and 3EB575 on 1E1E1E; WeChat for Mac's dark theme has a
    /// near-black page (111111) and a softer green (58B26A), as its real screenshots show.
    /// </summary>
    private static readonly (SKColor Page, SKColor[] Fills)[] WeChatDesktopColours =
    [
        (new SKColor(0xF5, 0xF5, 0xF5), [SKColors.White, new SKColor(0x95, 0xEC, 0x69), new SKColor(0x9E, 0xEA, 0x6A)]),
        (new SKColor(0x1E, 0x1E, 0x1E), [new SKColor(0x2C, 0x2C, 0x2C), new SKColor(0x3E, 0xB5, 0x75)]),
        (new SKColor(0x11, 0x11, 0x11), [new SKColor(0x2C, 0x2C, 0x2C), new SKColor(0x58, 0xB2, 0x6A)]),
    ];

    /// <summary>How far (largest channel difference) a desktop pane's page may be from its app's colour: closer than the phone's EDEDED is to F5F5F5.</summary>
    private const int PaneColourTolerance = 3;

    /// <summary>How far a bubble's fill may be from its app's colour: a JPEG's or a screen's colour profile moves it a few levels.</summary>
    private const int FillColourTolerance = 10;

    /// <summary>The least height and width of a desktop bubble in pixels: a one-character bubble at 100% scaling is about 38.</summary>
    private const int DesktopBubbleAtLeast = 20;

    /// <summary>
    /// WeChat for the desktop's chat pane and its bubbles, when the image shows one: the largest
    /// flat region of the desktop's page colour (the message area, bounded by the title's and the
    /// input area's dividers), covering a fair share of the image, on an image that is wide or has
    /// something beside the region at its left (the contact list): a phone's chat is upright and full
    /// width. Its bubbles are those inside it, every one in the app's fills; the title band above it
    /// is as high as one and a half of its smallest bubbles (the title bar is about that: the name sits in its middle).
    /// </summary>
    private (ChatPane Pane, List<BubbleArea> Bubbles)? DesktopWeChat(List<FlatRegion> regions, List<PixelBox> cut)
    {
        foreach (var (pageColour, fills) in WeChatDesktopColours)
        {
            var page = regions.Where(r => Distance(r.Color, pageColour) <= PaneColourTolerance).MaxBy(r => r.Count);
            if (page is null || page.Count < 0.08 * Width * Height || !(Width > Height || page.Box.Left > Width / 10))
            {
                continue;
            }

            cut.Clear();
            var (bubbles, _) = Bubbles(regions, page, page.Box, cut);
            if (bubbles.Count == 0 || bubbles.Any(b => !fills.Any(f => Distance(f, b.Fill) <= FillColourTolerance)))
            {
                continue;
            }

            return (PaneOver(page, bubbles, ChatScreenLayout.WeChatDesktop), [.. bubbles.Select(b => b.Area)]);
        }

        return null;
    }

    /// <summary>
    /// Another desktop app's chat pane (QQ for Windows, a Telegram client), told by what a chat
    /// screen is rather than by an app's colours: the largest flat region (the page) holds bubbles
    /// of a desktop's size, and either stands right of something else (the contact list) or, on a
    /// wide image, runs from its top edge to its bottom one (a crop of the messages alone), or from
    /// under a title bar to the bottom edge with bubbles hanging from both sides (a window cropped
    /// above its input area). A phone turned sideways has its status and title bars above the page
    /// and its input bar below it, so it is no pane and stays refused as landscape.
    /// </summary>
    private (ChatPane Pane, List<BubbleArea> Bubbles)? DesktopPane(List<FlatRegion> regions, FlatRegion page, List<PixelBox> cut)
    {
        var besideAList = page.Box.Left > Width / 10;
        var messagesAlone = Width > Height && page.Box.Top == 0 && page.Box.Bottom == Height;
        var underItsTitle = Width > Height && page.Box.Bottom == Height;
        if (page.Count < 0.08 * Width * Height || !(besideAList || messagesAlone || underItsTitle))
        {
            return null;
        }

        var (bubbles, _) = Bubbles(regions, page, page.Box, cut, otherApp: true);
        if (bubbles.Count == 0 || (underItsTitle && !besideAList && !messagesAlone && !FromBothSides(bubbles)))
        {
            // A window cut below its title bar, its input area cropped away, is known as a chat only
            // by its conversation: bubbles hanging from both sides of the page.
            return null;
        }

        return (PaneOver(page, bubbles, ChatScreenLayout.Desktop), [.. bubbles.Select(b => b.Area)]);
    }

    /// <summary>
    /// The pane whose message area is <paramref name="page"/>'s box, its title band above it as high
    /// as one and a half of its smallest bubbles (the title bar is about that: the name sits in its middle).
    /// </summary>
    private static ChatPane PaneOver(FlatRegion page, List<(BubbleArea Area, SKColor Fill)> bubbles, ChatScreenLayout layout)
    {
        var band = 3 * bubbles.Min(b => b.Area.Box.Height) / 2;
        return new ChatPane(layout, page.Box, Math.Max(0, page.Box.Top - band));
    }

    /// <summary>
    /// The bubbles (and a lender's stamp pills) hanging in <paramref name="page"/>, with their fills'
    /// colours. On a phone's screen a bubble is sized against the image's width; in a desktop
    /// <paramref name="pane"/> it must lie inside the pane and be no narrower or lower than
    /// <see cref="DesktopBubbleAtLeast"/>, and a desktop app prints no pills. A bubble cut by a bar
    /// is left out: its text is not all on the image. In <paramref name="otherApp"/>'s pane (found
    /// by its page alone, often a publisher's crop of the messages) a bubble cut by the crop's edge
    /// is left out too, and one may be as wide as the pane: the crop leaves it no margin.
    /// </summary>
    private (List<(BubbleArea Area, SKColor Fill)> Bubbles, List<PixelBox> Pills) Bubbles(List<FlatRegion> regions, FlatRegion page, PixelBox? pane, List<PixelBox> cut, bool otherApp = false)
    {
        var bubbles = new List<(BubbleArea Area, SKColor Fill)>();
        var pills = new List<PixelBox>();
        foreach (var region in regions)
        {
            var box = region.Box;
            if (region == page || box.Left <= 0 || box.Right >= Width || region.Count < 0.2 * box.Width * box.Height
                || Distance(region.Color, page.Color) <= FlatTolerance)
            {
                continue; // a lender's white bubbles on its F5F5F5 page differ from it by 9 levels: more than a fill's own spread
            }

            var pill = pane is null && IsStampPill(box);
            if (pane is { } inPane)
            {
                if (!IsDesktopBubbleSized(box) || (!otherApp && box.Width > inPane.Width * 0.85)
                    || box.Left < inPane.Left || box.Right > inPane.Right || box.Top < inPane.Top || box.Bottom > inPane.Bottom)
                {
                    continue;
                }
            }
            else if (!pill && !IsPhoneBubbleSized(box))
            {
                continue;
            }

            if (!OnThePage(box, page, regions))
            {
                continue; // a button on the input bar, a badge on the title bar
            }

            if (((pane is null || otherApp) && !pill && Cut(region)) || (pane is not null && (box.Top <= page.Box.Top || box.Bottom >= page.Box.Bottom)))
            {
                // Part of a bubble under the title or the input bar: not the whole message. In a
                // desktop pane the page lies round every whole bubble, so a fill reaching the page's
                // first or last row is cut by what ends the pane there (its edge, a crop's). Its box is kept
                // to clear from the page OCR reads, where its part of a text would stand among the
                // title and the stamps.
                cut.Add(box);
                continue;
            }

            // A fill is a solid shape: with what it encloses (its text) it covers its box but for the
            // rounded corners. Counting the enclosed pixels, not the fill's own, keeps a JPEG's bubble,
            // whose fill breaks up around the text (the green or orange smeared by the compression).
            var interior = Interior(region);
            if (region.Count + interior.Count < 0.8 * box.Width * box.Height)
            {
                continue;
            }

            // A pill's white text is only 51 levels from its grey, and 10 from the page.
            var ink = pill
                ? interior.Count(i => Distance(Color(i), region.Color) > 30)
                : TextInk(box, interior, region.Color, page.Color);
            if (ink < box.Width * box.Height / 100)
            {
                continue;
            }

            if (pill)
            {
                pills.Add(box);
            }
            else
            {
                bubbles.Add(BubbleOf(region));
            }
        }

        bubbles.Sort((a, b) => a.Area.Box.Top.CompareTo(b.Area.Box.Top));
        return (bubbles, pills);
    }

    /// <summary>
    /// How many of a fill's enclosed pixels (<paramref name="interior"/>) are its text's ink: those
    /// far from the fill and from the page, and those of the page's colour within two pixels of one
    /// of them. An enclosed patch of the page's colour is a ring's hole, not text; but dark text on
    /// WeChat's green in a dark theme is the page's own near-black (111111 on 58B26A), where only
    /// the anti-aliased edges of its strokes differ from both, and a lone 1 was too little ink
    /// without its strokes. A stroke is that thin; a hole is wider than its rim.
    /// </summary>
    private int TextInk(PixelBox box, List<int> interior, SKColor fill, SKColor page)
    {
        var edge = new bool[box.Width * box.Height];
        var pageColoured = new List<int>();
        var ink = 0;
        foreach (var i in interior)
        {
            var colour = Color(i);
            if (Distance(colour, fill) <= 60)
            {
                continue;
            }

            if (Distance(colour, page) > 40)
            {
                edge[Local(i)] = true;
                ink++;
            }
            else
            {
                pageColoured.Add(i);
            }
        }

        foreach (var i in pageColoured)
        {
            int x = (i % Width) - box.Left, y = (i / Width) - box.Top;
            for (var d = -2; d <= 2; d++)
            {
                if ((d != 0 && x + d >= 0 && x + d < box.Width && edge[(y * box.Width) + x + d])
                    || (d != 0 && y + d >= 0 && y + d < box.Height && edge[((y + d) * box.Width) + x]))
                {
                    ink++;
                    break;
                }
            }
        }

        return ink;

        int Local(int i) => (((i / Width) - box.Top) * box.Width) + (i % Width) - box.Left;
    }

    /// <summary>
    /// The image as OCR is given it (an <see cref="OcrSheet"/>): a grey image, text dark on white. On
    /// top, the page with its bubbles left white: a pixel is as dark as it stands out from its row's
    /// usual shade (the title bar's, the page's), and flat blocks larger than a character (avatars,
    /// icons) are cleared, so what is left is the title and the stamps. Below it, each bubble cropped
    /// and stacked at the left, one over the other with a margin around each, so that OCR, reading
    /// the sheet as one block, reads each bubble as a block of its own lines, at its own left edge and
    /// line height: read where they stand, bubbles at both sides and stamps between them make one
    /// block with ragged lines, and Tesseract drops characters (款 of 还款) at their ends. Inside a
    /// crop a pixel is as dark as it is far from the bubble's fill towards the text's colour, so dark
    /// text on a light fill, white text on a blue or orange one and light text on a dark theme's fill
    /// all come out dark on white, with their anti-aliased edges kept, and the fill itself (which
    /// Tesseract takes for a picture when it is solid black) comes out white; an emoji's colour stays pale.
    /// One sheet is one Tesseract process: its start and its language data cost more than a bubble's text.
    /// </summary>
    /// <param name="bubbles">The bubbles found.</param>
    /// <param name="onlyBubbles">Leaves the page out: only the crops (for reading some bubbles again).</param>
    /// <param name="scale">How many times enlarged the crops are drawn (with <paramref name="onlyBubbles"/>): small text reads better enlarged.</param>
    public OcrSheet ForOcr(IReadOnlyList<BubbleArea> bubbles, bool onlyBubbles = false, int scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, onlyBubbles ? MostEnlarged : 1);
        ArgumentNullException.ThrowIfNull(bubbles);
        if (_labels.Length == 0)
        {
            FlatRegions();
        }

        var grey = Grey();
        // A margin of about a character's width around each crop: Tesseract wants white around text.
        var margin = Math.Max(8, Width / 36);
        var pageRows = onlyBubbles ? 0 : Height;
        var crops = new List<OcrSheet.Crop>();
        var top = pageRows;
        foreach (var box in bubbles.Select(b => b.Box).Concat(onlyBubbles ? [] : _pills))
        {
            crops.Add(new OcrSheet.Crop(box, margin, top + margin));
            top += box.Height + (2 * margin);
        }

        var image = new byte[Width * top];
        var ink = image.AsSpan();
        ink.Fill(255);
        for (var c = 0; c < crops.Count; c++)
        {
            Normalise(crops[c], grey, ink);
            crops[c] = crops[c] with { Ink = TextRows(ink, crops[c]) };
        }

        if (!onlyBubbles)
        {
            // A cut bubble is cleared, and the avatar strips beside it (its avatar is cut as well):
            // a part of it read among the title and the stamps would be taken for one of them.
            var strip = (int)(Width * ChatLayout.AvatarMargin);
            var inBubble = new bool[grey.Length];
            var cutAway = _cutAway.SelectMany(c => new[] { c, new PixelBox(0, c.Top, strip, c.Height), new PixelBox(Width - strip, c.Top, strip, c.Height) });
            foreach (var area in crops.Select(c => c.Area).Concat(cutAway))
            {
                for (var y = area.Top; y < area.Bottom; y++)
                {
                    inBubble.AsSpan((y * Width) + area.Left, area.Width).Fill(true);
                }
            }

            var flat = LargeFlatBlocks();
            // In a desktop window only the pane is read: the contact list, the window's bars and the
            // desktop around it hold no message, and OCR would spend most of its time on them.
            var (firstRow, endRow, firstColumn, endColumn) = Pane is { } pane
                ? (pane.TitleTop, pane.Messages.Bottom, pane.Messages.Left, pane.Messages.Right)
                : (0, Height, 0, Width);
            for (var y = firstRow; y < endRow; y++)
            {
                var usual = RowShade(y, grey, inBubble);
                for (var x = firstColumn; x < endColumn; x++)
                {
                    var i = (y * Width) + x;
                    if (!inBubble[i] && !flat[i])
                    {
                        // Stands out by more than 16 levels: greyer the more it does, black beyond 136.
                        ink[i] = (byte)(255 - Math.Clamp((Math.Abs(grey[i] - usual) - 16) * 255 / 120, 0, 255));
                    }
                }
            }
        }

        return scale == 1
            ? new OcrSheet(new GreyImage(Width, top, image), pageRows, crops)
            : new OcrSheet(Enlarged(image, Math.Min(Width, crops.Max(c => c.SheetLeft + c.Area.Width) + margin), top, scale), pageRows, crops, scale);
    }

    /// <summary>The most a crop is enlarged for reading again: four times brings 8-pixel text to a size Tesseract reads.</summary>
    public const int MostEnlarged = 4;

    /// <summary>
    /// The first <paramref name="columns"/> columns of a grey sheet <see cref="Width"/> wide and
    /// <paramref name="rows"/> high, <paramref name="scale"/> times larger, each new pixel
    /// interpolated between the four it falls among (bilinear), so strokes stay smooth.
    /// </summary>
    private GreyImage Enlarged(byte[] sheet, int columns, int rows, int scale)
    {
        var (width, height) = (columns * scale, rows * scale);
        var large = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var fy = Math.Max(0, ((y + 0.5) / scale) - 0.5);
            var (y0, dy) = ((int)fy, fy - (int)fy);
            var y1 = Math.Min(rows - 1, y0 + 1);
            for (var x = 0; x < width; x++)
            {
                var fx = Math.Max(0, ((x + 0.5) / scale) - 0.5);
                var (x0, dx) = ((int)fx, fx - (int)fx);
                var x1 = Math.Min(columns - 1, x0 + 1);
                var top = (sheet[(y0 * Width) + x0] * (1 - dx)) + (sheet[(y0 * Width) + x1] * dx);
                var bottom = (sheet[(y1 * Width) + x0] * (1 - dx)) + (sheet[(y1 * Width) + x1] * dx);
                large[(y * width) + x] = (byte)Math.Round((top * (1 - dy)) + (bottom * dy));
            }
        }

        return new GreyImage(width, height, large);
    }

    /// <summary>Writes one bubble's crop into the sheet: as dark as a pixel is far from the fill, towards the text's shade; white outside the rounded fill.</summary>
    private void Normalise(OcrSheet.Crop crop, byte[] grey, Span<byte> ink)
    {
        var box = crop.Area;
        var fill = Median(box, grey);
        // The text's shade is voted on inside the rounded fill and off its emoji only: the page in
        // a box's corners (white around a green bubble) or an emoji's yellow face outnumbers the ink
        // of a short text (56*4, 好的) and would make the text count as lighter than the fill, and so
        // be whitened away with it.
        var exterior = Exterior(box, fill, grey);
        var pictures = Pictures(box);
        int darker = 0, lighter = 0;
        byte darkest = fill, lightest = fill;
        for (var y = box.Top; y < box.Bottom; y++)
        {
            for (var x = box.Left; x < box.Right; x++)
            {
                if (exterior[((y - box.Top) * box.Width) + x - box.Left] || OnPicture(x, y))
                {
                    continue;
                }

                var level = grey[(y * Width) + x];
                darker += level < fill - 40 ? 1 : 0;
                lighter += level > fill + 40 ? 1 : 0;
                darkest = Math.Min(darkest, level);
                lightest = Math.Max(lightest, level);
            }
        }

        var dark = darker >= lighter;
        var range = Math.Max(1, dark ? fill - darkest : lightest - fill);
        for (var y = box.Top; y < box.Bottom; y++)
        {
            var row = ink.Slice(((crop.SheetTop + y - box.Top) * Width) + crop.SheetLeft, box.Width);
            for (var x = box.Left; x < box.Right; x++)
            {
                var i = (y * Width) + x;
                var away = dark ? fill - grey[i] : grey[i] - fill;
                row[x - box.Left] = exterior[((y - box.Top) * box.Width) + x - box.Left] || OnPicture(x, y)
                    ? (byte)255
                    : (byte)(255 - Math.Clamp(away * 255 / range, 0, 255));
            }
        }

        bool OnPicture(int x, int y)
        {
            foreach (var p in pictures)
            {
                if (p.Left <= x && x < p.Right && p.Top <= y && y < p.Bottom)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The rows of text on a crop of the sheet (<paramref name="sheet"/>'s pixels, after the crop was
    /// written), each the extent of its ink on the screenshot: runs of rows holding ink (darker than
    /// mid-grey; an emoji is already white), a run joined to the one above when the gap between them
    /// is under a fifth of the taller's height (the gaps inside 三 or 二, not the space between lines).
    /// </summary>
    private List<PixelBox> TextRows(ReadOnlySpan<byte> sheet, OcrSheet.Crop crop)
    {
        var box = crop.Area;
        var runs = new List<(int Top, int Bottom, int Left, int Right)>();
        for (var y = 0; y < box.Height; y++)
        {
            var row = sheet.Slice(((crop.SheetTop + y) * Width) + crop.SheetLeft, box.Width);
            var left = row.IndexOfAnyInRange((byte)0, (byte)127);
            if (left < 0)
            {
                continue;
            }

            var right = row.LastIndexOfAnyInRange((byte)0, (byte)127) + 1;
            if (runs.Count > 0 && runs[^1] is var last && y - last.Bottom < Math.Max(2, (last.Bottom - last.Top) / 5))
            {
                runs[^1] = (last.Top, y + 1, Math.Min(last.Left, left), Math.Max(last.Right, right));
            }
            else
            {
                runs.Add((y, y + 1, left, right));
            }
        }

        // A run of a pixel or two is a speck of the fill (a JPEG's noise), not a row of text.
        return [.. runs.Where(r => r.Bottom - r.Top > 2).Select(r => new PixelBox(box.Left + r.Left, box.Top + r.Top, r.Right - r.Left, r.Bottom - r.Top))];
    }

    /// <summary>
    /// The emoji in a bubble: runs of columns holding bright, saturated pixels of another hue than the
    /// fill's (a yellow face on a white, grey, green or orange bubble), each with the rows those pixels
    /// span, that fill much of that span (<see cref="PictureDensityAtLeast"/>). Text is seldom such a
    /// colour (it is black, white or grey, or a dark shade of the fill's own hue, and its anti-aliased
    /// edges blend it with the fill, keeping the fill's hue), and when it is (a link's blue, a JPEG's
    /// colour noise around it) it is strokes, not a filled shape. Phones paint an
    /// emoji as a picture; read as text, its eyes and mouth become a stray 》 or ： at the end of the message.
    /// </summary>
    private List<PixelBox> Pictures(PixelBox box)
    {
        var fill = Color((((box.Top + box.Bottom) / 2) * Width) + box.Left + Math.Min(3, box.Width / 8));
        var fillHue = fill.Hue;
        var fillColored = IsColored(fill);
        var columns = new (int Count, int Top, int Bottom)[box.Width];
        for (var y = box.Top; y < box.Bottom; y++)
        {
            for (var x = box.Left; x < box.Right; x++)
            {
                var c = Color((y * Width) + x);
                var max = Math.Max(c.Red, Math.Max(c.Green, c.Blue));
                var min = Math.Min(c.Red, Math.Min(c.Green, c.Blue));
                if (max < 150 || (max - min) / (double)max < 0.45)
                {
                    continue;
                }

                var hueApart = Math.Abs(c.Hue - fillHue);
                if (fillColored && Math.Min(hueApart, 360 - hueApart) < 8)
                {
                    continue;
                }

                ref var column = ref columns[x - box.Left];
                column = column.Count == 0 ? (1, y, y + 1) : (column.Count + 1, column.Top, y + 1);
            }
        }

        var pictures = new List<PixelBox>();
        var smallest = Math.Max(3, Width / 120);
        for (var x = 0; x < columns.Length;)
        {
            if (columns[x].Count < 2)
            {
                x++;
                continue;
            }

            var (start, top, bottom, count) = (x, columns[x].Top, columns[x].Bottom, 0);
            for (; x < columns.Length && columns[x].Count >= 2; x++)
            {
                top = Math.Min(top, columns[x].Top);
                bottom = Math.Max(bottom, columns[x].Bottom);
                count += columns[x].Count;
            }

            if (x - start >= smallest && bottom - top >= smallest && count >= PictureDensityAtLeast * (x - start) * (bottom - top))
            {
                pictures.Add(new PixelBox(box.Left + start - 2, top - 2, x - start + 4, bottom - top + 4));
            }
        }

        return pictures;
    }

    /// <summary>
    /// The least share of an emoji's box its bright, saturated pixels cover: a face or a hand is a
    /// filled shape (about two fifths of its box); a JPEG's colour noise around dark text on a green
    /// fill, and coloured text (a link), are thin strokes spread over their box (a tenth or less),
    /// and whitened as a picture they took whole characters, or a whole bubble, with them.
    /// </summary>
    private const double PictureDensityAtLeast = 0.25;

    /// <summary>
    /// True when <paramref name="box"/> is shaped like the grey pill a lender's chat prints its time
    /// stamps on: centred, less than half the width, lower than a bubble and a line high. Its white
    /// text barely differs from the page around it, so it is read as a crop of its own, like a bubble,
    /// and its lines are then laid out as the stamps they are.
    /// </summary>
    private bool IsStampPill(PixelBox box) =>
        Math.Abs(box.CenterX - (Width / 2.0)) < Width * 0.06 && box.Width < Width / 2 && box.Width > box.Height * 2
        && box.Height >= Width * 0.025 && box.Height < Width * 0.06;

    /// <summary>
    /// True when the page is on both sides of <paramref name="box"/> (down its middle half): bubbles
    /// hang in the page; a button on the input bar or the title bar does not. From each side it looks
    /// outwards, a few pixels at most, past pixels of no solid fill to the first that is of one: the
    /// page (its region, or its colour) says yes, any other solid fill (a bar, an avatar) no. A JPEG
    /// rings along a coloured bubble's edge (a green bubble on WeChat's EDEDED page leaves E6EFEE and
    /// F6EDF2 three pixels out), so the page's own colour may only start a few pixels further on, and
    /// it smooths a white bubble's anti-aliased edge into a ring of one shade, a region of its own
    /// but no solid one; a PNG has the page right beside the fill.
    /// </summary>
    /// <param name="box">The bubble's box.</param>
    /// <param name="page">The page's region.</param>
    /// <param name="regions">Every flat region, the one labelled <c>n</c> at <c>n - 1</c>.</param>
    private bool OnThePage(PixelBox box, FlatRegion page, List<FlatRegion> regions)
    {
        return MostlyBothSides(box, ReachesPage);

        bool ReachesPage(int x, int y, int step)
        {
            for (var k = 0; k < Reach && x >= 0 && x < Width; k++, x += step)
            {
                var i = (y * Width) + x;
                if (_labels[i] == page.Id || Distance(Color(i), page.Color) <= 5)
                {
                    return true;
                }

                if (_labels[i] > 0 && regions[_labels[i] - 1] is var other && other.Count * 2 >= other.Box.Width * other.Box.Height)
                {
                    return false; // another solid fill: the input bar, the title bar
                }
            }

            return false;
        }
    }

    /// <summary>How far out from a bubble's side (in pixels) <see cref="OnThePage"/> and <see cref="OnAPicture"/> look: a few pixels, more on a wide screen.</summary>
    private int Reach => Math.Max(6, Width / 40);

    /// <summary>
    /// True when, down the middle half of <paramref name="box"/>, at least three looks in four from
    /// its two sides pass <paramref name="look"/> (given the first pixel outside, the row and the
    /// step outwards): what a bubble's surroundings are is judged where its sides are straight.
    /// </summary>
    private static bool MostlyBothSides(PixelBox box, Func<int, int, int, bool> look)
    {
        int passed = 0, all = 0;
        for (var y = box.Top + (box.Height / 4); y < box.Bottom - (box.Height / 4); y++)
        {
            all += 2;
            passed += look(box.Left - 1, y, -1) ? 1 : 0;
            passed += look(box.Right, y, 1) ? 1 : 0;
        }

        return passed * 4 >= all * 3;
    }

    /// <summary>How far apart two colours are: the largest difference of a channel.</summary>
    private static int Distance(SKColor a, SKColor b) =>
        Math.Max(Math.Abs(a.Red - b.Red), Math.Max(Math.Abs(a.Green - b.Green), Math.Abs(a.Blue - b.Blue)));

    /// <summary>
    /// True when <paramref name="color"/> is tinted enough to be a sent bubble's fill: WeChat's green
    /// and iOS's blue are far above <see cref="TintedAbove"/>, WeCom's light-blue (C8E8FF to CBE7FF,
    /// a fifth) just above it; a white, grey or black fill, and a JPEG's few levels of drift on one,
    /// far below it. Android Messages' pale blue (D3E3FD, a sixth) stays below: its sent side is
    /// told by position, as before.
    /// </summary>
    private static bool IsColored(SKColor color)
    {
        var max = Math.Max(color.Red, Math.Max(color.Green, color.Blue));
        var min = Math.Min(color.Red, Math.Min(color.Green, color.Blue));
        return max > 40 && (max - min) / (double)max > TintedAbove;
    }

    /// <summary>The saturation (the channels' spread over the brightest) above which a fill is coloured.</summary>
    private const double TintedAbove = 0.19;

    private SKColor Color(int i) => new(_rgba[i * 4], _rgba[(i * 4) + 1], _rgba[(i * 4) + 2]);

    /// <summary>Each pixel's luminance (Rec. 601 weights), computed once.</summary>
    private byte[] Grey()
    {
        if (_grey is null)
        {
            var grey = GC.AllocateUninitializedArray<byte>(Width * Height);
            ReadOnlySpan<byte> rgba = _rgba;
            for (var i = 0; i < grey.Length; i++)
            {
                var p = i * 4;
                grey[i] = (byte)(((rgba[p] * 299) + (rgba[p + 1] * 587) + (rgba[p + 2] * 114)) / 1000);
            }

            _grey = grey;
        }

        return _grey;
    }

    /// <summary>A region of pixels within <see cref="FlatTolerance"/> of its first pixel's colour, joined side to side.</summary>
    private sealed record FlatRegion(int Id, SKColor Color, int Count, PixelBox Box);

    /// <summary>How far (largest channel difference) a pixel may be from a region's colour and still be part of its flat fill: JPEG at quality 70 stays within it.</summary>
    private const int FlatTolerance = 7;

    private int[] _labels = [];

    /// <summary>The regions <see cref="_labels"/> numbers, the one labelled <c>n</c> at <c>n - 1</c> (small ones left out of both).</summary>
    private List<FlatRegion> _regions = [];

    /// <summary>The stamp pills <see cref="FindBubbles"/> found (<see cref="IsStampPill"/>).</summary>
    private PixelBox[] _pills = [];

    /// <summary>The boxes of the bubbles <see cref="FindBubbles"/> left out as cut by a bar or an edge: no message, and nothing of them is read.</summary>
    private PixelBox[] _cutAway = [];

    /// <summary>Every flat region of at least a few hundred pixels (smaller ones are strokes and edges), labelled in <see cref="_labels"/>.</summary>
    private List<FlatRegion> FlatRegions()
    {
        var labels = new int[Width * Height];
        var regions = new List<FlatRegion>();
        var queue = new int[Width * Height];
        ReadOnlySpan<byte> pixels = _rgba;
        var minimum = Width * Width / 2000;
        for (var start = 0; start < labels.Length; start++)
        {
            if (labels[start] != 0 || !Level(start, pixels))
            {
                continue; // a region grows from a pixel inside a fill, never from an anti-aliased edge between two
            }

            var id = regions.Count + 1;
            var (r, g, b) = (pixels[start * 4], pixels[(start * 4) + 1], pixels[(start * 4) + 2]);
            int head = 0, tail = 0, left = Width, right = 0, top = Height, bottom = 0;
            queue[tail++] = start;
            labels[start] = id;
            while (head < tail)
            {
                var i = queue[head++];
                int x = i % Width, y = i / Width;
                left = Math.Min(left, x);
                right = Math.Max(right, x);
                top = Math.Min(top, y);
                bottom = Math.Max(bottom, y);
                if (x > 0)
                {
                    Visit(i - 1, pixels);
                }

                if (x < Width - 1)
                {
                    Visit(i + 1, pixels);
                }

                if (y > 0)
                {
                    Visit(i - Width, pixels);
                }

                if (y < Height - 1)
                {
                    Visit(i + Width, pixels);
                }
            }

            if (tail >= minimum)
            {
                regions.Add(new FlatRegion(id, new SKColor(r, g, b), tail, new PixelBox(left, top, right - left + 1, bottom - top + 1)));
            }
            else
            {
                // Too small to be a fill: give its pixels back (label -1) so they count as nobody's.
                for (var k = 0; k < tail; k++)
                {
                    labels[queue[k]] = -1;
                }
            }

            void Visit(int j, ReadOnlySpan<byte> pixels)
            {
                if (labels[j] == 0 && Math.Abs(pixels[j * 4] - r) <= FlatTolerance && Math.Abs(pixels[(j * 4) + 1] - g) <= FlatTolerance && Math.Abs(pixels[(j * 4) + 2] - b) <= FlatTolerance)
                {
                    labels[j] = id;
                    queue[tail++] = j;
                }
            }
        }

        _labels = labels;
        _regions = regions;
        PageShare = regions.Count == 0 ? 0 : regions.Max(r => r.Count) / (double)labels.Length;
        JoinFragments(regions);
        return regions;
    }

    /// <summary>
    /// Joins the fragments of one fill: a region lying mostly within a larger one's box
    /// (<see cref="MostlyWithin"/>), or a band across the same columns overlapping it
    /// (<see cref="BandColumnsApart"/>), spanning a fair part of it (<see cref="FragmentOfItsFill"/>),
    /// of a colour within twice <see cref="FlatTolerance"/> of it, is part of it. Old iOS WeChat
    /// paints its green bubbles with a vertical gradient, and a JPEG's noise over the gradient
    /// breaks such a fill into interleaved regions, none covering its box; joined, they
    /// make the one fill the bubble is. The page (the largest region) takes nothing in, so its share,
    /// which tells a screenshot from a photograph, is what one flat colour covers. A joined region
    /// keeps its number with no pixel and a count of 0, so that no search takes it for a fill.
    /// </summary>
    private void JoinFragments(List<FlatRegion> regions)
    {
        if (regions.Count < 2)
        {
            return;
        }

        var page = regions.MaxBy(r => r.Count)!;
        var bySize = regions.Where(r => r != page).OrderByDescending(r => r.Count).Select(r => r.Id).ToList();
        var joined = new bool[regions.Count + 1];
        foreach (var id in bySize)
        {
            if (joined[id])
            {
                continue;
            }

            var fill = regions[id - 1];
            foreach (var otherId in bySize)
            {
                var other = regions[otherId - 1];
                var (outer, inner) = (fill.Box, other.Box);
                if (otherId == id || joined[otherId] || other.Count > fill.Count || Distance(other.Color, fill.Color) > 2 * FlatTolerance
                    || (Shared(outer, inner) < MostlyWithin * inner.Width * inner.Height && !Band(outer, inner))
                    || inner.Width * (long)inner.Height * FragmentOfItsFill < outer.Width * (long)outer.Height)
                {
                    continue;
                }

                for (var y = inner.Top; y < inner.Bottom; y++)
                {
                    var row = _labels.AsSpan((y * Width) + inner.Left, inner.Width);
                    row.Replace(otherId, id);
                }

                joined[otherId] = true;
                fill = fill with { Count = fill.Count + other.Count, Box = fill.Box.Union(inner) };
                regions[otherId - 1] = other with { Count = 0 };
            }

            regions[id - 1] = fill;
        }

        // Another band of a vertical gradient: the same columns, rows overlapping (interleaved where they meet).
        static bool Band(PixelBox a, PixelBox b) =>
            Math.Abs(a.Left - b.Left) <= BandColumnsApart && Math.Abs(a.Right - b.Right) <= BandColumnsApart
            && Math.Min(a.Bottom, b.Bottom) > Math.Max(a.Top, b.Top);

        static long Shared(PixelBox a, PixelBox b) =>
            (long)Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left)) * Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top));
    }

    /// <summary>
    /// How many pixels apart the left and the right sides of two bands of one fill may be for
    /// <see cref="JoinFragments"/> to join them though neither lies mostly within the other: a
    /// vertical gradient under a JPEG's noise breaks a bubble into horizontal bands of its full
    /// width (old iOS WeChat's green, 我看得出来你妈挺喜欢我的 in two bands overlapping by 18 of 46 rows), while two
    /// bubbles one above the other never overlap.
    /// </summary>
    private const int BandColumnsApart = 3;

    /// <summary>How much of a fragment's box must lie in a fill's box for <see cref="JoinFragments"/> to join them: the fragments of a noisy fill straddle its box by a few pixels.</summary>
    private const double MostlyWithin = 0.8;

    /// <summary>
    /// How many times larger than a fragment's box its fill's box may be: the fragments of one fill
    /// span much of it, while a bubble in a window's frame, or an icon in a panel, is a small part
    /// of the box of the larger region around it, not a piece of it.
    /// </summary>
    private const int FragmentOfItsFill = 4;

    /// <summary>True when the pixel has the colour of its right and lower neighbours (within one level): inside a fill.</summary>
    private bool Level(int i, ReadOnlySpan<byte> pixels)
    {
        if (i % Width == Width - 1 || i / Width == Height - 1)
        {
            return false;
        }

        for (var c = 0; c < 3; c++)
        {
            var here = pixels[(i * 4) + c];
            if (Math.Abs(here - pixels[((i + 1) * 4) + c]) > 1 || Math.Abs(here - pixels[((i + Width) * 4) + c]) > 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The pixels inside a region's box that are not of it and are enclosed by it (the text), as indexes.</summary>
    private List<int> Interior(FlatRegion region)
    {
        var box = region.Box;
        var outside = Outside(box, i => _labels[i] != region.Id);
        var interior = new List<int>();
        for (var y = box.Top; y < box.Bottom; y++)
        {
            for (var x = box.Left; x < box.Right; x++)
            {
                var i = (y * Width) + x;
                if (_labels[i] != region.Id && !outside[((y - box.Top) * box.Width) + x - box.Left])
                {
                    interior.Add(i);
                }
            }
        }

        return interior;
    }

    /// <summary>The pixels of a bubble's box outside its rounded fill (row by row within the box): those reached from the box's border without crossing a pixel of the fill's shade.</summary>
    private bool[] Exterior(PixelBox box, byte fill, byte[] grey) => Outside(box, i => Math.Abs(grey[i] - fill) > 6);

    /// <summary>
    /// The pixels of <paramref name="box"/> reached from its border through <paramref name="passable"/>
    /// pixels (image indexes given to it), marked row by row within the box.
    /// </summary>
    private bool[] Outside(PixelBox box, Func<int, bool> passable)
    {
        var reached = new bool[box.Width * box.Height];
        var queue = new int[reached.Length];
        int head = 0, tail = 0;
        for (var x = 0; x < box.Width; x++)
        {
            Reach(x, 0);
            Reach(x, box.Height - 1);
        }

        for (var y = 0; y < box.Height; y++)
        {
            Reach(0, y);
            Reach(box.Width - 1, y);
        }

        while (head < tail)
        {
            var k = queue[head++];
            int x = k % box.Width, y = k / box.Width;
            if (x > 0)
            {
                Reach(x - 1, y);
            }

            if (x < box.Width - 1)
            {
                Reach(x + 1, y);
            }

            if (y > 0)
            {
                Reach(x, y - 1);
            }

            if (y < box.Height - 1)
            {
                Reach(x, y + 1);
            }
        }

        return reached;

        void Reach(int x, int y)
        {
            var k = (y * box.Width) + x;
            if (!reached[k] && passable(((box.Top + y) * Width) + box.Left + x))
            {
                reached[k] = true;
                queue[tail++] = k;
            }
        }
    }

    /// <summary>The middle grey level of a box: a bubble's fill, which covers most of it.</summary>
    private byte Median(PixelBox box, byte[] grey)
    {
        Span<int> counts = stackalloc int[256];
        var all = box.Width * box.Height;
        for (var y = box.Top; y < box.Bottom; y++)
        {
            foreach (var level in grey.AsSpan((y * Width) + box.Left, box.Width))
            {
                counts[level]++;
            }
        }

        for (int level = 0, seen = 0; level < 256; level++)
        {
            seen += counts[level];
            if (seen * 2 >= all)
            {
                return (byte)level;
            }
        }

        return 255;
    }

    /// <summary>The most common grey level of a row outside the bubbles: the page's, or the title bar's.</summary>
    private byte RowShade(int y, byte[] grey, bool[] inBubble)
    {
        Span<int> counts = stackalloc int[256];
        for (var x = 0; x < Width; x++)
        {
            var i = (y * Width) + x;
            if (!inBubble[i])
            {
                counts[grey[i]]++;
            }
        }

        var best = 0;
        for (var level = 1; level < 256; level++)
        {
            best = counts[level] > counts[best] ? level : best;
        }

        return (byte)best;
    }

    /// <summary>The pixels of flat regions too large for a stroke of a character (about a fortieth of the width square): avatars, icons, bars.</summary>
    private bool[] LargeFlatBlocks()
    {
        var large = Width * Width / 1600;
        var isLarge = new bool[_regions.Count + 1];
        foreach (var region in _regions)
        {
            isLarge[region.Id] = region.Count >= large;
        }

        var flat = new bool[_labels.Length];
        for (var i = 0; i < flat.Length; i++)
        {
            flat[i] = _labels[i] > 0 && isLarge[_labels[i]];
        }

        return flat;
    }
}
