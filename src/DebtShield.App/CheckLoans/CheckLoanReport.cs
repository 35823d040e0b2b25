using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using DebtShield.App.RateLoans;
using DebtShield.Core.Law;

namespace DebtShield.App.CheckLoans;

/// <summary>
/// What the law supports for one loan, as <c>debtshield check --json</c>, the batch output and
/// (later) the web API report it. Rates are fractions, money is yuan; every conclusion names its
/// citations, and <c>uncertain</c> lists what the reader must not take as settled.
/// </summary>
/// <param name="Figures">The loan's figures every report of it shares; the check writes four of them, flat, under its own names.</param>
public sealed record CheckLoanReport([property: JsonIgnore] LoanFigures Figures)
{
    /// <summary>The 1-based line of a batch file; absent outside batch mode.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Line { get; init; }

    /// <summary>The loan's id.</summary>
    public required string Id { get; init; }

    [JsonInclude, JsonPropertyName(LoanFigures.Names.LenderKind)]
    internal string LenderKind => Figures.LenderKind;

    /// <summary>The day the balance is for.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Days in a year for accrued interest: 365 or 360.</summary>
    public required int DayCount { get; init; }

    /// <summary>The cap in force for the leading view (for <c>unknown</c>: private lending).</summary>
    public required decimal CapAnnual { get; init; }

    /// <summary>Where the cap comes from, e.g. "4×LPR 3.45% on 2023-08-21": invariant, for programs.</summary>
    public required string CapBasis { get; init; }

    /// <summary>The same in the current UI language, for people.</summary>
    public required string CapBasisText { get; init; }

    [JsonInclude, JsonPropertyName(LoanFigures.Names.PrincipalBasis)]
    internal decimal PrincipalBasis => Figures.PrincipalBasis;

    /// <summary>The check's name for <see cref="LoanFigures.IrrAnnualNominal"/>, the rate compared with the cap (published so; not renamed).</summary>
    [JsonInclude, JsonPropertyName("rateAnnual")]
    internal double? RateAnnual => Figures.IrrAnnualNominal;

    /// <summary>The check's name for <see cref="LoanFigures.IrrAnnualEffective"/>.</summary>
    [JsonInclude, JsonPropertyName("rateAnnualEffective")]
    internal double? RateAnnualEffective => Figures.IrrAnnualEffective;

    /// <summary>Whether the rate exceeds the cap; null when no single rate exists.</summary>
    public required bool? ExceedsCap { get; init; }

    /// <summary>The lawful balance under the leading view.</summary>
    public required BalanceFigures Lawful { get; init; }

    /// <summary>
    /// The top of the lawful range when the loan is overdue and the contract's overdue terms are
    /// not known: overdue interest, penalty and fees at their legal most; under a void contract, the
    /// balance with a fee for the use of the money at the LPR; where the lender of record decides
    /// (<see cref="LenderOfRecordDecides"/>), the most under either view. <see langword="null"/>
    /// when there is no range, and <see cref="Lawful"/> is then the one lawful figure.
    /// </summary>
    public decimal? LawfulMostTotalDue { get; init; }

    /// <summary>The balance at the contract's own rate, with no cap.</summary>
    public required BalanceFigures AtContractRate { get; init; }

    /// <summary>What is demanded, if given.</summary>
    public required decimal? Demanded { get; init; }

    /// <summary>Demanded minus the lawful total due.</summary>
    public required decimal? ExcessDemanded { get; init; }

    /// <summary>Flag ids: upfront_deduction, above_private_cap, above_24, above_36, compound_interest, disguised_fees, illegal_debt_candidate.</summary>
    public required IReadOnlyList<string> Flags { get; init; }

    /// <summary>Each flag's citations and status.</summary>
    public required IReadOnlyList<FlagFigure> FlagDetails { get; init; }

    /// <summary>What is uncertain, and why.</summary>
    public required IReadOnlyList<RateNote> Uncertain { get; init; }

    /// <summary>The explanation, step by step, in the current UI language.</summary>
    public required IReadOnlyList<StepFigure> Steps { get; init; }

    /// <summary>Every view of the law that may apply; the first leads.</summary>
    public required IReadOnlyList<ViewFigure> Views { get; init; }

    /// <summary>The citations the report points at; left out of batch lines, which carry the ids only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required IReadOnlyList<CitationFigure>? Citations { get; init; }

    /// <summary>One plain sentence for the borrower.</summary>
    public required string Verdict { get; init; }

    /// <summary>
    /// Whether the lender of record (合同上的出借人/资金方) decides between the private-lending and the
    /// licensed view (<c>online_platform</c>, <c>unknown</c>): then neither cap is a fact, and
    /// <see cref="CapAnnual"/> and <see cref="ExceedsCap"/> are only the first view's.
    /// </summary>
    public bool LenderOfRecordDecides { get; init; }

