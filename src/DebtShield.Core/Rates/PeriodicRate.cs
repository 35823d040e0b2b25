namespace DebtShield.Core.Rates;

/// <summary>A rate per repayment period, with the number of such periods in a year.</summary>
/// <param name="PerPeriod">The rate per period as a fraction; above −1.</param>
/// <param name="PeriodsPerYear">12 for calendar months, 365 / d for a period of d days.</param>
public readonly record struct PeriodicRate(double PerPeriod, double PeriodsPerYear)
{
    /// <summary>The nominal annual rate: the per-period rate times the periods in a year.</summary>
    public AnnualRate NominalAnnual => new(PerPeriod * PeriodsPerYear, AnnualisationMethod.Nominal);

    /// <summary>The effective annual rate: the per-period rate compounded over a year.</summary>
    public AnnualRate EffectiveAnnual => new(
        RateArithmetic.ExpM1(PeriodsPerYear * RateArithmetic.Log1P(PerPeriod)),
        AnnualisationMethod.Effective);
}
