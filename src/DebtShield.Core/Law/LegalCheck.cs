using DebtShield.Core.Loans;
using DebtShield.Core.Rates;

namespace DebtShield.Core.Law;

/// <summary>
/// The legal engine: what the law supports for a loan on a day, with citations and the
/// arithmetic step by step. Deterministic and pure: same inputs, same outputs, no clock.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>The principal is what actually arrived, less fees paid up front.</item>
/// <item>The cap depends on the lender's kind and the contract date: 4×LPR for private lending,
/// the 24% court line for licensed institutions; both views where the kind is not known.</item>
/// <item>Lawful interest accrues as simple interest on the outstanding principal at the lower of
/// the contract's own rate and the cap. Once something is overdue, the contract's overdue terms
/// apply from the first overdue day, held together to the cap (<see cref="OverdueAccount"/>);
/// where the borrower does not know them, the answer is a range: what the law gives with nothing
/// agreed (the term rate running on, or the LPR) up to the cap on the unpaid principal (overdue
/// interest, penalty and fees together at their legal most).</item>
/// <item>Payments go to interest first, then principal; beyond that the borrower has overpaid.
/// For contracts formed before 2020-08-20, interest before that day paid at up to 36% stays paid
/// (2015 rules Arts 26, 31): only what was paid above 36% reduces principal.</item>
/// </list>
/// </remarks>
public static class LegalCheck
{
    /// <summary>Assesses <paramref name="loan"/> under <paramref name="rules"/>.</summary>
    /// <exception cref="ArgumentException">The as-of date is before the contract date, or the demand is negative.</exception>
    public static LegalAssessment Of(Loan loan, LegalRules rules, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        if (options.AsOf < loan.ContractDate)
        {
            throw new ArgumentException("The as-of date is before the contract date.", nameof(options));
        }

        if (options.Demanded is { IsNegative: true })
        {
            throw new ArgumentException("A demanded amount cannot be negative.", nameof(options));
        }

        var cost = TrueCost.Of(loan);
        var rate = cost.IrrAnnualNominal?.Fraction;
        var contractRate = ScheduleSimpleRate.Solve(loan, options.DayCount, rate ?? 0.2);

        // What is behind, and since when, is a fact of the loan, the same in every view.
        var arrears = Arrears.Of(loan, options.AsOf);

        // The contract's account is kept as it stood when the arrears began (or on the as-of day):
        // a view accruing alike with it until then goes on from there, its payments applied once.
        var (contractBalance, contractSoFar) = LawfulBalance.ComputeAndKeep(
            loan.PrincipalBasis, loan.ContractDate, loan.PaymentColumn, options.AsOf, [new AccrualRate(loan.ContractDate, contractRate)], options.DayCount, arrears?.Since ?? options.AsOf);

        var uncertain = new UncertaintyNotes();
        // The schedule measured once in the period lines are divided into, for every line it is compared with.
        var comparedIn = rate is null ? null : new ScheduleInPeriods(cost, CapComparison.PeriodFor(loan, cost.Period));
        var kindViews = rules.Kinds[loan.Lender.Kind].Views;
        var views = new ViewAssessment[kindViews.Count];
        for (var i = 0; i < views.Length; i++)
        {
            views[i] = AssessView(loan, rules, options, kindViews[i].View, kindViews[i].CapStatus, comparedIn, contractRate, arrears, contractSoFar, uncertain);
        }

        if (views.Length > 1 && loan.Lender.Kind != LenderKind.UnlicensedLender)
        {
            uncertain.Add(Uncertainty.LenderKindDecides);
        }

        if (rate is null)
        {
            uncertain.Add(Uncertainty.NoUniqueRate);
        }

        var primary = views[0];
        if (views.Any(v => v.OverdueCharges is not null))
        {
            uncertain.Add(Uncertainty.OverdueChargesNotIncluded);
        }

        if (primary.Lawful.Overpaid.IsPositive)
        {
            uncertain.Add(Uncertainty.OverpaymentTreatmentVaries);
        }

        // Where the views differ (the lender of record decides, or a court must find the contract
        // void), only what exceeds the most of every view is beyond what the lender may lawfully ask.
        var supported = views[0].Most.TotalDue;
        for (var i = 1; i < views.Length; i++)
        {
            supported = Max(supported, views[i].Most.TotalDue);
        }

        supported = Max(supported, Money.Zero);
        Money? excess = options.Demanded is { } demanded
            ? demanded - supported
            : null;
        var flags = Flags(loan, rules, options, comparedIn, views, contractBalance, uncertain);
        var guideline = MicroloanGuidelineStep(loan, rules, cost, comparedIn);
        if (guideline is not null)
        {
            uncertain.Add(Uncertainty.MicroloanGuidelineSecondary);
        }

        return new LegalAssessment
        {
            Loan = loan,
            Cost = cost,
            Options = options,
            RateAnnual = rate,
            ContractBalance = contractBalance,
            Views = views,
            ExcessDemanded = excess,
            Flags = flags,
            Uncertain = uncertain.ToArray(),
            Steps = guideline is null
                ? Explain(loan, rules, options, cost, contractRate, views, supported, excess)
                : [.. Explain(loan, rules, options, cost, contractRate, views, supported, excess), guideline],
        };
    }

