using System.Globalization;
using System.Reflection;
using System.Resources;
using DebtShield.App.PlanRepayment;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Web.Pages;

namespace DebtShield.Web.Tests;

/// <summary>
/// The pages word a report's flag and status ids, the optimiser's outcome and a lender kind's hint
/// through the member each names (App's and the web's member-text tables), never through a key
/// glued from the id: an id no member has is shown as it is, or, for a status, as unconfirmed.
/// </summary>
public sealed class FigureWordsTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("above_36", "年化超过 36%", "above 36% a year")]
    [InlineData("upfront_deduction", "放款前扣费（砍头息）", "deducted before disbursement (砍头息)")]
    [InlineData("no_such_flag", "no_such_flag", "no_such_flag")]
    public void Flag_AReportsId_IsTheFlagsNameOrTheIdAsItIs(string id, string chinese, string english)
    {
        Assert.Equal(chinese, InLanguage(Chinese, () => Figures.Flag(id)));
        Assert.Equal(english, InLanguage(English, () => Figures.Flag(id)));
    }

    [Theory]
    [InlineData("verified", "已核实", "verified")]
    [InlineData("secondary", "二手资料", "secondary sources")]
    [InlineData("uncertain", "待核实", "unconfirmed")]
    [InlineData("rumoured", "待核实", "unconfirmed")]
    public void Status_AReportsId_IsItsWordsAndAnUnknownOneReadsAsUnconfirmed(string id, string chinese, string english)
    {
        Assert.Equal(chinese, InLanguage(Chinese, () => Figures.Status(id)));
        Assert.Equal(english, InLanguage(English, () => Figures.Status(id)));
    }

    [Fact]
    public void Kind_OnlyTheKindWhoseNameNeedsIt_CarriesAHint()
    {
        Assert.Equal("职业放贷人（无放贷资质、向社会公众放贷）", InLanguage(Chinese, () => Figures.Kind(LenderKind.UnlicensedLender)));
        Assert.Equal("网贷平台", InLanguage(Chinese, () => Figures.Kind(LenderKind.OnlinePlatform)));
    }

    [Fact]
    public void Sentence_OfEachOptimizerOutcome_IsItsOwnAndCarriesTheGapWhereItSpeaksOfIt()
    {
        var sentences = Enum.GetValues<OptimizerOutcome>().Select(o => InLanguage(English, () => OptimizerNames.Sentence(o, "0.01%"))).ToList();

        Assert.Equal(sentences.Count, sentences.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("The optimised plan is proven best (within 0.01%).", sentences[(int)OptimizerOutcome.Optimal]);
        Assert.Equal("There are no loans, so nothing to optimise.", sentences[(int)OptimizerOutcome.Skipped]);
    }

    [Fact]
    public void EveryWebTable_EveryMemberWithWords_HasThemInChineseAndInEnglish()
    {
        var walked = new List<string>();
        foreach (var property in typeof(Figures).Assembly.GetTypes().SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (!property.PropertyType.IsGenericType || property.PropertyType.GetGenericTypeDefinition() != typeof(MemberTexts<>))
            {
                continue;
            }

            var table = (IMemberTexts)property.GetValue(null)!;
            foreach (var (member, key) in table.Keys.Where(k => k.Key is not null))
            {
                Assert.False(string.IsNullOrWhiteSpace(Set(table.Resources, CultureInfo.InvariantCulture).GetString(key!)), $"{member}: no Chinese text under {key}");
                Assert.False(string.IsNullOrWhiteSpace(Set(table.Resources, English).GetString(key!)), $"{member}: no English text under {key}");
            }

            walked.Add(table.Members.Name);
        }

        Assert.Equal(["LenderKind"], walked);
    }

    private static string InLanguage(CultureInfo language, Func<string> words)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = language;
            CultureInfo.CurrentCulture = language;
            return words();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = formats;
        }
    }

    /// <summary>The resources of one language only, without falling back to the neutral (Chinese) ones.</summary>
    private static ResourceSet Set(ResourceManager resources, CultureInfo language) =>
        resources.GetResourceSet(language, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{resources.BaseName}: no resources for {language.Name}.");
}
