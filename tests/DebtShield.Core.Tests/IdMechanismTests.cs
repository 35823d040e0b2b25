using System.Reflection;
using System.Text.RegularExpressions;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Tests;

/// <summary>
/// Core spells its ids two ways (docs/architecture.md, "Ids"): <see cref="WireIds{T}"/> tables for
/// ids that are read back (a vocabulary's wire and ledger ids, the tables beside the enums), and
/// <see cref="LegalWireIds"/>' exhaustive switches for the legal engine's codes, which reports only
/// write. Both are walked here, every member of every enum, found by reflection, so a table or a
/// switch added later is walked too and listed below.
/// </summary>
public sealed partial class IdMechanismTests
{
    [Fact]
    public void EveryTable_EveryMember_HasOneIdThatReadsBackAsIt()
    {
        var walked = Tables().Select(t => Walk(t.Name, t.Table)).ToList();

        Assert.Equal(
            [
                "AdvertisedMethod x2", "BudgetLineKind x2", "CallOutcome x2", "ChainBreakKind x1", "ConductLabel x2", "FactStatus x1", "IncidentChannel x2",
                "IncidentDirection x2", "LegalFlagKind x1", "LenderKind x2", "OfferFeeKind x1", "OfferFindingKind x1", "PaymentTarget x2", "RatePer x2", "Recipient x2",
            ],
            walked.GroupBy(t => t).Select(g => $"{g.Key} x{g.Count()}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryLegalSwitch_EveryMember_HasADistinctSnakeCaseId()
    {
        var walked = new List<string>();
        foreach (var of in typeof(LegalWireIds).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == nameof(LegalWireIds.Of)))
        {
            var members = of.GetParameters().Single().ParameterType;
            var ids = Enum.GetValues(members).Cast<object>().Select(m => (string)of.Invoke(null, [m])!).ToList();

            Assert.All(ids, id => Assert.Matches(SnakeCase(), id));
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            walked.Add(members.Name);
        }

        Assert.Equal(["BenchmarkTerm", "FactStatus", "LegalFlagKind", "LegalView", "StepKind", "Uncertainty"], walked.Order(StringComparer.Ordinal));
    }

    /// <summary>Every table Core holds: the vocabularies' wire and ledger ids, and each public static table beside an enum.</summary>
    private static IEnumerable<(string Name, object Table)> Tables()
    {
        foreach (var vocabulary in Vocabularies.All)
        {
            foreach (var name in new[] { "Ids", "LedgerIds" })
            {
                yield return ($"{vocabulary.Members.Name}.{name}", vocabulary.GetType().GetProperty(name)!.GetValue(vocabulary)!);
            }
        }

        foreach (var property in typeof(Money).Assembly.GetTypes().SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static)))
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(WireIds<>))
            {
                yield return ($"{property.DeclaringType!.Name}.{property.Name}", property.GetValue(null)!);
            }
        }
    }

    /// <summary>Writes and reads every member through the table; returns the enum's name.</summary>
    private static string Walk(string name, object table)
    {
        var members = table.GetType().GetGenericArguments().Single();
        var of = table.GetType().GetMethod(nameof(WireIds<RatePer>.Of))!;
        var tryParse = table.GetType().GetMethod(nameof(WireIds<RatePer>.TryParse))!;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in Enum.GetValues(members))
        {
            var id = (string)of.Invoke(table, [member])!;
            object?[] arguments = [id, null];
            Assert.True((bool)tryParse.Invoke(table, arguments)!, $"{name}: {id}");
            Assert.Equal(member, arguments[1]);
            Assert.True(ids.Add(id), $"{name}: {id} twice");
        }

        return members.Name;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}
