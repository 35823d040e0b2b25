using System.Globalization;
using DebtShield.Core.Rates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.Core.Tests.Rates;

/// <summary>
/// The Regulation Z Appendix J actuarial APR against the regulation's worked examples
/// (<c>rates/regz-appendix-j.csv</c>), level-payment loans (<c>rates/level-annuity.csv</c>) and
/// cases worked out by hand.
/// </summary>
public sealed class ActuarialAprTests
{
    /// <summary>Published APRs are printed to two decimals of a percent.</summary>
    private const double PublishedTolerancePct = 0.005;

    /// <summary>The row that counts the odd period in actual days, which Appendix J does not.</summary>
    private const string ActualDaysRow = "J-c4ii-actualdays";

    private static readonly Lazy<IReadOnlyDictionary<string, AppendixJRow>> AppendixJRows = new(ReadAppendixJ);

    private static readonly Lazy<IReadOnlyDictionary<string, LevelAnnuityRow>> LevelAnnuityRows = new(ReadLevelAnnuity);

    public static TheoryData<string> RowsWithPeriods => Ids(row => row.TFirst is not null);

    public static TheoryData<string> RowsWithPeriodsAndPublishedApr =>
        Ids(row => row.TFirst is not null && row.ExpectedPct is not null);

    public static TheoryData<string> RowsMeasuredByAppendixJ => Ids(row => row.Id != ActualDaysRow);

    public static TheoryData<string> RowsWithPublishedApr => Ids(row => row.ExpectedPct is not null);

    public static TheoryData<string> RowsWithRecomputedAprMeasuredByAppendixJ =>
        Ids(row => row.RecomputedPct is not null && row.Id != ActualDaysRow);

    public static TheoryData<string> RowsWithPeriodsMeasuredByAppendixJ =>
        Ids(row => row.TFirst is not null && row.Id != ActualDaysRow);

    public static TheoryData<string> LevelAnnuities => new(LevelAnnuityRows.Value.Keys.Order(StringComparer.Ordinal));

    // (a) The equation alone, with the t and f the regulation's examples use.

    [Theory]
    [MemberData(nameof(RowsWithPeriods))]
    public void Solve_PublishedPeriods_MatchesRecomputedAprToPrintedPrecision(string id)
    {
        var row = AppendixJRows.Value[id];
        var (payments, _) = Schedule(row);
        var wholePeriods = payments.Select((_, k) => (double)(row.TFirst!.Value + k)).ToArray();
        var fractions = payments.Select(_ => row.F!.Value).ToArray();

        var rate = ActuarialApr.Solve(row.AmountFinanced, payments, wholePeriods, fractions);

        AssertPercent(row.RecomputedPct!.Value, PublishedVectors.PrintedPrecision(row.RecomputedText), rate.Rate * row.PerYear);
    }

    [Theory]
    [MemberData(nameof(RowsWithPeriodsAndPublishedApr))]
    public void Solve_PublishedPeriods_MatchesPublishedApr(string id)
    {
        var row = AppendixJRows.Value[id];
        var (payments, _) = Schedule(row);
        var wholePeriods = payments.Select((_, k) => (double)(row.TFirst!.Value + k)).ToArray();
        var fractions = payments.Select(_ => row.F!.Value).ToArray();

        var rate = ActuarialApr.Solve(row.AmountFinanced, payments, wholePeriods, fractions);

        AssertPercent(row.ExpectedPct!.Value, PublishedTolerancePct, rate.Rate * row.PerYear);
    }

    // (b) The whole method from dates: unit-period, counting, equation.

    [Theory]
    [MemberData(nameof(RowsMeasuredByAppendixJ))]
    public void Choose_PublishedSchedule_HasPublishedUnitPeriodsPerYear(string id)
    {
        var row = AppendixJRows.Value[id];
        var (_, dates) = Schedule(row);

        var unit = UnitPeriod.Choose(row.AdvanceDate, dates);

        Assert.Equal(row.PerYear, unit.PerYear, 12);
    }

