using System.Globalization;
using System.Text;
using System.Text.Json;
using DebtShield.App.Resources;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Rates;
using DebtShield.Core.Vocabulary;

namespace DebtShield.App.RateLoans;

/// <summary>
/// Writes a <see cref="RateLoanReport"/> straight from a <see cref="TrueCost"/> to a
/// <see cref="Utf8JsonWriter"/>, byte for byte as the serializer writes the record, without
/// building the record: the batch's hot path. Only the chosen <see cref="RateFields"/> are
/// computed and written.
/// </summary>
/// <remarks>
/// The worded notes and the verdict are templates read once, in the UI language of the thread
/// that creates the writer, and filled at write time into a stack buffer. A test holds this
/// writer and the record's serialisation equal on every published vector.
/// </remarks>
public sealed class RateReportWriter
{
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText[] FieldNames = [.. RateFieldNames.All.Select(n => JsonEncodedText.Encode(n))];
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Month = JsonEncodedText.Encode("month");

    private readonly RateFields _fields;
    private readonly CultureInfo _culture;
    private readonly Wording _wording;

    /// <summary>A writer of <paramref name="fields"/>, worded in the current UI language.</summary>
    public RateReportWriter(RateFields fields = RateFields.All)
    {
        _fields = fields;
        _culture = CultureInfo.CurrentCulture;
        _wording = new Wording();
    }

    /// <summary>Writes the report of <paramref name="cost"/>, with <paramref name="line"/> first when given.</summary>
    public void Write(Utf8JsonWriter json, long? line, TrueCost cost)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(cost);
        var loan = cost.Loan;
        var beyondRange = false;

        // Figures first (each may find a rate too large to write), then the object in report order.
        var nominal = Has(NeedsIrr) ? LoanFigures.Writable(cost.IrrAnnualNominal?.Fraction, ref beyondRange) : null;
        var perPeriod = Has(RateFields.IrrPerPeriod) ? LoanFigures.Writable(cost.IrrPerPeriod.RateOrNull, ref beyondRange) : null;
        var effective = Has(RateFields.IrrAnnualEffective) ? LoanFigures.Writable(cost.IrrAnnualEffective?.Fraction, ref beyondRange) : null;
        var xirr = Has(RateFields.XirrAnnual) ? LoanFigures.Writable(cost.Xirr.RateOrNull, ref beyondRange) : null;
        var regZ = Has(RateFields.AprRegZ) ? LoanFigures.Writable(cost.RegZ.Annual?.Fraction, ref beyondRange) : null;
        var onContract = Has(RateFields.OnContractPrincipal) ? cost.OnContractPrincipal : null;
        var onContractIrr = onContract is null ? null : LoanFigures.Writable(onContract.IrrAnnualNominal.RateOrNull, ref beyondRange);
        var stated = cost.AdvertisedAnnual?.Fraction;

        json.WriteStartObject();
        if (line is { } number)
        {
            json.WriteNumber(LineName, number);
        }

        json.WriteString(IdName, loan.Id);
        Text(json, RateFields.LenderName, loan.Lender.Name);
        Text(json, RateFields.LenderKind, Vocabularies.LenderKinds.WireId(loan.Lender.Kind));
        Amount(json, RateFields.Principal, loan.Principal.Yuan);
        Amount(json, RateFields.Received, loan.Received.Yuan);
        Amount(json, RateFields.UpfrontDeduction, loan.UpfrontDeduction.Yuan);
        Amount(json, RateFields.PrincipalBasis, loan.PrincipalBasis.Yuan);
        Amount(json, RateFields.TotalRepayable, loan.ScheduledTotal.Yuan);
        Amount(json, RateFields.TotalCost, cost.TotalCost.Yuan);
        if (Has(RateFields.Period))
        {
            json.WritePropertyName(NameOf(RateFields.Period));
            if (cost.Period.IsCalendarMonth)
            {
                json.WriteStringValue(Month);
            }
            else
            {
                Span<char> days = stackalloc char[16];
                cost.Period.Days.TryFormat(days, out var length, provider: CultureInfo.InvariantCulture);
                days[length++] = 'd';
                json.WriteStringValue(days[..length]);
            }
        }

