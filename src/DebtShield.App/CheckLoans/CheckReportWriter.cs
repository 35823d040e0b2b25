using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DebtShield.App.RateLoans;
using DebtShield.Core.Law;
using DebtShield.Core.Vocabulary;

namespace DebtShield.App.CheckLoans;

/// <summary>
/// Writes a batch line's <see cref="CheckLoanReport"/> straight from a <see cref="LegalAssessment"/>
/// to a <see cref="Utf8JsonWriter"/>, byte for byte as the serializer writes the record (without
/// its citations, which a batch line leaves out), without building the record: the check batch's
/// hot path.
/// </summary>
/// <remarks>
/// The sentences come from <see cref="LegalReportWording"/>, the same templates the record is
/// worded from, in the UI language of the thread that creates the writer; the ids and fixed names
/// are encoded once. <c>CheckBatchEquivalenceTests</c> hold this writer and the record's
/// serialisation equal on the wide golden input, in both languages.
/// </remarks>
public sealed class CheckReportWriter
{
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText LenderKindName = JsonEncodedText.Encode(LoanFigures.Names.LenderKind);
    private static readonly JsonEncodedText AsOfName = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText DayCountName = JsonEncodedText.Encode("dayCount");
    private static readonly JsonEncodedText CapAnnualName = JsonEncodedText.Encode("capAnnual");
    private static readonly JsonEncodedText CapBasisName = JsonEncodedText.Encode("capBasis");
    private static readonly JsonEncodedText CapBasisTextName = JsonEncodedText.Encode("capBasisText");
    private static readonly JsonEncodedText PrincipalBasisName = JsonEncodedText.Encode(LoanFigures.Names.PrincipalBasis);
    private static readonly JsonEncodedText RateAnnualName = JsonEncodedText.Encode("rateAnnual");
    private static readonly JsonEncodedText RateAnnualEffectiveName = JsonEncodedText.Encode("rateAnnualEffective");
    private static readonly JsonEncodedText ExceedsCapName = JsonEncodedText.Encode("exceedsCap");
    private static readonly JsonEncodedText LawfulName = JsonEncodedText.Encode("lawful");
    private static readonly JsonEncodedText LawfulMostTotalDueName = JsonEncodedText.Encode("lawfulMostTotalDue");
    private static readonly JsonEncodedText AtContractRateName = JsonEncodedText.Encode("atContractRate");
    private static readonly JsonEncodedText DemandedName = JsonEncodedText.Encode("demanded");
    private static readonly JsonEncodedText ExcessDemandedName = JsonEncodedText.Encode("excessDemanded");
    private static readonly JsonEncodedText FlagsName = JsonEncodedText.Encode("flags");
    private static readonly JsonEncodedText FlagDetailsName = JsonEncodedText.Encode("flagDetails");
    private static readonly JsonEncodedText FlagName = JsonEncodedText.Encode("flag");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText CitationsName = JsonEncodedText.Encode("citations");
    private static readonly JsonEncodedText UncertainName = JsonEncodedText.Encode("uncertain");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText StepsName = JsonEncodedText.Encode("steps");
    private static readonly JsonEncodedText StepName = JsonEncodedText.Encode("step");
    private static readonly JsonEncodedText ViewName = JsonEncodedText.Encode("view");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText ViewsName = JsonEncodedText.Encode("views");
    private static readonly JsonEncodedText CapStatusName = JsonEncodedText.Encode("capStatus");
    private static readonly JsonEncodedText VerdictName = JsonEncodedText.Encode("verdict");
    private static readonly JsonEncodedText LenderOfRecordDecidesName = JsonEncodedText.Encode("lenderOfRecordDecides");
    private static readonly JsonEncodedText PrincipalOutstandingName = JsonEncodedText.Encode("principalOutstanding");
    private static readonly JsonEncodedText InterestDueName = JsonEncodedText.Encode("interestDue");
    private static readonly JsonEncodedText TotalDueName = JsonEncodedText.Encode("totalDue");
    private static readonly JsonEncodedText PaidName = JsonEncodedText.Encode("paid");
    private static readonly JsonEncodedText OverpaidName = JsonEncodedText.Encode("overpaid");
    private static readonly JsonEncodedText RateBeyondRangeCode = JsonEncodedText.Encode(RateLoanReport.BeyondRangeCode);

    private static readonly JsonEncodedText[] StepIds = Ids<StepKind>(LegalWireIds.Of);
    private static readonly JsonEncodedText[] ViewIds = Ids<LegalView>(LegalWireIds.Of);
    private static readonly JsonEncodedText[] StatusIds = Ids<FactStatus>(LegalWireIds.Of);
    private static readonly JsonEncodedText[] UncertainCodes = Ids<Uncertainty>(LegalWireIds.Of);
    private static readonly JsonEncodedText[] FlagIds = Ids<LegalFlagKind>(LegalWireIds.Of);

    private readonly LegalReportWording _wording;

