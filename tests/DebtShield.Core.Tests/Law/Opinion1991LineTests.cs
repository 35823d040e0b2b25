using DebtShield.Core.Law;
using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// The 1991 opinion's line (item 6: four times the bank rate of the same category and term) for
/// cases filed before 2015-09-01, with hand-worked figures on a small benchmark table.
/// </summary>
public sealed class Opinion1991LineTests
{
    private static readonly DateOnly Rules2015 = new(2015, 9, 1);

    /// <summary>Three real benchmark changes (PBOC 2012-06-08, 2012-07-06, 2014-11-22), the middle one marked uncertain to test status.</summary>
    private static readonly Opinion1991Rules Rules = new(
        new BenchmarkLendingRates(
        [
            new BenchmarkRateChange(new DateOnly(2014, 11, 22), 0.0560m, 0.0560m, 0.0600m, 0.0600m, 0.0615m, FactStatus.Secondary),
            new BenchmarkRateChange(new DateOnly(2012, 6, 8), 0.0585m, 0.0631m, 0.0640m, 0.0665m, 0.0680m, FactStatus.Secondary),
            new BenchmarkRateChange(new DateOnly(2012, 7, 6), 0.0560m, 0.0600m, 0.0615m, 0.0640m, 0.0655m, FactStatus.Uncertain),
        ]),
        4m,
        Rules2015,
        new LegalBasis(["opinion1991-item6"], FactStatus.Secondary));

    [Fact]
    public void For_ContractOnTheDayOfAChange_TakesTheNewRate()
    {
        var line = Opinion1991Line.For(Bullet(new DateOnly(2012, 7, 6), months: 3), Rules, new DateOnly(2014, 1, 1))!;

        // 4 × 5.60% (up to six months, from 2012-07-06) = 22.40%.
        Assert.Equal(0.224m, line.Annual);
        Assert.Equal(CapRule.FourTimesBenchmark, line.Rule);
        Assert.Equal(new DateOnly(2012, 7, 6), line.Benchmark!.Change.Date);
        Assert.Equal(BenchmarkTerm.UpToSixMonths, line.Benchmark.Term);
        Assert.Equal(new DateOnly(2012, 7, 6), line.From);
    }

    [Fact]
    public void For_ContractTheDayBeforeAChange_TakesTheOldRate()
    {
        var line = Opinion1991Line.For(Bullet(new DateOnly(2012, 7, 5), months: 3), Rules, new DateOnly(2014, 1, 1))!;

        // 4 × 5.85% (up to six months, from 2012-06-08) = 23.40%.
        Assert.Equal(0.234m, line.Annual);
    }

    [Fact]
    public void For_TwoYearTerm_TakesTheOneToThreeYearRate()
    {
        var line = Opinion1991Line.For(Bullet(new DateOnly(2013, 1, 10), months: 24), Rules, new DateOnly(2015, 8, 31))!;

        // 4 × 6.15% = 24.60%: above the 2015 rules' 24%, so the old line is not always lower.
        Assert.Equal(0.246m, line.Annual);
        Assert.Equal(BenchmarkTerm.UpToThreeYears, line.Benchmark!.Term);
    }

