using DebtShield.Core.Evidence;
using DebtShield.Core.Screenshots;

namespace DebtShield.Core.Tests.Screenshots;

public sealed class ChatLayoutTests
{
    private const int Width = 1080;
    private const int Height = 2400;
    private static readonly DateTimeOffset Captured = new(2026, 11, 4, 21, 5, 0, ChinaStandardTime.Offset);

    private static OcrLine Line(string text, int left, int top, int width, double confidence = 0.95, LineShade shade = LineShade.Unknown) =>
        new(text, new PixelBox(left, top, width, 44), confidence, text.Length, shade);

    [Fact]
    public void Read_WeChatLikeScreen_KeepsTitleAndBubblesByTheirSideAndDropsBarsStampsAndNotices()
    {
        OcrLine[] lines =
        [
            Line("21:45", 50, 44, 90),
            Line("5G 87%", 905, 44, 125),
            Line("催收王经理", 427, 145, 230),
            Line("昨天 21:43", 463, 305, 156),
            Line("您好，您在我司的借款已逾期", 190, 413, 590),
            Line("3天，当前应还金额2180元，", 190, 477, 560, confidence: 0.70),
            Line("请不要联系我的家人", 300, 660, 590),
            Line("以下为新消息", 470, 800, 140),
            Line("今天 08:15", 462, 867, 157),
            Line("最后通知", 190, 975, 180),
            Line("发送", 870, 2290, 80),
        ];

        var reading = ChatLayout.Read(lines, Width, Height, Captured);

        Assert.Equal("催收王经理", reading.Title);
        Assert.Equal(
            [
                (IncidentDirection.Received, "您好，您在我司的借款已逾期3天，当前应还金额2180元，", new DateTimeOffset(2026, 11, 3, 21, 43, 0, ChinaStandardTime.Offset)),
                (IncidentDirection.Sent, "请不要联系我的家人", new DateTimeOffset(2026, 11, 3, 21, 43, 0, ChinaStandardTime.Offset)),
                (IncidentDirection.Received, "最后通知", new DateTimeOffset(2026, 11, 4, 8, 15, 0, ChinaStandardTime.Offset)),
            ],
            reading.Messages.Select(m => (m.Direction, m.Text, m.Time)));
        Assert.Equal((0.95 * 13 / 28) + (0.70 * 15 / 28), reading.Messages[0].Confidence, 6);
        Assert.True(reading.Messages[0].NeedsConfirmation is false && reading.Messages[0].Confidence > ChatMessage.ConfirmBelow);
        Assert.All(reading.Messages, m => Assert.False(m.TimeEstimated));
    }

    [Fact]
    public void Read_BubbleAsWideAsTheScreen_IsSentWhenItsShadeIsColoured()
    {
        OcrLine[] lines =
        [
            Line("请不要联系我的家人，我会和你们", 200, 500, 690, shade: LineShade.Colored),
            Line("请不要联系我的家人，我会和你们", 200, 700, 690, shade: LineShade.Neutral),
        ];

        var reading = ChatLayout.Read(lines, Width, Height, Captured);

        Assert.Equal([IncidentDirection.Sent, IncidentDirection.Received], reading.Messages.Select(m => m.Direction));
    }

    [Fact]
    public void Read_WhiteBubbleReachingTheRightEdge_IsReceivedWhenTheScreensFillsTellTheSides()
    {
        // Given a WeChat screen (cropped, no bars) where white bubbles start right of the left
        // avatars and green ones end left of the right avatars, and the last white bubble is long
        // enough to reach within 20 pixels of the right edge
        OcrLine[] lines =
        [
            Line("哥哥，今天有想我吗？", 200, 60, 600),
            Line("当然想。", 220, 240, 160),
            Line("下次早点问。", 220, 420, 240),
            Line("早点问会有不同的答案吗？", 200, 600, 700),
            Line("但早点问，我就能早点见你。", 220, 780, 760),
        ];
        BubbleArea[] bubbles =
        [
            Bubble(169, 37, 837, 110, LineShade.Colored),
            Bubble(194, 215, 290, 110),
            Bubble(194, 393, 403, 110),
            Bubble(169, 571, 837, 110, LineShade.Colored),
            Bubble(194, 749, 803, 110),
        ];

        var reading = ChatLayout.Read(lines, 1017, 900, Captured, bubbles);

        // Then its white fill, not its place, gives its side: received, as every other white bubble
        Assert.Equal(
            [IncidentDirection.Sent, IncidentDirection.Received, IncidentDirection.Received, IncidentDirection.Sent, IncidentDirection.Received],
            reading.Messages.Select(m => m.Direction));
    }

