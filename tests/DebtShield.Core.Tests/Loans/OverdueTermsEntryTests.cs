using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Loans;

public sealed class OverdueTermsEntryTests
{
    [Theory]
    [InlineData("0.05%", "0.0005")]
    [InlineData(" 0.05 % ", "0.0005")]
    [InlineData("0.0005", "0.0005")]
    [InlineData("5E-4", "0.0005")]
    [InlineData("24%", "0.24")]
    [InlineData("-1%", "-0.01")]
    public void ParseRate_FractionOrPercentage_IsTheFraction(string text, string fraction)
    {
        Assert.Equal(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture), OverdueTermsEntry.ParseRate(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("百分之五")]
    [InlineData("0.05%%")]
    [InlineData("1,5%")]
    public void ParseRate_NotANumber_IsNull(string text)
    {
        Assert.Null(OverdueTermsEntry.ParseRate(text));
    }

    [Fact]
    public void Read_BlankTexts_AreNotGiven()
    {
        var entry = new OverdueTermsEntry { Rate = " ", Per = "", PenaltyPerDay = "\t" };

        Assert.True(entry.IsEmpty);
        Assert.Equal(OverdueTerms.Unknown, entry.Read().Terms);
    }

    [Fact]
    public void Read_EveryProblem_IsReportedOnItsPart()
    {
        var reading = new OverdueTermsEntry { Rate = "much", PenaltyPerDay = "0.1%", Penalty = 200m }.Read();

        Assert.Null(reading.Terms);
        Assert.Equal(
            [
                new OverdueTermsProblem(OverdueTermsPart.Penalty, OverdueTermsProblemKind.PenaltyBothWays),
                new OverdueTermsProblem(OverdueTermsPart.Rate, OverdueTermsProblemKind.NotARate),
            ],
            reading.Problems);
    }

    [Theory]
    [InlineData("-0.01", OverdueTermsPart.Rate, OverdueTermsProblemKind.RateOutOfRange)]
    [InlineData("100.01", OverdueTermsPart.Rate, OverdueTermsProblemKind.RateOutOfRange)]
    public void Problems_RateOutOfBounds_IsOnTheRate(string rate, OverdueTermsPart part, OverdueTermsProblemKind kind)
    {
        var terms = new OverdueTermsEntry { Rate = rate }.Read().Terms!;

        Assert.Equal([new OverdueTermsProblem(part, kind)], terms.Problems());
    }

    [Fact]
    public void Problems_AmountsOfNothingUpToTheLargest_AreNone()
    {
        var terms = new OverdueTermsEntry { Rate = "100", Penalty = 0m, OtherFees = Loan.LargestAmount }.Read().Terms!;

        Assert.Empty(terms.Problems());
    }

    [Fact]
    public void Problems_AmountsBelowNothingOrBeyondTheLargest_AreOnTheirParts()
    {
        var terms = new OverdueTermsEntry { Penalty = -0.01m, OtherFees = Loan.LargestAmount + 1m }.Read().Terms!;

        Assert.Equal(
            [
                new OverdueTermsProblem(OverdueTermsPart.Penalty, OverdueTermsProblemKind.Negative),
                new OverdueTermsProblem(OverdueTermsPart.OtherFees, OverdueTermsProblemKind.ImplausiblyLarge),
            ],
            terms.Problems());
    }
}