    private static ViewAssessment AssessView(
        Loan loan,
        LegalRules rules,
        CheckOptions options,
        LegalView view,
        FactStatus capStatus,
        ScheduleInPeriods? compared,
        decimal contractRate,
        Arrears? arrears,
        LawfulBalance.AccountSoFar contractSoFar,
        UncertaintyNotes uncertain)
    {
        if (view == LegalView.VoidUnlicensedLending)
        {
            return VoidContractView.Of(loan, rules, options, capStatus, uncertain);
        }

        var caps = view == LegalView.PrivateLending
            ? PrivateCaps(loan, rules, options, uncertain)
            : [new RateCap(rules.LicensedCourtLine, loan.ContractDate, CapRule.LicensedCourtLine, null, null, rules.LicensedCourt with { Status = capStatus })];
        if (view == LegalView.LicensedInstitution)
        {
            uncertain.Add(loan.Lender.Kind == LenderKind.Microloan ? Uncertainty.MicroloanLineUnconfirmed : Uncertainty.LicensedLineOnRequest);
        }

        bool? exceeds = compared is null ? null : Exceeds(compared, caps[^1].Annual, uncertain);
        if (arrears is null)
        {
            // One to two caps a view: their stretches live on the stack.
            Span<AccrualRate> accrual = caps.Length <= 4 ? stackalloc AccrualRate[4] : new AccrualRate[caps.Length];
            accrual = accrual[..caps.Length];
            for (var i = 0; i < caps.Length; i++)
            {
                accrual[i] = Accrual(caps[i], contractRate);
            }

            return new ViewAssessment(view, caps, exceeds, LawfulBalance.Compute(loan.PrincipalBasis, loan.ContractDate, loan.PaymentColumn, options.AsOf, accrual, options.DayCount, contractSoFar));
        }

        var charges = OverdueAccount.For(loan, rules, options, caps, contractRate, arrears.Since, contractSoFar);
        if (charges.LprDefaultUsed)
        {
            uncertain.Add(Uncertainty.OverdueLprDateUnsettled);
        }

        var range = !loan.OverdueTerms.IsKnown && charges.AtCap.TotalDue > charges.Lawful.TotalDue
            ? new OverdueChargesRange(arrears.Since, charges.AtCap)
            : null;
        return new ViewAssessment(view, caps, exceeds, charges.Lawful, range) { Overdue = charges };
    }

    /// <summary>
    /// How a cap turns into accrual from <paramref name="from"/> (the cap's own start when not
    /// given): <paramref name="rate"/> (the contract's, or an overdue rate with its penalty) held to
    /// the cap; under the old line also the band up to the kept-if-paid line, never above the rate
    /// itself (2015 rules Art 31 names penalties too).
    /// </summary>
    internal static AccrualRate Accrual(RateCap cap, decimal rate, DateOnly? from = null)
    {
        var enforceable = Math.Min(rate, cap.Annual);
        var kept = cap.KeptIfPaid is { } line ? Math.Max(Math.Min(rate, line) - enforceable, 0m) : 0m;
        return new AccrualRate(from ?? cap.From, enforceable, kept);
    }

    /// <summary>
    /// Where a microloan company's loan formed since the 2025 guideline stands against it: above
    /// its 24% line for new loans, or above the 4×LPR target only; null when neither, or not applicable.
    /// </summary>
    private static ExplanationStep? MicroloanGuidelineStep(Loan loan, LegalRules rules, TrueCost cost, ScheduleInPeriods? compared)
    {
        if (loan.Lender.Kind != LenderKind.Microloan || rules.MicroloanCost is not { } guideline || loan.ContractDate < guideline.ReportedFrom
            || compared is null || cost.IrrAnnualNominal is not { } rate)
        {
            return null;
        }

        if (CapComparison.Exceeds(compared, guideline.NewLoanLine))
        {
            return new(StepKind.MicroloanGuidelineAbove, LegalView.LicensedInstitution, [rate, Rate(guideline.NewLoanLine)], guideline.Basis.Citations);
        }

        return rules.Lpr.InForceOn(loan.ContractDate) is { } fixing && CapComparison.Exceeds(compared, guideline.TargetLprMultiple * fixing.OneYear)
            ? new(StepKind.MicroloanGuidelineAboveTarget, LegalView.LicensedInstitution, [rate, Rate(guideline.TargetLprMultiple * fixing.OneYear), guideline.TargetBy], guideline.Basis.Citations)
            : null;
    }

