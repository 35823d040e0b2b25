using DebtShield.Core.Loans;
using DebtShield.Core.Rates;

namespace DebtShield.Core.Law;

/// <summary>
/// What the law supports for one loan on one day: the caps, the lawful balance under each view of
/// the law that may apply, the flags with their citations, what is uncertain, and the steps that
/// explain it. Produced by <see cref="LegalCheck.Of"/>; pure data.
/// </summary>
public sealed record LegalAssessment
{
    /// <summary>The loan assessed.</summary>
    public required Loan Loan { get; init; }

    /// <summary>Its true cost (the rates compared with the caps).</summary>
    public required TrueCost Cost { get; init; }

    /// <summary>The day the balance is for, the demanded amount and the day count.</summary>
    public required CheckOptions Options { get; init; }

    /// <summary>The nominal annual IRR on the principal basis, the figure compared with a cap.</summary>
    public required double? RateAnnual { get; init; }

    /// <summary>The balance at the contract's own rate, with no cap: the lender's claim as the contract reads.</summary>
    public required LawfulBalance ContractBalance { get; init; }

    /// <summary>Each view of the law that may apply; the first is the one the product leads with.</summary>
    public required IReadOnlyList<ViewAssessment> Views { get; init; }

    /// <summary>The view the product leads with.</summary>
    public ViewAssessment Primary => Views[0];

    /// <summary>
    /// Demanded minus the most the law supports under any view that may apply (with overdue charges at
    /// the cap where the contract's overdue terms are unknown, so no lawful claim is called an excess);
    /// null without a demand.
    /// </summary>
    public required Money? ExcessDemanded { get; init; }

    /// <summary>Every flag raised, with its basis.</summary>
    public required IReadOnlyList<FlagFinding> Flags { get; init; }

    /// <summary>Why parts of the answer are uncertain; the product shows each.</summary>
    public required IReadOnlyList<Uncertainty> Uncertain { get; init; }

    /// <summary>The explanation, step by step, with the numbers used.</summary>
    public required IReadOnlyList<ExplanationStep> Steps { get; init; }
}

/// <summary>The law's answer under one view.</summary>
/// <param name="View">Private lending or licensed institution.</param>
/// <param name="Caps">The caps over the loan's life, earliest first; the last is the one in force now.</param>
/// <param name="ExceedsCap">Whether the rate exceeds the cap in force; null when no single rate exists.</param>
/// <param name="Lawful">
/// The lawful balance under this view: with the contract's overdue terms held to the cap where
/// they are known, and where they are not, with what the law gives when the contract agrees
/// none (2020 rules Art 28 para 2: the term rate running on, or the one-year LPR).
/// </param>
/// <param name="OverdueCharges">
/// When something is overdue, the contract's overdue terms are unknown and the cap leaves room
/// above <paramref name="Lawful"/>: the most the lender may lawfully ask if the contract agrees
/// overdue interest, a penalty or fees, which the law allows together up to the cap (2020 rules
/// Arts 28, 29; 2015 rules Art 30). Null otherwise.
/// </param>
/// <param name="UseOfMoneyFee">
/// Under the void-contract view: the balance with a fee for the use of the money at the LPR, the
/// most courts have allowed (<see cref="Lawful"/> is then the principal net of payments, with no fee). Null otherwise.
/// </param>
public sealed record ViewAssessment(LegalView View, IReadOnlyList<RateCap> Caps, bool? ExceedsCap, LawfulBalance Lawful, OverdueChargesRange? OverdueCharges = null, LawfulBalance? UseOfMoneyFee = null)
{
    /// <summary>The overdue account under this view when something is overdue; null otherwise.</summary>
    public OverdueAccount? Overdue { get; init; }

    /// <summary>The most the law supports under this view whatever overdue terms the contract holds.</summary>
    public LawfulBalance Most => OverdueCharges?.Most ?? UseOfMoneyFee ?? Lawful;

    /// <summary>The cap in force at the as-of date.</summary>
    public RateCap Cap => Caps[^1];
}

