using DebtShield.Core.Law;
using DebtShield.Core.Rates;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// An explanation step's value keeps each kind exactly as it was given (the report words it from
/// them) and refuses to be read as another kind.
/// </summary>
public sealed class StepValueTests
{
    [Fact]
    public void Amount_FromMoney_KeepsTheExactDecimalAndItsScale()
    {
        StepValue value = new Money(1_234.5600m);

        Assert.Equal(StepValueKind.Amount, value.Kind);
        Assert.Equal(1_234.5600m, value.Amount.Yuan);
        Assert.Equal("1234.5600", value.Amount.Yuan.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Rate_FromAnnualRate_KeepsTheDoubleBitForBitAndItsMethod()
    {
        var rate = new AnnualRate(0.1 + 0.2, AnnualisationMethod.Effective);

        StepValue value = rate;

        Assert.Equal(StepValueKind.Rate, value.Kind);
        Assert.Equal(BitConverter.DoubleToInt64Bits(rate.Fraction), BitConverter.DoubleToInt64Bits(value.Rate.Fraction));
        Assert.Equal(AnnualisationMethod.Effective, value.Rate.Method);
    }

    [Fact]
    public void Accessors_DateCountNumberAndTerm_ReadBackAsGiven()
    {
        StepValue date = new DateOnly(2027, 12, 31);
        StepValue count = 365;
        StepValue number = 4m;
        StepValue term = BenchmarkTerm.UpToSixMonths;

        Assert.Equal(new DateOnly(2027, 12, 31), date.Date);
        Assert.Equal(365, count.Count);
        Assert.Equal(4m, number.Number);
        Assert.Equal(BenchmarkTerm.UpToSixMonths, term.Term);
        Assert.Equal(
            [StepValueKind.Date, StepValueKind.Count, StepValueKind.Number, StepValueKind.Term],
            new[] { date.Kind, count.Kind, number.Kind, term.Kind });
    }

    [Fact]
    public void Read_AsAnotherKind_Throws()
    {
        StepValue amount = new Money(10m);

        Assert.Throws<InvalidOperationException>(() => amount.Rate);
        Assert.Throws<InvalidOperationException>(() => amount.Number);
        Assert.Throws<InvalidOperationException>(() => ((StepValue)365).Date);
    }

    [Fact]
    public void Equals_SameNumberOfAnotherKind_IsFalse()
    {
        // 4 as a count, as a plain number and as an amount are three different statements.
        StepValue count = 4;
        StepValue number = 4m;
        StepValue amount = new Money(4m);

        Assert.NotEqual(count, number);
        Assert.NotEqual(number, amount);
        Assert.Equal(number, (StepValue)4.00m);
        Assert.Equal(amount.GetHashCode(), ((StepValue)new Money(4.0m)).GetHashCode());
    }
}
