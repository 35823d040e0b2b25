using System.Text.RegularExpressions;
using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests;

/// <summary>
/// One naming style for every test in the repository, the one most of them already had:
/// <c>Member_Condition_Expectation</c>, three PascalCase parts, so a failing test's name says
/// what was exercised, in which situation, and what should have happened, and a list of tests
/// reads the same in every project. Read from the sources, so one test covers every test
/// project, the browser tests included.
/// </summary>
public sealed partial class TestNamingTests
{
    [Fact]
    public void TestMethods_InEveryTestProject_AreNamedMemberConditionExpectation()
    {
        var tests = TestMethods().ToList();

        var misnamed = tests.Where(t => !MemberConditionExpectation().IsMatch(t.Name)).Select(t => $"{t.File}: {t.Name}").ToList();

        Assert.True(tests.Count > 500, $"only {tests.Count} test methods were found: the reading of the sources is broken");
        Assert.True(misnamed.Count == 0, $"{misnamed.Count} tests are not named Member_Condition_Expectation:\n{string.Join('\n', misnamed)}");
    }

    private static IEnumerable<(string File, string Name)> TestMethods()
    {
        var root = Path.Combine(RepositoryPaths.Root, "tests");
        var separator = Path.DirectorySeparatorChar;
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            foreach (Match test in TestMethod().Matches(File.ReadAllText(file)))
            {
                yield return (Path.GetRelativePath(root, file), test.Groups["name"].Value);
            }
        }
    }

    /// <summary>A <c>[Fact]</c>, <c>[Theory]</c> or FsCheck <c>[Property]</c>, any further attributes, then the method it marks.</summary>
    [GeneratedRegex(@"^\s*\[(?:Fact|Theory|Property)\b.*\n(?:\s*\[.*\n)*\s*public\s+(?:async\s+)?[\w<>]+\s+(?<name>\w+)\s*\(", RegexOptions.Multiline)]
    private static partial Regex TestMethod();

    /// <summary>Three PascalCase parts; a part may start with a digit ("_413PageNamingTheLimit").</summary>
    [GeneratedRegex("^[A-Z][A-Za-z0-9]*_[A-Z0-9][A-Za-z0-9]*_[A-Z0-9][A-Za-z0-9]*$")]
    private static partial Regex MemberConditionExpectation();
}
