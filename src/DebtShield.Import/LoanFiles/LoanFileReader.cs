using System.Globalization;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Core.Reading;
using DebtShield.Import.Resources;

namespace DebtShield.Import.LoanFiles;

/// <summary>
/// Reads the loan file (docs/loan-format.md): one JSON object describing one loan. Strict, so
/// that a typo never silently changes a figure: unknown fields, wrong types and malformed JSON
/// are errors naming the line and the field, and every fact is checked by <see cref="Loan.Create"/>.
/// </summary>
public static class LoanFileReader
{
    /// <summary>How the name of a loan without an id begins: <c>line-</c> and then the line it came from.</summary>
    internal const string LineIdPrefix = "line-";

    /// <summary>The name of a loan without an id: the line it came from (every reader of loan lines names it so).</summary>
    internal static string LineId(long line) => LineIdPrefix + line.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a loan file from disk; the loan's id defaults to the file name without extension.</summary>
    public static LoanReading ReadFile(string path)
    {
        var bytes = StrictJson.ReadBytes(path, out var error);
        return bytes is null ? LoanReading.Failed(error!) : Read(bytes, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads one loan from UTF-8 JSON; <paramref name="defaultId"/> names it when the JSON has no id.</summary>
    public static LoanReading Read(ReadOnlySpan<byte> utf8Json, string defaultId)
    {
        ArgumentNullException.ThrowIfNull(defaultId);
        var document = StrictJson.Deserialize(utf8Json, LoanFileJsonContext.Default.LoanFileDocument, out var error);
        return document is null ? LoanReading.Failed(error!) : Convert(document, defaultId, 0);
    }

    /// <summary>
    /// Reads line <paramref name="line"/> of a JSONL batch; a loan without an id is named
    /// <c>line-N</c> (a name made only when it is needed).
    /// </summary>
    public static LoanReading ReadLine(ReadOnlySpan<byte> utf8Json, long line)
    {
        if (WellFormedLoanFile.TryRead(utf8Json, line) is { } loan)
        {
            return new LoanReading(loan, []);
        }

        var document = StrictJson.Deserialize(utf8Json, LoanFileJsonContext.Default.LoanFileDocument, out var error);
        return document is null ? LoanReading.Failed(error!) : Convert(document, null, line);
    }

    /// <summary>
    /// Reads line <paramref name="line"/> of a JSONL batch as columns without making its loan, when
    /// the fast reader takes it and its schedule gives totals only; otherwise
    /// <see langword="false"/>, and <see cref="ReadLine"/> must read it (and word its errors). The
    /// columns hold until this thread reads its next line.
    /// </summary>
    public static bool TryReadLineColumns(ReadOnlySpan<byte> utf8Json, long line, out LoanLineColumns columns) =>
        WellFormedLoanFile.TryReadColumns(utf8Json, line, out columns);

    /// <summary>
    /// Reads one loan object that stands inside a larger file (a case file's <c>loans</c>), with
    /// every error placed in that file: its field under <paramref name="field"/>
    /// (<c>loans[2]</c> → <c>loans[2].schedule[0].total</c>) and its line counted from the file's
    /// start, <paramref name="linesBefore"/> being the lines before the object's own first line.
    /// </summary>
    internal static LoanReading ReadObject(ReadOnlySpan<byte> utf8Json, string defaultId, string field, long linesBefore)
    {
        var reading = Read(utf8Json, defaultId);
        return reading.Succeeded
            ? reading
            : new LoanReading(null, [.. reading.Errors.Select(e => new ReadingProblem(
                SourceLocation.InJson(e.Location.Field is { } inner ? field + "." + inner : field, e.Location.Line + linesBefore),
                e.Message))]);
    }

    private static LoanReading Convert(LoanFileDocument document, string? defaultId, long line)
    {
        var errors = new List<ReadingProblem>();

        var lender = ConvertLender(document.Lender, errors);
        var contractDate = Required(document.ContractDate, "contractDate", errors);
        var principal = Required(document.Principal, "principal", errors);
        var fees = ConvertList(document.UpfrontFees, "upfrontFees", errors, (fee, field) =>
            fee.Amount is { } amount
                ? new UpfrontFee(fee.Name ?? string.Empty, new Money(amount), fee.Date ?? contractDate ?? default)
                : Missing<UpfrontFee>(field.Child("amount"), errors));
        if (document.Schedule is null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("schedule"), ImportMessages.MissingField));
        }

        var schedule = ConvertList(document.Schedule, "schedule", errors, ConvertInstalment);
        var payments = ConvertList(document.Payments, "payments", errors, ConvertPayment);
        var advertised = ConvertStated(document.Stated, errors);
        var overdueTerms = ConvertOverdueTerms(document.OverdueTerms, errors);

        if (errors.Count > 0 || lender is null || contractDate is null || principal is null)
        {
            return new LoanReading(null, errors);
        }

        var creation = Loan.Create(
            document.Id ?? defaultId ?? LineId(line),
            lender,
            contractDate.Value,
            new Money(principal.Value),
            document.Received is { } received ? new Money(received) : null,
            fees,
            schedule,
            payments,
            advertised,
            overdueTerms);
        return creation.Succeeded
            ? new LoanReading(creation.Loan, [])
            : new LoanReading(null, [.. creation.Problems.Select(p => new ReadingProblem(SourceLocation.AtField(p.Field), Describe(p.Kind)))]);
    }