    [Fact]
    public void Read_MessagesAboveEveryStamp_AreDatedByTheNextStampOrTheCaptureAndMarkedEstimated()
    {
        var above = ChatLayout.Read([Line("第一条", 190, 400, 130), Line("21:00", 490, 600, 100), Line("第二条", 190, 700, 130)], Width, Height, Captured);
        var none = ChatLayout.Read([Line("第一条", 190, 400, 130)], Width, Height, Captured);

        Assert.Equal(
            [(new DateTimeOffset(2026, 11, 4, 21, 0, 0, ChinaStandardTime.Offset), true), (new DateTimeOffset(2026, 11, 4, 21, 0, 0, ChinaStandardTime.Offset), false)],
            above.Messages.Select(m => (m.Time, m.TimeEstimated)));
        Assert.Equal((Captured, true), (none.Messages[0].Time, none.Messages[0].TimeEstimated));
    }

    /// <summary>A desktop window 1400×850: the contact list up to x 380, the pane's message area 380–1400 × 80–660, its title band from row 0.</summary>
    private static readonly ChatPane DesktopPane = new(ChatScreenLayout.WeChatDesktop, new PixelBox(380, 80, 1020, 580), 0);

    private static OcrLine Small(string text, int left, int top, int width, int height = 18) =>
        new(text, new PixelBox(left, top, width, height), 0.95, text.Length);

    [Fact]
    public void Read_DesktopPane_CounterpartIsThePanesTitleNotANameInTheContactList()
    {
        // Given the contact list's names (taller than the title's text here) and the pane's title
        OcrLine[] lines =
        [
            Small("催收-王经理", 90, 30, 120, 26),
            Small("文件传输助手", 90, 110, 120, 26),
            Small("李专员", 410, 30, 70, 22),
            Small("最后通知", 460, 130, 70),
            Small("发送(S)", 1290, 800, 60),
        ];

        var reading = ChatLayout.Read(lines, 1400, 850, Captured, [Bubble(450, 120, 100, 40)], DesktopPane);

        // Then the title is the pane's, the list and the input area give no message.
        Assert.Equal("李专员", reading.Title);
        Assert.Equal(["最后通知"], reading.Messages.Select(m => m.Text));
        Assert.Same(DesktopPane, reading.Pane);
    }

    [Fact]
    public void Read_DesktopPane_SidesByPositionWithinThePaneNotTheImage()
    {
        // Given a white bubble at the pane's left, right of the image's middle (a wide contact list)
        var pane = DesktopPane with { Messages = new PixelBox(640, 80, 760, 580) };
        OcrLine[] lines = [Small("您的借款已逾期", 710, 130, 200), Small("我会还的", 1210, 230, 100)];
        BubbleArea[] bubbles = [Bubble(700, 120, 220, 40), Bubble(1200, 220, 120, 40, LineShade.Neutral)];

        var reading = ChatLayout.Read(lines, 1400, 850, Captured, bubbles, pane);

        // Then it is received, and the one at the pane's right sent, whatever their shades.
        Assert.Equal([IncidentDirection.Received, IncidentDirection.Sent], reading.Messages.Select(m => m.Direction));
        Assert.Equal(new PixelBox(700, 120, 220, 40), reading.Messages[0].Box);
    }

    [Fact]
    public void Read_DesktopPane_StampCentredInThePaneDatesTheBubbleBelow()
    {
        OcrLine[] lines = [Small("昨天 21:43", 850, 100, 100), Small("最后通知", 460, 150, 70)];

        var reading = ChatLayout.Read(lines, 1400, 850, Captured, [Bubble(450, 140, 100, 40)], DesktopPane);

        Assert.Equal((MessageTimeBasis.Stamp, China(11, 3, 21, 43)), (reading.Messages[0].TimeBasis, reading.Messages[0].Time));
    }

