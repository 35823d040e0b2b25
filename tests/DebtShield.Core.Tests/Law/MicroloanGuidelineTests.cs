using DebtShield.Core.Law;
using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// A microloan company's loan formed since the 2025 guideline (reported distributed 2025-12-24) is
/// explained against its 24% line for new loans and its 4×LPR target, as supervisory guidance with
/// its status, never as a cap on the lawful balance.
/// </summary>
public sealed class MicroloanGuidelineTests
{
    private static readonly DateOnly After = new(2026, 1, 10);

    private static LegalAssessment Check(LenderKind kind, DateOnly lent, double monthlyRate) =>
        LegalCheck.Of(TestLaw.MonthlyLoan(kind, lent, 10_000m, 12, monthlyRate), TestLaw.Rules, new CheckOptions(lent.AddMonths(1)));

    [Fact]
    public void Of_MicroloanAtTwoAndAHalfPercentAMonth_IsAboveTheGuidelinesTwentyFourPercent()
    {
        // 2.5% a month is 30% a year (month rate × 12), above 24%.
        var assessment = Check(LenderKind.Microloan, After, 0.025);

        var step = Assert.Single(assessment.Steps, s => s.Kind == StepKind.MicroloanGuidelineAbove);
        Assert.Equal(["microloan-cost-2025"], step.Citations);
        Assert.Contains(Uncertainty.MicroloanGuidelineSecondary, assessment.Uncertain);
        // Guidance, not a court line: the lawful balance is the licensed view's, at the contract's 30% under the 24% line.
        Assert.Equal(0.24m, assessment.Primary.Cap.Annual);
    }

    [Fact]
    public void Of_MicroloanAtOneAndAHalfPercentAMonth_IsAboveTheTargetOnly()
    {
        // 18% a year: within 24%, above 4 × the 3.00% LPR of 2026-01-10 = 12%, a target for the end of 2027.
        var step = Assert.Single(Check(LenderKind.Microloan, After, 0.015).Steps, s => s.Kind == StepKind.MicroloanGuidelineAboveTarget);

        Assert.Equal(new DateOnly(2027, 12, 31), step.Values[2].Date);
    }

    [Theory]
    [InlineData(LenderKind.Microloan, 2025, 12, 23, 0.025)] // formed the day before the guideline
    [InlineData(LenderKind.Microloan, 2026, 1, 10, 0.009)] // 10.8%: within the target
    [InlineData(LenderKind.ConsumerFinance, 2026, 1, 10, 0.025)] // not a microloan company
    public void Of_OutsideTheGuideline_ExplainsNothingAboutIt(LenderKind kind, int year, int month, int day, double monthlyRate)
    {
        var assessment = Check(kind, new DateOnly(year, month, day), monthlyRate);

        Assert.DoesNotContain(assessment.Steps, s => s.Kind is StepKind.MicroloanGuidelineAbove or StepKind.MicroloanGuidelineAboveTarget);
        Assert.DoesNotContain(Uncertainty.MicroloanGuidelineSecondary, assessment.Uncertain);
    }
}
