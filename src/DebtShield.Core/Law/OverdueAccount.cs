using DebtShield.Core.Loans;

namespace DebtShield.Core.Law;

/// <summary>
/// The account of an overdue loan under one view of the law: what the lender may lawfully ask
/// with the contract's overdue terms (or, where the borrower does not know them, with nothing
/// agreed), and what it could ask at most, with overdue charges at the cap.
/// </summary>
/// <remarks>
/// <para>
/// From the due date of the first instalment not paid in full (<see cref="Since"/>) the unpaid
/// principal runs at the overdue rate: the agreed one; none agreed, the rate the law supplies
/// (2020 rules Art 28 para 2: the term rate running on, or with no rate agreed at all the one-year
/// LPR then in effect — an interest-free loan included; for overdue time the 2015 rules govern,
/// their Art 29: the term rate or 6% a year). An agreed daily penalty is added to it, and the sum
/// is held to the cap in force (2020 rules Art 29; 2015 rules Art 30). An agreed penalty amount
/// and other fees are added only as far as the cap leaves room over the overdue time.
/// </para>
/// <para>
/// "The LPR then in effect" is read as the fixing in force on the first overdue day of the
/// stretch; whether it should follow later fixings is not settled by the text, and the
/// assessment says so (<see cref="Uncertainty.OverdueLprDateUnsettled"/>). The licensed view
/// has no such rule in the sources held: there, with nothing agreed, the contract's own rate
/// runs on.
/// </para>
/// </remarks>
/// <param name="Since">The due date of the first instalment not paid in full.</param>
/// <param name="Lawful">The balance with the agreed terms held to the cap (nothing agreed where the terms are unknown).</param>
/// <param name="AtCap">The balance with overdue charges at the cap from <paramref name="Since"/>: the most any terms could give.</param>
/// <param name="Source">Where the overdue rate of the stretch in force now comes from.</param>
/// <param name="Asked">That rate plus an agreed daily penalty, as an annual rate, before the cap.</param>
/// <param name="Applied">The rate applied in the stretch in force now: <paramref name="Asked"/> held to the cap.</param>
/// <param name="Lpr">The LPR fixing used where the law supplies the rate from the LPR; null otherwise.</param>
/// <param name="ChargesAgreed">An agreed penalty amount plus other fees; zero for none.</param>
/// <param name="ChargesAllowed">The part of <paramref name="ChargesAgreed"/> the cap leaves room for.</param>
public sealed record OverdueAccount(
    DateOnly Since,
    LawfulBalance Lawful,
    LawfulBalance AtCap,
    OverdueRateSource Source,
    decimal Asked,
    decimal Applied,
    LprFixing? Lpr,
    Money ChargesAgreed,
    Money ChargesAllowed)
{
    /// <summary>True when the law's LPR default set the overdue rate for some stretch.</summary>
    public bool LprDefaultUsed { get; init; }

    /// <summary>Runs the account of <paramref name="loan"/>, overdue since <paramref name="since"/>, under the caps of one view.</summary>
    /// <param name="loan">The loan.</param>
    /// <param name="rules">The legal data.</param>
    /// <param name="options">The as-of day and the day count.</param>
    /// <param name="caps">The view's caps.</param>
    /// <param name="contractRate">The contract's own simple rate.</param>
    /// <param name="since">The due date of the first instalment not paid in full.</param>
    /// <param name="contractSoFar">The contract's account kept on a day, for an account that accrues alike with it until then to go on from.</param>
    internal static OverdueAccount For(
        Loan loan,
        LegalRules rules,
        CheckOptions options,
        IReadOnlyList<RateCap> caps,
        decimal contractRate,
        DateOnly since,
        LawfulBalance.AccountSoFar? contractSoFar = null)
    {
        var terms = loan.OverdueTerms.IsKnown ? loan.OverdueTerms : OverdueTerms.NoneAgreed;
        var days = options.DayCount.DaysPerYear();
        var penalty = (terms.Penalty?.DailyRate ?? 0m) * days;
        var lprUsed = false;
        (OverdueRateSource Source, decimal Rate, LprFixing? Lpr) RateFor(RateCap cap, DateOnly from)
        {
            if (terms.Rate is { } agreed)
            {
                return (OverdueRateSource.Agreed, agreed.Annual(days), null);
            }

            if (contractRate > 0m || cap.Rule is CapRule.LicensedCourtLine or CapRule.FourTimesBenchmark)
            {
                return (OverdueRateSource.TermRate, contractRate, null);
            }

            if (cap.Rule == CapRule.OldPrivateLine)
            {
                return (OverdueRateSource.OldDefault, rules.OldOverdueDefaultRate, null);
            }

            var fixing = rules.Lpr.InForceOn(from)
                ?? throw new InvalidOperationException($"No LPR is in force on {from:yyyy-MM-dd}; a 4×LPR cap cannot precede the first fixing.");
            lprUsed = true;
            return (OverdueRateSource.Lpr, fixing.OneYear, fixing);
        }

        // Each cap gives at most two stretches (before the arrears and from them): one or two caps
        // a view, so both accounts' stretches live on the stack, with no list of our struct for
        // the JIT to compile again once hot (issue 27).
        var capacity = 2 * caps.Count;
        Span<AccrualRate> withTerms = capacity <= 8 ? stackalloc AccrualRate[8] : new AccrualRate[capacity];
        Span<AccrualRate> atCap = capacity <= 8 ? stackalloc AccrualRate[8] : new AccrualRate[capacity];
        var stretches = 0;
        (OverdueRateSource Source, decimal Rate, LprFixing? Lpr) last = default;
        for (var i = 0; i < caps.Count; i++)
        {
            var cap = caps[i];
            var end = i + 1 < caps.Count ? caps[i + 1].From : DateOnly.MaxValue;
            if (cap.From < since || i == 0)
            {
                var before = LegalCheck.Accrual(cap, contractRate);
                withTerms[stretches] = before;
                atCap[stretches++] = before;
            }

            if (since < end)
            {
                var from = cap.From > since ? cap.From : since;
                last = RateFor(cap, from);
                withTerms[stretches] = LegalCheck.Accrual(cap, last.Rate + penalty, from);
                atCap[stretches++] = new AccrualRate(from, cap.Annual);
            }
        }

        // The two accounts are one until the arrears began: their payments up to then are applied once.
        var (rated, most) = LawfulBalance.ComputeBoth(loan.PrincipalBasis, loan.ContractDate, loan.PaymentColumn, options.AsOf, withTerms[..stretches], atCap[..stretches], options.DayCount, contractSoFar);
        var agreedCharges = (terms.Penalty?.Amount ?? Money.Zero) + (terms.OtherFees ?? Money.Zero);
        var room = most.TotalDue - rated.TotalDue;
        var allowed = room.IsPositive ? (agreedCharges < room ? agreedCharges : room) : Money.Zero;
        var lawful = Charge(rated, allowed);
        var asked = last.Rate + penalty;
        return new OverdueAccount(
            since,
            lawful,
            most.TotalDue < lawful.TotalDue ? lawful : most,
            last.Source,
            asked,
            Math.Min(asked, caps[^1].Annual),
            last.Lpr,
            agreedCharges,
            allowed)
        {
            LprDefaultUsed = lprUsed,
        };
    }

    /// <summary>
    /// The step that explains where the overdue figure comes from; null where the term rate simply
    /// runs on, which the accrual step already says.
    /// </summary>
    internal ExplanationStep? Explain(LegalRules rules, LegalView view, RateCap cap, OverdueTerms terms) =>
        terms.IsKnown && (terms.Rate is not null || terms.Penalty is not null || terms.OtherFees is not null)
            ? new(StepKind.OverdueAgreed, view, [Since, LegalCheck.Rate(Asked), LegalCheck.Rate(cap.Annual), LegalCheck.Rate(Applied), ChargesAgreed, ChargesAllowed], rules.OverdueCharges.Citations)
            : Source switch
            {
                OverdueRateSource.Lpr => new(StepKind.OverdueAtLpr, view, [Since, LegalCheck.Rate(Applied), Lpr!.Date], rules.OverdueDefault.Citations),
                OverdueRateSource.OldDefault => new(StepKind.OverdueAtOldDefault, view, [Since, LegalCheck.Rate(Applied)], rules.OldOverdueDefault.Citations),
                OverdueRateSource.TermRate or OverdueRateSource.Agreed => null,
            };

    /// <summary>Adds a charge to a balance: it first uses up any overpayment, the rest is owed.</summary>
    private static LawfulBalance Charge(LawfulBalance balance, Money charge)
    {
        if (!charge.IsPositive)
        {
            return balance;
        }

        var fromOverpaid = charge < balance.Overpaid ? charge : balance.Overpaid;
        return balance with
        {
            Overpaid = balance.Overpaid - fromOverpaid,
            InterestDue = (balance.InterestDue + charge - fromOverpaid).RoundToFen(),
        };
    }
}

/// <summary>Where the overdue rate comes from.</summary>
public enum OverdueRateSource
{
    /// <summary>The contract agrees it.</summary>
    Agreed,

    /// <summary>None agreed: the term rate runs on (2020 rules Art 28 para 2(2); 2015 rules Art 29 para 2(2)).</summary>
    TermRate,

    /// <summary>No rate agreed at all: the one-year LPR then in effect (2020 rules Art 28 para 2(1)).</summary>
    Lpr,

    /// <summary>No rate agreed at all, overdue time under the 2015 rules: 6% a year (their Art 29 para 2(1)).</summary>
    OldDefault,
}