    [Theory]
    [InlineData("贷后协商群(5)", "贷后协商群")]
    [InlineData("大模型交流（496）", "大模型交流")]
    [InlineData("10086", "10086")]
    public void Read_GroupTitleWithItsMemberCount_CounterpartIsTheGroupsName(string shown, string counterpart)
    {
        var reading = ChatLayout.Read([Small(shown, 410, 30, 140, 22), Small("最后通知", 460, 130, 70)], 1400, 850, Captured, [Bubble(450, 120, 100, 40)], DesktopPane);

        Assert.Equal(counterpart, reading.Title);
    }

    [Fact]
    public void Read_ACropCutThroughTheSentAvatars_AStampCentredInTheChatPaneDatesTheBubblesBelow()
    {
        // Given a publisher's crop of a phone chat cut at the right through the sent side's
        // avatars (sent bubbles end 26 of 1011 pixels from the edge, where an avatar strip
        // would be): the stamps stand in the middle of the chat pane, 8 % of the width right of
        // the image's middle
        OcrLine[] lines =
        [
            Line("星期二 09:37", 460, 62, 250),
            Line("来自群：投研帮港股打新", 270, 205, 640),
            Line("星期二 09:53", 460, 1420, 250),
            Line("来自群：方德内部客户交流群", 245, 1566, 700),
        ];
        BubbleArea[] bubbles = [Bubble(233, 169, 752, 120, LineShade.Colored), Bubble(209, 1531, 776, 183, LineShade.Colored)];

        var reading = ChatLayout.Read(lines, 1011, 2259, Captured, bubbles);

        // Then each bubble has the time of the stamp above it (星期二 before Wednesday the 4th: the 3rd)
        Assert.Equal(
            [(MessageTimeBasis.Stamp, new DateTimeOffset(2026, 11, 3, 9, 37, 0, ChinaStandardTime.Offset)), (MessageTimeBasis.Stamp, new DateTimeOffset(2026, 11, 3, 9, 53, 0, ChinaStandardTime.Offset))],
            reading.Messages.Select(m => (m.TimeBasis, m.Time)));
    }

    private static BubbleArea Bubble(int left, int top, int width, int height, LineShade shade = LineShade.Neutral) => new(new PixelBox(left, top, width, height), shade);

    private static DateTimeOffset China(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, ChinaStandardTime.Offset);

    [Fact]
    public void Read_BubblesFound_OneMessageABubbleHoweverFarApartItsLinesAndHoweverCloseTheBubbles()
    {
        // Two iOS bubbles 2 px apart; the first's second line read far below its first (a lost line between).
        OcrLine[] lines =
        [
            Line("您好，您在我司的借款已逾期", 60, 400, 600),
            Line("请尽快还款。", 60, 530, 300),
            Line("最后通知", 60, 606, 180),
        ];

        var reading = ChatLayout.Read(lines, Width, Height, Captured, [Bubble(30, 370, 680, 224), Bubble(30, 596, 260, 80)]);

        Assert.Equal(["您好，您在我司的借款已逾期请尽快还款。", "最后通知"], reading.Messages.Select(m => m.Text));
        Assert.Equal(new PixelBox(30, 370, 680, 224), reading.Messages[0].Box);
    }

    [Fact]
    public void Read_RowOfInkWiderThanTheLineReadOnIt_IsFlaggedLinesMissingAndAFullStopsWorthIsNot()
    {
        // Given two one-row bubbles whose ink was measured: in the first OCR dropped the last
        // character (its 44 px of ink uncovered), in the second only the full stop's 14 px.
        OcrLine[] lines = [Line("别装，老赖一个", 60, 400, 308), Line("你们的利息超过了法律规定", 60, 520, 528)];
        BubbleArea[] bubbles =
        [
            Bubble(30, 370, 400, 104) with { Ink = [new PixelBox(60, 400, 352, 44)] },
            Bubble(30, 490, 600, 104) with { Ink = [new PixelBox(60, 520, 542, 44)] },
        ];

        var reading = ChatLayout.Read(lines, Width, Height, Captured, bubbles);

        // Then the first is to be confirmed, for its missing text; the second is not.
        Assert.Equal([ReadDoubts.LinesMissing, ReadDoubts.None], reading.Messages.Select(m => m.Doubts));
        Assert.Equal([true, false], reading.Messages.Select(m => m.NeedsConfirmation));
    }

