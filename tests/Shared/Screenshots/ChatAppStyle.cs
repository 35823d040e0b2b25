using System.Globalization;
using SkiaSharp;

namespace DebtShield.Tests.Screenshots;

/// <summary>The chat apps whose screens the screenshot set imitates.</summary>
internal enum ChatApp
{
    WeChat,
    IosMessages,
    MiuiSms,
    AndroidSms,
    Qq,
    LenderChat,
}

/// <summary>
/// How one app (in one theme) paints a conversation, in points (the painter multiplies by the
/// screen's scale): its colours, whether bubbles have avatars beside them, how far apart bubbles
/// are, how its title bar is laid out and how it words a time stamp. Modelled on the apps' own
/// screens as of 2026; the colours are close, not exact, and that is the point: a reader must not
/// depend on one shade.
/// </summary>
internal sealed record ChatAppStyle(
    ChatApp App,
    bool Dark,
    SKColor Page,
    SKColor Header,
    SKColor HeaderInk,
    SKColor Received,
    SKColor ReceivedInk,
    SKColor Sent,
    SKColor SentInk,
    SKColor StampInk,
    SKColor? StampPill,
    bool Avatars,
    float BubbleGap,
    float HeaderHeight)
{
    public static ChatAppStyle WeChatLight { get; } = new(
        ChatApp.WeChat, false, new(0xED, 0xED, 0xED), new(0xED, 0xED, 0xED), SKColors.Black, SKColors.White, new(0x19, 0x19, 0x19),
        new(0x95, 0xEC, 0x69), new(0x19, 0x19, 0x19), new(0x99, 0x99, 0x99), null, Avatars: true, BubbleGap: 14, HeaderHeight: 48);

    public static ChatAppStyle WeChatDark { get; } = new(
        ChatApp.WeChat, true, new(0x11, 0x11, 0x11), new(0x11, 0x11, 0x11), new(0xD5, 0xD5, 0xD5), new(0x2C, 0x2C, 0x2C), new(0xD5, 0xD5, 0xD5),
        new(0x3E, 0xB5, 0x75), new(0x11, 0x11, 0x11), new(0x6E, 0x6E, 0x6E), null, Avatars: true, BubbleGap: 14, HeaderHeight: 48);

    public static ChatAppStyle IosMessages { get; } = new(
        ChatApp.IosMessages, false, SKColors.White, new(0xF6, 0xF6, 0xF6), SKColors.Black, new(0xE9, 0xE9, 0xEB), SKColors.Black,
        new(0x0B, 0x84, 0xFE), SKColors.White, new(0x8E, 0x8E, 0x93), null, Avatars: false, BubbleGap: 1, HeaderHeight: 88);

    public static ChatAppStyle MiuiSms { get; } = new(
        ChatApp.MiuiSms, false, SKColors.White, SKColors.White, SKColors.Black, new(0xF2, 0xF3, 0xF5), new(0x22, 0x22, 0x22),
        new(0x34, 0x82, 0xFF), SKColors.White, new(0x99, 0x99, 0x99), null, Avatars: false, BubbleGap: 8, HeaderHeight: 62);

    public static ChatAppStyle AndroidSms { get; } = new(
        ChatApp.AndroidSms, false, new(0xF8, 0xFA, 0xFD), new(0xF8, 0xFA, 0xFD), new(0x1F, 0x1F, 0x1F), new(0xE2, 0xE7, 0xEE), new(0x1F, 0x1F, 0x1F),
        new(0xD3, 0xE3, 0xFD), new(0x04, 0x1E, 0x49), new(0x5F, 0x63, 0x68), null, Avatars: true, BubbleGap: 6, HeaderHeight: 56);

    public static ChatAppStyle Qq { get; } = new(
        ChatApp.Qq, false, new(0xF1, 0xF1, 0xF1), new(0x12, 0xB7, 0xF5), SKColors.White, SKColors.White, new(0x22, 0x22, 0x22),
        new(0x12, 0xB7, 0xF5), SKColors.White, new(0xA0, 0xA0, 0xA0), null, Avatars: true, BubbleGap: 16, HeaderHeight: 48);

    public static ChatAppStyle LenderChat { get; } = new(
        ChatApp.LenderChat, false, new(0xF5, 0xF5, 0xF5), SKColors.White, new(0x33, 0x33, 0x33), SKColors.White, new(0x33, 0x33, 0x33),
        new(0xFF, 0x8A, 0x00), SKColors.White, SKColors.White, new(0xCC, 0xCC, 0xCC), Avatars: true, BubbleGap: 18, HeaderHeight: 48);

    /// <summary>Every style of the set, each app once, WeChat in both themes.</summary>
    public static IReadOnlyList<ChatAppStyle> All { get; } = [WeChatLight, WeChatDark, IosMessages, MiuiSms, AndroidSms, Qq, LenderChat];

    /// <summary>A short name for file names: wechat-light, ios, miui…</summary>
    public string Name => App switch
    {
        ChatApp.WeChat => Dark ? "wechat-dark" : "wechat-light",
        ChatApp.IosMessages => "ios",
        ChatApp.MiuiSms => "miui",
        ChatApp.AndroidSms => "android",
        ChatApp.Qq => "qq",
        ChatApp.LenderChat => "lender",
    };

    /// <summary>True for the SMS apps, whose counterpart is a number.</summary>
    public bool IsSms => App is ChatApp.IosMessages or ChatApp.MiuiSms or ChatApp.AndroidSms;

    /// <summary>The logical size of the phone's screen in points: an iPhone's 375×812, an Android phone's 360×800.</summary>
    public (int Width, int Height) Points => App == ChatApp.IosMessages ? (375, 812) : (360, 800);

    /// <summary>
    /// The stamp this app prints above messages sent at <paramref name="time"/>, on a phone whose
    /// clock says <paramref name="captured"/> (both China time): relative days where the app uses them.
    /// </summary>
    public string Stamp(DateTime time, DateTime captured)
    {
        var days = (captured.Date - time.Date).Days;
        var weekday = "日一二三四五六"[(int)time.DayOfWeek].ToString();
        var hm = time.ToString("HH:mm", CultureInfo.InvariantCulture);
        var md = string.Create(CultureInfo.InvariantCulture, $"{time.Month}月{time.Day}日");
        return App switch
        {
            ChatApp.WeChat => days switch
            {
                0 => hm,
                1 => "昨天 " + hm,
                < 7 => "星期" + weekday + " " + hm,
                _ => md + " " + hm,
            },
            ChatApp.IosMessages => days switch
            {
                0 => "今天 " + Meridiem(time),
                1 => "昨天 " + Meridiem(time),
                < 7 => "星期" + weekday + " " + Meridiem(time),
                _ => string.Create(CultureInfo.InvariantCulture, $"{time.Year}年{md} ") + Meridiem(time),
            },
            ChatApp.MiuiSms or ChatApp.Qq => days switch
            {
                0 => hm,
                1 => "昨天 " + hm,
                _ => md + " " + hm,
            },
            ChatApp.AndroidSms => days switch
            {
                0 => hm,
                < 7 => "周" + weekday + " · " + hm,
                _ => md + " · " + hm,
            },
            ChatApp.LenderChat => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        };

        static string Meridiem(DateTime time) =>
            (time.Hour < 12 ? "上午" : "下午") + string.Create(CultureInfo.InvariantCulture, $"{(time.Hour % 12 == 0 ? 12 : time.Hour % 12)}:{time.Minute:00}");
    }
}
