using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using DebtShield.App.RateLoans;
using DebtShield.App.Resources;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Rates;
using DebtShield.Import.LegalData;

namespace DebtShield.App.CheckLoans;

/// <summary>
/// What the law supports for one loan, as <c>debtshield check --json</c>, the batch output and
/// (later) the web API report it. Rates are fractions, money is yuan; every conclusion names its
/// citations, and <c>uncertain</c> lists what the reader must not take as settled.
/// </summary>
/// <param name="Figures">The loan's figures every report of it shares; the check writes four of them, flat, under its own names.</param>
public sealed record CheckLoanReport([property: JsonIgnore] LoanFigures Figures)
{
    private static readonly ResourceTexts Texts = new(AppText.ResourceManager);

    /// <summary>
    /// Each cap's description (invariant: culture <see langword="null"/>) and words in each UI
    /// language, made once: a batch states three caps a loan, and a cap's words depend only on what
    /// <see cref="CapKey"/> holds. There are at most a few per lender kind and contract day.
    /// </summary>
    private static readonly ConcurrentDictionary<CapKey, string> CapTexts = new();

    /// <summary>
    /// Each step's template in each UI language, parsed once, with the "[view] " prefix it is worded
    /// under already in front (none when the report has one view), so a step is one string.
    /// </summary>
    private static readonly ConcurrentDictionary<(CultureInfo Culture, StepKind Kind, LegalView? View), CompositeFormat> StepTemplates = new();

    /// <summary>Each uncertainty's message in each UI language.</summary>
    private static readonly ConcurrentDictionary<(CultureInfo Culture, Uncertainty Uncertainty), string> UncertainTexts = new();

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
        var steps = assessment.Steps.Select(s => new StepFigure(LegalWireIds.Of(s.Kind), s.View is { } v ? LegalWireIds.Of(v) : null, Word(s, assessment.Views.Count > 1), s.Citations)).ToArray();
        var flags = assessment.Flags.Select(f => new FlagFigure(LegalDataReader.FlagId(f.Flag), LegalWireIds.Of(f.Basis.Status), f.Basis.Citations)).ToArray();
        var uncertain = assessment.Uncertain.Select(u => new RateNote(LegalWireIds.Of(u), UncertainText(u))).ToList();
        var figures = LoanFigures.Of(assessment.Cost);
        if (figures.RateBeyondRange)
        {
            uncertain.Add(RateLoanReport.BeyondRange());
        }