    [Fact]
    public void Read_BubbleWithInkButNoLineRead_IsAMessageWithoutTextFlaggedUnreadWithItsSideAndTime()
    {
        // Given a stamp, a received bubble read, a sent bubble with ink that OCR read nothing from,
        // and a fill with only a speck of ink (a JPEG's noise at its corner: no text on it).
        OcrLine[] lines = [Line("21:00", 500, 300, 90), Line("今天必须还款", 60, 400, 300)];
        BubbleArea[] bubbles =
        [
            Bubble(30, 370, 400, 104),
            Bubble(700, 490, 300, 104, LineShade.Colored) with { Ink = [new PixelBox(730, 520, 240, 44)] },
            Bubble(30, 610, 400, 104) with { Ink = [new PixelBox(420, 700, 4, 4)] },
        ];

        var reading = ChatLayout.Read(lines, Width, Height, Captured, bubbles);

        // Then the unread bubble is a message of its own, on its side, dated by the stamp, with no
        // text and flagged; the speckled fill is no message.
        Assert.Equal(["今天必须还款", ""], reading.Messages.Select(m => m.Text));
        var unread = reading.Messages[1];
        Assert.Equal(ReadDoubts.Unread, unread.Doubts);
        Assert.True(unread.NeedsConfirmation);
        Assert.Equal(IncidentDirection.Sent, unread.Direction);
        Assert.Equal(MessageTimeBasis.Stamp, unread.TimeBasis);
        Assert.Equal(China(11, 4, 21, 0), unread.Time);
        Assert.Equal(new PixelBox(700, 490, 300, 104), unread.Box);
    }

    [Fact]
    public void Read_BubbleTallerThanItsLinesRead_IsFlaggedLinesMissing()
    {
        // Three rows of text fit in the bubble (44 px text); OCR gave two.
        OcrLine[] lines = [Line("您好，您在我司的借款已逾期", 60, 400, 600), Line("请尽快还款。", 60, 528, 300), Line("好的", 60, 700, 90)];

        var reading = ChatLayout.Read(lines, Width, Height, Captured, [Bubble(30, 370, 680, 236), Bubble(30, 680, 150, 84)]);

        Assert.Equal([ReadDoubts.LinesMissing, ReadDoubts.None], reading.Messages.Select(m => m.Doubts));
        Assert.True(reading.Messages[0].NeedsConfirmation);
    }

    [Fact]
    public void Read_NoBubbleFoundWhereLookedFor_FlagsEveryMessageUnknownLayout()
    {
        var reading = ChatLayout.Read([Line("第一条", 190, 400, 130)], Width, Height, Captured, []);

        Assert.Equal(ReadDoubts.UnknownLayout, Assert.Single(reading.Messages).Doubts);
    }

    [Fact]
    public void Read_TitleUnderAnAvatarOrAboveACarrierLineOrAfterABackArrow_IsTheNameOrNumberNeverTheCarrier()
    {
        // Android SMS prints the number on the line of its back arrow, which OCR reads as "<".
        OcrLine[] android = [Line("<13800138000", 60, 100, 330), Line("好的", 60, 500, 90)];
        OcrLine[] ios = [Line("21:40", 50, 40, 90), Line("5G 87%", 905, 40, 125), Line("10690588123 >", 420, 300, 240), Line("好的", 60, 500, 90)];
        OcrLine[] miui = [Line("95188", 470, 110, 140), Line("北京移动", 470, 180, 140), Line("好的", 60, 500, 90)];

        var iosReading = ChatLayout.Read(ios, Width, Height, Captured, [Bubble(30, 470, 150, 84)]);
        var miuiReading = ChatLayout.Read([.. miui.Select(l => l.Text == "北京移动" ? l with { Box = l.Box with { Height = 30 } } : l)], Width, Height, Captured, [Bubble(30, 470, 150, 84)]);

        var androidReading = ChatLayout.Read(android, Width, Height, Captured, [Bubble(30, 470, 150, 84)]);

        Assert.Equal(("10690588123", "95188", "13800138000"), (iosReading.Title, miuiReading.Title, androidReading.Title));
    }

