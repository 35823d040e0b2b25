using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DebtShield.App.RateLoans;
using DebtShield.App.Resources;
using DebtShield.Core;
using DebtShield.Core.Law;

namespace DebtShield.App.CheckLoans;

/// <summary>
/// The words of a legal report in one UI language: each step's, each verdict piece's and each
/// cap's template read once into UTF-8 and filled at write time, and each uncertainty's message
/// encoded once for JSON. The one home of the report's wording: the record
/// (<see cref="CheckLoanReport.From"/>) takes its sentences from here as strings, the batch's
/// writer (<see cref="CheckReportWriter"/>) as bytes, so the two cannot word a loan differently.
/// </summary>
/// <remarks>
/// Amounts, rates and dates are written as the invariant culture writes them (the report's
/// numbers are the same in every language); only the words change with the language.
/// </remarks>
internal sealed class LegalReportWording
{
    private static readonly ConcurrentDictionary<CultureInfo, LegalReportWording> Languages = new();

    /// <summary>Each cap's description for machines (the same in every language), made once.</summary>
    private static readonly ConcurrentDictionary<CapKey, (string Text, JsonEncodedText Json)> CapDescriptions = new();

    private readonly CultureInfo _culture;
    private readonly ConcurrentDictionary<CapKey, (string Text, JsonEncodedText Json)> _capWords = new();

    /// <summary>Each step's template, by kind and by the view named in front of it (none: index 0).</summary>
    private readonly Utf8Template[,] _steps;

    /// <summary>The same templates with their fixed text escaped for a JSON string, as the batch's writer escapes it.</summary>
    private readonly Utf8Template[,] _stepsInJson;
    private readonly (string Text, JsonEncodedText Json)[] _uncertain;
    private readonly byte[][] _terms;
    private readonly Utf8Template _lawful;
    private readonly Utf8Template _lawfulRange;
    private readonly Utf8Template _overpaid;
    private readonly Utf8Template _void;
    private readonly Utf8Template _voidOverpaid;
    private readonly Utf8Template _otherwisePrivate;
    private readonly Utf8Template _excess;
    private readonly Utf8Template _aboveCap;
    private readonly Utf8Template _withinCap;
    private readonly Utf8Template _ifPrivate;
    private readonly Utf8Template _ifLicensed;
    private readonly byte[] _lenderOfRecord;
    private readonly byte[] _someUncertain;

    /// <summary>The words of a 4×LPR cap in this language, by rule (the other rules: none), filled at write time.</summary>
    private readonly Utf8Template?[] _lprCapWords;

