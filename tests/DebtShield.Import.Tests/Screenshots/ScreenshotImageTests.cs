using DebtShield.Core.Screenshots;
using DebtShield.Import.Screenshots;
using DebtShield.Tests.Screenshots;
using SkiaSharp;

namespace DebtShield.Import.Tests.Screenshots;

/// <summary>Finds the bubbles of issue 24's painted screenshots from their fills, before any OCR.</summary>
public sealed class ScreenshotImageTests
{
    [Fact]
    public void FindBubbles_JpegAtQuality70_FindsEveryPaintedBubbleColouredOnesIncluded()
    {
        // Given every app's chat saved as JPEG at quality 70: the compression rings along a green,
        // blue or dark sent bubble's edge, so the page's own colour starts a few pixels out.
        var shots = ChatShotSet.Choose(k => k.IsChat && k.Format == "jpeg70").ToList();
        Assert.True(shots.Count >= 7, $"{shots.Count} JPEG chats");

        foreach (var shot in shots)
        {
            var image = ScreenshotImage.Decode(shot.Image, shot.Truth.Name);

            var found = image.FindBubbles();

            // Then each painted bubble is found once, where it was painted, on its side's shade.
            var painted = shot.Truth.Bubbles.Select(b => (b.Side, Box: new PixelBox(b.Box[0], b.Box[1], b.Box[2], b.Box[3]))).ToList();
            Assert.Equal(painted.Select(p => $"{p.Side} at {p.Box.Top}"), painted.Where(p => found.Count(f => Overlaps(f.Box, p.Box)) == 1).Select(p => $"{p.Side} at {p.Box.Top}"));
            Assert.Equal(painted.Count, found.Count);
        }
    }

    [Fact]
    public void FindBubbles_DesktopWeChat_FindsEveryBubbleOfThePaneAndNothingOfTheContactList()
    {
        // Given WeChat for the desktop, wide, light and dark, maximised or not, a group, a crop
        // (and a crop of WeChat for Mac's dark theme): its bubbles are a few percent of the width
        // high, smaller than a phone's
        var shots = ChatShotSet.Choose(k => k.App.StartsWith("wechat-desktop", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, shots.Count);

        foreach (var shot in shots)
        {
            var image = ScreenshotImage.Decode(shot.Image, shot.Truth.Name);

            var found = image.FindBubbles();

            // Then each painted bubble is found once, and nothing else is.
            var painted = shot.Truth.Bubbles.Select(b => (b.Side, Box: new PixelBox(b.Box[0], b.Box[1], b.Box[2], b.Box[3]))).ToList();
            Assert.True(painted.Count >= 4, $"{shot.Truth.Name}: {painted.Count} bubbles painted");
            Assert.Equal(painted.Select(p => $"{shot.Truth.Variant} {p.Side} at {p.Box.Top}"), painted.Where(p => found.Count(f => Overlaps(f.Box, p.Box)) == 1).Select(p => $"{shot.Truth.Variant} {p.Side} at {p.Box.Top}"));
            Assert.Equal(painted.Count, found.Count);
            Assert.Equal(ChatScreenLayout.WeChatDesktop, image.Pane?.Layout);
        }
    }

    [Theory]
    [InlineData(false, 1.25f, false)]
    [InlineData(true, 1.5f, false)]
    [InlineData(false, 1.25f, true)]
    public void FindBubbles_DesktopWeChatWindow_ThePaneIsTheMessageAreaRightOfTheContactList(bool dark, float scale, bool onWallpaper)
    {
        // Given a desktop window, maximised or on a wallpaper with a task bar
        var style = dark ? DesktopWeChatStyle.DarkTheme : DesktopWeChatStyle.Light;
        PaintedMessage[] messages =
        [
            new(false, "您好，您的借款已逾期。", new DateTime(2026, 11, 7, 20, 1, 0, DateTimeKind.Unspecified)),
            new(true, "我会尽快处理。", new DateTime(2026, 11, 7, 20, 2, 0, DateTimeKind.Unspecified)),
        ];
        DesktopWeChatPainter.Paint(style, "李专员", [], messages, new DateTime(2026, 11, 7, 21, 0, 0, DateTimeKind.Unspecified), scale, (1000, 640), onWallpaper ? (1280, 760) : null, out var bitmap, out var painted);
        byte[] png;
        using (bitmap)
        using (var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100))
        {
            png = data.ToArray();
        }

        var image = ScreenshotImage.Decode(png, "desktop.png");
        image.FindBubbles();

        // Then the pane is the message area to within a pixel or two, its title band starts within the window
        var pane = Assert.IsType<ChatPane>(image.Pane);
        Assert.Equal(ChatScreenLayout.WeChatDesktop, pane.Layout);
        Assert.InRange(pane.Messages.Left - painted.Messages.Left, -2, 2);
        Assert.InRange(pane.Messages.Right - painted.Messages.Right, -2, 2);
        Assert.InRange(pane.Messages.Top - painted.Messages.Top, -2, 2);
        Assert.InRange(pane.Messages.Bottom - painted.Messages.Bottom, -2, 2);
        Assert.InRange(pane.TitleTop, painted.Window.Top, painted.Messages.Top - (40 * scale));
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(2f)]
    public void FindBubbles_MacDarkThemeCroppedToItsMessages_FindsEachBubbleInAPane(float scale)
    {
        // Given WeChat for Mac in its dark theme (page 111111, fills 2C2C2C and 58B26A), cut to
        // its message area as a publisher crops it: no contact list, no title, bubbles about 38
        // points high, far under the share of the width a phone's bubble has
        PaintedMessage[] messages =
        [
            new(true, "设置每天提醒任务", new DateTime(2026, 11, 7, 20, 1, 0, DateTimeKind.Unspecified)),
            new(false, "请问需要提醒什么呢？", new DateTime(2026, 11, 7, 20, 1, 30, DateTimeKind.Unspecified)),
            new(true, "还款", new DateTime(2026, 11, 7, 20, 2, 0, DateTimeKind.Unspecified)),
            new(false, "已为您设置每天的提醒任务：还款", new DateTime(2026, 11, 7, 20, 2, 30, DateTimeKind.Unspecified)),
        ];
        var png = PaintMacDarkMessages(messages, scale, out var boxes);

        var image = ScreenshotImage.Decode(png, "mac-dark.png");
        var found = image.FindBubbles();

        // Then each painted bubble is found once, in a desktop pane
        Assert.Equal(boxes.Count, found.Count);
        Assert.All(boxes, box => Assert.Single(found, f => Overlaps(f.Box, box)));
        Assert.Equal(ChatScreenLayout.WeChatDesktop, image.Pane?.Layout);
    }

