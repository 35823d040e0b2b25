using System.Globalization;
using System.Text.Json;
using DebtShield.Core.Law;
using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// Real court decisions (<c>court-cases/</c>): each figure a court stated is reproduced by the
/// lawful account with the court's own conventions, or the file says why it cannot be.
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

    private static DateOnly Date(JsonElement element) => DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
