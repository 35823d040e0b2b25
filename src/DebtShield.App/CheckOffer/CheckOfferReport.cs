using System.Globalization;
using System.Text.Json.Serialization;
using DebtShield.App.CheckLoans;
using DebtShield.App.RateLoans;
using DebtShield.App.Resources;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.LegalData;

namespace DebtShield.App.CheckOffer;

/// <summary>
/// The offer check as <c>debtshield offer --json</c> and (later) the web API report it: the real
/// cost, the legal view, the monthly burden, every finding with its reason and citations, the
/// assumptions the schedule rests on, and a plain verdict. Rates are fractions, money is yuan.
/// </summary>
/// <param name="Figures">The offered loan's figures every report of a loan shares; the offer check writes ten of them, flat, under its own names.</param>
public sealed record CheckOfferReport([property: JsonIgnore] LoanFigures Figures)
{
    [JsonInclude, JsonPropertyName(LoanFigures.Names.LenderName)]
    internal string LenderName => Figures.LenderName;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.LenderKind)]
    internal string LenderKind => Figures.LenderKind;

    /// <summary>What the local list says about the lender, when a name was given.</summary>
    public CheckLender.LenderCheckReport? LenderCheck { get; init; }

    /// <summary>The offer check's name for <see cref="LoanFigures.Principal"/>, the contract amount (published so; not renamed).</summary>
    [JsonInclude, JsonPropertyName("amount")]
    internal decimal Amount => Figures.Principal;

    /// <summary>The offer check's name for <see cref="LoanFigures.Received"/>, what would arrive.</summary>
    [JsonInclude, JsonPropertyName("arrives")]
    internal decimal Arrives => Figures.Received;

    /// <summary>
    /// What the borrower would really have: what arrives less fees paid on top. The one received
    /// amount a person is shown, and the one every rate is worked out on.
    /// </summary>
    [JsonInclude, JsonPropertyName(LoanFigures.Names.PrincipalBasis)]
    internal decimal PrincipalBasis => Figures.PrincipalBasis;

    /// <summary>Instalments (months) or 1 (a term in days).</summary>
    public required int Instalments { get; init; }

    /// <summary>"months" or "days".</summary>
    public required string TermUnit { get; init; }

    /// <summary>The term's count of months or days.</summary>
    public required int TermCount { get; init; }

    /// <summary>The largest instalment, fees included.</summary>
    public required decimal Instalment { get; init; }

    /// <summary>Everything to repay, fees with instalments included (fees paid on top are in the total cost).</summary>
    [JsonInclude, JsonPropertyName(LoanFigures.Names.TotalRepayable)]
    internal decimal TotalRepayable => Figures.TotalRepayable;

    [JsonInclude, JsonPropertyName(LoanFigures.Names.TotalCost)]
    internal decimal TotalCost => Figures.TotalCost;

    /// <summary>The offer check's name for <see cref="LoanFigures.IrrAnnualNominal"/>, the real annual rate (published so; not renamed).</summary>
    [JsonInclude, JsonPropertyName("rateAnnual")]
    internal double? RateAnnual => Figures.IrrAnnualNominal;

    /// <summary>The offer check's name for <see cref="LoanFigures.IrrAnnualEffective"/>.</summary>
    [JsonInclude, JsonPropertyName("rateAnnualEffective")]
    internal double? RateAnnualEffective => Figures.IrrAnnualEffective;

    /// <summary>The offer check's name for <see cref="LoanFigures.StatedAnnual"/>: the rate the offer shows, as a yearly figure.</summary>
    [JsonInclude, JsonPropertyName("advertisedAnnual")]
    internal double? AdvertisedAnnual => Figures.StatedAnnual;

    /// <summary>
    /// The legal line under each view the lender's kind leaves open, in the legal engine's order:
    /// one view when the kind is known, both (private lending, licensed institution) when it is not.
    /// </summary>
    public required IReadOnlyList<OfferViewFigure> Views { get; init; }

    /// <summary>Why these views: the lender's kind as known, in the current UI language.</summary>
    public required string ViewsReason { get; init; }

    /// <summary>The borrower's monthly income, if given.</summary>
    public required decimal? MonthlyIncome { get; init; }

    /// <summary>The largest instalment as a share of the monthly income, when income and essential expenses were both given.</summary>
    public required double? IncomeShare { get; init; }

    /// <summary>"avoid", "caution" or "no_problem_found" (never "safe").</summary>
    public required string Verdict { get; init; }

    /// <summary>The verdict in one plain sentence, in the current UI language.</summary>
    public required string VerdictText { get; init; }

    /// <summary>Every finding, worst first.</summary>
    public required IReadOnlyList<OfferFindingFigure> Findings { get; init; }

    /// <summary>How the schedule was built from what the app shows.</summary>
    public required IReadOnlyList<string> Assumptions { get; init; }

    /// <summary>What the legal engine could not settle.</summary>
    public required IReadOnlyList<RateNote> Uncertain { get; init; }

    /// <summary>The citations the findings point at.</summary>
    public required IReadOnlyList<CitationFigure> Citations { get; init; }

    /// <summary>Builds the report.</summary>
    public static CheckOfferReport From(OfferAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var legal = assessment.Facts.Assessment;
        var loan = legal.Loan;
        var offer = assessment.Facts.Offer;
        var cost = legal.Cost;
        var figures = LoanFigures.Of(cost);
        List<RateNote> uncertain = figures.RateBeyondRange ? [RateLoanReport.BeyondRange()] : [];
        var legalReport = CheckLoanReport.From(legal, LegalDataReader.Citations);
        var findings = assessment.Findings
            .OrderByDescending(f => f.Severity)
            .Select(f => new OfferFindingFigure(f.Rule, SeverityId(f.Severity), Word(f), LegalWireIds.Of(f.Basis.Status), ReadGuide.ReadGuide.StatusWord(f.Basis.Status), f.Basis.Citations))
            .ToArray();
        var cited = findings.SelectMany(f => f.Citations).Distinct(StringComparer.Ordinal).ToArray();
        var income = assessment.Facts.MonthlyIncome;
        var instalment = assessment.Facts.LargestInstalment;
        return new CheckOfferReport(figures)
        {
            Instalments = loan.Schedule.Count,
            TermUnit = offer.Term.Unit == Core.Offers.TermUnit.Months ? "months" : "days",
            TermCount = offer.Term.Count,
            Instalment = instalment.Yuan,
            Views = [.. legal.Views.Select(v => new OfferViewFigure(
                LegalWireIds.Of(v.View),
                CheckLoanReport.ViewName(v.View),
                v.Cap.Annual,
                CheckLoanReport.WordCap(v.Cap),
                ReadGuide.ReadGuide.StatusWord(v.Cap.Basis.Status),
                v.ExceedsCap))],
            ViewsReason = legal.Views.Count > 1
                ? CheckText.OfferViews_KindUnknown
                : string.Format(CultureInfo.CurrentCulture, CheckText.OfferViews_KindKnown, KindName(loan.Lender.Kind)),
            MonthlyIncome = income?.Yuan,
            IncomeShare = income is { IsPositive: true } i && assessment.Facts.MonthlyEssentials is not null ? (double)(instalment.Yuan / i.Yuan) : null,
            Verdict = VerdictIds.Of(assessment.Verdict),
            VerdictText = Verdicts.Text(assessment.Verdict),
            Findings = findings,
            Assumptions = [.. AssumptionsOf(offer)],
            Uncertain = [.. uncertain.Concat(legalReport.Uncertain).DistinctBy(u => u.Code)],
            Citations = [.. cited.Where(LegalDataReader.Citations.ContainsKey).Select(id => CitationFigure.From(LegalDataReader.Citations[id]))],
        };
    }

    private static IEnumerable<string> AssumptionsOf(LoanOffer offer)
    {
        yield return CheckText.OfferAssume_SignedToday;
        if (offer.Repayment is OfferRepayment.AtEnd)
        {
            yield return CheckText.OfferAssume_AtEnd;
        }
        else if (offer.Repayment is OfferRepayment.AtRate { Rate: var rate })
        {
            yield return (rate.Method, rate.Per, offer.Term.Unit) switch
            {
                (_, _, Core.Offers.TermUnit.Days) => CheckText.OfferAssume_DaysSimple,
                (AdvertisedMethod.FeeRate, _, _) => CheckText.OfferAssume_FeeRate,
                (_, RatePer.Day, _) => CheckText.OfferAssume_DayRateMonths,
                _ => CheckText.OfferAssume_EqualInstalments,
            };
        }

        if (offer.Fees.Any(f => f.Timing == FeeTiming.Deducted))
        {
            yield return CheckText.OfferAssume_FeesDeducted;
        }
        else if (offer.Fees.Any(f => f.Timing == FeeTiming.Upfront))
        {
            yield return CheckText.OfferAssume_FeesOnTop;
        }
    }

    private static string Word(OfferFinding finding)
    {
        var values = finding.Values.Select(v => v switch
        {
            double rate => RateLoanReport.Percent(rate),
            string text => text,
            decimal rate => RateLoanReport.Percent((double)rate),
            Money money => money.ToString(),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        }).ToArray<object>();
        return string.Format(CultureInfo.CurrentCulture, FindingTexts.Text(finding.Kind), values);
    }

    private static string KindName(LenderKind kind) => Vocabularies.LenderKinds[kind].FormalName(CultureInfo.CurrentUICulture);

    private static string SeverityId(OfferSeverity severity) => severity switch
    {
        OfferSeverity.Note => "note",
        OfferSeverity.Caution => "caution",
        OfferSeverity.Avoid => "avoid",
    };

    /// <summary>The verdict's id in the report (<c>no_problem_found</c>), spelled out so that renaming a member changes no JSON.</summary>
    private static WireIds<OfferVerdict> VerdictIds { get; } = new(
        (OfferVerdict.NoProblemFound, "no_problem_found"),
        (OfferVerdict.Caution, "caution"),
        (OfferVerdict.Avoid, "avoid"));

    /// <summary>
    /// What each finding tells the borrower, under <c>OfferRule_</c> and its id with the dot made a
    /// line (<c>OfferRule_bundled_fees_membership</c>), as resource names are written.
    /// </summary>
    private static MemberTexts<OfferFindingKind> FindingTexts { get; } =
        MemberTexts.ByWireId<OfferFindingKind>(CheckText.ResourceManager, "OfferRule_", kind => OfferFinding.KindIds.Of(kind).Replace('.', '_'));

    /// <summary>What the verdict tells the borrower, under its id.</summary>
    private static MemberTexts<OfferVerdict> Verdicts { get; } = MemberTexts.ByWireId<OfferVerdict>(CheckText.ResourceManager, "OfferVerdict_", VerdictIds);
}