    [Fact]
    public void FindBubbles_MacDarkThemesSentBubbleOfOneDigit_IsFoundThoughItsTextIsThePagesColour()
    {
        // Given WeChat for Mac in its dark theme cut to its messages, a sent bubble holding only
        // "1": its text is the page's near-black (111111) on the green, so only the anti-aliased
        // edges of one thin stroke differ from both the fill and the page
        PaintedMessage[] messages =
        [
            new(false, "请选择水果：", new DateTime(2026, 11, 7, 20, 1, 0, DateTimeKind.Unspecified)),
            new(true, "1", new DateTime(2026, 11, 7, 20, 1, 30, DateTimeKind.Unspecified)),
            new(false, "你选择了苹果", new DateTime(2026, 11, 7, 20, 2, 0, DateTimeKind.Unspecified)),
        ];
        var png = PaintMacDarkMessages(messages, 2f, out var boxes);

        var found = ScreenshotImage.Decode(png, "mac-dark-one.png").FindBubbles();

        // Then the one-digit bubble is found with the others.
        Assert.All(boxes, box => Assert.Single(found, f => Overlaps(f.Box, box)));
    }

    [Fact]
    public void FindBubbles_ABubbleRunningToTheLastRowOfADesktopPane_IsLeftOutAsCut()
    {
        // Given WeChat for Mac's dark messages cut out wide, the last received bubble running down
        // to the crop's last row but one (a row of another shade under it, as a publisher's crop
        // leaves the window's edge): its rounded corners are below the picture
        var png = Paint(1200, 600, new SKColor(0x11, 0x11, 0x11), canvas =>
        {
            PaintLine(canvas, new SKRect(1000, 20, 1160, 80), new SKColor(0x58, 0xB2, 0x6A), new SKColor(0x11, 0x11, 0x11), "设置提醒");
            PaintLine(canvas, new SKRect(60, 150, 420, 210), new SKColor(0x2C, 0x2C, 0x2C), new SKColor(0xD5, 0xD5, 0xD5), "请问需要提醒什么呢");
            PaintLine(canvas, new SKRect(60, 480, 700, 640), new SKColor(0x2C, 0x2C, 0x2C), new SKColor(0xD5, 0xD5, 0xD5), "城市：北京市");
            using var edge = new SKPaint { Color = new SKColor(0x24, 0x24, 0x24) };
            canvas.DrawRect(0, 599, 1200, 1, edge);
        });

        var found = ScreenshotImage.Decode(png, "cut-pane.png").FindBubbles();

        // Then the two whole bubbles are found and the cut one is not.
        Assert.Equal(2, found.Count);
        Assert.DoesNotContain(found, f => f.Box.Bottom > 560);
    }

