using System.Text.RegularExpressions;
using DebtShield.Import.Guide;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.Guide;

public sealed partial class GuideLibraryTests
{
    private static readonly string Pictures = Path.Combine(RepositoryPaths.Root, "docs", "guide", "images");

    [Fact]
    public void Pictures_EveryOneAGuideShows_ExistsWithAltTextAndEveryOneIsShown()
    {
        // Given every picture reference in every guide file (any Markdown image, not only the form the reader rewrites)
        var shown = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "guide"), "*.md", SearchOption.AllDirectories)
            .SelectMany(file => AnyImage().Matches(File.ReadAllText(file)).Select(m => (File: file, Alt: m.Groups["alt"].Value, Target: m.Groups["target"].Value)))
            .ToList();

        // Then each is a file of docs/guide/images with alt text, and each file there is shown somewhere
        Assert.NotEmpty(shown);
        foreach (var (file, alt, target) in shown)
        {
            Assert.True(target.StartsWith("../images/", StringComparison.Ordinal), $"{file}: {target} is not in docs/guide/images");
            Assert.True(File.Exists(Path.Combine(Pictures, target["../images/".Length..])), $"{file}: {target} does not exist");
            Assert.False(string.IsNullOrWhiteSpace(alt), $"{file}: {target} has no alt text");
        }

        var files = Directory.GetFiles(Pictures).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, shown.Select(s => s.Target["../images/".Length..]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pictures_EachLanguage_ShowsOnlyItsOwnScreenshots()
    {
        foreach (var language in GuideLibrary.Languages)
        {
            var text = string.Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "guide", language), "*.md").Select(File.ReadAllText));
            var screenshots = AnyImage().Matches(text).Select(m => m.Groups["target"].Value).Where(t => t.EndsWith(".png", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(screenshots);
            Assert.All(screenshots, s => Assert.EndsWith("-" + language + ".png", s, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ReadPicture_EveryPicture_IsTheRepositoryFile()
    {
        var files = Directory.GetFiles(Pictures).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(files, GuideLibrary.PictureNames());
        foreach (var name in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Pictures, name)), GuideLibrary.ReadPicture(name));
        }

        Assert.Null(GuideLibrary.ReadPicture("nothing.png"));
        Assert.Null(GuideLibrary.ReadPicture("../zh-CN/08-phone-evidence.md"));
    }

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\((?<target>[^)\s]+)\)")]
    private static partial Regex AnyImage();
    [Fact]
    public void TopicIds_BothLanguages_HaveTheSameTopicsInTheSameOrder()
    {
        var chinese = GuideLibrary.TopicIds("zh-CN");

        Assert.Equal(["today", "rights", "talk-to-lender", "complain", "help", "never", "scams", "phone-evidence"], chinese);
        Assert.Equal(chinese, GuideLibrary.TopicIds("en"));
    }

    [Fact]
    public void ReadTopic_EveryTopic_IsTheRepositoryFile()
    {
        foreach (var language in GuideLibrary.Languages)
        {
            var folder = Path.Combine(RepositoryPaths.Root, "docs", "guide", language);
            foreach (var file in Directory.GetFiles(folder, "*.md"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                Assert.Equal(File.ReadAllText(file), GuideLibrary.ReadTopic(language, name[(name.IndexOf('-', StringComparison.Ordinal) + 1)..]));
            }
        }
    }

    [Fact]
    public void ReadTopic_Unknown_IsNull()
    {
        Assert.Null(GuideLibrary.ReadTopic("zh-CN", "nothing"));
    }

    [Fact]
    public void Hotlines_Ids_AreUniqueAndIncludeLegalAidAndSupport()
    {
        var ids = GuideLibrary.Hotlines.Select(h => h.Id).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Contains("12348", ids);
        Assert.Contains("12356", ids);
    }
}
