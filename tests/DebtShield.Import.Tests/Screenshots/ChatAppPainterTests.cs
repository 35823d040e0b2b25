using DebtShield.Tests.Screenshots;
using SkiaSharp;

namespace DebtShield.Import.Tests.Screenshots;

/// <summary>The painter of the invented screenshot set wraps text as phones do, so the set's layouts are ones a phone paints.</summary>
public sealed class ChatAppPainterTests
{
    [Theory]
    [InlineData("你们的利息超过了法律规定。", "你们的利息超过了法律规|定。")] // the full stop would start the second line: 定 goes down with it
    [InlineData("我已经在还了，别再打我同事电话了", "我已经在还了，别再打我同|事电话了")] // no mark at the break: wrapped where the width ends
    [InlineData("请不要联系我的家人我会和，你们协商", "请不要联系我的家人我会|和，你们协商")] // a comma at the break carries the character before it
    public void Wrap_AClosingMarkPastTheLineEnd_NeverStartsALine(string text, string expected)
    {
        // Given a line room for twelve characters of the set's 16-point CJK font
        using var font = new SKFont(SKFontManager.Default.MatchFamily("Noto Sans CJK SC"), 16);

        // When the text is wrapped
        var lines = ChatAppPainter.Wrap(text, font, 12.5f * 16);

        // Then no line starts with a closing mark
        Assert.Equal(expected, string.Join("|", lines));
    }
}