    [Theory]
    [MemberData(nameof(RowsWithPeriodsMeasuredByAppendixJ))]
    public void Measure_AdvanceToFirstPayment_ReproducesPublishedPeriods(string id)
    {
        var row = AppendixJRows.Value[id];
        var (_, dates) = Schedule(row);
        var unit = UnitPeriod.Choose(row.AdvanceDate, dates);

        var (whole, fraction) = unit.Measure(row.AdvanceDate, row.FirstPaymentDate);

        Assert.Equal(row.TFirst!.Value, whole);
        Assert.Equal(row.F!.Value, fraction, 1e-5);
    }

    [Theory]
    [MemberData(nameof(RowsWithPeriodsMeasuredByAppendixJ))]
    public void Measure_EveryPayment_IsOneMoreWholePeriodWithTheSameFraction(string id)
    {
        var row = AppendixJRows.Value[id];
        var (_, dates) = Schedule(row);
        var unit = UnitPeriod.Choose(row.AdvanceDate, dates);

        for (var k = 0; k < dates.Length; k++)
        {
            var (whole, fraction) = unit.Measure(row.AdvanceDate, dates[k]);
            Assert.Equal(row.TFirst!.Value + k, whole);
            Assert.Equal(row.F!.Value, fraction, 1e-5);
        }
    }

    [Theory]
    [MemberData(nameof(RowsWithPublishedApr))]
    public void Compute_PublishedSchedule_MatchesPublishedApr(string id)
    {
        var row = AppendixJRows.Value[id];
        var (payments, dates) = Schedule(row);

        var result = ActuarialApr.Compute(row.AdvanceDate, row.AmountFinanced, dates, payments);

        AssertPercent(row.ExpectedPct!.Value, PublishedTolerancePct, result.Apr.Rate);
    }

    [Theory]
    [MemberData(nameof(RowsWithRecomputedAprMeasuredByAppendixJ))]
    public void Compute_PublishedSchedule_MatchesRecomputedAprToPrintedPrecision(string id)
    {
        var row = AppendixJRows.Value[id];
        var (payments, dates) = Schedule(row);

        var result = ActuarialApr.Compute(row.AdvanceDate, row.AmountFinanced, dates, payments);

        AssertPercent(row.RecomputedPct!.Value, PublishedVectors.PrintedPrecision(row.RecomputedText), result.Apr.Rate);
    }

    [Fact]
    public void Compute_OddFirstPeriodInMonths_CountsMonthsBackNotActualDays()
    {
        // Example (c)(4)(ii): 1978-01-10 to 1978-03-01 is 1 month back (to 1 February) and 22
        // days, 52/60 of a 2-month unit-period, giving 7.30%; 50 actual days would give 7.33%.
        var row = AppendixJRows.Value["J-c4ii"];
        var (payments, dates) = Schedule(row);

        var result = ActuarialApr.Compute(row.AdvanceDate, row.AmountFinanced, dates, payments);

        Assert.Equal(UnitPeriod.Months(2), result.UnitPeriod);
        Assert.Equal(52.0 / 60, result.UnitPeriod.Measure(row.AdvanceDate, row.FirstPaymentDate).Fraction, 1e-15);
        AssertPercent(7.3018, 0.00005, result.Apr.Rate);
    }

    // (c) Focused cases.

    [Fact]
    public void Compute_SinglePaymentAfterSevenDays_UsesTheTermAndThreeHundredSixtyFiveOverSeven()
    {
        // Paragraphs (b)(4)(ii) and (b)(5)(vii): the unit-period is the 7-day term, and a term
        // that is not whole months has 365 / days unit-periods a year (not 52).
        var advance = new DateOnly(2024, 3, 1);

        var result = ActuarialApr.Compute(advance, 2100, [advance.AddDays(7)], [3000]);

        Assert.Equal(UnitPeriod.Days(7), result.UnitPeriod);
        Assert.Equal(365.0 / 7, result.UnitPeriod.PerYear, 1e-12);
        var expected = ((3000.0 / 2100) - 1) * 365 / 7;
        Assert.Equal(expected, result.Apr.Rate, expected * 1e-12);
    }

    [Fact]
    public void Compute_SinglePaymentAfterThreeMonths_UsesTheTermInMonths()
    {
        var advance = new DateOnly(2024, 1, 31);

        var result = ActuarialApr.Compute(advance, 1000, [new DateOnly(2024, 4, 30)], [1030]);

        Assert.Equal(UnitPeriod.Months(3), result.UnitPeriod);
        Assert.Equal(0.03 * 4, result.Apr.Rate, 1e-13);
    }

