using DebtShield.Core.Loans;

namespace DebtShield.Core.Law;

/// <summary>
/// The law the legal engine applies, as data: the LPR history, the rate lines and the citations
/// behind each conclusion. Loaded from <c>data/law/</c> (with the date each fact was last
/// checked) rather than written into code, because these facts change.
/// </summary>
public sealed record LegalRules
{
    /// <summary>The LPR history.</summary>
    public required LprTable Lpr { get; init; }

    /// <summary>The multiple of the one-year LPR that caps private lending (4).</summary>
    public required decimal PrivateLprMultiple { get; init; }

    /// <summary>Contracts formed on or after this day fall under the 4×LPR line (2020-08-20).</summary>
    public required DateOnly PrivateReformDate { get; init; }

    /// <summary>The basis of the 4×LPR line.</summary>
    public required LegalBasis PrivateCap { get; init; }

    /// <summary>The basis of the rule for contracts formed before the reform date.</summary>
    public required LegalBasis PrivateTransition { get; init; }

    /// <summary>The pre-reform protection line for interest before the reform date (24%).</summary>
    public required decimal OldPrivateLine { get; init; }

    /// <summary>The basis of the pre-reform line.</summary>
    public required LegalBasis OldPrivate { get; init; }

    /// <summary>
    /// The pre-reform line below which interest voluntarily paid is not returned (36%): between it
    /// and <see cref="OldPrivateLine"/> a court neither orders payment nor refund (2015 rules Arts 26, 31).
    /// </summary>
    public required decimal OldPrivateKeptIfPaidLine { get; init; }

    /// <summary>The basis of the kept-if-paid band.</summary>
    public required LegalBasis OldPrivateKeptIfPaid { get; init; }

    /// <summary>The line courts apply to licensed lenders on the borrower's request (24%).</summary>
    public required decimal LicensedCourtLine { get; init; }

    /// <summary>The basis of the licensed lenders' court line.</summary>
    public required LegalBasis LicensedCourt { get; init; }

    /// <summary>The 36% line of the illegal-lending opinion and of "illegal debt" candidates.</summary>
    public required decimal ThirtySixLine { get; init; }

    /// <summary>The basis of each flag the engine can raise.</summary>
    public required IReadOnlyDictionary<LegalFlagKind, LegalBasis> Flags { get; init; }

    /// <summary>Which views of the law apply to each kind of lender.</summary>
    public required IReadOnlyDictionary<LenderKind, LenderKindRules> Kinds { get; init; }

    /// <summary>The basis of "principal is what actually arrived".</summary>
    public required LegalBasis PrincipalBasis { get; init; }

    /// <summary>The basis of the order payments are applied in (costs, interest, principal).</summary>
    public required LegalBasis PaymentOrder { get; init; }

    /// <summary>The basis of holding overdue interest, penalty and fees together under the cap.</summary>
    public required LegalBasis OverdueCharges { get; init; }

    /// <summary>
    /// The basis of the overdue rate the law supplies when the contract agrees none: the term rate
    /// running on, or with no rate agreed at all the one-year LPR then in effect (2020 rules Art 28 para 2).
    /// </summary>
    public required LegalBasis OverdueDefault { get; init; }

    /// <summary>
    /// The overdue rate the 2015 rules supply when neither a term rate nor an overdue rate was
    /// agreed (6% a year, 2015 rules Art 29 para 2), for overdue time before the reform date.
    /// </summary>
    public required decimal OldOverdueDefaultRate { get; init; }

    /// <summary>The basis of <see cref="OldOverdueDefaultRate"/>.</summary>
    public required LegalBasis OldOverdueDefault { get; init; }

    /// <summary>The basis of the rate measure compared with a cap (nominal annual IRR).</summary>
    public required LegalBasis RateMeasure { get; init; }

    /// <summary>
    /// The basis of the void-contract view of an unlicensed professional lender's loan: the rule
    /// that voids it, what a void contract leaves owed, and the fee courts have allowed for the use of the money.
    /// </summary>
    public required LegalBasis UnlicensedVoid { get; init; }

    /// <summary>The 2025 guideline on microloan companies' cost; without it no microloan step is explained.</summary>
    public MicroloanGuideline? MicroloanCost { get; init; }

    /// <summary>
    /// The 1991 opinion's line for private-lending cases filed before 2015-09-01; without it such
    /// cases are held to <see cref="OldPrivateLine"/> as before.
    /// </summary>
    public Opinion1991Rules? Opinion1991 { get; init; }
}

/// <summary>The views of the law that apply to one kind of lender, the first being the default.</summary>
/// <param name="Views">Each view with the status of its cap; the default first.</param>
public sealed record LenderKindRules(IReadOnlyList<(LegalView View, FactStatus CapStatus)> Views);

/// <summary>Which body of law decides the lawful balance.</summary>
public enum LegalView
{
    /// <summary>Private lending (民间借贷): the 4×LPR judicial protection line.</summary>
    PrivateLending,

    /// <summary>Licensed financial institutions: the 24% line courts apply on the borrower's request.</summary>
    LicensedInstitution,

    /// <summary>
    /// The contract of an unlicensed professional lender is void (2020 rules Art 13 item 3; 九民纪要
    /// Art 53): the principal actually received is returned net of everything paid, with at most a
    /// fee for the use of the money (about the LPR) or none (<see cref="VoidContractView"/>).
    /// </summary>
    VoidUnlicensedLending,
}

/// <summary>What the legal engine flags; each flag carries its citations.</summary>
public enum LegalFlagKind
{
    /// <summary>Money was kept back or fees were paid before disbursement (砍头息).</summary>
    UpfrontDeduction,

    /// <summary>The rate exceeds the 4×LPR private-lending line.</summary>
    AbovePrivateCap,

    /// <summary>The rate exceeds 24% a year.</summary>
    Above24,

    /// <summary>The rate exceeds 36% a year.</summary>
    Above36,

    /// <summary>The lender demands more than simple interest at the contract's own rate: interest on interest or penalties.</summary>
    CompoundInterest,

    /// <summary>Fees (membership, guarantee, service) that are interest in disguise.</summary>
    DisguisedFees,

    /// <summary>A rate that may make the debt an "illegal debt" for the crime of collecting one.</summary>
    IllegalDebtCandidate,
}