    /// <summary>Builds the report from an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="catalogue">
    /// The citations to describe the report's ids with; <see langword="null"/> for a batch line,
    /// which carries the ids only (then none is looked up or worded).
    /// </param>
    public static CheckLoanReport From(LegalAssessment assessment, IReadOnlyDictionary<string, Citation>? catalogue)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var primary = assessment.Primary;
        var wording = LegalReportWording.For(CultureInfo.CurrentUICulture);
        var nameView = assessment.Views.Count > 1;
        var steps = assessment.Steps.Select(s => new StepFigure(LegalWireIds.Of(s.Kind), s.View is { } v ? LegalWireIds.Of(v) : null, Word(wording, s, nameView), s.Citations)).ToArray();
        var flags = assessment.Flags.Select(f => new FlagFigure(LegalWireIds.Of(f.Flag), LegalWireIds.Of(f.Basis.Status), f.Basis.Citations)).ToArray();
        var uncertain = assessment.Uncertain.Select(u => new RateNote(LegalWireIds.Of(u), wording.Uncertain(u).Text)).ToList();
        var figures = LoanFigures.Of(assessment.Cost);
        if (figures.RateBeyondRange)
        {
            uncertain.Add(new RateNote(RateLoanReport.BeyondRangeCode, wording.RateBeyondRange.Text));
        }

        return new CheckLoanReport(figures)
        {
            Id = assessment.Loan.Id,
            AsOf = assessment.Options.AsOf,
            DayCount = assessment.Options.DayCount.DaysPerYear(),
            CapAnnual = primary.Cap.Annual,
            CapBasis = DescribeCap(primary.Cap),
            CapBasisText = wording.WordCap(primary.Cap).Text,
            ExceedsCap = primary.ExceedsCap,
            Lawful = BalanceFigures.From(primary.Lawful),
            LawfulMostTotalDue = LawfulMost(assessment),
            AtContractRate = BalanceFigures.From(assessment.ContractBalance),
            Demanded = assessment.Options.Demanded?.Yuan,
            ExcessDemanded = assessment.ExcessDemanded?.Yuan,
            Flags = [.. flags.Select(f => f.Flag)],
            FlagDetails = flags,
            Uncertain = uncertain,
            Steps = steps,
            Views = [.. assessment.Views.Select(v => new ViewFigure(LegalWireIds.Of(v.View), v.Cap.Annual, DescribeCap(v.Cap), LegalWireIds.Of(v.Cap.Basis.Status), v.ExceedsCap, BalanceFigures.From(v.Lawful)))],
            Citations = catalogue is null ? null : Cited(steps, flags, catalogue),
            Verdict = WordVerdict(wording, assessment),
            LenderOfRecordDecides = DecidedByLenderOfRecord(assessment),
        };
    }

    private static CitationFigure[] Cited(StepFigure[] steps, FlagFigure[] flags, IReadOnlyDictionary<string, Citation> catalogue) =>
        [.. steps.SelectMany(s => s.Citations).Concat(flags.SelectMany(f => f.Citations)).Distinct(StringComparer.Ordinal)
            .Where(catalogue.ContainsKey).Select(id => CitationFigure.From(catalogue[id]))];

    /// <summary>"4×LPR 3.45% on 2023-08-21", "24% court line for licensed lenders"…: invariant, for machines and case workers.</summary>
    public static string DescribeCap(RateCap cap)
    {
        ArgumentNullException.ThrowIfNull(cap);
        return LegalReportWording.DescribeCap(cap).Text;
    }

    /// <summary>Where a line comes from, in the current UI language.</summary>
    internal static string WordCap(RateCap cap) => LegalReportWording.For(CultureInfo.CurrentUICulture).WordCap(cap).Text;

    /// <summary>The verdict, worded as the batch's writer words it.</summary>
    private static string WordVerdict(LegalReportWording wording, LegalAssessment assessment)
    {
        Span<byte> scratch = stackalloc byte[1024];
        var text = new Utf8Builder(scratch);
        wording.AppendVerdict(ref text, assessment);
        var verdict = Encoding.UTF8.GetString(text.Written);
        text.Dispose();
        return verdict;
    }

    /// <summary>A step in words, as the batch's writer words it.</summary>
    private static string Word(LegalReportWording wording, ExplanationStep step, bool nameView)
    {
        Span<byte> scratch = stackalloc byte[1024];
        var text = new Utf8Builder(scratch);
        wording.AppendStep(ref text, step, nameView);
        var words = Encoding.UTF8.GetString(text.Written);
        text.Dispose();
        return words;
    }

    /// <summary>
    /// Whether the lender of record decides which view applies (a platform's or an unknown lender's
    /// loan): then no cap may be stated as a fact, in the verdict, the loan list or a document.
    /// </summary>
    public static bool DecidedByLenderOfRecord(LegalAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var (ifPrivate, ifLicensed) = (false, false);
        for (var i = 0; i < assessment.Views.Count; i++)
        {
            ifPrivate |= assessment.Views[i].View == LegalView.PrivateLending;
            ifLicensed |= assessment.Views[i].View == LegalView.LicensedInstitution;
        }

        return ifPrivate && ifLicensed && assessment.Uncertain.Contains(Uncertainty.LenderKindDecides);
    }

    /// <summary>
    /// The top of the lawful range: the leading view's overdue charges at the cap or fee for the use
    /// of the money and, where the lender of record decides, the most under either view.
    /// </summary>
    internal static decimal? LawfulMost(LegalAssessment assessment)
    {
        var primary = assessment.Primary;
        var most = (primary.OverdueCharges?.Most ?? primary.UseOfMoneyFee)?.TotalDue.Yuan;
        if (!DecidedByLenderOfRecord(assessment))
        {
            return most;
        }

        var either = assessment.Views.Max(v => v.Most.TotalDue.Yuan);
        return either > primary.Lawful.TotalDue.Yuan ? either : most;
    }

    /// <summary>A view's name in the current UI language.</summary>
    internal static string ViewName(LegalView view) =>
        LegalTexts.Views.Text(view);
}

