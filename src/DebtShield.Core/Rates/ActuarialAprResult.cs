namespace DebtShield.Core.Rates;

/// <summary>
/// An actuarial APR by Regulation Z, Appendix J, with the unit-period and the rate per
/// unit-period it came from, so that a disclosure or a complaint can show how it was reached.
/// </summary>
/// <param name="UnitPeriod">The unit-period the schedule was measured in.</param>
/// <param name="PeriodRate">The rate per unit-period, as a fraction (0.008 is 0.8% a month).</param>
/// <param name="Apr">
/// The APR as a fraction (0.0969 is 9.69%): the rate per unit-period times
/// <see cref="Rates.UnitPeriod.PerYear"/>, nominal, not compounded, as the regulation defines it.
/// </param>
public sealed record ActuarialAprResult(UnitPeriod UnitPeriod, RateSolution PeriodRate, RateSolution Apr)
{
    /// <summary>
    /// The APR labelled with its method, for showing beside the loan's other annual rates; null
    /// when there is no unique rate.
    /// </summary>
    public AnnualRate? Annual => Apr.IsUnique ? new AnnualRate(Apr.Rate, AnnualisationMethod.Actuarial) : null;
}
