using DebtShield.Core.Conduct;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Conduct;

public sealed class PatternAutomatonTests
{
    [Fact]
    public void Match_OverlappingPatterns_FindsEveryOccurrence()
    {
        var automaton = new PatternAutomaton(["通讯录", "讯录", "录已", "导出", "通讯"]);
        var hits = new List<TermHit>();

        automaton.Match("把通讯录已导出", hits);

        Assert.Equal(
            [(4, 1, 3), (0, 1, 4), (1, 2, 4), (2, 3, 5), (3, 5, 7)],
            hits.Select(h => (h.Pattern, h.Start, h.End)));
    }

    [Fact]
    public void Match_CharacterOutsideEveryPattern_RestartsFromTheRoot()
    {
        var automaton = new PatternAutomaton(["老赖"]);
        var hits = new List<TermHit>();

        automaton.Match("老x赖 老赖", hits);

        Assert.Equal([(0, 4, 6)], hits.Select(h => (h.Pattern, h.Start, h.End)));
    }

    [Property(MaxTest = 200)]
    public Property Match_AnyPatternsAndText_AgreesWithBruteForce()
    {
        var word = Gen.ArrayOf(Gen.Elements('a', 'b', 'c', '通'))
            .Where(chars => chars.Length is > 0 and < 5)
            .Select(chars => new string(chars));
        var input = Gen.Zip(Gen.ListOf(word).Where(list => list.Count > 0), Gen.ArrayOf(Gen.Elements('a', 'b', 'c', '通', 'x')))
            .ToArbitrary();
        return Prop.ForAll(input, pair =>
        {
            var patterns = pair.Item1.Distinct().ToList();
            var text = new string(pair.Item2);
            var hits = new List<TermHit>();
            new PatternAutomaton(patterns).Match(text, hits);

            var expected = new HashSet<(int, int, int)>();
            for (var p = 0; p < patterns.Count; p++)
            {
                for (var i = text.IndexOf(patterns[p], StringComparison.Ordinal); i >= 0; i = text.IndexOf(patterns[p], i + 1, StringComparison.Ordinal))
                {
                    expected.Add((p, i, i + patterns[p].Length));
                }
            }

            return expected.SetEquals(hits.Select(h => (h.Pattern, h.Start, h.End))) && hits.Count == expected.Count;
        });
    }
}