        return new CheckLoanReport(figures)
        {
            Id = assessment.Loan.Id,
            AsOf = assessment.Options.AsOf,
            DayCount = assessment.Options.DayCount.DaysPerYear(),
            CapAnnual = primary.Cap.Annual,
            CapBasis = DescribeCap(primary.Cap),
            CapBasisText = WordCap(primary.Cap),
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
            Verdict = ComposeVerdict(assessment),
            LenderOfRecordDecides = DecidedByLenderOfRecord(assessment),
        };
    }

    private static CitationFigure[] Cited(StepFigure[] steps, FlagFigure[] flags, IReadOnlyDictionary<string, Citation> catalogue) =>
        [.. steps.SelectMany(s => s.Citations).Concat(flags.SelectMany(f => f.Citations)).Distinct(StringComparer.Ordinal)
            .Where(catalogue.ContainsKey).Select(id => CitationFigure.From(catalogue[id]))];

    /// <summary>"4×LPR 3.45% on 2023-08-21", "24% court line (licensed lenders)"…: invariant, for machines and case workers.</summary>
    public static string DescribeCap(RateCap cap)
    {
        ArgumentNullException.ThrowIfNull(cap);
        return CapTexts.GetOrAdd(CapKey.Of(cap, culture: null), static (_, c) => DescribeAnew(c), cap);
    }

    private static string DescribeAnew(RateCap cap) => cap.Rule switch
    {
        CapRule.FourTimesLprAtContract => string.Create(CultureInfo.InvariantCulture, $"4×LPR {Percent(cap.Lpr!.OneYear)} on {cap.LprOn:yyyy-MM-dd}"),
        CapRule.FourTimesLprAtFiling => string.Create(CultureInfo.InvariantCulture, $"4×LPR {Percent(cap.Lpr!.OneYear)} on {cap.LprOn:yyyy-MM-dd} (as-of date standing in for the filing date)"),
        CapRule.OldPrivateLine => string.Create(CultureInfo.InvariantCulture, $"old private-lending line {Percent(cap.Annual)} (interest before 2020-08-20)"),
        CapRule.LicensedCourtLine => string.Create(CultureInfo.InvariantCulture, $"{Percent(cap.Annual)} court line for licensed lenders (on the borrower's request)"),
        CapRule.FourTimesBenchmark => string.Create(CultureInfo.InvariantCulture, $"4×PBOC benchmark {Percent(cap.Benchmark!.Rate)} ({LegalWireIds.Of(cap.Benchmark.Term)}, in force on {cap.From:yyyy-MM-dd}; 1991 opinion, as-of date standing in for a filing date before 2015-09-01)"),
        CapRule.UseOfMoneyFeeAtLpr => cap.Lpr is { } lpr
            ? string.Create(CultureInfo.InvariantCulture, $"void contract: fee for the use of the money at most at the one-year LPR {Percent(lpr.OneYear)} on {cap.LprOn:yyyy-MM-dd}")
            : "void contract: no LPR on the as-of date, no fee estimated",
    };

    /// <summary>Where a line comes from, in the current UI language.</summary>
    internal static string WordCap(RateCap cap) =>
        CapTexts.GetOrAdd(CapKey.Of(cap, CultureInfo.CurrentUICulture), static (_, c) => WordAnew(c), cap);

    private static string WordAnew(RateCap cap) => cap.Rule switch
    {
        CapRule.FourTimesLprAtContract or CapRule.FourTimesLprAtFiling => string.Format(
            CultureInfo.CurrentCulture,
            Text("CapBasis_" + cap.Rule),
            Percent(cap.Lpr!.OneYear),
            cap.LprOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        CapRule.OldPrivateLine or CapRule.LicensedCourtLine => string.Format(CultureInfo.CurrentCulture, Text("CapBasis_" + cap.Rule), Percent(cap.Annual)),
        CapRule.FourTimesBenchmark => string.Format(
            CultureInfo.CurrentCulture,
            Text("CapBasis_" + cap.Rule),
            Percent(cap.Benchmark!.Rate),
            Text("BenchmarkTerm_" + cap.Benchmark.Term),
            cap.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        CapRule.UseOfMoneyFeeAtLpr => cap.Lpr is { } lpr
            ? string.Format(CultureInfo.CurrentCulture, Text("CapBasis_" + cap.Rule), Percent(lpr.OneYear), cap.LprOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : Text("CapBasis_UseOfMoneyFeeNone"),
    };

    private static string Percent(decimal fraction) => Percent((double)fraction);

    /// <summary>A rate as <see cref="RateLoanReport.Percent"/> words it, formatted on the stack rather than through an interpolation buffer.</summary>
    private static string Percent(double fraction)
    {
        Span<char> text = stackalloc char[64];
        return new Percentage(fraction).TryFormat(text, out var length, default, CultureInfo.InvariantCulture)
            ? new string(text[..length])
            : RateLoanReport.Percent(fraction);
    }

    private static string ComposeVerdict(LegalAssessment assessment)
    {
        var culture = CultureInfo.CurrentCulture;
        if (DecidedByLenderOfRecord(assessment))
        {
            // A platform's or an unknown lender's loan: neither cap is a fact until the lender of record is known.
            var ifPrivate = assessment.Views.First(v => v.View == LegalView.PrivateLending);
            var ifLicensed = assessment.Views.First(v => v.View == LegalView.LicensedInstitution);
            var both = string.Format(culture, Text(nameof(AppText.Verdict_IfPrivate)), Owed(ifPrivate, culture) + RateAgainst(ifPrivate, assessment, culture))
                + string.Format(culture, Text(nameof(AppText.Verdict_IfLicensed)), Owed(ifLicensed, culture) + RateAgainst(ifLicensed, assessment, culture))
                + Text(nameof(AppText.Verdict_LenderOfRecord));
            if (assessment.ExcessDemanded is { IsPositive: true } beyondBoth)
            {
                both += string.Format(culture, Text(nameof(AppText.Verdict_Excess)), beyondBoth);
            }

            return both + Text(nameof(AppText.Verdict_Uncertain));
        }

        var verdict = Owed(assessment.Primary, culture);
        if (assessment.Primary.View == LegalView.VoidUnlicensedLending && assessment.Views.FirstOrDefault(v => v.View == LegalView.PrivateLending) is { } otherwise)
        {
            verdict += string.Format(culture, Text(nameof(AppText.Verdict_OtherwisePrivate)), Owed(otherwise, culture));
        }

        if (assessment.ExcessDemanded is { IsPositive: true } excess)
        {
            verdict += string.Format(culture, Text(nameof(AppText.Verdict_Excess)), excess);
        }

        if (assessment.Primary.ExceedsCap == true)
        {
            verdict += string.Format(culture, Text(nameof(AppText.Verdict_AboveCap)), Percent(assessment.RateAnnual!.Value), Percent(assessment.Primary.Cap.Annual));
        }

        if (assessment.Uncertain.Count > 0)
        {
            verdict += Text(nameof(AppText.Verdict_Uncertain));
        }

        return verdict;
    }

    /// <summary>
    /// Whether the lender of record decides which view applies (a platform's or an unknown lender's
    /// loan): then no cap may be stated as a fact, in the verdict, the loan list or a document.
    /// </summary>
    public static bool DecidedByLenderOfRecord(LegalAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Uncertain.Contains(Uncertainty.LenderKindDecides)
            && assessment.Views.Any(v => v.View == LegalView.PrivateLending)
            && assessment.Views.Any(v => v.View == LegalView.LicensedInstitution);
    }

    /// <summary>
    /// The top of the lawful range: the leading view's overdue charges at the cap or fee for the use
    /// of the money and, where the lender of record decides, the most under either view.
    /// </summary>
    private static decimal? LawfulMost(LegalAssessment assessment)
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

    /// <summary>How the rate stands against a view's cap: "; the annual rate r exceeds the cap c" or is within it.</summary>
    private static string RateAgainst(ViewAssessment view, LegalAssessment assessment, CultureInfo culture) => view.ExceedsCap switch
    {
        true => string.Format(culture, Text(nameof(AppText.Verdict_AboveCap)), Percent(assessment.RateAnnual!.Value), Percent(view.Cap.Annual)),
        false => string.Format(culture, Text(nameof(AppText.Verdict_WithinCap)), Percent(assessment.RateAnnual!.Value), Percent(view.Cap.Annual)),
        null => string.Empty,
    };

    /// <summary>What a view says is owed: one figure, a range, or an overpayment.</summary>
    private static string Owed(ViewAssessment view, CultureInfo culture)
    {
        var lawful = view.Lawful;
        if (view.View == LegalView.VoidUnlicensedLending)
        {
            return lawful.Overpaid.IsPositive
                ? string.Format(culture, Text(nameof(AppText.Verdict_VoidOverpaid)), lawful.Overpaid)
                : string.Format(culture, Text(nameof(AppText.Verdict_Void)), lawful.TotalDue, view.Most.TotalDue);
        }

        return lawful.Overpaid.IsPositive
            ? string.Format(culture, Text(nameof(AppText.Verdict_Overpaid)), lawful.Overpaid)
            : view.OverdueCharges is { } overdue
                ? string.Format(culture, Text(nameof(AppText.Verdict_LawfulRange)), lawful.TotalDue, overdue.Most.TotalDue)
                : string.Format(culture, Text(nameof(AppText.Verdict_Lawful)), lawful.TotalDue);
    }

    private static string Word(ExplanationStep step, bool nameView)
    {
        var values = new object[step.Values.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Format(step.Values[i]);
        }

        var template = StepTemplates.GetOrAdd((CultureInfo.CurrentUICulture, step.Kind, nameView ? step.View : null), static key => CompositeFormat.Parse(
            key.View is { } view ? "[" + Escaped(Text("View_" + view)) + "] " + Text("Step_" + key.Kind) : Text("Step_" + key.Kind)));
        return string.Format(CultureInfo.CurrentCulture, template, values);
    }

    /// <summary>Text to put into a composite format as it is: its braces doubled.</summary>
    private static string Escaped(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    private static string UncertainText(Uncertainty uncertainty) =>
        UncertainTexts.GetOrAdd((CultureInfo.CurrentUICulture, uncertainty), static key => Text("Uncertain_" + key.Uncertainty));

    private static object Format(object value) => value switch
    {
        AnnualRate rate => Percent(rate.Fraction),
        Money money => money.ToString(),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        BenchmarkTerm term => Text("BenchmarkTerm_" + term),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string Text(string name) => Texts[name];

    /// <summary>A view's name in the current UI language.</summary>
    internal static string ViewName(LegalView view) => Text("View_" + view);

    /// <summary>
    /// What a cap's words are made of, and the language they are in (<see langword="null"/> for the
    /// invariant description): the first day counts only for the 1991 line, whose words name it.
    /// </summary>
    private readonly record struct CapKey(CultureInfo? Culture, CapRule Rule, decimal Annual, decimal? Lpr, DateOnly? LprOn, decimal? Benchmark, BenchmarkTerm? Term, DateOnly From)
    {
        public static CapKey Of(RateCap cap, CultureInfo? culture) => new(
            culture,
            cap.Rule,
            cap.Annual,
            cap.Lpr?.OneYear,
            cap.LprOn,
            cap.Benchmark?.Rate,
            cap.Benchmark?.Term,
            cap.Rule == CapRule.FourTimesBenchmark ? cap.From : default);
    }
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