/// <summary>A balance in yuan.</summary>
/// <param name="PrincipalOutstanding">Principal still owed.</param>
/// <param name="InterestDue">Interest accrued and unpaid.</param>
/// <param name="TotalDue">Principal and interest; negative when overpaid.</param>
/// <param name="Paid">Paid up to the as-of date.</param>
/// <param name="Overpaid">Paid beyond everything owed.</param>
public sealed record BalanceFigures(decimal PrincipalOutstanding, decimal InterestDue, decimal TotalDue, decimal Paid, decimal Overpaid)
{
    /// <summary>The figures of a balance.</summary>
    public static BalanceFigures From(LawfulBalance balance)
    {
        ArgumentNullException.ThrowIfNull(balance);
        return new(balance.PrincipalOutstanding.Yuan, balance.InterestDue.Yuan, balance.TotalDue.Yuan, balance.Paid.Yuan, balance.Overpaid.Yuan);
    }
}

/// <summary>A flag with its basis.</summary>
/// <param name="Flag">The flag id.</param>
/// <param name="Status">verified, secondary or uncertain.</param>
/// <param name="Citations">Citation ids.</param>
public sealed record FlagFigure(string Flag, string Status, IReadOnlyList<string> Citations);

/// <summary>One explanation step.</summary>
/// <param name="Step">The step id, e.g. principal_basis.</param>
/// <param name="View">The view it belongs to, if it differs by view.</param>
/// <param name="Text">The step in words, with its numbers.</param>
/// <param name="Citations">Citation ids.</param>
public sealed record StepFigure(string Step, string? View, string Text, IReadOnlyList<string> Citations);

/// <summary>The answer under one view of the law.</summary>
/// <param name="View">private_lending or licensed_institution.</param>
/// <param name="CapAnnual">The cap in force.</param>
/// <param name="CapBasis">Where the cap comes from.</param>
/// <param name="CapStatus">verified, secondary or uncertain.</param>
/// <param name="ExceedsCap">Whether the rate exceeds it.</param>
/// <param name="Lawful">The lawful balance under this view.</param>
public sealed record ViewFigure(string View, decimal CapAnnual, string CapBasis, string CapStatus, bool? ExceedsCap, BalanceFigures Lawful);

/// <summary>A citation as the reader sees it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Law">The instrument, in the current UI language.</param>
/// <param name="Article">The article.</param>
/// <param name="Paraphrase">What it says, in our words.</param>
/// <param name="Status">verified, secondary or uncertain.</param>
/// <param name="StatusText">The same in the current UI language (已核实, 二手资料, 待核实).</param>
public sealed record CitationFigure(string Id, string Law, string Article, string Paraphrase, string Status, string StatusText)
{
    /// <summary>The citation in the current UI language.</summary>
    public static CitationFigure From(Citation citation) => InLanguageOf(citation, CultureInfo.CurrentUICulture);

    /// <summary>The citation in <paramref name="culture"/>'s language (a printed timeline is Chinese whatever the UI's).</summary>
    public static CitationFigure InLanguageOf(Citation citation, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(culture);
        var english = culture.TwoLetterISOLanguageName == "en";
        return new(
            citation.Id,
            english ? citation.LawEn : citation.LawZh,
            citation.Article,
            english ? citation.ParaphraseEn : citation.ParaphraseZh,
            LegalWireIds.Of(citation.Status),
            ReadGuide.ReadGuide.StatusWord(citation.Status, culture));
    }
}