    private LegalReportWording(CultureInfo culture)
    {
        _culture = culture;
        var kinds = Enum.GetValues<StepKind>();
        var views = Enum.GetValues<LegalView>();
        _steps = new Utf8Template[kinds.Length, views.Length + 1];
        _stepsInJson = new Utf8Template[kinds.Length, views.Length + 1];
        foreach (var kind in kinds)
        {
            var step = LegalTexts.Steps.Text(kind, _culture);
            _steps[(int)kind, 0] = Utf8Template.Parse(step, lastHole: 9);
            _stepsInJson[(int)kind, 0] = Utf8Template.Parse(Json(step).ToString(), lastHole: 9);
            foreach (var view in views)
            {
                var named = "[" + Escaped(LegalTexts.Views.Text(view, _culture)) + "] " + step;
                _steps[(int)kind, (int)view + 1] = Utf8Template.Parse(named, lastHole: 9);
                _stepsInJson[(int)kind, (int)view + 1] = Utf8Template.Parse(Json(named).ToString(), lastHole: 9);
            }
        }

        _uncertain = [.. Enum.GetValues<Uncertainty>().Select(u => Both(LegalTexts.Uncertainties.Text(u, _culture)))];
        RateBeyondRange = Both(Text(nameof(AppText.Note_RateBeyondRange)));
        _terms = [.. Enum.GetValues<BenchmarkTerm>().Select(t => Encoding.UTF8.GetBytes(LegalTexts.BenchmarkTerms.Text(t, _culture)))];
        _lawful = Template(nameof(AppText.Verdict_Lawful));
        _lawfulRange = Template(nameof(AppText.Verdict_LawfulRange));
        _overpaid = Template(nameof(AppText.Verdict_Overpaid));
        _void = Template(nameof(AppText.Verdict_Void));
        _voidOverpaid = Template(nameof(AppText.Verdict_VoidOverpaid));
        _otherwisePrivate = Template(nameof(AppText.Verdict_OtherwisePrivate));
        _excess = Template(nameof(AppText.Verdict_Excess));
        _aboveCap = Template(nameof(AppText.Verdict_AboveCap));
        _withinCap = Template(nameof(AppText.Verdict_WithinCap));
        _ifPrivate = Template(nameof(AppText.Verdict_IfPrivate));
        _ifLicensed = Template(nameof(AppText.Verdict_IfLicensed));
        _lprCapWords = new Utf8Template?[Enum.GetValues<CapRule>().Length];
        foreach (var rule in (ReadOnlySpan<CapRule>)[CapRule.FourTimesLprAtContract, CapRule.FourTimesLprAtFiling])
        {
            _lprCapWords[(int)rule] = Utf8Template.Parse(LegalTexts.CapBases.Text(rule, _culture));
        }

        _lenderOfRecord = Encoding.UTF8.GetBytes(Text(nameof(AppText.Verdict_LenderOfRecord)));
        _someUncertain = Encoding.UTF8.GetBytes(Text(nameof(AppText.Verdict_Uncertain)));
    }

    /// <summary>The note on a rate too large to write.</summary>
    public (string Text, JsonEncodedText Json) RateBeyondRange { get; }

    /// <summary>The wording in <paramref name="uiCulture"/>'s language, made on first use.</summary>
    public static LegalReportWording For(CultureInfo uiCulture) => Languages.TryGetValue(uiCulture, out var wording)
        ? wording
        : Languages.GetOrAdd(uiCulture, static c => new LegalReportWording(c));

    /// <summary>The message of <paramref name="uncertainty"/>.</summary>
    public (string Text, JsonEncodedText Json) Uncertain(Uncertainty uncertainty) => _uncertain[(int)uncertainty];

    /// <summary>"4×LPR 3.45% on 2023-08-21", "24% court line for licensed lenders…": invariant, for machines and case workers.</summary>
    public static (string Text, JsonEncodedText Json) DescribeCap(RateCap cap) =>
        CapDescriptions.TryGetValue(CapKey.Of(cap), out var words)
            ? words
            : CapDescriptions.GetOrAdd(CapKey.Of(cap), static (_, c) => Both(DescribeAnew(c)), cap);

    /// <summary>Where a line comes from, in this language.</summary>
    public (string Text, JsonEncodedText Json) WordCap(RateCap cap) =>
        _capWords.TryGetValue(CapKey.Of(cap), out var words)
            ? words
            : _capWords.GetOrAdd(CapKey.Of(cap), static (_, state) => Both(state.Wording.WordAnew(state.Cap)), (Wording: this, Cap: cap));

    /// <summary>
    /// Appends a 4×LPR cap's <paramref name="which"/> text (<see cref="DescribeCap"/>'s description
    /// or <see cref="WordCap"/>'s words), filled at write time; false, with nothing appended, for a
    /// cap of another rule, whose text comes from <see cref="Cap"/>. A 4×LPR cap's texts name the
    /// day its LPR was looked up for, the contract date: cached, they are one entry a contract date,
    /// and the batch's look-up among thousands of them cost more than filling the words (issue 27).
    /// </summary>
    public bool TryAppendLprCap(ref Utf8Builder text, RateCap cap, CapText which)
    {
        ArgumentNullException.ThrowIfNull(cap);
        var template = which switch
        {
            CapText.Description => cap.Rule switch
            {
                CapRule.FourTimesLprAtContract => LprDescription,
                CapRule.FourTimesLprAtFiling => LprAtFilingDescription,
                _ => null,
            },
            CapText.Words => _lprCapWords[(int)cap.Rule],
        };
        return template is not null && TryFillLpr(ref text, template, cap);
    }

