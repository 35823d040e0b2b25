using DebtShield.Import.Guide;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.Guide;

public sealed class GuideLibraryTests
{
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
    public void Hotlines_IdsAreUniqueAndIncludeLegalAidAndSupport()
    {
        var ids = GuideLibrary.Hotlines.Select(h => h.Id).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Contains("12348", ids);
        Assert.Contains("12356", ids);
    }
}
