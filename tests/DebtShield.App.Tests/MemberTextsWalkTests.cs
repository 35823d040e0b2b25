using System.Globalization;
using System.Reflection;
using System.Resources;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.LoanFiles;

namespace DebtShield.App.Tests;

/// <summary>
/// Every table of words for an enum's members (<see cref="MemberTexts{T}"/>) in Core, Import and
/// App, found by reflection, walked member by member in both languages: a key the resources lack
/// fails here, not when a person meets the missing sentence, and since the keys are ids spelled out
/// per member (never the member's name), renaming a member cannot make one go missing.
/// </summary>
public sealed class MemberTextsWalkTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void EveryTable_EveryMemberWithWords_HasThemInChineseAndInEnglish()
    {
        var walked = new List<string>();
        foreach (var (name, table) in Tables())
        {
            var chinese = Set(table.Resources, CultureInfo.InvariantCulture);
            var english = Set(table.Resources, English);
            foreach (var (member, key) in table.Keys)
            {
                if (key is null)
                {
                    continue;
                }

                Assert.False(string.IsNullOrWhiteSpace(chinese.GetString(key)), $"{name}: {member} has no Chinese text under {key}");
                Assert.False(string.IsNullOrWhiteSpace(english.GetString(key)), $"{name}: {member} has no English text under {key}");
            }

            walked.Add(table.Members.Name);
        }

        // A table added later is walked too, and listed here.
        Assert.Equal(
            [
                "AttributionBasis x1", "BenchmarkTerm x1", "CapRule x1", "ChainBreakKind x1", "FactStatus x1", "LegalFlagKind x1", "LegalView x1", "LoanProblemKind x2",
                "MessageTimeBasis x1", "NameForm x1", "NotChatSign x1", "OfferFeeKind x1", "OfferFindingKind x1", "OfferVerdict x1", "OptimizerOutcome x1",
                "PlanStrategy x1", "ReadDoubts x1", "StepKind x1", "TimeStampFailure x1", "TimeStampStatus x1", "Uncertainty x1",
            ],
            walked.GroupBy(t => t).Select(g => $"{g.Key} x{g.Count()}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryTable_EveryMember_IsListedWithItsOwnKey()
    {
        foreach (var (name, table) in Tables())
        {
            Assert.Equal(Enum.GetNames(table.Members).Order(StringComparer.Ordinal), table.Keys.Select(k => k.Member).Order(StringComparer.Ordinal));
            var keys = table.Keys.Where(k => k.Key is not null).Select(k => k.Key!).ToList();
            Assert.True(keys.Count == keys.Distinct(StringComparer.Ordinal).Count(), $"{name}: two members share a key");
        }
    }

    /// <summary>Every static table of member words in Core, Import and App, with where it is.</summary>
    private static IEnumerable<(string Name, IMemberTexts Table)> Tables()
    {
        Assembly[] assemblies = [typeof(Money).Assembly, typeof(LoanProblemText).Assembly, typeof(EvidenceNames).Assembly];
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(MemberTexts<>))
                {
                    yield return ($"{type.Name}.{property.Name}", (IMemberTexts)property.GetValue(null)!);
                }
            }
        }
    }

    /// <summary>The resources of one language only, without falling back to the neutral (Chinese) ones.</summary>
    private static ResourceSet Set(ResourceManager resources, CultureInfo language) =>
        resources.GetResourceSet(language, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{resources.BaseName}: no resources for {language.Name}.");
}