    /// <summary>A cap's <paramref name="which"/> text from the cache: <see cref="DescribeCap"/> or <see cref="WordCap"/>.</summary>
    public (string Text, JsonEncodedText Json) Cap(RateCap cap, CapText which) => which switch
    {
        CapText.Description => DescribeCap(cap),
        CapText.Words => WordCap(cap),
    };

    /// <summary>Appends <paramref name="step"/> in words, "[view] " in front when <paramref name="nameView"/> and it has one.</summary>
    public void AppendStep(ref Utf8Builder text, ExplanationStep step, bool nameView)
    {
        Span<byte> scratch = stackalloc byte[512];
        var values = new Utf8Builder(scratch);
        Span<Range> ranges = stackalloc Range[10];
        var count = AppendValues(ref values, ranges, step);

        var view = nameView && step.View is { } named ? (int)named + 1 : 0;
        _steps[(int)step.Kind, view].AppendTo(ref text, values.Written, ranges[..count]);
        values.Dispose();
    }

    /// <summary>
    /// Appends <paramref name="step"/> as <see cref="AppendStep"/> words it, escaped as the batch's
    /// JSON writer escapes a string (<see cref="ReportJsonContext.WriterOptions"/>), so that it can be
    /// written as it is: the writer would otherwise search every step's few hundred bytes of
    /// Chinese for characters to escape, a loan's twenty steps at a time (issue 27). The fixed text
    /// is escaped once, in the templates; the values (amounts, rates, dates, counts, terms) are
    /// checked, and a step with a value that would need escaping is not appended.
    /// </summary>
    /// <returns>Whether the step was appended; when not, <paramref name="text"/> is as it was.</returns>
    public bool TryAppendStepEscaped(ref Utf8Builder text, ExplanationStep step, bool nameView)
    {
        Span<byte> scratch = stackalloc byte[512];
        var values = new Utf8Builder(scratch);
        Span<Range> ranges = stackalloc Range[10];
        var count = AppendValues(ref values, ranges, step);

        var plain = ReportJsonContext.WriterOptions.Encoder!.FindFirstCharacterToEncodeUtf8(values.Written) < 0;
        if (plain)
        {
            var view = nameView && step.View is { } named ? (int)named + 1 : 0;
            _stepsInJson[(int)step.Kind, view].AppendTo(ref text, values.Written, ranges[..count]);
        }

        values.Dispose();
        return plain;
    }

    /// <summary>Appends the report's one plain sentence for the borrower.</summary>
    public void AppendVerdict(ref Utf8Builder text, LegalAssessment assessment)
    {
        if (CheckLoanReport.DecidedByLenderOfRecord(assessment))
        {
            // A platform's or an unknown lender's loan: neither cap is a fact until the lender of record is known.
            AppendIfView(ref text, _ifPrivate, assessment, LegalView.PrivateLending);
            AppendIfView(ref text, _ifLicensed, assessment, LegalView.LicensedInstitution);
            text.Append(_lenderOfRecord);
            if (assessment.ExcessDemanded is { IsPositive: true } beyondBoth)
            {
                Fill(ref text, _excess, beyondBoth, Money.Zero);
            }

            text.Append(_someUncertain);
            return;
        }

        AppendOwed(ref text, assessment.Primary);
        if (assessment.Primary.View == LegalView.VoidUnlicensedLending && FindView(assessment, LegalView.PrivateLending) is { } otherwise)
        {
            Span<byte> scratch = stackalloc byte[256];
            var owed = new Utf8Builder(scratch);
            AppendOwed(ref owed, otherwise);
            Fill(ref text, _otherwisePrivate, owed.Written);
            owed.Dispose();
        }

        if (assessment.ExcessDemanded is { IsPositive: true } excess)
        {
            Fill(ref text, _excess, excess, Money.Zero);
        }

        if (assessment.Primary.ExceedsCap == true)
        {
            Fill(ref text, _aboveCap, new Percentage(assessment.RateAnnual!.Value), new Percentage((double)assessment.Primary.Cap.Annual));
        }

        if (assessment.Uncertain.Count > 0)
        {
            text.Append(_someUncertain);
        }
    }