/// <summary>
/// The upper end of the lawful balance when the contract's overdue terms are not known: from the
/// first overdue day the unpaid principal runs at the cap itself, the most that overdue interest,
/// penalty and fees may together reach.
/// </summary>
/// <param name="OverdueSince">The due date of the first instalment not paid in full.</param>
/// <param name="Most">The balance with overdue charges at the cap from that day.</param>
public sealed record OverdueChargesRange(DateOnly OverdueSince, LawfulBalance Most);

/// <summary>A flag and what it rests on.</summary>
/// <param name="Flag">The flag.</param>
/// <param name="Basis">Its citations and status.</param>
public sealed record FlagFinding(LegalFlagKind Flag, LegalBasis Basis);

/// <summary>What the assessment is for.</summary>
/// <param name="AsOf">The day the lawful balance is computed for.</param>
/// <param name="Demanded">What the lender or collector demands, if known.</param>
/// <param name="DayCount">Days over 365 (default) or 360.</param>
public sealed record CheckOptions(DateOnly AsOf, Money? Demanded = null, DayCount DayCount = DayCount.Actual365);

/// <summary>Why a part of a legal answer is uncertain.</summary>
public enum Uncertainty
{
    /// <summary>A date used for the LPR lies past the data's last certain day: a newer fixing may exist.</summary>
    LprBeyondData,

    /// <summary>The LPR value used comes from a single unconfirmed source.</summary>
    LprValueUnconfirmed,

    /// <summary>
    /// The contract was formed before 2020-08-20: interest before that day may follow the old
    /// 24% line, and after it 4×LPR at the filing date, for which the as-of date stands in.
    /// </summary>
    ContractBeforeReform,

    /// <summary>
    /// The as-of date, standing in for the filing date, is before 2015-09-01: the 1991 opinion's line
    /// applies (4 × the PBOC benchmark rate). Which day's and which term's rate it takes, what becomes
    /// of interest paid above it, and some older benchmark values are not settled by the sources.
    /// </summary>
    FiledBeforeRules2015,

    /// <summary>The 24% line for licensed lenders is a court practice applied on the borrower's request (secondary sources).</summary>
    LicensedLineOnRequest,

    /// <summary>Whether courts apply the 24% line to microloan companies is not confirmed.</summary>
    MicroloanLineUnconfirmed,

    /// <summary>The lender named in the contract decides which view applies; both are shown.</summary>
    LenderKindDecides,

    /// <summary>The schedule has no single rate, so the comparison with a cap is not possible.</summary>
    NoUniqueRate,

    /// <summary>
    /// The contract's overdue interest, penalty and fees are not known: the balance is given without
    /// them and with them at the cap, the most the law allows.
    /// </summary>
    OverdueChargesNotIncluded,

    /// <summary>Whether overpaid interest is refunded or set against principal varies between courts.</summary>
    OverpaymentTreatmentVaries,

    /// <summary>Whether a given fee is "directly related" to the loan, and so interest, is fact-specific.</summary>
    FeesFactSpecific,

    /// <summary>The demand exceeds simple interest at the contract's own rate: it likely includes interest on interest or penalties.</summary>
    DemandExceedsContract,

    /// <summary>"Illegal debt" has no numeric definition in the law; the 36% line is an interpretation.</summary>
    IllegalDebtInterpretation,

    /// <summary>
    /// With no rate agreed at all the law supplies the one-year LPR "then in effect" for overdue
    /// interest (2020 rules Art 28 para 2(1)); the fixing of the first overdue day is used, and
    /// whether later fixings apply instead is not settled.
    /// </summary>
    OverdueLprDateUnsettled,

    /// <summary>
    /// The schedule runs in days, and whether its day rate exceeds a line depends on annualising
    /// it over 365 or 360 days, which the sources we hold do not settle (365 is shown).
    /// </summary>
    DayRateBasisDecides,

    /// <summary>
    /// The lender is said to be an unlicensed professional lender: only a court can find that (on
    /// evidence of repeated lending to the public), and courts then differ on the fee for the use of
    /// the money (about the LPR, or nothing); if it does not, the private-lending view applies.
    /// </summary>
    UnlicensedLenderVoid,

    /// <summary>
    /// The 2025 guideline on microloan companies' cost is known from an unofficial copy and news
    /// reports, and the day from which it applies is not published: the loan is held to it from the
    /// reported distribution day.
    /// </summary>
    MicroloanGuidelineSecondary,
}
