using System.Collections.Immutable;

namespace DebtShield.Core.Law;

/// <summary>
/// One step of the explanation of a legal assessment, with the numbers it used and the law
/// behind it. Core states the step and its values; the application words it in the user's
/// language (the values are amounts, rates, days, counts and numbers, each a <see cref="StepValue"/>).
/// </summary>
/// <param name="Kind">Which step this is; decides the wording and the order of the values.</param>
/// <param name="View">The view of the law it belongs to, for steps that differ by view.</param>
/// <param name="Values">The numbers used, in the order the wording expects; unboxed, one array a step.</param>
/// <param name="Citations">The citations it rests on.</param>
public sealed record ExplanationStep(StepKind Kind, LegalView? View, ImmutableArray<StepValue> Values, IReadOnlyList<string> Citations);

/// <summary>The steps of a legal assessment, in the order they are explained.</summary>
public enum StepKind
{
    /// <summary>Values: principal, received, upfront fees, principal basis.</summary>
    PrincipalBasis,

    /// <summary>Values: nominal annual IRR, effective annual rate.</summary>
    ContractRate,

    /// <summary>The schedule has no single rate. Values: none.</summary>
    ContractRateMissing,

    /// <summary>Values: cap, the one-year LPR, its date, the day it was looked up for, the multiple.</summary>
    CapFourTimesLpr,

    /// <summary>Values: cap, first day it applies.</summary>
    CapOldPrivateLine,

    /// <summary>Values: cap.</summary>
    CapLicensedLine,

    /// <summary>
    /// The 1991 opinion's line. Values: cap, the benchmark rate, the day that rate took effect,
    /// the term bucket (<see cref="BenchmarkTerm"/>), the contract date it was looked up for, the multiple.
    /// </summary>
    CapFourTimesBenchmark,

    /// <summary>Values: rate, cap.</summary>
    RateAboveCap,

    /// <summary>Values: rate, cap.</summary>
    RateWithinCap,

    /// <summary>Values: accrual rate (the lower of the contract's and the cap), days in a year, as-of date.</summary>
    Accrual,

    /// <summary>Values: number of payments, total paid.</summary>
    Payments,

    /// <summary>Payments the parties applied to principal. Values: their number, their total.</summary>
    PaymentsToPrincipal,

    /// <summary>
    /// Interest paid between the old enforceable line and the kept-if-paid line, which the lender
    /// keeps. Values: the amount kept, the enforceable line, the kept-if-paid line.
    /// </summary>
    PaidInterestKept,

    /// <summary>Values: principal outstanding, interest due, total due.</summary>
    Balance,

    /// <summary>Values: overpaid amount.</summary>
    Overpaid,

    /// <summary>
    /// Overdue, with overdue terms agreed. Values: the first overdue day, the agreed overdue rate
    /// plus a daily penalty (annual), the cap, the rate applied, the agreed penalty amount and other
    /// fees, the part of them the cap leaves room for.
    /// </summary>
    OverdueAgreed,

    /// <summary>
    /// Overdue, no rate agreed at all: the one-year LPR then in effect. Values: the first overdue
    /// day, the LPR applied, the day that fixing was published.
    /// </summary>
    OverdueAtLpr,

    /// <summary>Overdue under the 2015 rules, no rate agreed at all: 6% a year. Values: the first overdue day, the rate.</summary>
    OverdueAtOldDefault,

    /// <summary>
    /// Overdue, overdue terms unknown. Values: the balance without overdue charges, the most with
    /// them, the first overdue day, the cap they are held to.
    /// </summary>
    OverdueChargesRange,

    /// <summary>Values: demanded, lawful total due, excess.</summary>
    Demanded,

    /// <summary>
    /// The contract is void if the court finds the lender an unlicensed professional lender.
    /// Values: principal basis, paid, principal left to return (negative when overpaid).
    /// </summary>
    VoidContract,

    /// <summary>
    /// What courts have allowed for the use of the money under a void contract. Values: the
    /// one-year LPR, the day it was looked up for, the balance with the fee at that rate.
    /// </summary>
    UseOfMoneyFee,

    /// <summary>
    /// A microloan company's loan formed after the 2025 guideline, above its 24% line for new loans
    /// (supervisory, not a court line). Values: rate, the line.
    /// </summary>
    MicroloanGuidelineAbove,

    /// <summary>
    /// A microloan company's loan formed after the 2025 guideline, within 24% but above the 4×LPR
    /// target new loans must meet by its deadline: not a breach today. Values: rate, the target, the deadline.
    /// </summary>
    MicroloanGuidelineAboveTarget,
}