    /// <summary>
    /// Citation lists and their arrays encoded, a slot each by the list's identity (<see cref="Citations"/>);
    /// shared by the batch's workers. A loan uses about ten lists, whose slots a process draws at
    /// random (their identity hashes): two lists in one slot put each other out loan after loan,
    /// each time encoding an array again with a writer of its own. With 64 slots that cost about one
    /// such encoding a line in the runs measured (issue 27); 1,024 slots make a shared one rare.
    /// </summary>
    private readonly EncodedCitations?[] _citations = new EncodedCitations?[1024];

    /// <summary>A writer worded in the current UI language.</summary>
    public CheckReportWriter() => _wording = LegalReportWording.For(CultureInfo.CurrentUICulture);

    /// <summary>Writes the report of <paramref name="assessment"/>, with <paramref name="line"/> first when given.</summary>
    public void Write(Utf8JsonWriter json, long? line, LegalAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(assessment);
        var loan = assessment.Loan;
        var options = assessment.Options;
        var primary = assessment.Primary;

        // As the record: a rate too large to write is null, with one note after the assessment's own.
        var beyondRange = false;
        var rate = LoanFigures.Writable(assessment.RateAnnual, ref beyondRange);
        var effective = LoanFigures.Writable(assessment.Cost.IrrAnnualEffective?.Fraction, ref beyondRange);

        json.WriteStartObject();
        if (line is { } number)
        {
            json.WriteNumber(LineName, number);
        }

        json.WriteString(IdName, loan.Id);
        json.WriteString(LenderKindName, Vocabularies.LenderKinds.WireId(loan.Lender.Kind));
        Date(json, AsOfName, options.AsOf);
        json.WriteNumber(DayCountName, options.DayCount.DaysPerYear());
        json.WriteNumber(CapAnnualName, primary.Cap.Annual);
        Cap(json, CapBasisName, primary.Cap, CapText.Description);
        Cap(json, CapBasisTextName, primary.Cap, CapText.Words);
        json.WriteNumber(PrincipalBasisName, loan.PrincipalBasis.Yuan);
        Number(json, RateAnnualName, rate);
        Number(json, RateAnnualEffectiveName, effective);
        Boolean(json, ExceedsCapName, primary.ExceedsCap);
        Balance(json, LawfulName, primary.Lawful);
        Number(json, LawfulMostTotalDueName, CheckLoanReport.LawfulMost(assessment));
        Balance(json, AtContractRateName, assessment.ContractBalance);
        Number(json, DemandedName, options.Demanded?.Yuan);
        Number(json, ExcessDemandedName, assessment.ExcessDemanded?.Yuan);

        // The assessment's lists are read by index: a foreach over an IReadOnlyList makes an
        // enumerator object, five or six a loan (issue 27).
        var flags = assessment.Flags;
        json.WriteStartArray(FlagsName);
        for (var i = 0; i < flags.Count; i++)
        {
            json.WriteStringValue(FlagIds[(int)flags[i].Flag]);
        }

        json.WriteEndArray();
        json.WriteStartArray(FlagDetailsName);
        for (var i = 0; i < flags.Count; i++)
        {
            var flag = flags[i];
            json.WriteStartObject();
            json.WriteString(FlagName, FlagIds[(int)flag.Flag]);
            json.WriteString(StatusName, StatusIds[(int)flag.Basis.Status]);
            Citations(json, flag.Basis.Citations);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(UncertainName);
        var uncertain = assessment.Uncertain;
        for (var i = 0; i < uncertain.Count; i++)
        {
            var uncertainty = uncertain[i];
            json.WriteStartObject();
            json.WriteString(CodeName, UncertainCodes[(int)uncertainty]);
            json.WriteString(MessageName, _wording.Uncertain(uncertainty).Json);
            json.WriteEndObject();
        }

        if (beyondRange)
        {
            json.WriteStartObject();
            json.WriteString(CodeName, RateBeyondRangeCode);
            json.WriteString(MessageName, _wording.RateBeyondRange.Json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteSteps(json, assessment);
        json.WriteStartArray(ViewsName);
        var views = assessment.Views;
        for (var i = 0; i < views.Count; i++)
        {
            var view = views[i];
            json.WriteStartObject();
            json.WriteString(ViewName, ViewIds[(int)view.View]);
            json.WriteNumber(CapAnnualName, view.Cap.Annual);
            Cap(json, CapBasisName, view.Cap, CapText.Description);
            json.WriteString(CapStatusName, StatusIds[(int)view.Cap.Basis.Status]);
            Boolean(json, ExceedsCapName, view.ExceedsCap);
            Balance(json, LawfulName, view.Lawful);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Span<byte> scratch = stackalloc byte[2048];
        var verdict = new Utf8Builder(scratch);
        _wording.AppendVerdict(ref verdict, assessment);
        json.WriteString(VerdictName, verdict.Written);
        verdict.Dispose();
        json.WriteBoolean(LenderOfRecordDecidesName, CheckLoanReport.DecidedByLenderOfRecord(assessment));
        json.WriteEndObject();
    }

    private void WriteSteps(Utf8JsonWriter json, LegalAssessment assessment)
    {
        var nameView = assessment.Views.Count > 1;
        Span<byte> scratch = stackalloc byte[1024];
        var text = new Utf8Builder(scratch);
        json.WriteStartArray(StepsName);
        var steps = assessment.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            json.WriteStartObject();
            json.WriteString(StepName, StepIds[(int)step.Kind]);
            if (step.View is { } view)
            {
                json.WriteString(ViewName, ViewIds[(int)view]);
            }
            else
            {
                json.WriteNull(ViewName);
            }

            text.Clear();
            text.Append("\""u8);
            if (_wording.TryAppendStepEscaped(ref text, step, nameView))
            {
                // Escaped already, as the writer would: written as it is, quotes and all.
                text.Append("\""u8);
                json.WritePropertyName(TextName);
                json.WriteRawValue(text.Written, skipInputValidation: true);
            }
            else
            {
                text.Clear();
                _wording.AppendStep(ref text, step, nameView);
                json.WriteString(TextName, text.Written);
            }

            Citations(json, step.Citations);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        text.Dispose();
    }

    /// <summary>One of a cap's texts: a 4×LPR cap's filled at write time, the others' from the wording's cache.</summary>
    private void Cap(Utf8JsonWriter json, JsonEncodedText name, RateCap cap, CapText which)
    {
        Span<byte> scratch = stackalloc byte[256];
        var text = new Utf8Builder(scratch);
        if (_wording.TryAppendLprCap(ref text, cap, which))
        {
            json.WriteString(name, text.Written);
        }
        else
        {
            json.WriteString(name, _wording.Cap(cap, which).Json);
        }

        text.Dispose();
    }

    /// <summary>
    /// Writes a list of citation ids, as the array encoded once when the list was last seen: the
    /// lists are the legal rules' own, the same few dozen instances loan after loan, and a loan's
    /// forty-odd ids were otherwise each transcoded from UTF-16 and searched for characters to
    /// escape (issue 27). Found by the list's identity in a small table of slots, so a list made for
    /// one loan (a union of two bases) only borrows a slot; an indented writer gets the plain array.
    /// </summary>
    private void Citations(Utf8JsonWriter json, IReadOnlyList<string> citations)
    {
        if (json.Options.Indented)
        {
            WriteCitations(json, citations);
            return;
        }

        ref var slot = ref _citations[RuntimeHelpers.GetHashCode(citations) & (_citations.Length - 1)];
        var encoded = Volatile.Read(ref slot);
        if (encoded is null || !ReferenceEquals(encoded.List, citations))
        {
            var buffer = new ArrayBufferWriter<byte>(64);
            using (var array = new Utf8JsonWriter(buffer, ReportJsonContext.WriterOptions))
            {
                WriteCitations(array, citations, name: false);
            }

            encoded = new EncodedCitations(citations, buffer.WrittenSpan.ToArray());
            Volatile.Write(ref slot, encoded);
        }

        json.WritePropertyName(CitationsName);
        json.WriteRawValue(encoded.Json, skipInputValidation: true);
    }

    private static void WriteCitations(Utf8JsonWriter json, IReadOnlyList<string> citations, bool name = true)
    {
        if (name)
        {
            json.WriteStartArray(CitationsName);
        }
        else
        {
            json.WriteStartArray();
        }

        for (var i = 0; i < citations.Count; i++)
        {
            json.WriteStringValue(citations[i]);
        }

        json.WriteEndArray();
    }

    private static void Balance(Utf8JsonWriter json, JsonEncodedText name, LawfulBalance balance)
    {
        json.WriteStartObject(name);
        json.WriteNumber(PrincipalOutstandingName, balance.PrincipalOutstanding.Yuan);
        json.WriteNumber(InterestDueName, balance.InterestDue.Yuan);
        json.WriteNumber(TotalDueName, balance.TotalDue.Yuan);
        json.WriteNumber(PaidName, balance.Paid.Yuan);
        json.WriteNumber(OverpaidName, balance.Overpaid.Yuan);
        json.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter json, JsonEncodedText name, DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        new LegalReportWording.IsoDate(date).TryFormat(text, out var written, default, null);
        json.WriteString(name, text[..written]);
    }

    private static void Number(Utf8JsonWriter json, JsonEncodedText name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, JsonEncodedText name, decimal? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Boolean(Utf8JsonWriter json, JsonEncodedText name, bool? value)
    {
        if (value is { } flag)
        {
            json.WriteBoolean(name, flag);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static JsonEncodedText[] Ids<T>(Func<T, string> id)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var ids = new JsonEncodedText[values.Length];
        foreach (var value in values)
        {
            ids[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(id(value), ReportJsonContext.WriterOptions.Encoder);
        }

        return ids;
    }

    /// <summary>A citation list and its JSON array, written as it is.</summary>
    private sealed record EncodedCitations(IReadOnlyList<string> List, byte[] Json);
}
