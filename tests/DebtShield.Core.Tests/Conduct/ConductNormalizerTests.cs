using DebtShield.Core.Conduct;
using DebtShield.Core.Reading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Conduct;

public sealed class ConductNormalizerTests
{
    private static ConductNormalizer Normalizer => ConductData.Analyzer.Rules.Normalizer;

    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("通訊錄已經導出", "通讯录已经导出")]
    [InlineData("請轉告您的同事", "请转告您的同事")]
    [InlineData("通*讯*录", "通讯录")]
    [InlineData("通 讯 录", "通讯录")]
    [InlineData("通　讯　录", "通讯录")]
    [InlineData("通.讯-录", "通讯录")]
    [InlineData("通＊讯＊录", "通讯录")]
    [InlineData("ｓ　ｂ", "傻逼")]
    [InlineData("通\u200B讯\u200D录", "通讯录")]
    [InlineData("家😡人", "家人")]
    [InlineData("通🔥讯☎️录", "通讯录")]
    [InlineData("tongxunlu", "通讯录")]
    [InlineData("盆友圈", "朋友圈")]
    [InlineData("tmd 别装死", "他妈的 别装死")]
    [InlineData("TMD", "他妈的")]
    [InlineData("S B，还钱", "傻逼,还钱")]
    [InlineData("老lài", "老赖")]
    [InlineData("三日内", "3日内")]
    [InlineData("二十三天", "23天")]
    [InlineData("十二月五日", "12月5日")]
    [InlineData("逾期二十天", "逾期20天")]
    [InlineData("叁仟贰佰元", "3仟2佰元")]
    public void Normalize_DisguisedText_ReadsAsThePlainWord(string text, string expected)
    {
        Assert.Equal(expected, Normalizer.Normalize(text).Text);
    }

    [Theory]
    [InlineData("usb 接口")]
    [InlineData("I am fine")]
    [InlineData("1,034.50元")]
    [InlineData("再不处理,明天")]
    public void Normalize_OrdinaryText_KeepsWordsAndPunctuation(string text)
    {
        // Abbreviations match whole words only; spaces between words and punctuation between clauses stay.
        Assert.Equal(text.ToLowerInvariant(), Normalizer.Normalize(text).Text);
    }

    [Fact]
    public void ToOriginal_SubstitutedWord_CoversTheWholeOriginalAbbreviation()
    {
        // Given "tmd" expanded to three characters
        var text = Normalizer.Normalize("喂 tmd 还钱");

        // When the normalised 他妈的 is mapped back
        var start = text.Text.IndexOf("他妈的", StringComparison.Ordinal);
        var (from, to) = text.ToOriginal(start, start + 3);

        // Then it is exactly "tmd" in the original
        Assert.Equal("tmd", "喂 tmd 还钱"[from..to]);
    }

    [Fact]
    public void ToOriginal_RemovedSeparators_SpanIncludesThem()
    {
        const string original = "你的通*讯*录已导出";
        var text = Normalizer.Normalize(original);
        var start = text.Text.IndexOf("通讯录", StringComparison.Ordinal);

        var (from, to) = text.ToOriginal(start, start + 3);

        Assert.Equal("通*讯*录", original[from..to]);
    }

    [Property(MaxTest = 300)]
    public Property ToOriginal_AnyText_MapsEveryCharacterInsideTheOriginalInOrder()
    {
        var alphabet = "通讯录 *.tmdsb三十二二十ＡＢ欠款還錢，。\u200B".ToCharArray();
        return Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(alphabet)).Select(chars => new string(chars)).ToArbitrary(),
            original =>
            {
                var text = Normalizer.Normalize(original);
                var previous = 0;
                for (var i = 0; i < text.Text.Length; i++)
                {
                    var (from, to) = text.ToOriginal(i, i + 1);
                    if (from < previous || from >= to || to > original.Length)
                    {
                        return false;
                    }

                    previous = from;
                }

                return true;
            });
    }

    [Fact]
    public void Parse_LineOutsideItsSection_NamesTheLine()
    {
        var error = Assert.Throws<DataFileException>(() => ConductNormalizer.Parse("[characters]\n嚴 严\n嚴严严\n"));

        Assert.StartsWith("normalise.txt:3:", error.Message, StringComparison.Ordinal);
        Assert.Equal("normalise.txt", error.File);
        Assert.Equal(3, error.Problem.Location.Line);
    }
}