    [Fact]
    public void FindBubbles_AnotherDesktopAppsMessagesCroppedWide_FindsTheWholeBubblesInADesktopPane()
    {
        // Given a desktop app's messages cut out wide, in no app's colours that are known (a blue
        // sent fill with white text, a white received one on a pale grey page that runs from the
        // top edge to the bottom one), a sent bubble cut by the crop's lower edge
        var png = Paint(960, 540, new SKColor(0xF5, 0xF6, 0xF7), canvas =>
        {
            PaintLine(canvas, new SKRect(820, 20, 940, 80), new SKColor(0x1E, 0x6E, 0xFF), SKColors.White, "签到");
            PaintLine(canvas, new SKRect(80, 140, 520, 200), SKColors.White, SKColors.Black, "已经签到过啦");
            PaintLine(canvas, new SKRect(760, 500, 940, 580), new SKColor(0x1E, 0x6E, 0xFF), SKColors.White, "我的");
        });

        var image = ScreenshotImage.Decode(png, "wide.png");
        var found = image.FindBubbles();

        // Then the two whole bubbles are found, in a desktop pane over the whole crop (so it is no
        // landscape phone), and the cut one is left out.
        Assert.Equal(2, found.Count);
        Assert.True(Overlaps(found[0].Box, new PixelBox(820, 20, 120, 60)), $"{found[0].Box}");
        Assert.True(Overlaps(found[1].Box, new PixelBox(80, 140, 440, 60)), $"{found[1].Box}");
        Assert.Equal(ChatScreenLayout.Desktop, image.Pane?.Layout);
        Assert.Equal(new PixelBox(0, 0, 960, 540), image.Pane!.Messages);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FindBubbles_AWindowCutBelowItsTitleBarAboveItsInputArea_IsADesktopPaneOnlyWithBubblesFromBothSides(bool bothSides)
    {
        // Given a desktop window cropped wide: a white title bar across the top, and the page below
        // it running to the bottom edge (the input area cut away), in no known app's colours; a
        // received bubble at the left and a sent one at the right, or both at the left (a list)
        var png = Paint(960, 540, new SKColor(0xF5, 0xF6, 0xF7), canvas =>
        {
            using var bar = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(0, 0, 960, 60, bar);
            PaintLine(canvas, new SKRect(80, 120, 520, 180), SKColors.White, SKColors.Black, "已经签到过啦");
            var sent = bothSides ? new SKRect(760, 240, 900, 300) : new SKRect(80, 240, 220, 300);
            PaintLine(canvas, sent, new SKColor(0x1E, 0x6E, 0xFF), SKColors.White, "签到");
        });

        var image = ScreenshotImage.Decode(png, "window.png");
        var found = image.FindBubbles();

        // Then a conversation makes it a desktop pane under the title (no landscape phone); two
        // boxes down one side do not.
        if (bothSides)
        {
            Assert.Equal(2, found.Count);
            Assert.Equal(ChatScreenLayout.Desktop, image.Pane?.Layout);
            Assert.Equal(60, image.Pane!.Messages.Top);
        }
        else
        {
            Assert.Null(image.Pane);
        }
    }

    [Fact]
    public void FindBubbles_ADesktopChatsMessagesCutOutWideOverAPicture_FindsItsBubblesInADesktopPane()
    {
        // Given a desktop client's messages over a photo wallpaper, cut out wide: a long received
        // bubble, the largest flat region of the image, and a short sent one in a pale green, both
        // lower than a phone's bubble is against such a width
        var png = Paint(640, 360, null, canvas =>
        {
            PaintLine(canvas, new SKRect(20, 30, 320, 150), SKColors.White, SKColors.Black, "深圳天气预报");
            PaintLine(canvas, new SKRect(440, 300, 620, 340), new SKColor(0xEF, 0xFD, 0xDE), SKColors.Black, "你是谁");
        });

        var image = ScreenshotImage.Decode(png, "wallpaper-wide.png");
        var found = image.FindBubbles();

        // Then both are bubbles, in a pane over the whole picture, and its fills make it a screenshot.
        Assert.Equal(2, found.Count);
        Assert.True(Overlaps(found[0].Box, new PixelBox(20, 30, 300, 120)), $"{found[0].Box}");
        Assert.True(Overlaps(found[1].Box, new PixelBox(440, 300, 180, 40)), $"{found[1].Box}");
        Assert.Equal(ChatScreenLayout.Desktop, image.Pane?.Layout);
        Assert.True(image.PageShare >= ChatShape.FlatPageAtLeast, $"{image.PageShare}");
    }

    [Fact]
    public void FindBubbles_TwoCentredCardsOverAPictureCutOutWide_NoDesktopPane()
    {
        // Given two flat cards with text over a picture, cut out wide, both in the middle (a
        // notification and a banner), with no bubble hanging from either side
        var png = Paint(640, 360, null, canvas =>
        {
            PaintLine(canvas, new SKRect(120, 20, 520, 100), new SKColor(0x22, 0x22, 0x22), SKColors.White, "通知中心");
            PaintLine(canvas, new SKRect(30, 150, 610, 300), new SKColor(0x22, 0x22, 0x22), SKColors.White, "您的验证码为111111");
        });

        var image = ScreenshotImage.Decode(png, "notification.png");
        image.FindBubbles();

        // Then it is no desktop chat's pane (a conversation hangs from both sides), and stays landscape.
        Assert.Null(image.Pane);
    }

    [Fact]
    public void FindBubbles_WideImagesThatAreNoDesktopWindow_NoPane()
    {
        // Given a phone's chat turned sideways (WeChat's phone page, iOS) and a wide bill page
        var shots = ChatShotSet.Choose(k => k.Variant == "landscape" || (k.Variant == "bill" && k.Scale == 4)).ToList();
        Assert.Equal(3, shots.Count);

        foreach (var shot in shots)
        {
            var image = ScreenshotImage.Decode(shot.Image, shot.Truth.Name);
            Assert.True(image.Width > image.Height);

            image.FindBubbles();

            // Then no desktop pane is found: they are read as a phone's screen, and refused as landscape.
            Assert.Null(image.Pane);
        }
    }

    [Fact]
    public void ForOcr_ShortDarkTextOnAGreenFillWithRoundCorners_KeepsItsInkThoughThePageInTheCornersOutnumbersIt()
    {
        // Given WeChat's green sent bubble, rounded as on a phone, holding one short sum (its ink
        // fewer pixels than the light page left in the box's corners)
        var png = PaintPhone(SKColors.White, canvas =>
        {
            using var fill = new SKPaint { Color = new SKColor(0x95, 0xEC, 0x69), IsAntialias = true };
            canvas.DrawRoundRect(700, 800, 220, 110, 36, 36, fill);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var font = new SKFont(Cjk, 46);
            canvas.DrawText("1", 740, 870, SKTextAlign.Left, font, ink);
        });
        var image = ScreenshotImage.Decode(png, "green.png");
        var bubble = Assert.Single(image.FindBubbles());

        var crop = Assert.Single(image.ForOcr([bubble]).Crops);

        // Then its text counts as darker than the fill and is kept as ink to read, not whitened with the fill.
        var row = Assert.Single(crop.Ink ?? []);
        Assert.InRange(row.Left, 730, 750);
    }

    [Fact]
    public void ForOcr_ColourNoiseAroundDarkTextOnAGreenFill_KeepsTheTextAndLeavesTheEmojiOut()
    {
        // Given WeChat's dark theme: black text on the green sent fill, an emoji (a yellow face)
        // after it, and bright greens of a slightly other hue speckled above and below every
        // stroke, as a JPEG's colour noise leaves them (a row of pixels over it and one under it)
        using var bitmap = new SKBitmap(1080, 2400);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x10, 0x10, 0x10));
            using var fill = new SKPaint { Color = new SKColor(0x4E, 0xB3, 0x67), IsAntialias = true };
            canvas.DrawRoundRect(200, 800, 780, 120, 14, 14, fill);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var font = new SKFont(Cjk, 46);
            canvas.DrawText("投研帮港股打新", 230, 870, SKTextAlign.Left, font, ink);
            using var face = new SKPaint { Color = new SKColor(0xFF, 0xC8, 0x1E), IsAntialias = true };
            canvas.DrawCircle(600, 855, 22, face);
        }

        for (var x = 230; x < 550; x++)
        {
            bitmap.SetPixel(x, 828, new SKColor(0x40, 0xD0, 0x90));
            bitmap.SetPixel(x, 878, new SKColor(0x40, 0xD0, 0x90));
        }

        byte[] png;
        using (var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100))
        {
            png = data.ToArray();
        }

        var image = ScreenshotImage.Decode(png, "speckled.png");
        var bubble = Assert.Single(image.FindBubbles());

        var crop = Assert.Single(image.ForOcr([bubble]).Crops);

        // Then the text is ink to read from its first character to its last: the speckles, thin
        // and spread out, are not taken for a picture and whitened with the strokes; the emoji, a
        // filled shape, is.
        var row = Assert.Single(crop.Ink ?? []);
        Assert.InRange(row.Left, 225, 245);
        Assert.InRange(row.Right, 540, 575);
    }

    [Fact]
    public void FindBubbles_PictureAvatarBesideABubble_FindsTheBubbleAlone()
    {
        // Given a phone chat whose avatar is a picture (a flat background with marks on it, like
        // the cartoons and photos of real avatars) beside a one-line bubble
        var png = PaintPhone(SKColors.White, canvas =>
        {
            PaintAvatar(canvas, 30, 500);
            PaintBubble(canvas, 160, 500, 520, 110, SKColors.White, "今天下午还款");
        });

        var found = ScreenshotImage.Decode(png, "avatar.png").FindBubbles();

        // Then the bubble is found and the avatar, wholly in the side strip and square, is not.
        var bubble = Assert.Single(found);
        Assert.True(Overlaps(bubble.Box, new PixelBox(160, 500, 520, 110)), $"{bubble.Box}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FindBubbles_ABubbleCutByTheTitleOrTheInputBar_IsLeftOutAndTheWholeOneFound(bool underTheTitle)
    {
        // Given a bubble scrolled half under a bar (the title bar in the page's own colour, or the
        // input bar), its cut side square, and a whole bubble in the middle
        var png = PaintPhone(SKColors.White, canvas =>
        {
            PaintBubble(canvas, 160, 1000, 520, 110, SKColors.White, "这条是完整的");
            if (underTheTitle)
            {
                PaintBubble(canvas, 160, 200, 620, 200, SKColors.White, "一条长消息的第一行\n一条长消息的第二行");
                using var title = new SKPaint { Color = new SKColor(0xED, 0xED, 0xED) };
                canvas.DrawRect(0, 0, 1080, 250, title);
            }
            else
            {
                PaintBubble(canvas, 160, 2150, 620, 200, SKColors.White, "一条长消息的第一行\n一条长消息的第二行");
                using var bar = new SKPaint { Color = new SKColor(0xF7, 0xF7, 0xF7) };
                canvas.DrawRect(0, 2230, 1080, 170, bar);
            }
        });

        var found = ScreenshotImage.Decode(png, "cut.png").FindBubbles();

        // Then only the whole bubble is a message's bubble: the cut one's text is not all there.
        var bubble = Assert.Single(found);
        Assert.True(Overlaps(bubble.Box, new PixelBox(160, 1000, 520, 110)), $"{bubble.Box}");
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void FindBubbles_ACutBubbleWithATailTowardsItsAvatar_IsLeftOut(bool underTheTitle, bool onAPicture)
    {
        // Given WeChat's bubbles with the tail that points at the avatar (a sent one's at its
        // right, a received one's at its left), on a flat page or a picture wallpaper: a sent one
        // scrolled half under the title bar, or a received one under the input bar, and two whole
        // ones in the middle. The cut row is square, but the tail keeps the box's far column empty there.
        var png = PaintPhone(onAPicture ? null : SKColors.White, canvas =>
        {
            PaintBubble(canvas, 160, 1000, 520, 110, SKColors.White, "这条是完整的", tailLeft: true);
            PaintBubble(canvas, 400, 1300, 520, 110, new SKColor(0x95, 0xEC, 0x69), "我没接到你电话", tailLeft: false);
            if (underTheTitle)
            {
                PaintBubble(canvas, 300, 200, 620, 200, new SKColor(0x95, 0xEC, 0x69), "罚你一分钟后给我打电话\n说你错了说一百遍", tailLeft: false);
            }
            else
            {
                PaintBubble(canvas, 160, 2150, 620, 200, SKColors.White, "一条长消息的第一行\n一条长消息的第二行", tailLeft: true);
            }

            using var bar = new SKPaint { Color = new SKColor(0xF7, 0xF7, 0xF7) };
            canvas.DrawRect(0, 0, 1080, 250, bar);
            canvas.DrawRect(0, 2230, 1080, 170, bar);
        });

        var found = ScreenshotImage.Decode(png, "cut-tail.png").FindBubbles();

        // Then only the whole bubbles are messages' bubbles.
        Assert.Equal(2, found.Count);
        Assert.True(Overlaps(found[0].Box, new PixelBox(160, 1000, 520, 110)), $"{found[0].Box}");
        Assert.True(Overlaps(found[1].Box, new PixelBox(400, 1300, 520, 110)), $"{found[1].Box}");
    }

    [Fact]
    public void FindBubbles_AChatOnAPictureWallpaper_FindsItsBubblesAndCountsTheirFillsAsFlat()
    {
        // Given a chat whose page is a picture (no flat page anywhere), with three flat bubbles
        var png = PaintPhone(null, canvas =>
        {
            PaintBubble(canvas, 160, 500, 520, 110, SKColors.White, "提醒设置好了");
            PaintBubble(canvas, 400, 800, 520, 110, new SKColor(0x95, 0xEC, 0x69), "我没接到你电话");
            PaintBubble(canvas, 160, 1100, 600, 110, SKColors.White, "夫人，这次真的设置好了");
        });

        var image = ScreenshotImage.Decode(png, "wallpaper.png");
        var found = image.FindBubbles();

        // Then the three are found, and the flat share is enough for a screenshot, not a photo.
        Assert.Equal(3, found.Count);
        Assert.True(image.PageShare >= ChatShape.FlatPageAtLeast, $"{image.PageShare}");
    }

    [Fact]
    public void FindBubbles_AGrainyPictureWithoutFlatFills_FindsNoBubbleAndNoFlatPage()
    {
        // Given a picture with grain everywhere, as a camera's photo of a screen has
        var png = PaintPhone(null, canvas => { }, bars: false);

        var image = ScreenshotImage.Decode(png, "grain.png");

        // Then nothing is a bubble, and it stays a photograph.
        Assert.Empty(image.FindBubbles());
        Assert.True(image.PageShare < ChatShape.FlatPageAtLeast, $"{image.PageShare}");
    }

    [Fact]
    public void FindBubbles_AFillBrokenIntoInterleavedRegionsOfNearColours_IsOneBubble()
    {
        // Given a green bubble whose fill is two near greens interleaved (12 levels apart: more than
        // one flat region allows, as a JPEG's noise over old iOS WeChat's gradient leaves it): two
        // combs, one of each green, from the left and the right edge, their teeth in each other's gaps
        var png = PaintPhone(SKColors.White, canvas => PaintInTwoGreens(canvas, (rect, other) =>
        {
            canvas.DrawRect(rect.Right - 24, rect.Top, 24, rect.Height, other);
            for (var y = rect.Top + 8; y < rect.Bottom; y += 16)
            {
                canvas.DrawRect(rect.Left + 24, y, rect.Width - 24, 8, other);
            }
        }));

        var found = ScreenshotImage.Decode(png, "gradient.png").FindBubbles();

        // Then the regions are joined into one fill, and it is one coloured bubble.
        var bubble = Assert.Single(found);
        Assert.True(Overlaps(bubble.Box, new PixelBox(400, 800, 520, 160)), $"{bubble.Box}");
        Assert.Equal(LineShade.Colored, bubble.Shade);
    }

    [Fact]
    public void FindBubbles_AFillInTwoBandsOfNearColoursOverlappingInTheMiddle_IsOneBubble()
    {
        // Given a green bubble in two bands of near greens (12 levels apart), as a JPEG's noise
        // over old iOS WeChat's vertical gradient leaves it: the upper green down to two thirds of
        // its height, the lower from a third, the two interleaved in thin stripes between, so
        // that each band's box holds much of the other's and neither lies mostly within the other
        var png = PaintPhone(SKColors.White, canvas => PaintInTwoGreens(canvas, (rect, lower) =>
        {
            canvas.DrawRect(rect.Left, 907, rect.Width, rect.Bottom - 907, lower);
            for (var x = rect.Left; x < rect.Right; x += 4)
            {
                canvas.DrawRect(x, 853, 2, 54, lower);
            }
        }));

        var found = ScreenshotImage.Decode(png, "bands.png").FindBubbles();

        // Then the two bands, spanning the same columns, are joined into one fill: one bubble, as high as the fill.
        var bubble = Assert.Single(found);
        Assert.InRange(bubble.Box.Top, 795, 805);
        Assert.InRange(bubble.Box.Bottom, 955, 965);
    }

    [Theory]
    [InlineData(0xC8, 0xE8, 0xFF, LineShade.Colored)]
    [InlineData(0x95, 0xEC, 0x69, LineShade.Colored)]
    [InlineData(0xFF, 0xFF, 0xFF, LineShade.Neutral)]
    [InlineData(0xE2, 0xE7, 0xEE, LineShade.Neutral)]
    [InlineData(0xD3, 0xE3, 0xFD, LineShade.Neutral)]
    public void FindBubbles_AFillsTint_TellsColouredFromNeutral(byte red, byte green, byte blue, LineShade expected)
    {
        // Given a bubble in WeCom's light-blue sent fill, WeChat's green, a white, or Android
        // Messages' pale grey or pale blue
        var png = PaintPhone(SKColors.White, canvas =>
            PaintBubble(canvas, 300, 800, 560, 110, new SKColor(red, green, blue), "好的，收到"));

        var found = ScreenshotImage.Decode(png, "tint.png").FindBubbles();

        // Then WeCom's light blue, a fifth saturated, is coloured like any sent fill; the white, the
        // grey and Android's pale blue (a sixth) are not, and their sides are told by position.
        Assert.Equal(expected, Assert.Single(found).Shade);
    }

    /// <summary>
    /// WeChat for Mac's dark theme with <paramref name="messages"/>, cut to its message area as a
    /// publisher crops it, as a PNG; <paramref name="bubbles"/> gets each bubble's fill on the crop.
    /// </summary>
    private static byte[] PaintMacDarkMessages(PaintedMessage[] messages, float scale, out List<PixelBox> bubbles)
    {
        var painted = DesktopWeChatPainter.Paint(DesktopWeChatStyle.MacDark, "Q宝", [], messages, new DateTime(2026, 11, 7, 21, 0, 0, DateTimeKind.Unspecified), scale, (1000, 640), null, out var bitmap, out var pane);
        bubbles = [.. painted.Bubbles.Select(b => new PixelBox(b.Fill.Left - pane.Messages.Left, b.Fill.Top - pane.Messages.Top, b.Fill.Width, b.Fill.Height))];
        using (bitmap)
        {
            using var cut = new SKBitmap(pane.Messages.Width, pane.Messages.Height);
            bitmap.ExtractSubset(cut, pane.Messages);
            using var copy = cut.Copy();
            using var data = SKImage.FromBitmap(copy).Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }
    }

    /// <summary>
    /// A 1080×2400 phone chat: the page in WeChat's EDEDED, or (<paramref name="page"/> null) a
    /// picture of coloured grain; a title bar and an input bar unless <paramref name="bars"/> is false.
    /// </summary>
    private static byte[] PaintPhone(SKColor? page, Action<SKCanvas> paint, bool bars = true)
    {
        using var bitmap = new SKBitmap(1080, 2400);
        using (var canvas = new SKCanvas(bitmap))
        {
            if (page is null)
            {
                PaintGrain(canvas, 1080, 2400);
            }
            else
            {
                canvas.Clear(new SKColor(0xED, 0xED, 0xED));
            }

            if (bars)
            {
                using var bar = new SKPaint { Color = new SKColor(0xF7, 0xF7, 0xF7) };
                canvas.DrawRect(0, 0, 1080, 250, bar);
                canvas.DrawRect(0, 2230, 1080, 170, bar);
            }

            paint(canvas);
        }

        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Coloured grain in 6-pixel squares over <paramref name="width"/>×<paramref name="height"/>: a picture with no flat fill.</summary>
    private static void PaintGrain(SKCanvas canvas, int width, int height)
    {
        var random = new Random(7);
        for (var y = 0; y < height; y += 6)
        {
            for (var x = 0; x < width; x += 6)
            {
                using var grain = new SKPaint { Color = new SKColor((byte)random.Next(60, 200), (byte)random.Next(60, 200), (byte)random.Next(60, 200)) };
                canvas.DrawRect(x, y, 6, 6, grain);
            }
        }
    }

    /// <summary>A <paramref name="width"/>×<paramref name="height"/> image of one flat <paramref name="page"/> colour (or, null, of grain), painted on by <paramref name="paint"/>.</summary>
    private static byte[] Paint(int width, int height, SKColor? page, Action<SKCanvas> paint)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            if (page is { } flat)
            {
                canvas.Clear(flat);
            }
            else
            {
                PaintGrain(canvas, width, height);
            }

            paint(canvas);
        }

        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A desktop app's one-line bubble over <paramref name="box"/>: <paramref name="fill"/> with a small corner radius, <paramref name="text"/> in <paramref name="ink"/> at 26 pixels.</summary>
    private static void PaintLine(SKCanvas canvas, SKRect box, SKColor fill, SKColor ink, string text)
    {
        using var paint = new SKPaint { Color = fill, IsAntialias = true };
        canvas.DrawRoundRect(box, 5, 5, paint);
        using var pen = new SKPaint { Color = ink, IsAntialias = true };
        using var font = new SKFont(Cjk, 26);
        canvas.DrawText(text, box.Left + 18, box.Top + 40, SKTextAlign.Left, font, pen);
    }

    private static readonly SKTypeface Cjk = SKFontManager.Default.MatchFamily("Noto Sans CJK SC") ?? throw new InvalidOperationException("Noto Sans CJK SC is missing: apt-get install fonts-noto-cjk");

    /// <summary>
    /// A rounded bubble of <paramref name="fill"/> with black text, a line for each <c>\n</c>, and
    /// with <paramref name="tailLeft"/> WeChat's tail pointing at the avatar from its left (true) or its right (false) side.
    /// </summary>
    private static void PaintBubble(SKCanvas canvas, float left, float top, float width, float height, SKColor fill, string text, bool? tailLeft = null)
    {
        using var paint = new SKPaint { Color = fill, IsAntialias = true };
        canvas.DrawRoundRect(left, top, width, height, 14, 14, paint);
        if (tailLeft is { } atLeft)
        {
            var (side, tip) = atLeft ? (left + 1, left - 16) : (left + width - 1, left + width + 16);
            using var tail = new SKPath();
            tail.MoveTo(side, top + 36);
            tail.LineTo(tip, top + 52);
            tail.LineTo(side, top + 68);
            tail.Close();
            canvas.DrawPath(tail, paint);
        }

        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = new SKFont(Cjk, 46);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            canvas.DrawText(lines[i], left + 28, top + 70 + (i * 64), SKTextAlign.Left, font, ink);
        }
    }

    /// <summary>
    /// A green bubble at 400,800 (520×160, rounded, no anti-aliasing) in one green, with
    /// <paramref name="second"/> painting parts of it in a green 12 levels of blue away (given
    /// the bubble's rectangle and that paint), and 我看得出来 on it.
    /// </summary>
    private static void PaintInTwoGreens(SKCanvas canvas, Action<SKRect, SKPaint> second)
    {
        var rect = new SKRect(400, 800, 920, 960);
        canvas.Save();
        canvas.ClipRoundRect(new SKRoundRect(rect, 14), antialias: false);
        using var one = new SKPaint { Color = new SKColor(160, 230, 100) };
        using var other = new SKPaint { Color = new SKColor(160, 230, 112) };
        canvas.DrawRect(rect, one);
        second(rect, other);
        canvas.Restore();
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = new SKFont(Cjk, 46);
        canvas.DrawText("我看得出来", rect.Left + 40, rect.Top + 95, SKTextAlign.Left, font, ink);
    }

    /// <summary>A picture avatar: a flat blue square with a black face drawn on it.</summary>
    private static void PaintAvatar(SKCanvas canvas, float left, float top)
    {
        using var background = new SKPaint { Color = new SKColor(0x3A, 0x6B, 0xC8) };
        canvas.DrawRect(left, top, 100, 100, background);
        using var face = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 6 };
        canvas.DrawCircle(left + 50, top + 50, 30, face);
        canvas.DrawLine(left + 35, top + 45, left + 40, top + 45, face);
        canvas.DrawLine(left + 60, top + 45, left + 65, top + 45, face);
    }

    /// <summary>True when the two boxes share most of the smaller one.</summary>
    private static bool Overlaps(PixelBox a, PixelBox b)
    {
        var width = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var height = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        return width > 0 && height > 0 && width * (long)height >= 0.5 * Math.Min((long)a.Width * a.Height, (long)b.Width * b.Height);
    }
}