        Rate(json, RateFields.PeriodsPerYear, cost.Period.PerYear);
        if (Has(RateFields.RegularSchedule))
        {
            json.WriteBoolean(NameOf(RateFields.RegularSchedule), cost.IsRegular);
        }

        Rate(json, RateFields.TermYears, cost.TermInYears);
        Rate(json, RateFields.IrrPerPeriod, perPeriod);
        Rate(json, RateFields.IrrAnnualNominal, nominal);
        Rate(json, RateFields.IrrAnnualEffective, effective);
        Rate(json, RateFields.XirrAnnual, xirr);
        if (Has(RateFields.AprSimple))
        {
            Number(json, NameOf(RateFields.AprSimple), cost.AprSimple.Fraction);
        }

        Rate(json, RateFields.AprRegZ, regZ);
        Rate(json, RateFields.StatedAnnual, stated);
        Rate(json, RateFields.StatedGap, nominal - stated);
        if (Has(RateFields.OnContractPrincipal))
        {
            json.WritePropertyName(NameOf(RateFields.OnContractPrincipal));
            if (onContract is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStartObject();
                Number(json, NameOf(RateFields.IrrAnnualNominal), onContractIrr);
                Number(json, NameOf(RateFields.AprSimple), onContract.AprSimple.Fraction);
                json.WriteEndObject();
            }
        }

        if (Has(RateFields.Notes))
        {
            json.WritePropertyName(NameOf(RateFields.Notes));
            json.WriteStartArray();
            WriteNotes(json, cost, beyondRange);
            json.WriteEndArray();
        }

        if (Has(RateFields.Verdict))
        {
            json.WritePropertyName(NameOf(RateFields.Verdict));
            WriteVerdict(json, cost);
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// True when the writer's fields are some of the three IRR figures and nothing else (as with
    /// <c>--fields irrAnnualNominal</c>): then <see cref="WriteIrr"/> writes the whole report from the IRR alone.
    /// </summary>
    public bool WritesIrrOnly => _fields != RateFields.None && (_fields & ~IrrFigures) == 0;

    /// <summary>
    /// Writes the report of a loan whose writer <see cref="WritesIrrOnly"/>, from its IRR alone,
    /// byte for byte as <see cref="Write"/> writes the same loan's; the id as the UTF-8 of its
    /// text (valid UTF-8, as a batch line's reader keeps it), which the writer escapes as it
    /// escapes the same text as a string.
    /// </summary>
    public void WriteIrr(Utf8JsonWriter json, long? line, ReadOnlySpan<byte> idUtf8, ScheduleIrr irr)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!WritesIrrOnly)
        {
            throw new InvalidOperationException("This writer writes more than the IRR's figures.");
        }

        var beyondRange = false;
        var nominal = Has(RateFields.IrrAnnualNominal) ? LoanFigures.Writable(irr.AnnualNominal?.Fraction, ref beyondRange) : null;
        var perPeriod = Has(RateFields.IrrPerPeriod) ? LoanFigures.Writable(irr.PerPeriod.RateOrNull, ref beyondRange) : null;
        var effective = Has(RateFields.IrrAnnualEffective) ? LoanFigures.Writable(irr.AnnualEffective?.Fraction, ref beyondRange) : null;
        json.WriteStartObject();
        if (line is { } number)
        {
            json.WriteNumber(LineName, number);
        }