    [Theory]
    [InlineData("2015-08-31", true)]
    [InlineData("2015-09-01", false)]
    [InlineData("2020-01-01", false)]
    public void For_FilingDate_AppliesOnlyBeforeSeptember2015(string filed, bool applies)
    {
        var line = Opinion1991Line.For(Bullet(new DateOnly(2013, 1, 10), months: 6), Rules, DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(applies, line is not null);
    }

    [Fact]
    public void For_ContractBeforeTheFirstChange_GivesNoLine()
    {
        Assert.Null(Opinion1991Line.For(Bullet(new DateOnly(2012, 6, 7), months: 6), Rules, new DateOnly(2013, 1, 1)));
    }

    [Fact]
    public void For_UncertainBenchmarkRow_MakesTheLineUncertain()
    {
        var onUncertainRow = Opinion1991Line.For(Bullet(new DateOnly(2013, 1, 10), months: 6), Rules, new DateOnly(2014, 1, 1))!;
        var onSecondaryRow = Opinion1991Line.For(Bullet(new DateOnly(2015, 1, 10), months: 6), Rules, new DateOnly(2015, 6, 1))!;

        Assert.Equal(FactStatus.Uncertain, onUncertainRow.Basis.Status);
        Assert.Equal(FactStatus.Secondary, onSecondaryRow.Basis.Status);
        Assert.Equal(["opinion1991-item6"], onSecondaryRow.Basis.Citations);
    }

    [Theory]
    [InlineData("2012-08-31", "2013-02-28", BenchmarkTerm.UpToSixMonths)]
    [InlineData("2012-08-31", "2013-03-01", BenchmarkTerm.UpToOneYear)]
    [InlineData("2012-01-15", "2013-01-15", BenchmarkTerm.UpToOneYear)]
    [InlineData("2012-01-15", "2013-01-16", BenchmarkTerm.UpToThreeYears)]
    [InlineData("2012-01-15", "2017-01-15", BenchmarkTerm.UpToFiveYears)]
    [InlineData("2012-01-15", "2017-01-16", BenchmarkTerm.OverFiveYears)]
    public void TermOf_EachBucketsUpperEnd_IsInThatBucket(string from, string to, BenchmarkTerm expected)
    {
        Assert.Equal(expected, BenchmarkLendingRates.TermOf(Day(from), Day(to)));
    }

    [Fact]
    public void InForceOn_BeforeTheFirstChange_IsNull()
    {
        Assert.Null(Rules.Benchmark.InForceOn(new DateOnly(2012, 6, 7)));
        Assert.Equal(new DateOnly(2012, 6, 8), Rules.Benchmark.InForceOn(new DateOnly(2012, 6, 8))!.Date);
        Assert.Equal(new DateOnly(2014, 11, 22), Rules.Benchmark.InForceOn(new DateOnly(2030, 1, 1))!.Date);
    }

    [Fact]
    public void Constructor_TwoChangesOnOneDay_IsRefused()
    {
        var change = new BenchmarkRateChange(new DateOnly(2012, 7, 6), 0.056m, 0.06m, 0.0615m, 0.064m, 0.0655m, FactStatus.Secondary);

        Assert.Throws<ArgumentException>(() => new BenchmarkLendingRates([change, change with { UpToSixMonths = 0.05m }]));
    }

    [Fact]
    public void Of_PrivateLoanCheckedBeforeSeptember2015_AccruesAtFourTimesTheBenchmark()
    {
        // 10,000 lent 2014-02-20 for six months at 3% a month (11,800 due 2014-08-20), nothing paid.
        // Benchmark up to six months on 2014-02-20: 5.60% (2012-07-06), so the line is 22.40%.
        // As of 2015-06-01: 466 days × 10,000 × 22.40% / 365 = 2,859.84 of lawful interest.
        var loan = Bullet(new DateOnly(2014, 2, 20), months: 6, interest: 1_800m);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules with { Opinion1991 = Rules }, new CheckOptions(new DateOnly(2015, 6, 1)));

        var cap = Assert.Single(assessment.Primary.Caps);
        Assert.Equal(CapRule.FourTimesBenchmark, cap.Rule);
        Assert.Equal(0.224m, cap.Annual);
        Assert.True(assessment.Primary.ExceedsCap);
        Assert.Equal(2_859.84m, assessment.Primary.Lawful.InterestDue.Yuan);
        Assert.Equal(12_859.84m, assessment.Primary.Lawful.TotalDue.Yuan);
        Assert.Contains(Uncertainty.FiledBeforeRules2015, assessment.Uncertain);
        Assert.DoesNotContain(Uncertainty.ContractBeforeReform, assessment.Uncertain);
        Assert.Contains(assessment.Steps, s => s.Kind == StepKind.CapFourTimesBenchmark && s.Values[3].Term == BenchmarkTerm.UpToSixMonths);
    }

    [Fact]
    public void Of_SameLoanCheckedFromSeptember2015_KeepsThe2015Line()
    {
        var loan = Bullet(new DateOnly(2014, 2, 20), months: 6, interest: 1_800m);

        var assessment = LegalCheck.Of(loan, TestLaw.Rules with { Opinion1991 = Rules }, new CheckOptions(new DateOnly(2015, 9, 1)));

        // 24% for 558 days: 10,000 × 0.24 × 558 / 365 = 3,669.04.
        Assert.Equal(CapRule.OldPrivateLine, assessment.Primary.Cap.Rule);
        Assert.Equal(3_669.04m, assessment.Primary.Lawful.InterestDue.Yuan);
        Assert.DoesNotContain(Uncertainty.FiledBeforeRules2015, assessment.Uncertain);
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A private loan of 10,000 repaid in one instalment <paramref name="months"/> after the contract date.</summary>
    private static Loan Bullet(DateOnly contract, int months, decimal interest = 300m)
    {
        var creation = Loan.Create(
            "opinion-1991",
            new Lender("lender", LenderKind.PrivateIndividual),
            contract,
            new Money(10_000m),
            new Money(10_000m),
            [],
            [new Instalment(contract.AddMonths(months), new Money(10_000m + interest))],
            [],
            null);
        Assert.True(creation.Succeeded, string.Join(", ", creation.Problems));
        return creation.Loan;
    }
}