/// <summary>One finding of the offer check.</summary>
/// <param name="Rule">The rule id, such as <c>rate_above_legal_line</c>.</param>
/// <param name="Severity">"avoid", "caution" or "note".</param>
/// <param name="Text">The finding in the current UI language.</param>
/// <param name="Status">How well its legal basis is checked: verified, secondary or uncertain.</param>
/// <param name="StatusText">The same in the current UI language (已核实, 二手资料, 待核实).</param>
/// <param name="Citations">Ids in <c>data/law/citations.json</c>.</param>
public sealed record OfferFindingFigure(string Rule, string Severity, string Text, string Status, string StatusText, IReadOnlyList<string> Citations);

/// <summary>The legal line under one view.</summary>
/// <param name="View">private_lending or licensed_institution.</param>
/// <param name="Name">The view in the current UI language.</param>
/// <param name="CapAnnual">The line, a fraction a year.</param>
/// <param name="CapText">Where the line comes from, in the current UI language.</param>
/// <param name="StatusText">How well the line is checked, in the current UI language.</param>
/// <param name="ExceedsCap">Whether the real rate is above it; null when there is no single rate.</param>
public sealed record OfferViewFigure(string View, string Name, decimal CapAnnual, string CapText, string StatusText, bool? ExceedsCap);
