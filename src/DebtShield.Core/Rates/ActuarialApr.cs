namespace DebtShield.Core.Rates;

/// <summary>
/// The actuarial annual percentage rate of US Regulation Z (12 CFR 1026), Appendix J, for a
/// single advance repaid by one or more payments.
/// </summary>
/// <remarks>
/// <para>
/// Appendix J's general equation for a single advance is
/// A = Σₖ Pₖ / ((1 + fₖ·i)(1 + i)^tₖ), where A is the amount financed, Pₖ the k-th payment, tₖ the
/// whole unit-periods and fₖ the fraction of a unit-period from the advance to that payment, and
/// i the rate per unit-period; the APR is i times the number of unit-periods in a year. Interest
/// on the odd fraction is simple (1 + f·i), not compounded, which is why this is not a plain IRR
/// and why a general IRR solver gives a slightly different rate for a schedule with an odd first
/// period.
/// </para>
/// <para>
/// It is the method US lenders disclose, and the reference many consumer tools follow; having it
/// exact lets DebtShield show a borrower the same figure a US-style calculator would, and explain
/// where it differs from the IRR.
/// </para>
/// </remarks>
public static class ActuarialApr
{
    /// <summary>
    /// Solves the general equation for the rate per unit-period i &gt; −1, given each payment's
    /// whole unit-periods and fraction: for schedules whose <c>t</c> and <c>f</c> are already
    /// known, as in the regulation's worked examples.
    /// </summary>
    /// <remarks>
    /// With payments that are never negative the right side falls strictly as i rises, so there
    /// is at most one rate; it is found by <see cref="BracketedHalley"/>, to about 1e-15 relative.
    /// There is no rate when nothing is advanced or nothing repaid
    /// (<see cref="NoRateReason.NoSignChange"/>), or when the payments due at the advance itself
    /// already repay the amount financed, or every payment is due then (<see cref="NoRateReason.NoRoot"/>).
    /// </remarks>
    /// <param name="amountFinanced">A: what was advanced, at the start of the term.</param>
    /// <param name="payments">Pₖ: each payment, never negative.</param>
    /// <param name="wholePeriods">tₖ: whole unit-periods from the advance to each payment, never negative.</param>
    /// <param name="fractions">fₖ: the fraction of a unit-period left over, from 0 to 1.</param>
    /// <returns>The rate per unit-period, as a fraction.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or hold a non-finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A payment or period is negative, or a fraction outside 0 to 1.</exception>
    public static RateSolution Solve(
        double amountFinanced,
        ReadOnlySpan<double> payments,
        ReadOnlySpan<double> wholePeriods,
        ReadOnlySpan<double> fractions)
    {
        if (payments.Length != wholePeriods.Length || payments.Length != fractions.Length)
        {
            throw new ArgumentException("Every payment needs exactly one whole-period count and one fraction.", nameof(payments));
        }

        if (!double.IsFinite(amountFinanced))
        {
            throw new ArgumentException("The amount financed must be finite.", nameof(amountFinanced));
        }

        double atAdvance = 0, later = 0, weightedTime = 0;
        for (var k = 0; k < payments.Length; k++)
        {
            var payment = payments[k];
            var t = wholePeriods[k];
            var f = fractions[k];
            if (!double.IsFinite(payment) || !double.IsFinite(t) || !double.IsFinite(f))
            {
                throw new ArgumentException("Payments, periods and fractions must be finite.", nameof(payments));
            }

            ArgumentOutOfRangeException.ThrowIfNegative(payment, nameof(payments));
            ArgumentOutOfRangeException.ThrowIfNegative(t, nameof(wholePeriods));
            ArgumentOutOfRangeException.ThrowIfNegative(f, nameof(fractions));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(f, 1, nameof(fractions));

            if (t == 0 && f == 0)
            {
                atAdvance += payment;
            }
            else
            {
                later += payment;
                weightedTime += payment * (t + f);
            }
        }

        if (amountFinanced <= 0 || atAdvance + later == 0)
        {
            return RateSolution.NoRate(NoRateReason.NoSignChange);
        }

        if (later == 0 || atAdvance >= amountFinanced)
        {
            return RateSolution.NoRate(NoRateReason.NoRoot);
        }

        var guess = Math.Log((atAdvance + later) / amountFinanced) / (weightedTime / later);
        var u = BracketedHalley.FindRoot(
            new GeneralEquation(amountFinanced, payments, wholePeriods, fractions),
            double.IsFinite(guess) ? Math.Clamp(guess, -20, 20) : 0);
        return RateSolution.Unique(RateArithmetic.ExpM1(u));
    }

    /// <summary>
    /// Computes the APR of a single advance from the payment dates: chooses the unit-period
    /// (<see cref="UnitPeriod.Choose(DateOnly, IReadOnlyList{DateOnly})"/>), measures every payment from the advance in it, once for
    /// the whole schedule rather than in the solver's iterations
    /// (<see cref="UnitPeriod.Measure(DateOnly, IReadOnlyList{DateOnly}, Span{double}, Span{double})"/>),
    /// and solves the general equation.
    /// </summary>
    /// <param name="advanceDate">The day the amount financed is advanced: the start of the term.</param>
    /// <param name="amountFinanced">What was advanced.</param>
    /// <param name="paymentDates">Each payment's due date, in order, none before the advance.</param>
    /// <param name="payments">Each payment, never negative, in the order of the dates.</param>
    /// <returns>The unit-period, the rate per unit-period and the APR, both as fractions.</returns>
    /// <exception cref="ArgumentException">
    /// No payment, a date count that differs from the payment count, dates out of order or before
    /// the advance, or a non-finite amount.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A payment is negative.</exception>
    public static ActuarialAprResult Compute(
        DateOnly advanceDate,
        double amountFinanced,
        IReadOnlyList<DateOnly> paymentDates,
        ReadOnlySpan<double> payments)
    {
        ArgumentNullException.ThrowIfNull(paymentDates);
        if (paymentDates.Count != payments.Length)
        {
            throw new ArgumentException("Every payment needs exactly one date.", nameof(paymentDates));
        }

        UnitPeriod.RequireSchedule(advanceDate, paymentDates);
        var days = payments.Length <= 256 ? stackalloc CalendarDay[payments.Length] : new CalendarDay[payments.Length];
        CalendarDay.OfEach(paymentDates, days);

        return Compute(new CalendarDay(advanceDate), days, amountFinanced, payments);
    }

