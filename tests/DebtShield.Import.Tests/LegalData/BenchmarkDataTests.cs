using System.Globalization;
using System.Text.Json;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Import.LegalData;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.LegalData;

/// <summary>
/// The shipped PBOC benchmark lending rates (<c>data/law/pboc-benchmark.json</c>) and the 1991
/// opinion's line read from them, checked against figures from official publications and court findings.
/// </summary>
public sealed class BenchmarkDataTests
{
    private static readonly string CourtCases = Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Core.Tests", "Law", "court-cases");

    private static Opinion1991Rules Opinion => LegalDataReader.Rules.Opinion1991!;

    [Fact]
    public void Rules_ShippedData_CarryTheLineOfThe1991Opinion()
    {
        Assert.Equal(4m, Opinion.Multiple);
        Assert.Equal(new DateOnly(2015, 9, 1), Opinion.FiledBefore);
        Assert.Equal(new DateOnly(1991, 4, 21), Opinion.Benchmark.Changes[0].Date);
        Assert.Equal(new DateOnly(2015, 10, 24), Opinion.Benchmark.Changes[^1].Date);
        Assert.All(Opinion.Basis.Citations, id => Assert.True(LegalDataReader.Citations.ContainsKey(id), id));
    }

    [Fact]
    public void Changes_EveryRow_RisesWithTheTerm()
    {
        // A longer term never had a lower benchmark rate: a transposed or mistyped value breaks this.
        Assert.All(Opinion.Benchmark.Changes, c =>
        {
            Assert.True(c.UpToSixMonths <= c.UpToOneYear, c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.True(c.UpToOneYear <= c.UpToThreeYears, c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.True(c.UpToThreeYears <= c.UpToFiveYears, c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.True(c.UpToFiveYears <= c.OverFiveYears, c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.InRange(c.OverFiveYears, 0.04m, 0.16m);
        });
    }

    /// <summary>Rows read in an official publication or a verbatim copy of the PBOC's notice.</summary>
    [Theory]
    [InlineData("1996-08-23", BenchmarkTerm.UpToOneYear, "0.1008")] // NBS yearbook 2000, table 19-9
    [InlineData("1999-06-10", BenchmarkTerm.OverFiveYears, "0.0621")] // NBS yearbook 2000, table 19-9
    [InlineData("2004-10-29", BenchmarkTerm.UpToSixMonths, "0.0522")] // PBOC notice of 2006-04-28, 'before'
    [InlineData("2006-04-28", BenchmarkTerm.UpToThreeYears, "0.0603")] // PBOC notice of 2006-04-28, 'after'
    [InlineData("2015-08-25", BenchmarkTerm.UpToOneYear, "0.0485")] // the day before the 2015-08-26 change
    [InlineData("2015-08-26", BenchmarkTerm.UpToFiveYears, "0.0500")] // Bank of China rate table, 2015-08-26
    public void InForceOn_OfficialRows_GiveThePublishedRate(string day, BenchmarkTerm term, string rate)
    {
        var change = Opinion.Benchmark.InForceOn(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture))!;

        Assert.Equal(decimal.Parse(rate, CultureInfo.InvariantCulture), change.RateFor(term));
        Assert.NotEqual(FactStatus.Uncertain, change.Status);
    }

    public static TheoryData<string> CasesWithBenchmarkChecks() =>
    [
        .. Directory.EnumerateFiles(CourtCases, "*.json")
            .Where(f => File.ReadAllText(f).Contains("\"benchmarkChecks\"", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// Court decisions that state a benchmark rate or 4 × LPR, or held an agreed rate within or above the 1991 line.
    /// </summary>
    [Theory]
    [MemberData(nameof(CasesWithBenchmarkChecks))]
    public void CourtCases_RateFindings_AgreeWithTheShippedData(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CourtCases, file)));
        var figures = document.RootElement.GetProperty("courtFigures");
        foreach (var check in document.RootElement.GetProperty("benchmarkChecks").EnumerateArray())
        {
            var court = figures.GetProperty(check.GetProperty("figure").GetString()!).GetDecimal();
            switch (check.GetProperty("kind").GetString())
            {
                case "benchmarkRate":
                    var term = Enum.Parse<BenchmarkTerm>(check.GetProperty("term").GetString()!, ignoreCase: true);
                    Assert.Equal(court, Opinion.Benchmark.InForceOn(Day(check, "on"))!.RateFor(term));
                    break;
                case "fourTimesLpr":
                    var rules = LegalDataReader.Rules;
                    Assert.Equal(court, rules.PrivateLprMultiple * rules.Lpr.InForceOn(Day(check, "on"))!.OneYear);
                    break;
                case "opinion1991Line":
                    var line = Opinion1991Line.For(Bullet(Day(check, "contractDate"), Day(check, "dueDate")), Opinion, Day(check, "filed"))!;
                    var within = check.GetProperty("courtHeld").GetString() switch
                    {
                        "within" => true,
                        "above" => false,
                        var other => throw new InvalidDataException($"{file}: courtHeld '{other}'."),
                    };
                    Assert.True(within == court <= line.Annual, $"{file}: the court held {court} {(within ? "within" : "above")} the line, the data gives {line.Annual}.");
                    break;
                default:
                    Assert.Fail($"{file}: unknown benchmark check.");
                    break;
            }
        }
    }

    private static DateOnly Day(JsonElement check, string name) =>
        DateOnly.ParseExact(check.GetProperty(name).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Loan Bullet(DateOnly contract, DateOnly due)
    {
        var creation = Loan.Create("court-case", new Lender("lender", LenderKind.PrivateIndividual), contract, new Money(1m), new Money(1m), [], [new Instalment(due, new Money(1m))], [], null);
        Assert.True(creation.Succeeded);
        return creation.Loan;
    }
}
