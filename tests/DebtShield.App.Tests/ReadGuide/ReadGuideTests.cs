using System.Globalization;
using System.Text.RegularExpressions;
using DebtShield.Import.Guide;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.ReadGuide;

public sealed partial class ReadGuideTests
{
    public static TheoryData<string, string> TopicsInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "zh-CN", "en" })
        {
            foreach (var id in GuideLibrary.TopicIds(language))
            {
                data.Add(language, id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TopicsInEveryLanguage))]
    public void Read_EveryTopic_RendersWithEveryHotlineFilledIn(string language, string topic)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

        var report = App.ReadGuide.ReadGuide.Read(topic);

        Assert.Equal(topic, report.Id);
        Assert.False(string.IsNullOrWhiteSpace(report.Title));
        Assert.DoesNotContain("{{", report.Markdown, StringComparison.Ordinal);
        Assert.All(report.Hotlines, h => Assert.Contains(h.Number, report.Markdown, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh-CN", "（图：")]
    [InlineData("en", "(picture: ")]
    public void Read_PhoneEvidence_ShowsPicturesFromTheWebAppAndTellsTheirAltTextInATerminal(string language, string told)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

        var web = App.ReadGuide.ReadGuide.Read("phone-evidence", App.ReadGuide.GuideReader.Web).Markdown;
        var terminal = App.ReadGuide.ReadGuide.Read("phone-evidence").Markdown;

        Assert.Contains("](/guide/images/android-sms-backup.svg)", web, StringComparison.Ordinal);
        Assert.Contains("](/guide/images/phone-pairing-" + language + ".png)", web, StringComparison.Ordinal);
        Assert.DoesNotContain("../images/", web, StringComparison.Ordinal);
        Assert.DoesNotContain("![", terminal, StringComparison.Ordinal);
        Assert.Equal(7, terminal.Split(told).Length - 1);
    }

    [Theory]
    [InlineData("iphone-backup.svg", "image/svg+xml")]
    [InlineData("phone-upload-zh-CN.png", "image/png")]
    public void ReadPicture_AGuidePicture_HasItsMediaType(string name, string type)
    {
        var picture = App.ReadGuide.ReadGuide.ReadPicture(name);

        Assert.NotNull(picture);
        Assert.Equal(type, picture.MediaType);
        Assert.Equal(GuideLibrary.ReadPicture(name), picture.Content);
    }

    [Theory]
    [InlineData("nothing.png")]
    [InlineData("hotlines.json")]
    [InlineData("../zh-CN/08-phone-evidence.md")]
    public void ReadPicture_NotAGuidePicture_IsNull(string name)
    {
        Assert.Null(App.ReadGuide.ReadGuide.ReadPicture(name));
    }

    [Fact]
    public void Read_Complain_HasTheHotlineTableWithStatuses()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        var report = App.ReadGuide.ReadGuide.Read("complain");

        Assert.Contains("| 12378 | 国家金融监督管理总局消费者投诉热线 |", report.Markdown, StringComparison.Ordinal);
        Assert.Contains("| 国家金融监督管理总局消费者投诉热线 | 银行、消费金融公司及其委托的催收机构：暴力催收、骚扰联系人、未披露的费用 | 二手资料 |", report.Markdown, StringComparison.Ordinal);
        Assert.Equal("secondary", report.Hotlines.Single(h => h.Id == "12378").Status);
    }

    [Fact]
    public void Guide_EveryHotlineNumberInTheMarkdown_ComesFromTheDataFile()
    {
        var known = GuideLibrary.Hotlines.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "guide"), "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match placeholder in App.ReadGuide.ReadGuide.Placeholder().Matches(text))
            {
                Assert.All(placeholder.Groups["ids"].Value.Split(','), id => Assert.True(known.Contains(id.Trim()), file + ": " + id));
            }

            // Outside the placeholders no phone-like number may appear: 3-digit service numbers (110, 120),
            // 5-digit 12xxx / 96xxx lines, 400/800 numbers.
            var bare = HotlineLike().Matches(App.ReadGuide.ReadGuide.Placeholder().Replace(text, "")).Select(m => m.Value).ToArray();
            Assert.True(bare.Length == 0, file + " names hotlines outside the data file: " + string.Join(", ", bare));
        }
    }

    [Fact]
    public void Read_UnknownTopic_ListsTheTopics()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        var error = Assert.Throws<RequestRefusedException>(() => App.ReadGuide.ReadGuide.Read("nothing"));

        Assert.Equal("there is no topic \"nothing\"; topics: today, rights, talk-to-lender, complain, help, never, scams, phone-evidence", error.Message);
    }

    [GeneratedRegex(@"(?<![\d.])(1[12]\d|12\d{3}|9\d{4}|[48]00[-\d]{4,})(?![\d.])")]
    private static partial Regex HotlineLike();
}