    /// <summary>
    /// The exact comparison with a line (<see cref="CapComparison"/>); for a schedule of days, a
    /// day rate annualised over 365 and over 360 days may fall on different sides of the line,
    /// and the sources we hold do not settle which a court uses, so that is said.
    /// </summary>
    private static bool Exceeds(ScheduleInPeriods compared, decimal line, UncertaintyNotes uncertain)
    {
        var exceeds = CapComparison.Exceeds(compared, line);
        if (!compared.Period.IsCalendarMonth && CapComparison.Exceeds(compared, line, 360) != exceeds)
        {
            uncertain.Add(Uncertainty.DayRateBasisDecides);
        }

        return exceeds;
    }

    private static RateCap[] PrivateCaps(Loan loan, LegalRules rules, CheckOptions options, UncertaintyNotes uncertain)
    {
        if (loan.ContractDate >= rules.PrivateReformDate)
        {
            return [FourTimesLpr(rules, loan.ContractDate, loan.ContractDate, CapRule.FourTimesLprAtContract, rules.PrivateCap, uncertain)];
        }

        if (rules.Opinion1991 is { } opinion && Opinion1991Line.For(loan, opinion, options.AsOf) is { } line1991)
        {
            uncertain.Add(Uncertainty.FiledBeforeRules2015);
            return [line1991];
        }

        uncertain.Add(Uncertainty.ContractBeforeReform);
        var old = new RateCap(rules.OldPrivateLine, loan.ContractDate, CapRule.OldPrivateLine, null, null, rules.OldPrivate, rules.OldPrivateKeptIfPaidLine);
        if (options.AsOf < rules.PrivateReformDate)
        {
            return [old];
        }

        return
        [
            old,
            FourTimesLpr(rules, rules.PrivateReformDate, options.AsOf, CapRule.FourTimesLprAtFiling, TransitionBasis.Of(rules), uncertain),
        ];
    }

    private static RateCap FourTimesLpr(LegalRules rules, DateOnly from, DateOnly lookUpOn, CapRule rule, LegalBasis basis, UncertaintyNotes uncertain)
    {
        var fixing = rules.Lpr.InForceOn(lookUpOn)
            ?? throw new InvalidOperationException($"No LPR is in force on {lookUpOn:yyyy-MM-dd}; the reform date precedes the first fixing in the data.");
        if (lookUpOn > rules.Lpr.CertainThrough)
        {
            uncertain.Add(Uncertainty.LprBeyondData);
        }

        if (fixing.Status == FactStatus.Uncertain)
        {
            uncertain.Add(Uncertainty.LprValueUnconfirmed);
        }

        var status = (FactStatus)Math.Max((int)basis.Status, (int)(lookUpOn > rules.Lpr.CertainThrough ? FactStatus.Uncertain : fixing.Status));
        return new RateCap(rules.PrivateLprMultiple * fixing.OneYear, from, rule, fixing, lookUpOn, basis with { Status = status });
    }