    /// <summary>
    /// <see cref="Compute(DateOnly, double, IReadOnlyList{DateOnly}, ReadOnlySpan{double})"/> of a
    /// schedule known to be in order and not before the advance (a loan's), its dates taken apart
    /// once for both the choice of the unit-period and the measures (issue 27).
    /// </summary>
    internal static ActuarialAprResult Compute(
        in CalendarDay advance,
        ReadOnlySpan<CalendarDay> paymentDates,
        double amountFinanced,
        ReadOnlySpan<double> payments)
    {
        var unit = UnitPeriod.Choose(advance, paymentDates);
        // On the stack for any ordinary schedule: a batch computes this for every loan.
        var wholePeriods = payments.Length <= 256 ? stackalloc double[payments.Length] : new double[payments.Length];
        var fractions = payments.Length <= 256 ? stackalloc double[payments.Length] : new double[payments.Length];
        unit.Measure(advance, paymentDates, wholePeriods, fractions);

        var periodRate = Solve(amountFinanced, payments, wholePeriods, fractions);
        var perYear = unit.PerYear;
        return new ActuarialAprResult(unit, periodRate, periodRate.Times(perYear));
    }

    /// <summary>
    /// Appendix J's general equation at u = ln(1 + i), as the amount financed minus the payments'
    /// present value: working in u makes every i &gt; −1 reachable with plain arithmetic, and the
    /// present value falls strictly in u, so the difference rises through its one root.
    /// </summary>
    /// <remarks>
    /// A payment's discount Eₖ = e^(−(u·tₖ + ln(1 + fₖ·i))) falls at the rate φₖ = tₖ + gₖ, where
    /// gₖ = fₖ(1 + i)/(1 + fₖ·i) lies in [0, 1] and changes at gₖ(1 − gₖ) ≤ ¼; so the slope is
    /// Σ Pₖφₖ·Eₖ, the curvature −Σ Pₖ(φₖ² − gₖ(1 − gₖ))·Eₖ, the third derivative is at most
    /// Σ Pₖ(tₖ + 2)³·Eₖ in size, and every Eₖ changes by at most e^(|δ|·(tₖ + 1)) over δ.
    /// </remarks>
    private readonly ref struct GeneralEquation(
        double amountFinanced,
        ReadOnlySpan<double> payments,
        ReadOnlySpan<double> wholePeriods,
        ReadOnlySpan<double> fractions) : IRateEquation
    {
        private readonly ReadOnlySpan<double> _payments = payments;
        private readonly ReadOnlySpan<double> _wholePeriods = wholePeriods;
        private readonly ReadOnlySpan<double> _fractions = fractions;

        public double Spread
        {
            get
            {
                double longest = 0;
                for (var k = 0; k < _payments.Length; k++)
                {
                    if (_payments[k] != 0)
                    {
                        longest = Math.Max(longest, _wholePeriods[k]);
                    }
                }

                return longest + 1;
            }
        }

        public RateEquationPoint At(double u)
        {
            var rate = RateArithmetic.ExpM1(u);
            var rateIsFinite = double.IsFinite(rate);
            double presentValue = 0, slope = 0, bending = 0, cubicSize = 0;
            for (var k = 0; k < _payments.Length; k++)
            {
                if (_payments[k] == 0)
                {
                    continue;
                }

                var reach = _wholePeriods[k] + 2;
                if (_fractions[k] == 0 && rateIsFinite)
                {
                    // A payment a whole number of unit-periods away (every payment of a regular
                    // schedule): the general terms below with f = 0, to the same bits, as
                    // ln(1 + 0·i) and g are zero (for a finite i: at an overflowed one they are
                    // NaN there, and stay so); without their logarithm and division.
                    var whole = _payments[k] * Math.Exp(-(u * _wholePeriods[k]));
                    presentValue += whole;
                    slope += whole * _wholePeriods[k];
                    bending += whole * (_wholePeriods[k] * _wholePeriods[k]);
                    cubicSize += whole * reach * reach * reach;
                    continue;
                }

                var simple = 1 + (_fractions[k] * rate);
                var term = _payments[k] * Math.Exp(-((u * _wholePeriods[k]) + RateArithmetic.Log1P(_fractions[k] * rate)));
                var g = _fractions[k] * (1 + rate) / simple;
                var falling = _wholePeriods[k] + g;
                presentValue += term;
                slope += term * falling;
                bending += term * ((falling * falling) - (g * (1 - g)));
                cubicSize += term * reach * reach * reach;
            }

            return new(amountFinanced - presentValue, slope, -bending, presentValue + amountFinanced, cubicSize);
        }
    }
}