    [Fact]
    public void Read_StampsOutOfOrderOrAfterTheCapture_AreNotTrustedAndTheMessagesBelowSayWhy()
    {
        // "11月3日" misread as "1月3日" would put the message ten months early; "22:30" today is after the capture at 21:05.
        OcrLine[] lines =
        [
            Line("10月29日 20:45", 440, 300, 200), Line("第一条", 190, 380, 130),
            Line("1月3日 21:43", 440, 480, 200), Line("第二条", 190, 560, 130),
            Line("今天 08:15", 440, 660, 200), Line("第三条", 190, 740, 130),
            Line("22:30", 490, 840, 100), Line("第四条", 190, 920, 130),
        ];

        var reading = ChatLayout.Read(lines, Width, Height, Captured, [.. lines.Where(l => l.Text.StartsWith('第')).Select(l => Bubble(160, l.Box.Top - 20, 200, 84))]);

        Assert.Equal(
            [
                (China(10, 29, 20, 45), MessageTimeBasis.Stamp),
                (China(11, 4, 8, 15), MessageTimeBasis.StampOutOfOrder),
                (China(11, 4, 8, 15), MessageTimeBasis.Stamp),
                (Captured, MessageTimeBasis.StampAfterCapture),
            ],
            reading.Messages.Select(m => (m.Time, m.TimeBasis)));
    }

    [Fact]
    public void Read_StampLikeLineThatDoesNotRead_MarksTheMessagesBelowUnreadableUntilTheNextStamp()
    {
        OcrLine[] lines =
        [
            Line("11月3日 2l:43", 440, 300, 200), Line("第一条", 190, 380, 130),
            Line("以下为新消息", 440, 480, 200), Line("第二条", 190, 560, 130),
            Line("今天 08:15", 440, 660, 200), Line("第三条", 190, 740, 130),
        ];

        var reading = ChatLayout.Read(lines, Width, Height, Captured, [.. lines.Where(l => l.Text.StartsWith('第')).Select(l => Bubble(160, l.Box.Top - 20, 200, 84))]);

        Assert.Equal(
            [
                (China(11, 4, 8, 15), MessageTimeBasis.StampUnreadable),
                (China(11, 4, 8, 15), MessageTimeBasis.StampUnreadable),
                (China(11, 4, 8, 15), MessageTimeBasis.Stamp),
            ],
            reading.Messages.Select(m => (m.Time, m.TimeBasis)));
    }

    [Fact]
    public void Read_IosStampReadAsTwoLinesSideBySide_IsOneStamp()
    {
        OcrLine[] lines = [Line("2026年11月3日", 380, 300, 200), Line("上午10:37", 600, 302, 130), Line("第一条", 190, 380, 130)];

        var reading = ChatLayout.Read(lines, Width, Height, Captured, [Bubble(160, 360, 200, 84)]);

        Assert.Equal((China(11, 3, 10, 37), MessageTimeBasis.Stamp), (reading.Messages[0].Time, reading.Messages[0].TimeBasis));
    }

    [Theory]
    [InlineData("21:43", "2026-11-04 21:43")]
    [InlineData("今天 21:43", "2026-11-04 21:43")]
    [InlineData("昨天 下午3:05", "2026-11-03 15:05")]
    [InlineData("前天 晚上9:10", "2026-11-02 21:10")]
    [InlineData("凌晨12:30", "2026-11-04 00:30")]
    [InlineData("星期一 09:10", "2026-11-02 09:10")]
    [InlineData("周三 09:10", "2026-11-04 09:10")]
    [InlineData("11月3日 21:43", "2026-11-03 21:43")]
    [InlineData("12月30日 08:00", "2025-12-30 08:00")]
    [InlineData("2026/11/03 21:43", "2026-11-03 21:43")]
    [InlineData("2026年1月5日 7:05", "2026-01-05 07:05")]
    [InlineData("2026/11/03", "2026-11-03 00:00")]
    [InlineData("周二 · 21:43", "2026-11-03 21:43")]
    [InlineData("2026-11-03 21:43:05", "2026-11-03 21:43")]
    public void TryRead_StampSeenOnWednesday4November_ResolvesAgainstTheCaptureDay(string stamp, string expected)
    {
        Assert.True(ChatTimeStamp.TryRead(stamp, Captured, out var time, out var dayOnly));

        Assert.Equal(expected, time.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ChinaStandardTime.Offset, time.Offset);
        Assert.Equal(!stamp.Contains(':', StringComparison.Ordinal), dayOnly);
    }

