using System.Globalization;
using System.Text.Json;
using DebtShield.Core.Law;
using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// Real court decisions (<c>court-cases/</c>): each figure a court stated is reproduced by the
/// lawful account with the court's own conventions, or the file says why it cannot be and the
/// figures its facts do allow are checked (<c>checks</c>).
/// </summary>
public sealed class CourtCaseTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Core.Tests", "Law", "court-cases");

    public static TheoryData<string> Cases() => [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_CourtsOwnConventions_ReproducesEachFigureTheCourtStated(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        var root = document.RootElement;
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("source").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("court").GetString()));
        var figures = root.GetProperty("courtFigures");
        if (!root.TryGetProperty("segments", out var segments))
        {
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("notReproducible").GetString()));
            return;
        }

        var rounding = root.GetProperty("roundedTo").GetDecimal();
        foreach (var segment in segments.EnumerateArray())
        {
            var from = Date(segment.GetProperty("from"));
            var to = Date(segment.GetProperty("to"));
            var dayCount = segment.GetProperty("daysPerYear").GetInt32() == 360 ? DayCount.Actual360 : DayCount.Actual365;
            Assert.Equal(segment.GetProperty("courtDays").GetInt32(), to.DayNumber - from.DayNumber);

            var interest = LawfulBalance.Compute(new Money(segment.GetProperty("principal").GetDecimal()), from, [], to, [(from, segment.GetProperty("annual").GetDecimal())], dayCount).InterestDue;

            var court = figures.GetProperty(segment.GetProperty("figure").GetString()!).GetDecimal();
            Assert.InRange(interest.Yuan, court - (rounding / 2), court + (rounding / 2));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Checks_FactsTheCourtGave_GiveEachFigureTheCourtStated(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        var root = document.RootElement;
        if (!root.TryGetProperty("checks", out var checks))
        {
            return;
        }

        var figures = root.GetProperty("courtFigures");
        Assert.NotEqual(0, checks.GetArrayLength());
        foreach (var check in checks.EnumerateArray())
        {
            var court = figures.GetProperty(check.GetProperty("figure").GetString()!).GetDecimal();
            var kind = check.GetProperty("kind").GetString();
            switch (kind)
            {
                case "principalBasis":
                    // Civil Code 670 (Contract Law 200 before 2021): interest deducted in advance is not lent.
                    Assert.Equal(court, new Money(check.GetProperty("written").GetDecimal()).Yuan - check.GetProperty("deductedInAdvance").GetDecimal());
                    break;
                case "paidCoversDays":
                    Assert.Equal(court, DaysCovered(check));
                    break;
                case "paidAgainstPrincipal":
                    // What the court applied to principal (by the parties' designation, past the lawful
                    // interest, or all of it where the contract is void) leaves the principal it ordered.
                    Assert.Equal(court, (new Money(check.GetProperty("principal").GetDecimal()) - new Money(check.GetProperty("paid").GetDecimal())).Yuan);
                    break;
                case "wholeMonths":
                    // The court counts whole months at a monthly rate, not days: its own convention.
                    var interest = new Money(check.GetProperty("principal").GetDecimal()) * (check.GetProperty("monthly").GetDecimal() * check.GetProperty("months").GetInt32());
                    Assert.Equal(court, interest.RoundToFen().Yuan);
                    break;
                default:
                    Assert.Fail($"{file}: unknown check kind '{kind}'.");
                    break;
            }
        }
    }

    /// <summary>
    /// The whole days of interest a payment covers at a rate: the lawful account's interest for
    /// that many days is within the payment, and for one more day it is not.
    /// </summary>
    private static int DaysCovered(JsonElement check)
    {
        var principal = new Money(check.GetProperty("principal").GetDecimal());
        var from = Date(check.GetProperty("from"));
        var annual = check.GetProperty("annual").GetDecimal();
        var paid = check.GetProperty("paid").GetDecimal();
        var dayCount = check.GetProperty("daysPerYear").GetInt32() == 360 ? DayCount.Actual360 : DayCount.Actual365;
        var days = 0;
        while (LawfulBalance.Compute(principal, from, [], from.AddDays(days + 1), [(from, annual)], dayCount).InterestDue.Yuan <= paid)
        {
            days++;
        }

        return days;
    }

    private static DateOnly Date(JsonElement element) => DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