    /// <summary>Text to put into a template as it is: its braces doubled.</summary>
    private static string Escaped(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    private static JsonEncodedText Json(string text) => JsonEncodedText.Encode(text, ReportJsonContext.WriterOptions.Encoder);

    private static (string, JsonEncodedText) Both(string text) => (text, Json(text));

    private static ViewAssessment? FindView(LegalAssessment assessment, LegalView view)
    {
        var views = assessment.Views;
        for (var i = 0; i < views.Count; i++)
        {
            if (views[i].View == view)
            {
                return views[i];
            }
        }

        return null;
    }

    /// <summary>"If the lender of record is …: owed; the rate against that view's cap."</summary>
    private void AppendIfView(ref Utf8Builder text, Utf8Template template, LegalAssessment assessment, LegalView view)
    {
        var assessed = FindView(assessment, view)!;
        Span<byte> scratch = stackalloc byte[512];
        var owed = new Utf8Builder(scratch);
        AppendOwed(ref owed, assessed);
        if (assessed.ExceedsCap is { } exceeds)
        {
            Fill(ref owed, exceeds ? _aboveCap : _withinCap, new Percentage(assessment.RateAnnual!.Value), new Percentage((double)assessed.Cap.Annual));
        }

        Fill(ref text, template, owed.Written);
        owed.Dispose();
    }

    /// <summary>What a view says is owed: one figure, a range, or an overpayment.</summary>
    private void AppendOwed(ref Utf8Builder text, ViewAssessment view)
    {
        var lawful = view.Lawful;
        if (view.View == LegalView.VoidUnlicensedLending)
        {
            if (lawful.Overpaid.IsPositive)
            {
                Fill(ref text, _voidOverpaid, lawful.Overpaid, Money.Zero);
            }
            else
            {
                Fill(ref text, _void, lawful.TotalDue, view.Most.TotalDue);
            }
        }
        else if (lawful.Overpaid.IsPositive)
        {
            Fill(ref text, _overpaid, lawful.Overpaid, Money.Zero);
        }
        else if (view.OverdueCharges is { } overdue)
        {
            Fill(ref text, _lawfulRange, lawful.TotalDue, overdue.Most.TotalDue);
        }
        else
        {
            Fill(ref text, _lawful, lawful.TotalDue, Money.Zero);
        }
    }

    /// <summary>Fills a template of one or two holes with values formatted as the report formats them.</summary>
    private static void Fill<T0, T1>(ref Utf8Builder text, Utf8Template template, T0 first, T1 second)
        where T0 : IUtf8SpanFormattable
        where T1 : IUtf8SpanFormattable
    {
        Span<byte> scratch = stackalloc byte[128];
        var values = new Utf8Builder(scratch);
        Span<Range> ranges = stackalloc Range[2];
        values.Append(first);
        ranges[0] = ..values.Length;
        values.Append(second);
        ranges[1] = ranges[0].End..values.Length;
        template.AppendTo(ref text, values.Written, ranges);
        values.Dispose();
    }

    /// <summary>Fills a template of one hole with text already worded.</summary>
    private static void Fill(ref Utf8Builder text, Utf8Template template, scoped ReadOnlySpan<byte> worded)
    {
        Span<Range> ranges = stackalloc Range[1];
        ranges[0] = ..worded.Length;
        template.AppendTo(ref text, worded, ranges);
    }

    /// <summary>A step's value as the report writes it: rates as percentages, amounts in yuan, dates ISO, numbers invariant.</summary>
    // Writes a step's values one after the other and where each one is, for its template's holes.
    private int AppendValues(ref Utf8Builder values, Span<Range> ranges, ExplanationStep step)
    {
        var stepValues = step.Values.AsSpan();
        for (var i = 0; i < stepValues.Length; i++)
        {
            var start = values.Length;
            AppendValue(ref values, in stepValues[i]);
            ranges[i] = start..values.Length;
        }

        return stepValues.Length;
    }

    private void AppendValue(ref Utf8Builder text, in StepValue value)
    {
        switch (value.Kind)
        {
            case StepValueKind.Rate:
                text.Append(new Percentage(value.Rate.Fraction));
                break;
            case StepValueKind.Amount:
                text.Append(value.Amount);
                break;
            case StepValueKind.Date:
                text.Append(new IsoDate(value.Date));
                break;
            case StepValueKind.Term:
                text.Append(_terms[(int)value.Term]);
                break;
            case StepValueKind.Count:
                text.Append(value.Count);
                break;
            case StepValueKind.Number:
                text.Append(value.Number);
                break;
            default:
                throw new InvalidOperationException("A step value of an unknown kind: " + value.Kind);
        }
    }

    private Utf8Template Template(string name) => Utf8Template.Parse(Text(name));

    private string Text(string name) => AppText.ResourceManager.GetString(name, _culture)
        ?? throw new InvalidOperationException("Missing text resource " + name);

    private static string DescribeAnew(RateCap cap) => cap.Rule switch
    {
        CapRule.FourTimesLprAtContract or CapRule.FourTimesLprAtFiling => string.Format(
            CultureInfo.InvariantCulture,
            cap.Rule == CapRule.FourTimesLprAtContract ? LprDescriptionText : LprAtFilingDescriptionText,
            Percent(cap.Lpr!.OneYear),
            cap.LprOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        CapRule.OldPrivateLine => string.Create(CultureInfo.InvariantCulture, $"old private-lending line {Percent(cap.Annual)} (interest before 2020-08-20)"),
        CapRule.LicensedCourtLine => string.Create(CultureInfo.InvariantCulture, $"{Percent(cap.Annual)} court line for licensed lenders (on the borrower's request)"),
        CapRule.FourTimesBenchmark => string.Create(CultureInfo.InvariantCulture, $"4×PBOC benchmark {Percent(cap.Benchmark!.Rate)} ({LegalWireIds.Of(cap.Benchmark.Term)}, in force on {cap.From:yyyy-MM-dd}; 1991 opinion, as-of date standing in for a filing date before 2015-09-01)"),
        CapRule.UseOfMoneyFeeAtLpr => cap.Lpr is { } lpr
            ? string.Create(CultureInfo.InvariantCulture, $"void contract: fee for the use of the money at most at the one-year LPR {Percent(lpr.OneYear)} on {cap.LprOn:yyyy-MM-dd}")
            : "void contract: no LPR on the as-of date, no fee estimated",
    };

    private string WordAnew(RateCap cap) => cap.Rule switch
    {
        CapRule.FourTimesLprAtContract or CapRule.FourTimesLprAtFiling => string.Format(
            CultureInfo.InvariantCulture,
            LegalTexts.CapBases.Text(cap.Rule, _culture),
            Percent(cap.Lpr!.OneYear),
            cap.LprOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        CapRule.OldPrivateLine or CapRule.LicensedCourtLine => string.Format(CultureInfo.InvariantCulture, LegalTexts.CapBases.Text(cap.Rule, _culture), Percent(cap.Annual)),
        CapRule.FourTimesBenchmark => string.Format(
            CultureInfo.InvariantCulture,
            LegalTexts.CapBases.Text(cap.Rule, _culture),
            Percent(cap.Benchmark!.Rate),
            LegalTexts.BenchmarkTerms.Text(cap.Benchmark.Term, _culture),
            cap.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        CapRule.UseOfMoneyFeeAtLpr => cap.Lpr is { } lpr
            ? string.Format(CultureInfo.InvariantCulture, LegalTexts.CapBases.Text(cap.Rule, _culture), Percent(lpr.OneYear), cap.LprOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : Text("CapBasis_UseOfMoneyFeeNone"),
    };

    private static string Percent(decimal fraction) => new Percentage((double)fraction).ToString();

    /// <summary>A 4×LPR cap's template filled with its LPR and the day it was looked up for, as <see cref="DescribeAnew"/> and <see cref="WordAnew"/> word them.</summary>
    private static bool TryFillLpr(ref Utf8Builder text, Utf8Template template, RateCap cap)
    {
        if (cap.Lpr is not { } lpr || cap.LprOn is not { } on)
        {
            return false;
        }

        Fill(ref text, template, new Percentage((double)lpr.OneYear), new IsoDate(on));
        return true;
    }

    /// <summary>The invariant descriptions of the two 4×LPR rules, {0} the LPR and {1} the day: <see cref="DescribeAnew"/> formats them, the batch fills their templates.</summary>
    private const string LprDescriptionText = "4×LPR {0} on {1}";

    private const string LprAtFilingDescriptionText = "4×LPR {0} on {1} (as-of date standing in for the filing date)";

    private static readonly Utf8Template LprDescription = Utf8Template.Parse(LprDescriptionText);

    private static readonly Utf8Template LprAtFilingDescription = Utf8Template.Parse(LprAtFilingDescriptionText);

    /// <summary>
    /// A day written as the report writes one, <c>yyyy-MM-dd</c>: the one home of the batch's days
    /// (the as-of day, the steps' days, the caps' days). Formatted as the round-trip "O", which for a
    /// <see cref="DateOnly"/> is exactly <c>yyyy-MM-dd</c> in every culture and takes its own short path;
    /// the custom pattern was parsed anew for every day written, five to ten a loan (issue 27).
    /// </summary>
    internal readonly record struct IsoDate(DateOnly Day) : IUtf8SpanFormattable
    {
        public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            Day.TryFormat(utf8Destination, out bytesWritten, "O", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What a cap's words are made of: the first day counts only for the 1991 line, whose words name it.
    /// </summary>
    private readonly record struct CapKey(CapRule Rule, decimal Annual, decimal? Lpr, DateOnly? LprOn, decimal? Benchmark, BenchmarkTerm? Term, DateOnly From)
    {
        public static CapKey Of(RateCap cap) => new(
            cap.Rule,
            cap.Annual,
            cap.Lpr?.OneYear,
            cap.LprOn,
            cap.Benchmark?.Rate,
            cap.Benchmark?.Term,
            cap.Rule == CapRule.FourTimesBenchmark ? cap.From : default);

        /// <summary>
        /// A hash of the key's rule and days only: a loan looks its caps up three or four times, and
        /// hashing a <see cref="decimal"/> (which must first find its shortest scale) was most of a
        /// look-up's cost (issue 27). Keys that differ only in a rate are few and still told apart by
        /// <see cref="Equals(CapKey)"/>.
        /// </summary>
        public override int GetHashCode() => unchecked(((int)Rule * 397) ^ (LprOn?.DayNumber ?? -1) ^ (From.DayNumber << 7) ^ (Term is { } term ? ((int)term + 1) << 24 : 0));
    }
}

/// <summary>The two texts a cap has in a report.</summary>
internal enum CapText
{
    /// <summary>Its description for machines and case workers, invariant ("4×LPR 3.45% on 2023-08-21"): <c>capBasis</c>.</summary>
    Description,

    /// <summary>Where the line comes from, in the UI language: <c>capBasisText</c>.</summary>
    Words,
}