    private static Lender? ConvertLender(LenderDocument? lender, List<ReadingProblem> errors)
    {
        if (lender is null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("lender"), ImportMessages.MissingField));
            return null;
        }

        if (lender.Kind is null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("lender.kind"), ImportMessages.MissingField));
            return null;
        }

        var kind = Vocabularies.LenderKinds.Parse(lender.Kind);
        if (kind is null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("lender.kind"), Localized.Format(ImportMessages.UnknownLenderKind, lender.Kind, Localized.WireIds(Vocabularies.LenderKinds))));
            return null;
        }

        return new Lender(lender.Name ?? string.Empty, kind.Value);
    }

    private static Instalment? ConvertInstalment(InstalmentDocument instalment, ListItem field, List<ReadingProblem> errors)
    {
        if (instalment.DueDate is not { } dueDate)
        {
            return Missing<Instalment>(field.Child("dueDate"), errors);
        }

        var total = instalment.Total ?? InstalmentParts.Total(instalment.Principal, instalment.Interest, instalment.Fees);
        if (total is null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField(field.ToString()), ImportMessages.InstalmentWithoutAmount));
            return null;
        }

        return new Instalment(
            dueDate,
            new Money(total.Value),
            ToMoney(instalment.Principal),
            ToMoney(instalment.Interest),
            ToMoney(instalment.Fees));
    }

    private static Payment? ConvertPayment(PaymentDocument payment, ListItem field, List<ReadingProblem> errors)
    {
        if (payment.Date is not { } date || payment.Amount is not { } amount)
        {
            return Missing<Payment>(field.Child(payment.Date is null ? "date" : "amount"), errors);
        }

        if (payment.AppliesTo is null)
        {
            return new Payment(date, new Money(amount));
        }

        if (PaymentTargetNames.Parse(payment.AppliesTo) is { } target)
        {
            return new Payment(date, new Money(amount), target);
        }

        errors.Add(new ReadingProblem(SourceLocation.AtField(field.Child("appliesTo")), Localized.Format(ImportMessages.UnknownPaymentTarget, payment.AppliesTo)));
        return null;
    }

    private static AdvertisedRate? ConvertStated(StatedRateDocument? stated, List<ReadingProblem> errors)
    {
        if (stated is null)
        {
            return null;
        }

        var per = Vocabularies.RateUnits.Parse(stated.Per);
        var method = Vocabularies.RateMethods.Parse(stated.Method ?? "unknown");

        var valid = true;
        if (stated.Value is not { } value || !double.IsFinite(value) || value < 0)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("stated.value"), stated.Value is null ? ImportMessages.MissingField : ImportMessages.RateNotValid));
            valid = false;
        }

        if (per is null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("stated.per"), stated.Per is null ? ImportMessages.MissingField : Localized.Format(ImportMessages.UnknownRatePer, stated.Per, Localized.WireIds(Vocabularies.RateUnits))));
            valid = false;
        }

        if (method is null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("stated.method"), Localized.Format(ImportMessages.UnknownRateMethod, stated.Method, Localized.WireIds(Vocabularies.RateMethods))));
            valid = false;
        }

        return valid ? new AdvertisedRate(stated.Value!.Value, per!.Value, method!.Value) : null;
    }

    /// <summary>
    /// The agreed overdue terms, read by <see cref="OverdueTermsEntry"/> as every door reads them:
    /// absent, unknown; <c>{}</c>, nothing agreed; otherwise each part left out is not agreed (a rate
    /// without <c>per</c> is a year rate, as in a table or a form). What only a file can write, a
    /// <c>rate</c> or <c>penalty</c> object with nothing in it, is refused here. Signs and sizes are
    /// checked by <see cref="Loan.Create"/>, on the same field paths.
    /// </summary>
    private static OverdueTerms ConvertOverdueTerms(OverdueTermsDocument? terms, List<ReadingProblem> errors)
    {
        if (terms is null)
        {
            return OverdueTerms.Unknown;
        }

        var before = errors.Count;
        if (terms.Rate is { Value: null, Per: null })
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("overdueTerms.rate.value"), ImportMessages.MissingField));
        }

        if (terms.Penalty is { PerDay: null, Amount: null })
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("overdueTerms.penalty"), ImportMessages.PenaltyOneOf));
        }

        var reading = new OverdueTermsEntry
        {
            Rate = terms.Rate?.Value?.ToString(CultureInfo.InvariantCulture),
            Per = terms.Rate?.Per,
            PenaltyPerDay = terms.Penalty?.PerDay?.ToString(CultureInfo.InvariantCulture),
            Penalty = terms.Penalty?.Amount,
            OtherFees = terms.OtherFees,
            NoneAgreed = terms.Rate is null && terms.Penalty is null && terms.OtherFees is null,
        }.Read();
        foreach (var problem in reading.Problems)
        {
            errors.Add(problem.Kind switch
            {
                OverdueTermsProblemKind.UnknownPeriod => new ReadingProblem(SourceLocation.AtField("overdueTerms.rate.per"), Localized.Format(ImportMessages.UnknownRatePer, terms.Rate?.Per, Localized.WireIds(Vocabularies.RateUnits))),
                OverdueTermsProblemKind.PenaltyBothWays => new ReadingProblem(SourceLocation.AtField("overdueTerms.penalty"), ImportMessages.PenaltyOneOf),
                _ when problem.Part is OverdueTermsPart.PenaltyPerDay => new ReadingProblem(SourceLocation.AtField("overdueTerms.penalty.perDay"), ImportMessages.MissingField),
                _ => new ReadingProblem(SourceLocation.AtField("overdueTerms.rate.value"), ImportMessages.MissingField),
            });
        }

        return errors.Count > before ? OverdueTerms.Unknown : reading.Terms!;
    }

    private static List<T> ConvertList<TDocument, T>(
        List<TDocument?>? items,
        string name,
        List<ReadingProblem> errors,
        Func<TDocument, ListItem, List<ReadingProblem>, T?> convert)
        where TDocument : class
        where T : class
    {
        var converted = new List<T>(items?.Count ?? 0);
        if (items is null)
        {
            return converted;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var field = new ListItem(name, i);
            if (items[i] is not { } item)
            {
                errors.Add(new ReadingProblem(SourceLocation.AtField(field.ToString()), ImportMessages.NotAnObject));
            }
            else if (convert(item, field, errors) is { } value)
            {
                converted.Add(value);
            }
        }

        return converted;
    }

    private static List<T> ConvertList<TDocument, T>(
        List<TDocument?>? items,
        string name,
        List<ReadingProblem> errors,
        Func<TDocument, ListItem, T?> convert)
        where TDocument : class
        where T : class
        => ConvertList<TDocument, T>(items, name, errors, (item, field, _) => convert(item, field));

    private static T? Required<T>(T? value, string field, List<ReadingProblem> errors)
        where T : struct
    {
        if (value is null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField(field), ImportMessages.MissingField));
        }

        return value;
    }

    private static T? Missing<T>(string field, List<ReadingProblem> errors)
        where T : class
    {
        errors.Add(new ReadingProblem(SourceLocation.AtField(field), ImportMessages.MissingField));
        return null;
    }

    /// <summary>Item <c>Index</c> of list <c>List</c>, written only when an error names it: <c>schedule[2]</c>.</summary>
    private readonly record struct ListItem(string List, int Index)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{List}[{Index}]");

        public string Child(string leaf) => string.Create(CultureInfo.InvariantCulture, $"{List}[{Index}].{leaf}");
    }

    private static Money? ToMoney(decimal? yuan) => yuan is { } value ? new Money(value) : null;

    private static string Describe(LoanProblemKind kind) => LoanProblemText.Describe(kind);
}