    private static FlagFinding[] Flags(
        Loan loan,
        LegalRules rules,
        CheckOptions options,
        ScheduleInPeriods? compared,
        ViewAssessment[] views,
        LawfulBalance contractBalance,
        UncertaintyNotes uncertain)
    {
        // A set of the flag kinds, each bit a kind: its bits in ascending order are the findings
        // sorted by kind, with no generic list or sort of our enum for the JIT to compile (an int
        // holds the kinds while there are fewer than 32).
        var flags = 0;
        if (loan.UpfrontDeduction.IsPositive)
        {
            flags |= 1 << (int)LegalFlagKind.UpfrontDeduction;
        }

        if (compared is not null)
        {
            if (views.FirstOrDefault(v => v.View == LegalView.PrivateLending) is { ExceedsCap: true })
            {
                flags |= 1 << (int)LegalFlagKind.AbovePrivateCap;
            }

            // The licensed view has just compared the schedule with the same line in the same
            // period (and noted any day-basis doubt): its answer stands, unworked again.
            if (LicensedAnswer(views, rules.LicensedCourtLine) ?? Exceeds(compared, rules.LicensedCourtLine, uncertain))
            {
                flags |= 1 << (int)LegalFlagKind.Above24;
            }

            if (Exceeds(compared, rules.ThirtySixLine, uncertain))
            {
                flags |= 1 << (int)LegalFlagKind.Above36;
                flags |= 1 << (int)LegalFlagKind.IllegalDebtCandidate;
                uncertain.Add(Uncertainty.IllegalDebtInterpretation);
            }
        }

        if (options.Demanded is { } demanded && demanded > contractBalance.TotalDue + CompoundTolerance)
        {
            flags |= 1 << (int)LegalFlagKind.CompoundInterest;
            uncertain.Add(Uncertainty.DemandExceedsContract);
        }

        if (loan.UpfrontFees.Count > 0 || loan.InstalmentsChargeFees)
        {
            flags |= 1 << (int)LegalFlagKind.DisguisedFees;
            uncertain.Add(Uncertainty.FeesFactSpecific);
        }

        var findings = new FlagFinding[System.Numerics.BitOperations.PopCount((uint)flags)];
        for (var i = 0; i < findings.Length; i++)
        {
            var kind = (LegalFlagKind)System.Numerics.BitOperations.TrailingZeroCount(flags);
            findings[i] = new FlagFinding(kind, rules.Flags[kind]);
            flags &= flags - 1;
        }

        return findings;
    }


    /// <summary>
    /// Whether the licensed view found the schedule above <paramref name="line"/>, where that view
    /// compared it with that line; null otherwise. A loop, not a lambda capturing the line: that
    /// was a closure and a delegate made for every loan (issue 27).
    /// </summary>
    private static bool? LicensedAnswer(ViewAssessment[] views, decimal line)
    {
        foreach (var view in views)
        {
            if (view.View == LegalView.LicensedInstitution && view.Cap.Annual == line)
            {
                return view.ExceedsCap;
            }
        }

        return null;
    }