    [Fact]
    public void Compute_SinglePaymentAfterMoreThanAYear_UsesAYear()
    {
        // 18 months: one whole year plus 6/12 of one, counted in whole months.
        var advance = new DateOnly(2023, 1, 15);

        var result = ActuarialApr.Compute(advance, 1000, [new DateOnly(2024, 7, 15)], [1200]);

        Assert.Equal(UnitPeriod.Months(12), result.UnitPeriod);
        Assert.Equal(1.0, result.UnitPeriod.PerYear);
        var i = result.PeriodRate.Rate;
        Assert.Equal(1200.0, 1000 * (1 + (0.5 * i)) * (1 + i), 1e-9);
    }

    [Fact]
    public void Choose_AdvanceOnJanuary31WithMonthlyPayments_IsOneMonth()
    {
        var advance = new DateOnly(2024, 1, 31);
        var dates = Enumerable.Range(1, 12).Select(advance.AddMonths).ToArray();

        var unit = UnitPeriod.Choose(advance, dates);

        Assert.Equal(UnitPeriod.Months(1), unit);
        Assert.Equal(new DateOnly(2024, 2, 29), dates[0]);
    }

    [Theory]
    [InlineData("2024-01-31", "2024-02-29", 1)]
    [InlineData("2024-01-31", "2024-04-30", 3)]
    [InlineData("2023-01-31", "2023-02-28", 1)]
    [InlineData("2023-01-30", "2023-02-28", 1)]
    [InlineData("2023-02-28", "2023-03-31", 1)]
    [InlineData("2023-01-31", "2024-01-31", 12)]
    public void Measure_MonthEndToMonthEnd_IsWholeMonths(string from, string to, int months)
    {
        var (whole, fraction) = UnitPeriod.Months(1).Measure(ParseDate(from), ParseDate(to));

        Assert.Equal(months, whole);
        Assert.Equal(0.0, fraction);
    }

    [Fact]
    public void Measure_FromJanuary31ToFebruary28InLeapYear_IsTwentyEightDaysOfThirty()
    {
        // 2024 has 29 February, so 28 February is not a month after 31 January.
        var (whole, fraction) = UnitPeriod.Months(1).Measure(new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 28));