    [Theory]
    [InlineData("9月28日，11:36", "2026-09-28 11:36")]
    [InlineData("10月26日 ”10:30", "2026-10-26 10:30")]
    [InlineData("周二。， 20:28", "2026-11-03 20:28")]
    [InlineData("周五。 16:50", "2026-10-30 16:50")]
    [InlineData("周二.20:28", "2026-11-03 20:28")]
    [InlineData("9月28.11:36", "2026-09-28 11:36")]
    public void TryRead_AndroidDotReadAsPunctuation_ReadsTheStamp(string read, string expected)
    {
        // Android prints "周二 · 21:43" and "9月28日 · 11:36"; Tesseract reads the dot as ， 。 or ”.
        Assert.True(ChatTimeStamp.TryRead(read, Captured, out var time, out _));

        Assert.Equal(expected, time.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("，21:43")]
    [InlineData("以下为新消息")]
    [InlineData("5000元")]
    [InlineData("25:10")]
    [InlineData("2月30日 10:00")]
    [InlineData("")]
    public void TryRead_NotAStamp_IsRefused(string text) => Assert.False(ChatTimeStamp.TryRead(text, Captured, out _, out _));

    [Theory]
    [InlineData("Screenshot_20261103-214305.png", "2026-11-03 21:43:05")]
    [InlineData("Screenshot_2026-11-03-21-43-05-123_com.tencent.mm.jpg", "2026-11-03 21:43:05")]
    [InlineData("IMG_20261103_214305.jpg", "2026-11-03 21:43:05")]
    [InlineData("微信图片_20261103214305.jpg", "2026-11-03 21:43:05")]
    public void FromFileName_PhoneScreenshotName_GivesTheCaptureTimeInChina(string name, string expected)
    {
        var captured = CaptureTime.FromFileName(name);

        Assert.Equal((expected, CaptureTimeSource.FileName), (captured!.Time.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), captured.Source));
        Assert.Equal(ChinaStandardTime.Offset, captured.Time.Offset);
    }

    [Theory]
    [InlineData("wang.png")]
    [InlineData("20261399-250000.png")]
    public void FromFileName_NoTimeInTheName_IsNull(string name) => Assert.Null(CaptureTime.FromFileName(name));

    [Fact]
    public void Read_BubbleWithManyUnsureWords_IsToConfirmThoughItsAverageIsHigh()
    {
        // A traditional message read with the simplified model: 膛 and 丈 in unsure words, the rest sure.
        BubbleArea[] bubbles = [new(new PixelBox(170, 430, 700, 90), LineShade.Neutral), new(new PixelBox(170, 630, 700, 90), LineShade.Neutral)];
        OcrLine[] lines =
        [
            new("周先生，假期结束，咱们聊聊膛款丈划？", new PixelBox(200, 450, 640, 44), 0.87, 18, UnsureCharacters: 3),
            new("今天下午6点前不还，我们就把你的欠款信息", new PixelBox(200, 650, 640, 44), 0.92, 20, UnsureCharacters: 1),
        ];

        var reading = ChatLayout.Read(lines, Width, Height, Captured, bubbles);

        Assert.Equal([true, false], reading.Messages.Select(m => m.NeedsConfirmation));
        Assert.Equal(ReadDoubts.LowConfidence, reading.Messages[0].Doubts & ReadDoubts.LowConfidence);
    }

    [Fact]
    public void Read_ALineTheReaderDoubtedInScript_ItsMessageCarriesTheDoubtAndIsToConfirm()
    {
        // Read sure (0.93, no unsure word), but the two models left its script in doubt.
        BubbleArea[] bubbles = [new(new PixelBox(170, 430, 700, 90), LineShade.Neutral), new(new PixelBox(170, 630, 700, 90), LineShade.Neutral)];
        OcrLine[] lines =
        [
            new("周先生，假期结束，咱们聊聊迁款计划？", new PixelBox(200, 450, 640, 44), 0.93, 18, Doubts: ReadDoubts.ScriptUnsure),
            new("今天下午6点前不还，我们就把你的欠款信息", new PixelBox(200, 650, 640, 44), 0.93, 20),
        ];

        var reading = ChatLayout.Read(lines, Width, Height, Captured, bubbles);

        Assert.Equal([ReadDoubts.ScriptUnsure, ReadDoubts.None], reading.Messages.Select(m => m.Doubts));
        Assert.Equal([true, false], reading.Messages.Select(m => m.NeedsConfirmation));
    }