        json.WriteString(IdName, idUtf8);
        Rate(json, RateFields.IrrPerPeriod, perPeriod);
        Rate(json, RateFields.IrrAnnualNominal, nominal);
        Rate(json, RateFields.IrrAnnualEffective, effective);
        json.WriteEndObject();
    }

    /// <summary>The three figures of the IRR itself, which <see cref="WriteIrr"/> writes.</summary>
    private const RateFields IrrFigures = RateFields.IrrPerPeriod | RateFields.IrrAnnualNominal | RateFields.IrrAnnualEffective;

    /// <summary>
    /// The fields that read the IRR: the rates made from it, the gap to the advertised rate, the
    /// notes (which say when it is missing or too large) and the verdict. Any other set solves nothing.
    /// </summary>
    private const RateFields NeedsIrr = RateFields.IrrPerPeriod | RateFields.IrrAnnualNominal | RateFields.IrrAnnualEffective
        | RateFields.StatedGap | RateFields.Notes | RateFields.Verdict;

    private bool Has(RateFields field) => (_fields & field) != 0;

    private static JsonEncodedText NameOf(RateFields field) => FieldNames[System.Numerics.BitOperations.Log2((uint)field)];

    private void Text(Utf8JsonWriter json, RateFields field, string value)
    {
        if (Has(field))
        {
            json.WriteString(NameOf(field), value);
        }
    }

    private void Amount(Utf8JsonWriter json, RateFields field, decimal value)
    {
        if (Has(field))
        {
            JsonNumberText.Write(json, NameOf(field), value);
        }
    }

    private void Rate(Utf8JsonWriter json, RateFields field, double? value)
    {
        if (Has(field))
        {
            Number(json, NameOf(field), value);
        }
    }

    /// <summary>A figure as <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/> writes it, or null.</summary>
    private static void Number(Utf8JsonWriter json, JsonEncodedText name, double? value)
    {
        if (value is { } number)
        {
            JsonNumberText.Write(json, name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The notes in the record's order: solutions, schedule, deduction, cost, fee rate, range.</summary>
    private void WriteNotes(Utf8JsonWriter json, TrueCost cost, bool beyondRange)
    {
        var loan = cost.Loan;
        switch (cost.IrrPerPeriod.Kind)
        {
            case RateSolutionKind.Several:
                Note(json, Codes.IrrSeveral, _wording.IrrSeveral, Rates(cost.IrrPerPeriod));
                break;
            case RateSolutionKind.NoRate when cost.IrrPerPeriod.Reason == NoRateReason.NoSignChange:
                Note(json, Codes.IrrNoSignChange, _wording.IrrNoSignChange);
                break;
            case RateSolutionKind.NoRate:
                Note(json, Codes.IrrNoRate, _wording.IrrNoRoot);
                break;
            case RateSolutionKind.Unique:
                break;
        }

        if (Has(RateFields.XirrAnnual))
        {
            switch (cost.Xirr.Kind)
            {
                case RateSolutionKind.Several:
                    Note(json, Codes.XirrSeveral, _wording.XirrSeveral, Rates(cost.Xirr));
                    break;
                case RateSolutionKind.NoRate:
                    Note(json, Codes.XirrNoRate, _wording.XirrNone);
                    break;
                case RateSolutionKind.Unique:
                    break;
            }
        }

        if (Has(RateFields.AprRegZ) && !cost.RegZ.Apr.IsUnique)
        {
            Note(json, Codes.RegZNoRate, _wording.RegZNone);
        }

        if (!cost.IsRegular)
        {
            var period = cost.Period.IsCalendarMonth
                ? _wording.PeriodMonth
                : string.Format(_culture, _wording.PeriodDays, cost.Period.Days);
            Note(json, Codes.IrregularSchedule, _wording.Irregular, period);
        }

        if (loan.UpfrontDeduction.IsPositive)
        {
            NoteStart(json, Codes.UpfrontDeduction);
            Span<byte> text = stackalloc byte[1024];
            if (_wording.UpfrontDeduction.TryFill(Inside(text), out var length, loan.UpfrontDeduction, loan.PrincipalBasis, default(Money)))
            {
                json.WritePropertyName(MessageName);
                WriteWorded(json, text, length);
            }
            else
            {
                json.WriteString(MessageName, string.Format(_culture, AppText.Note_UpfrontDeduction, loan.UpfrontDeduction, loan.PrincipalBasis));
            }

            json.WriteEndObject();
        }

        if (cost.TotalCost.IsNegative)
        {
            Note(json, Codes.NegativeCost, _wording.NegativeCost);
        }

        if (loan.Advertised?.Method == AdvertisedMethod.FeeRate)
        {
            Note(json, Codes.FeeRate, _wording.FeeRate);
        }

        if (beyondRange)
        {
            Note(json, Codes.RateBeyondRange, _wording.RateBeyondRange);
        }
    }

    private static string Rates(RateSolution solution) => string.Join(", ", solution.Rates.Select(RateLoanReport.Percent));

    /// <summary>A rare note, worded with a string argument (several rates, an irregular period).</summary>
    private void Note(Utf8JsonWriter json, JsonEncodedText code, CompositeFormat template, string argument)
    {
        NoteStart(json, code);
        json.WriteString(MessageName, string.Format(_culture, template, argument));
        json.WriteEndObject();
    }

    private static void Note(Utf8JsonWriter json, JsonEncodedText code, JsonEncodedText message)
    {
        NoteStart(json, code);
        json.WriteString(MessageName, message);
        json.WriteEndObject();
    }

    private static void NoteStart(Utf8JsonWriter json, JsonEncodedText code)
    {
        json.WriteStartObject();
        json.WriteString(CodeName, code);
    }

    /// <summary>The verdict, composed as <see cref="RateLoanReport"/> composes it, in a stack buffer of UTF-8.</summary>
    private void WriteVerdict(Utf8JsonWriter json, TrueCost cost)
    {
        Span<byte> text = stackalloc byte[2048];
        if (TryComposeVerdict(Inside(text), cost, out var length))
        {
            WriteWorded(json, text, length);
            return;
        }

        // Only an absurdly long rate gets here; the record words it the same way.
        json.WriteStringValue(RateLoanReport.From(cost).Verdict);
    }

    /// <summary>Where worded text is filled: the buffer less a byte each side for its quotes.</summary>
    private static Span<byte> Inside(Span<byte> quoted) => quoted[1..^1];

    /// <summary>
    /// Writes the worded text filled into <see cref="Inside"/> of <paramref name="quoted"/>
    /// (<paramref name="length"/> bytes) as a JSON string value. When the wording's every fixed
    /// word and every character a figure fills in are written by the batch's encoder as they are
    /// (<see cref="Wording.WrittenAsIs"/>: Chinese and English alike with the relaxed encoder), the
    /// text is the string's content already: it goes out between its quotes, without the writer's
    /// scan of some hundred bytes of Chinese a line for a character to escape.
    /// </summary>
    private void WriteWorded(Utf8JsonWriter json, Span<byte> quoted, int length)
    {
        if (_wording.WrittenAsIs)
        {
            quoted[0] = (byte)'"';
            quoted[length + 1] = (byte)'"';
            json.WriteRawValue(quoted[..(length + 2)], skipInputValidation: true);
        }
        else
        {
            json.WriteStringValue(Inside(quoted)[..length]);
        }
    }

    private bool TryComposeVerdict(Span<byte> text, TrueCost cost, out int length)
    {
        length = 0;
        int written;
        if (cost.IrrAnnualNominal is { } nominal)
        {
            if (!_wording.Real.TryFill(text, out written, new Percentage(nominal.Fraction), default(Percentage), default(Percentage)))
            {
                return false;
            }
        }
        else if (!_wording.NoRate.TryFormat(text, out written, default, null))
        {
            return false;
        }

        length += written;
        if (cost.Loan.Advertised is { } advertised)
        {
            var per = advertised.Per switch
            {
                RatePer.Day => _wording.PerDay,
                RatePer.Month => _wording.PerMonth,
                RatePer.Year => _wording.PerYear,
            };
            if (!_wording.Advertised.TryFill(text[length..], out written, per, new Percentage(advertised.Value), new Percentage(advertised.NominalAnnual)))
            {
                return false;
            }

            length += written;
        }

        if (cost.Loan.UpfrontDeduction.IsPositive)
        {
            if (!_wording.Deducted.TryFill(text[length..], out written, cost.Loan.UpfrontDeduction, default(Money), default(Money)))
            {
                return false;
            }

            length += written;
        }

        return true;
    }

    /// <summary>The notes' codes, encoded once.</summary>
    private static class Codes
    {
        public static readonly JsonEncodedText IrrSeveral = Encode("irr_several_rates");
        public static readonly JsonEncodedText IrrNoSignChange = Encode("irr_no_sign_change");
        public static readonly JsonEncodedText IrrNoRate = Encode("irr_no_rate");
        public static readonly JsonEncodedText XirrSeveral = Encode("xirr_several_rates");
        public static readonly JsonEncodedText XirrNoRate = Encode("xirr_no_rate");
        public static readonly JsonEncodedText RegZNoRate = Encode("regz_no_rate");
        public static readonly JsonEncodedText IrregularSchedule = Encode("irregular_schedule");
        public static readonly JsonEncodedText UpfrontDeduction = Encode("upfront_deduction");
        public static readonly JsonEncodedText NegativeCost = Encode("negative_cost");
        public static readonly JsonEncodedText FeeRate = Encode("fee_rate");
        public static readonly JsonEncodedText RateBeyondRange = Encode("rate_beyond_range");
    }

    /// <summary>
    /// Every character a figure fills into a worded note or verdict: the digits, separators and
    /// signs of <see cref="Percentage"/> and <see cref="Money"/>, and their symbols.
    /// </summary>
    private static ReadOnlySpan<byte> FilledCharacters => "0123456789,.-%¥∞"u8;

    /// <summary>Text encoded once as the batch's writer escapes it, so writing it is a copy.</summary>
    private static JsonEncodedText Encode(string text) => JsonEncodedText.Encode(text, ReportJsonContext.WriterOptions.Encoder);

    /// <summary>
    /// Every template a rate report uses, read once in the current UI language: fixed text
    /// encoded for the writer, worded templates as UTF-8 runs (<see cref="Utf8Template"/>), and
    /// the rare notes' templates parsed for <see cref="string.Format(IFormatProvider, CompositeFormat, object[])"/>.
    /// </summary>
    private sealed class Wording
    {
        public CompositeFormat IrrSeveral { get; } = CompositeFormat.Parse(AppText.Note_IrrSeveral);

        public JsonEncodedText IrrNoSignChange { get; } = Encode(AppText.Note_IrrNoSignChange);

        public JsonEncodedText IrrNoRoot { get; } = Encode(AppText.Note_IrrNoRoot);

        public CompositeFormat XirrSeveral { get; } = CompositeFormat.Parse(AppText.Note_XirrSeveral);

        public JsonEncodedText XirrNone { get; } = Encode(AppText.Note_XirrNone);

        public JsonEncodedText RegZNone { get; } = Encode(AppText.Note_RegZNone);

        public CompositeFormat Irregular { get; } = CompositeFormat.Parse(AppText.Note_Irregular);

        public string PeriodMonth { get; } = AppText.Period_Month;

        public CompositeFormat PeriodDays { get; } = CompositeFormat.Parse(AppText.Period_Days);

        public Utf8Template UpfrontDeduction { get; } = Utf8Template.Parse(AppText.Note_UpfrontDeduction);

        public JsonEncodedText NegativeCost { get; } = Encode(AppText.Note_NegativeCost);

        public JsonEncodedText FeeRate { get; } = Encode(AppText.Note_FeeRate);

        public JsonEncodedText RateBeyondRange { get; } = Encode(AppText.Note_RateBeyondRange);

        public Utf8Template Real { get; } = Utf8Template.Parse(AppText.Verdict_Real);

        public Utf8Text NoRate { get; } = Utf8Text.Of(AppText.Verdict_NoRate);

        public Utf8Template Advertised { get; } = Utf8Template.Parse(AppText.Verdict_Advertised);

        public Utf8Template Deducted { get; } = Utf8Template.Parse(AppText.Verdict_Deducted);

        public Utf8Text PerDay { get; } = Utf8Text.Of(AppText.Per_Day);

        public Utf8Text PerMonth { get; } = Utf8Text.Of(AppText.Per_Month);

        public Utf8Text PerYear { get; } = Utf8Text.Of(AppText.Per_Year);

        /// <summary>
        /// True when the batch's encoder writes every fixed word of the filled notes and the
        /// verdict, and every character a figure fills in, as it is: then a filled text needs no
        /// escaping and no scan for it.
        /// </summary>
        public bool WrittenAsIs { get; }

        public Wording()
        {
            var encoder = ReportJsonContext.WriterOptions.Encoder!;
            WrittenAsIs = encoder.FindFirstCharacterToEncodeUtf8(FilledCharacters) < 0
                && UpfrontDeduction.IsWrittenAsIs(encoder) && Real.IsWrittenAsIs(encoder)
                && Advertised.IsWrittenAsIs(encoder) && Deducted.IsWrittenAsIs(encoder)
                && new[] { NoRate, PerDay, PerMonth, PerYear }.All(text => encoder.FindFirstCharacterToEncodeUtf8(text.Utf8) < 0);
        }
    }
}