        Assert.Equal(0, whole);
        Assert.Equal(28.0 / 30, fraction, 1e-15);
    }

    [Fact]
    public void Compute_AdvanceOnJanuary31WithMonthlyPayments_HasNoOddFraction()
    {
        var advance = new DateOnly(2024, 1, 31);
        var dates = Enumerable.Range(1, 24).Select(advance.AddMonths).ToArray();
        var payments = Enumerable.Repeat(460.0, 24).ToArray();

        var result = ActuarialApr.Compute(advance, 10000, dates, payments);

        var level = ActuarialApr.Solve(
            10000,
            payments,
            Enumerable.Range(1, 24).Select(k => (double)k).ToArray(),
            new double[24]);
        Assert.Equal(level.Rate * 12, result.Apr.Rate, 1e-15);
        for (var k = 0; k < dates.Length; k++)
        {
            Assert.Equal((k + 1, 0.0), result.UnitPeriod.Measure(advance, dates[k]));
        }
    }

    [Fact]
    public void Measure_YearUnitWithLeftoverDays_CountsThemOverThreeHundredSixtyFive()
    {
        // Paragraph (b)(5)(v)(B): a leftover that is not whole months is actual days / 365.
        var (whole, fraction) = UnitPeriod.Months(12).Measure(new DateOnly(2023, 10, 26), new DateOnly(2024, 11, 30));

        Assert.Equal(1, whole);
        Assert.Equal(35.0 / 365, fraction, 1e-15);
    }

    [Fact]
    public void Measure_YearUnitWithLeftoverMonths_CountsThemOverTwelve()
    {
        var (whole, fraction) = UnitPeriod.Months(12).Measure(new DateOnly(2023, 1, 15), new DateOnly(2025, 4, 15));

        Assert.Equal(2, whole);
        Assert.Equal(3.0 / 12, fraction, 1e-15);
    }

    [Fact]
    public void Choose_FifteenthAndLastDayOfMonth_IsSemimonthly()
    {
        DateOnly[] dates =
        [
            new(2024, 1, 15), new(2024, 1, 31), new(2024, 2, 15), new(2024, 2, 29),
            new(2024, 3, 15), new(2024, 3, 31), new(2024, 4, 15), new(2024, 4, 30),
        ];

        var unit = UnitPeriod.Choose(new DateOnly(2024, 1, 1), dates);

        Assert.Equal(UnitPeriod.Semimonth, unit);
        Assert.Equal(24.0, unit.PerYear);
    }

    [Fact]
    public void Choose_EveryFourteenDays_IsTwoWeeksNotASemimonth()
    {
        var advance = new DateOnly(2024, 1, 10);
        var dates = Enumerable.Range(1, 26).Select(k => advance.AddDays(14 * k)).ToArray();

        var unit = UnitPeriod.Choose(advance, dates);

        Assert.Equal(UnitPeriod.Weeks(2), unit);
        Assert.Equal(26.0, unit.PerYear);
    }

    [Fact]
    public void Choose_EveryTenDays_IsTenDays()
    {
        var advance = new DateOnly(2024, 1, 10);
        var dates = Enumerable.Range(1, 6).Select(k => advance.AddDays(10 * k)).ToArray();

        var unit = UnitPeriod.Choose(advance, dates);

        Assert.Equal(UnitPeriod.Days(10), unit);
        Assert.Equal(36.5, unit.PerYear, 1e-12);
    }

    [Fact]
    public void Choose_NoCommonPeriod_RoundsTheAverageToTheNearestStandardInterval()
    {
        // Periods of 40 and 43 days: none occurs twice; the average 41.5 days is nearest 6 weeks.
        var advance = new DateOnly(2024, 1, 1);

        var unit = UnitPeriod.Choose(advance, [advance.AddDays(40), advance.AddDays(83)]);

        Assert.Equal(UnitPeriod.Weeks(6), unit);
    }

    [Fact]
    public void Choose_TwoCommonPeriodsEquallyOften_TakesTheShorter()
    {
        // Advance to first payment 1 month, then 1, 2, 2 months: 1 month and 2 months occur twice each.
        var advance = new DateOnly(2024, 1, 5);
        DateOnly[] dates = [new(2024, 2, 5), new(2024, 3, 5), new(2024, 5, 5), new(2024, 7, 5)];

        var unit = UnitPeriod.Choose(advance, dates);

        Assert.Equal(UnitPeriod.Months(1), unit);
    }

    [Fact]
    public void Solve_AllPaymentsZero_HasNoRate()
    {
        var rate = ActuarialApr.Solve(1000, [0, 0, 0], [1, 2, 3], [0, 0, 0]);

        Assert.Equal(RateSolutionKind.NoRate, rate.Kind);
        Assert.Equal(NoRateReason.NoSignChange, rate.Reason);
    }

    [Fact]
    public void Compute_AllPaymentsZero_HasNoRateAndNoApr()
    {
        var advance = new DateOnly(2024, 1, 10);
        DateOnly[] dates = [new(2024, 2, 10), new(2024, 3, 10)];

        var result = ActuarialApr.Compute(advance, 1000, dates, [0, 0]);

        Assert.Equal(RateSolutionKind.NoRate, result.PeriodRate.Kind);
        Assert.Equal(RateSolutionKind.NoRate, result.Apr.Kind);
        Assert.Null(result.Apr.RateOrNull);
    }

    [Fact]
    public void Solve_EverythingRepaidOnTheAdvanceDate_HasNoRoot()
    {
        var rate = ActuarialApr.Solve(1000, [1000, 50], [0, 1], [0, 0]);

        Assert.Equal(NoRateReason.NoRoot, rate.Reason);
    }

    [Fact]
    public void Solve_RepaysExactlyTheAmountFinanced_IsZero()
    {
        var rate = ActuarialApr.Solve(1200, [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], new double[12]);

        Assert.Equal(0.0, rate.Rate, 1e-15);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(-0.01)]
    [InlineData(1e-6)]
    [InlineData(0.0075)]
    [InlineData(0.4)]
    [InlineData(25)]
    public void Solve_AmountFinancedFromAKnownRate_RecoversTheRate(double i)
    {
        double[] payments = [120, 80, 80, 80, 80, 300];
        double[] wholePeriods = [0, 1, 2, 3, 4, 5];
        double[] fractions = [0.7, 0.7, 0.7, 0.7, 0.7, 0.7];
        var amount = 0.0;
        for (var k = 0; k < payments.Length; k++)
        {
            amount += payments[k] / ((1 + (fractions[k] * i)) * Math.Pow(1 + i, wholePeriods[k]));
        }

        var rate = ActuarialApr.Solve(amount, payments, wholePeriods, fractions);

        // 1e-12 relative; for a rate near zero the amount's own rounding (about 1e-16 of it)
        // fixes i only to about 1e-16 absolute, hence the floor.
        Assert.Equal(i, rate.Rate, (Math.Abs(i) * 1e-12) + 1e-15);
    }

    [Property(MaxTest = 1000)]
    public Property Solve_AnyScheduleWithAnOddFraction_MeetsTheSolversStatedTolerance()
    {
        // Given 1 to 60 payments one unit-period apart after an odd fraction, costing from 1% less
        // to 300% more than the amount financed. BracketedHalley's stated tolerance: the equation is
        // zero at the rate to 16 ε of its terms' size; this check adds its own rounding, about ε a
        // term for the sum and the simple factor, and t·ε/(1 + i) for (1 + i)^(−t).
        var cases = from count in Gen.Choose(1, 60)
                    from payments in Gen.ArrayOf(Gen.Choose(1, 100_000), count)
                    from firstWhole in Gen.Choose(0, 3)
                    from fractionPermille in Gen.Choose(0, 1000)
                    from costPercent in Gen.Choose(-1, 300)
                    select (payments, firstWhole, fraction: fractionPermille / 1000.0, costPercent);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var payments = c.payments.Select(p => (double)p).ToArray();
            var wholePeriods = payments.Select((_, k) => (double)(c.firstWhole + k)).ToArray();
            var fractions = payments.Select(_ => c.fraction).ToArray();
            if (c.firstWhole == 0 && c.fraction == 0)
            {
                fractions[0] = 0.5;
            }

            var amount = payments.Sum() * 100 / (100 + c.costPercent);

            // When
            var solution = ActuarialApr.Solve(amount, payments, wholePeriods, fractions);

            // Then
            if (!solution.IsUnique)
            {
                return false.Label(solution.Kind.ToString());
            }

            var i = solution.Rate;
            double presentValue = 0;
            for (var k = 0; k < payments.Length; k++)
            {
                presentValue += payments[k] / ((1 + (fractions[k] * i)) * Math.Pow(1 + i, wholePeriods[k]));
            }

            var tolerance = 2.220446049250313e-16 * (16 + (2 * payments.Length) + (wholePeriods[^1] / (1 + i)));
            return (Math.Abs(amount - presentValue) <= tolerance * (amount + presentValue))
                .Label($"rate {i}: residual {Math.Abs(amount - presentValue) / (amount + presentValue):E2} of the size");
        });
    }

    [Theory]
    [MemberData(nameof(LevelAnnuities))]
    public void Compute_LevelMonthlyPayments_MatchesRecomputedAprToPrintedPrecision(string id)
    {
        var row = LevelAnnuityRows.Value[id];
        var advance = new DateOnly(2024, 1, 15);
        var dates = Enumerable.Range(1, row.Months).Select(advance.AddMonths).ToArray();
        var payments = Enumerable.Repeat(row.Payment, row.Months).ToArray();

        var result = ActuarialApr.Compute(advance, row.Principal, dates, payments);

        Assert.Equal(UnitPeriod.Months(1), result.UnitPeriod);
        var tolerance = PublishedVectors.PrintedPrecision(row.RecomputedText);
        Assert.InRange(result.Apr.Rate, row.RecomputedApr - tolerance, row.RecomputedApr + tolerance);
    }

    private static void AssertPercent(double expectedPct, double tolerancePct, double actualFraction) =>
        Assert.InRange(actualFraction * 100, expectedPct - tolerancePct, expectedPct + tolerancePct);

    /// <summary>
    /// A row's payments and due dates: the odd first payment if any, the regular ones, the odd
    /// final one if any, one unit-period apart from the first payment date. Month-based units
    /// step in calendar months from that date; semimonths on its day and 15 days later.
    /// </summary>
    private static (double[] Payments, DateOnly[] Dates) Schedule(AppendixJRow row)
    {
        var payments = new List<double>();
        if (row.OddFirstPayment is { } first)
        {
            payments.Add(first);
        }

        payments.AddRange(Enumerable.Repeat(row.RegularPayment, row.RegularCount));
        if (row.OddFinalPayment is { } final)
        {
            payments.Add(final);
        }

        var dates = Enumerable.Range(0, payments.Count).Select(k => DueDate(row.FirstPaymentDate, row.PerYear, k)).ToArray();
        return (payments.ToArray(), dates);
    }

    private static DateOnly DueDate(DateOnly first, double perYear, int index) => perYear switch
    {
        1 or 4 or 6 or 12 => first.AddMonths(index * (int)(12 / perYear)),
        24 => index % 2 == 0 ? first.AddMonths(index / 2) : first.AddMonths(index / 2).AddDays(15),
        52 => first.AddDays(7 * index),
        26 => first.AddDays(14 * index),
        13 => first.AddDays(28 * index),
        365 => first.AddDays(index),
        _ => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"No schedule for {perYear} unit-periods a year.")),
    };

    private static TheoryData<string> Ids(Func<AppendixJRow, bool> select) =>
        new(AppendixJRows.Value.Values.Where(select).Select(row => row.Id));

    private static DateOnly ParseDate(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double? ParseOptional(string text) =>
        text.Length == 0 ? null : PublishedVectors.Number(text);

    private static Dictionary<string, AppendixJRow> ReadAppendixJ() =>
        PublishedVectors.Csv("regz-appendix-j.csv")
            .Select(cells => new AppendixJRow(
                Id: cells["id"],
                AmountFinanced: PublishedVectors.Number(cells["amount_financed"]),
                AdvanceDate: ParseDate(cells["advance_date"]),
                FirstPaymentDate: ParseDate(cells["first_payment_date"]),
                PerYear: PublishedVectors.Number(cells["unit_periods_per_year"]),
                TFirst: cells["t_first"].Length == 0 ? null : int.Parse(cells["t_first"], CultureInfo.InvariantCulture),
                F: ParseOptional(cells["f"]),
                OddFirstPayment: ParseOptional(cells["odd_first_payment"]),
                RegularPayment: PublishedVectors.Number(cells["regular_payment"]),
                RegularCount: int.Parse(cells["regular_count"], CultureInfo.InvariantCulture),
                OddFinalPayment: ParseOptional(cells["odd_final_payment"]),
                ExpectedPct: ParseOptional(cells["expected_apr_pct"]),
                RecomputedPct: ParseOptional(cells["recomputed_apr_pct"]),
                RecomputedText: cells["recomputed_apr_pct"]))
            .ToDictionary(row => row.Id, StringComparer.Ordinal);

    private static Dictionary<string, LevelAnnuityRow> ReadLevelAnnuity() =>
        PublishedVectors.Csv("level-annuity.csv")
            .Select(cells => new LevelAnnuityRow(
                Id: cells["id"],
                Principal: PublishedVectors.Number(cells["principal"]),
                Payment: PublishedVectors.Number(cells["payment"]),
                Months: int.Parse(cells["n_months"], CultureInfo.InvariantCulture),
                RecomputedApr: PublishedVectors.Number(cells["recomputed_apr"]),
                RecomputedText: cells["recomputed_apr"]))
            .ToDictionary(row => row.Id, StringComparer.Ordinal);

    private sealed record AppendixJRow(
        string Id,
        double AmountFinanced,
        DateOnly AdvanceDate,
        DateOnly FirstPaymentDate,
        double PerYear,
        int? TFirst,
        double? F,
        double? OddFirstPayment,
        double RegularPayment,
        int RegularCount,
        double? OddFinalPayment,
        double? ExpectedPct,
        double? RecomputedPct,
        string RecomputedText);

    private sealed record LevelAnnuityRow(
        string Id,
        double Principal,
        double Payment,
        int Months,
        double RecomputedApr,
        string RecomputedText);
}