    private static OcrLine Header(string text, int left, int top, int width, int height, double confidence = 0.9) =>
        new(text, new PixelBox(left, top, width, height), confidence, text.Length);

    /// <summary>The counterpart read from <paramref name="header"/>'s lines above one bubble with a line of text in it.</summary>
    private static string? TitleOf(OcrLine[] header, int width, int height, BubbleArea bubble) =>
        ChatLayout.Read([.. header, Header("好的", bubble.Box.Left + 10, bubble.Box.Top + 10, 90, 30)], width, height, Captured, [bubble]).Title;

    [Fact]
    public void Read_WeComGroupTitleWithCountButtonsAndSubtitle_CounterpartIsTheGroupsName()
    {
        // Given a 472×752 WeCom screen: the name, its member count and the buttons read on one line,
        // and the subtitle (its box taller than the name's) under it.
        var title = TitleOf([Header("《Milvus用户交流群110(195)三如", 12, 18, 440, 23, 0.87), Header("外部群，含185位外部联系人1群主：bot", 103, 62, 266, 32)], 472, 752, Bubble(100, 160, 300, 60));

        Assert.Equal("Milvus用户交流群110", title);
    }

    [Fact]
    public void Read_StatusBarIconsReadAsTallAsTheTitle_CounterpartIsTheNameAfterTheBackArrow()
    {
        // Given an Android WeChat screen 1080×2280: the status bar's icons read as characters, on
        // the row of the battery and the clock, as tall as the name left-aligned after the arrow.
        var title = TitleOf([Header("所川2咱仿", 60, 24, 299, 48), Header("D04100%ES 7:09", 731, 29, 287, 33), Header("《Ray", 40, 133, 142, 48)], 1080, 2280, Bubble(560, 230, 140, 100));

        Assert.Equal("Ray", title);
    }

    [Fact]
    public void Read_OldPhonesStatusBarAboveTheTitle_IsNotTheCounterpartThoughTaller()
    {
        // Given a 288×512 screen whose battery 71% was read 71鸣, taller than the title below it.
        var title = TitleOf([Header("71鸣", 240, 4, 30, 16), Header("大掌柜", 50, 30, 45, 14)], 288, 512, Bubble(45, 80, 60, 34));

        Assert.Equal("大掌柜", title);
    }

    [Theory]
    [InlineData("《51")]
    [InlineData("《微信(3)")]
    [InlineData("微信（17）")]
    public void Read_BackButtonsLabelTallerThanTheTitle_IsNotTheCounterpart(string label)
    {
        var title = TitleOf([Header(label, 40, 140, 130, 48), Header("催收王经理", 427, 145, 230, 44)], Width, Height, Bubble(170, 400, 300, 100));

        Assert.Equal("催收王经理", title);
    }

    [Fact]
    public void Read_CropWithoutTitleBar_ItsFirstStampIsNoCounterpartAndNeitherIsTheCarrierOrBackLabel()
    {
        // Given a publisher's crop starting at an off-centre stamp, and an iOS screen whose title is
        // painted over: only the carrier (its signal icon read 今) and the back label are read.
        var cropTitle = TitleOf([Header("星期二09:37", 461, 62, 247, 51)], 1011, 2259, Bubble(230, 150, 600, 95));
        var paintedTitle = TitleOf([Header("中国移动今", 90, 9, 124, 22), Header("《微信(3)", 21, 64, 128, 34)], 720, 1280, Bubble(170, 400, 300, 100));

        Assert.Equal((null, null), (cropTitle, paintedTitle));
    }

    [Fact]
    public void Read_NameReadUnsure_CounterpartIsLeftEmptyButANumberIsKept()
    {
        // Given a title read as noise (a picture's edge, 0.21), and an Android SMS number read right at 0.41.
        var noise = TitleOf([Header("发SN区多", 309, 130, 323, 67, 0.21)], Width, Height, Bubble(30, 470, 150, 84));
        var number = TitleOf([Header("<10690588123", 44, 148, 419, 39, 0.41)], Width, Height, Bubble(30, 470, 150, 84));

        Assert.Equal((null, "10690588123"), (noise, number));
    }
}