    private static ExplanationStep[] Explain(
        Loan loan,
        LegalRules rules,
        CheckOptions options,
        TrueCost cost,
        decimal contractRate,
        ViewAssessment[] views,
        Money supported,
        Money? excess)
    {
        // Room for every step the views can give (their caps, and at most eight steps more each),
        // so that the list is not grown and copied three times on the way (issue 27).
        var capacity = 4;
        foreach (var view in views)
        {
            capacity += view.Caps.Count + 8;
        }

        var steps = new List<ExplanationStep>(capacity)
        {
            new(StepKind.PrincipalBasis, null, [loan.Principal, loan.Received, loan.UpfrontFeeTotal, loan.PrincipalBasis], rules.PrincipalBasis.Citations),
        };
        steps.Add(cost.IrrAnnualNominal is { } nominal
            ? new(StepKind.ContractRate, null, [nominal, cost.IrrAnnualEffective!.Value], rules.RateMeasure.Citations)
            : new(StepKind.ContractRateMissing, null, [], rules.RateMeasure.Citations));

        // The payments made by the as-of date, and those the parties applied to principal: the same in every view.
        var (madeCount, toPrincipalCount, toPrincipal) = (0, 0, Money.Zero);
        var payments = loan.PaymentColumn;
        for (var i = 0; i < payments.Length; i++)
        {
            var payment = payments[i];
            if (payment.Date <= options.AsOf)
            {
                madeCount++;
                if (payment.AppliesTo == PaymentTarget.Principal)
                {
                    toPrincipalCount++;
                    toPrincipal += payment.Amount;
                }
            }
        }

        foreach (var view in views)
        {
            if (view.View == LegalView.VoidUnlicensedLending)
            {
                steps.Add(new(StepKind.VoidContract, view.View, [loan.PrincipalBasis, view.Lawful.Paid, view.Lawful.TotalDue], view.Cap.Basis.Citations));
                if (view.UseOfMoneyFee is { } withFee)
                {
                    steps.Add(new(StepKind.UseOfMoneyFee, view.View, [Rate(view.Cap.Annual), view.Cap.LprOn!.Value, withFee.TotalDue], view.Cap.Basis.Citations));
                }

                continue;
            }

            for (var c = 0; c < view.Caps.Count; c++)
            {
                var cap = view.Caps[c];
                steps.Add(cap.Rule switch
                {
                    CapRule.FourTimesLprAtContract or CapRule.FourTimesLprAtFiling => new(
                        StepKind.CapFourTimesLpr,
                        view.View,
                        [Rate(cap.Annual), Rate(cap.Lpr!.OneYear), cap.Lpr.Date, cap.LprOn!.Value, rules.PrivateLprMultiple],
                        cap.Basis.Citations),
                    CapRule.OldPrivateLine => new(StepKind.CapOldPrivateLine, view.View, [Rate(cap.Annual), cap.From], cap.Basis.Citations),
                    CapRule.LicensedCourtLine => new(StepKind.CapLicensedLine, view.View, [Rate(cap.Annual)], cap.Basis.Citations),
                    CapRule.FourTimesBenchmark => new(
                        StepKind.CapFourTimesBenchmark,
                        view.View,
                        [Rate(cap.Annual), Rate(cap.Benchmark!.Rate), cap.Benchmark.Change.Date, cap.Benchmark.Term, cap.From, rules.Opinion1991!.Multiple],
                        cap.Basis.Citations),
                    CapRule.UseOfMoneyFeeAtLpr => throw new InvalidOperationException("The void-contract view has no cap to explain."),
                });
            }

            if (cost.IrrAnnualNominal is { } rate)
            {
                steps.Add(new(view.ExceedsCap == true ? StepKind.RateAboveCap : StepKind.RateWithinCap, view.View, [rate, Rate(view.Cap.Annual)], view.Cap.Basis.Citations));
            }

            steps.Add(new(StepKind.Accrual, view.View, [Rate(Math.Min(contractRate, view.Cap.Annual)), options.DayCount.DaysPerYear(), options.AsOf], view.Cap.Basis.Citations));
            steps.Add(new(StepKind.Payments, view.View, [madeCount, view.Lawful.Paid], rules.PaymentOrder.Citations));
            if (toPrincipalCount > 0)
            {
                steps.Add(new(StepKind.PaymentsToPrincipal, view.View, [toPrincipalCount, toPrincipal], rules.PaymentOrder.Citations));
            }

            if (view.Lawful.Retained.IsPositive)
            {
                steps.Add(new(StepKind.PaidInterestKept, view.View, [view.Lawful.Retained, Rate(rules.OldPrivateLine), Rate(rules.OldPrivateKeptIfPaidLine)], rules.OldPrivateKeptIfPaid.Citations));
            }

            steps.Add(view.Lawful.Overpaid.IsPositive
                ? new(StepKind.Overpaid, view.View, [view.Lawful.Overpaid], rules.PaymentOrder.Citations)
                : new(StepKind.Balance, view.View, [view.Lawful.PrincipalOutstanding, view.Lawful.InterestDue, view.Lawful.TotalDue], rules.PaymentOrder.Citations));
            if (view.Overdue?.Explain(rules, view.View, view.Cap, loan.OverdueTerms) is { } overdueStep)
            {
                steps.Add(overdueStep);
            }

            if (view.OverdueCharges is { } overdue)
            {
                steps.Add(new(StepKind.OverdueChargesRange, view.View, [view.Lawful.TotalDue, overdue.Most.TotalDue, overdue.OverdueSince, Rate(view.Cap.Annual)], rules.OverdueCharges.Citations));
            }
        }

        if (options.Demanded is { } demanded)
        {
            steps.Add(new(StepKind.Demanded, null, [demanded, supported, excess!.Value], []));
        }

        return [.. steps];
    }

    internal static AnnualRate Rate(decimal annual) => new((double)annual, AnnualisationMethod.Nominal);

    /// <summary>
    /// The basis of the 4×LPR line at filing for a contract formed before the reform: the transition
    /// rule's citations and the cap's, uncertain. The same for every such loan under one set of
    /// rules, so it is joined once for the rules last used instead of once a loan (a set and a list
    /// a loan; and the batch writer, which encodes a citation list once by its identity, met a new
    /// list every time: issue 27).
    /// </summary>
    private sealed record TransitionBasis(LegalRules Rules, LegalBasis Basis)
    {
        private static TransitionBasis? _last;

        public static LegalBasis Of(LegalRules rules)
        {
            var last = Volatile.Read(ref _last);
            if (last is null || !ReferenceEquals(last.Rules, rules))
            {
                last = new TransitionBasis(rules, rules.PrivateTransition.With(rules.PrivateCap) with { Status = FactStatus.Uncertain });
                Volatile.Write(ref _last, last);
            }

            return last.Basis;
        }
    }

    private static Money Max(Money a, Money b) => a > b ? a : b;

    /// <summary>Demands are often rounded up to the yuan; anything within one yuan is not an excess.</summary>
    private static readonly Money CompoundTolerance = new(1m);
}
