using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Import.LoanFiles;

/// <summary>
/// The fast path of a batch line: reads a complete, well-formed loan file with one forward pass
/// of <see cref="Utf8JsonReader"/>, straight into the loan's facts, and declines anything else.
/// </summary>
/// <remarks>
/// It accepts only what the strict reader would read to the same facts: known fields once each,
/// JSON numbers for amounts, unescaped <c>yyyy-MM-dd</c> dates, no <c>null</c>, nothing missing
/// that the strict reader would report. Whatever it declines — and a loan that
/// <see cref="Loan.Create"/> refuses — is read again by the strict reader, which words the
/// error, so errors never depend on the path. A test holds the two paths equal.
/// </remarks>
internal static class WellFormedLoanFile
{
    private static readonly byte[][] LoanFields = Names("id", "lender", "contractDate", "principal", "received", "upfrontFees", "schedule", "payments", "stated");
    private static readonly byte[][] LenderFields = Names("name", "kind");
    private static readonly byte[][] FeeFields = Names("name", "amount", "date");
    private static readonly byte[][] InstalmentFields = Names("dueDate", "principal", "interest", "fees", "total");
    private static readonly byte[][] PaymentFields = Names("date", "amount");
    private static readonly byte[][] StatedFields = Names("value", "per", "method");

    // A batch worker reads one line after another: each keeps its lists from line to line, so a
    // line allocates only the loan's own arrays (Loan.Create and Loan.CreateFromTotals copy what they keep).
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Reads the loan, or <see langword="null"/> when the strict reader must judge the line.</summary>
    public static Loan? TryRead(ReadOnlySpan<byte> utf8Json, long line)
    {
        var scratch = Scratch.Of;
        if (!TryReadFacts(utf8Json, scratch, texts: true))
        {
            return null;
        }

        var facts = scratch.Facts;
        var loanId = facts.Id ?? LoanFileReader.LineId(line);
        if (facts.WithParts)
        {
            return Loan.Create(loanId, facts.Lender!, facts.ContractDate, facts.Principal, facts.Received, scratch.UpfrontFees, scratch.Instalments(), scratch.Payments(), facts.Advertised).Loan;
        }

        // Most schedules give totals only: the loan is made from the columns, and no instalment or
        // payment record is made for a line of a batch that reads only dates and amounts.
        var columns = ColumnsOf(scratch, default);
        return Loan.CreateFromTotals(
            loanId,
            facts.Lender!,
            columns.ContractDate,
            columns.Principal,
            columns.Received,
            scratch.UpfrontFees,
            columns.DueDates,
            columns.Totals,
            columns.PaidOn,
            columns.PaidAmounts,
            facts.Advertised).Loan;
    }

    /// <summary>
    /// Reads the line's facts as columns, without making the loan, when the line would make its
    /// loan from totals (no instalment gives its parts); <see langword="false"/> when the strict
    /// reader must judge it or the schedule has parts. The columns are the thread's own and hold
    /// until it reads its next line.
    /// </summary>
    /// <remarks>
    /// Nothing the columns leave out is made: the id is kept as the UTF-8 of its text (a batch only
    /// echoes it), and the lender, the fees' names and the advertised rate are checked as the
    /// loan's reading checks them (a string of valid text, a known kind, a finite rate not below
    /// zero) without making their strings or records, so a line is taken or declined as
    /// <see cref="TryRead"/> would take or decline it (issue 27).
    /// </remarks>
    public static bool TryReadColumns(ReadOnlySpan<byte> utf8Json, long line, out LoanLineColumns columns)
    {
        columns = default;
        var scratch = Scratch.Of;
        if (!TryReadFacts(utf8Json, scratch, texts: false) || scratch.Facts.WithParts)
        {
            return false;
        }

        if (!scratch.Facts.HasId)
        {
            scratch.IdOfLine(line);
        }

        columns = ColumnsOf(scratch, scratch.IdUtf8);
        return true;
    }

    /// <summary>The line read last into <paramref name="scratch"/>, as columns over its lists.</summary>
    private static LoanLineColumns ColumnsOf(Scratch scratch, ReadOnlySpan<byte> idUtf8) => new(
        idUtf8,
        scratch.Facts.ContractDate,
        scratch.Facts.Principal,
        scratch.Facts.Received,
        CollectionsMarshal.AsSpan(scratch.UpfrontFees),
        CollectionsMarshal.AsSpan(scratch.DueDates),
        CollectionsMarshal.AsSpan(scratch.Totals),
        CollectionsMarshal.AsSpan(scratch.PaidOn),
        CollectionsMarshal.AsSpan(scratch.PaidAmounts));

    /// <summary>
    /// Reads the whole line into <paramref name="scratch"/>; false when the strict reader must judge
    /// it. With <paramref name="texts"/>, the id, the lender and the fees' names are made as the
    /// loan holds them; without, they are only checked, and the id kept as UTF-8 (<see cref="TryReadColumns"/>).
    /// </summary>
    private static bool TryReadFacts(ReadOnlySpan<byte> utf8Json, Scratch scratch, bool texts)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            return ReadFacts(ref reader, scratch, texts) && !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed JSON or text that is not UTF-8: the strict reader says where.
            return false;
        }
    }

    private static bool ReadFacts(ref Utf8JsonReader reader, Scratch scratch, bool texts)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? id = null;
        Lender? lender = null;
        DateOnly? contractDate = null;
        decimal? principal = null, received = null;
        var withParts = false;
        scratch.Fees.Clear();
        scratch.PaidOn.Clear();
        scratch.PaidAmounts.Clear();
        AdvertisedRate? advertised = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Field(ref reader, LoanFields);
            if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
            {
                return false;
            }

            seen |= 1 << field;
            var ok = field switch
            {
                0 => texts ? Text(ref reader, out id) : scratch.TryKeepId(ref reader),
                1 => ReadLender(ref reader, texts, out lender),
                2 => Date(ref reader, out contractDate),
                3 => Amount(ref reader, out principal),
                4 => Amount(ref reader, out received),
                5 => ReadFees(ref reader, texts, scratch.Fees),
                6 => ReadSchedule(ref reader, scratch, out withParts),
                7 => ReadPayments(ref reader, scratch),
                _ => ReadStated(ref reader, texts, out advertised),
            };
            if (!ok)
            {
                return false;
            }
        }

        const int IdField = 1 << 0, LenderField = 1 << 1, ScheduleField = 1 << 6;
        if (reader.TokenType != JsonTokenType.EndObject || (seen & LenderField) == 0 || contractDate is not { } date || principal is not { } amount || (seen & ScheduleField) == 0)
        {
            return false;
        }

        var upfrontFees = scratch.UpfrontFees.Cleared();
        foreach (var (name, fee, paidOn) in scratch.Fees)
        {
            upfrontFees.Add(new UpfrontFee(name, new Money(fee), paidOn ?? date));
        }

        scratch.Facts = new LineFacts(id, (seen & IdField) != 0, lender, date, new Money(amount), received is { } given ? new Money(given) : null, advertised, withParts);
        return true;
    }

    /// <summary>The lender; with <paramref name="texts"/> false only checked, and <paramref name="lender"/> left null.</summary>
    private static bool ReadLender(ref Utf8JsonReader reader, bool texts, out Lender? lender)
    {
        lender = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? name = null;
        LenderKind? kind = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Field(ref reader, LenderFields);
            if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
            {
                return false;
            }

            seen |= 1 << field;
            if (!(field == 0 ? Text(ref reader, texts, out name) : Kind(ref reader, out kind)))
            {
                return false;
            }
        }

        if (kind is not { } known)
        {
            return false;
        }

        lender = texts ? new Lender(name ?? string.Empty, known) : null;
        return true;
    }

    /// <summary>The fees; with <paramref name="texts"/> false their names only checked, and kept empty.</summary>
    private static bool ReadFees(ref Utf8JsonReader reader, bool texts, List<(string Name, decimal Amount, DateOnly? Date)> fees)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? name = null;
            decimal? amount = null;
            DateOnly? date = null;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Field(ref reader, FeeFields);
                if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
                {
                    return false;
                }

                seen |= 1 << field;
                if (!(field switch { 0 => Text(ref reader, texts, out name), 1 => Amount(ref reader, out amount), _ => Date(ref reader, out date) }))
                {
                    return false;
                }
            }

            if (amount is not { } value)
            {
                return false;
            }

            fees.Add((name ?? string.Empty, value, date));
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>
    /// Reads the schedule into the thread's columns (<see cref="Scratch"/>); <paramref name="withParts"/>
    /// when an instalment gives its principal, interest or fees.
    /// </summary>
    private static bool ReadSchedule(ref Utf8JsonReader reader, Scratch scratch, out bool withParts)
    {
        withParts = false;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var dueDates = scratch.DueDates.Cleared();
        var totals = scratch.Totals.Cleared();
        var parts = scratch.Parts.Cleared();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            DateOnly? due = null;
            decimal? principal = null, interest = null, fees = null, total = null;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Field(ref reader, InstalmentFields);
                if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
                {
                    return false;
                }

                seen |= 1 << field;
                var ok = field switch
                {
                    0 => Date(ref reader, out due),
                    1 => Amount(ref reader, out principal),
                    2 => Amount(ref reader, out interest),
                    3 => Amount(ref reader, out fees),
                    _ => Amount(ref reader, out total),
                };
                if (!ok)
                {
                    return false;
                }
            }

            if (due is not { } dueDate || (total ?? InstalmentParts.Total(principal, interest, fees)) is not { } sum)
            {
                return false;
            }

            // The parts are kept only once an instalment gives one (most schedules give none),
            // every instalment's from then on, and none for those before.
            if (!withParts && (principal is not null || interest is not null || fees is not null))
            {
                withParts = true;
                for (var before = 0; before < dueDates.Count; before++)
                {
                    parts.Add((null, null, null));
                }
            }

            dueDates.Add(dueDate);
            totals.Add(new Money(sum));
            if (withParts)
            {
                parts.Add((ToMoney(principal), ToMoney(interest), ToMoney(fees)));
            }
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>Reads the payments into the thread's two columns (<see cref="Scratch"/>), in the file's order.</summary>
    private static bool ReadPayments(ref Utf8JsonReader reader, Scratch scratch)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            DateOnly? date = null;
            decimal? amount = null;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Field(ref reader, PaymentFields);
                if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
                {
                    return false;
                }

                seen |= 1 << field;
                if (!(field == 0 ? Date(ref reader, out date) : Amount(ref reader, out amount)))
                {
                    return false;
                }
            }

            if (date is not { } paidOn || amount is not { } paid)
            {
                return false;
            }

            scratch.PaidOn.Add(paidOn);
            scratch.PaidAmounts.Add(new Money(paid));
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>The advertised rate; with <paramref name="texts"/> false only checked, and <paramref name="advertised"/> left null.</summary>
    private static bool ReadStated(ref Utf8JsonReader reader, bool texts, out AdvertisedRate? advertised)
    {
        advertised = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        double? value = null;
        RatePer? per = null;
        var method = AdvertisedMethod.Unknown;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Field(ref reader, StatedFields);
            if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
            {
                return false;
            }

            seen |= 1 << field;
            if (field == 0)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var number))
                {
                    return false;
                }

                value = number;
                continue;
            }

            if (field == 1)
            {
                if (!Term(ref reader, Vocabularies.RateUnits, out var read))
                {
                    return false;
                }

                per = read;
            }
            else if (!Term(ref reader, Vocabularies.RateMethods, out method))
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || value is not { } rate || !double.IsFinite(rate) || rate < 0 || per is not { } unit)
        {
            return false;
        }

        advertised = texts ? new AdvertisedRate(rate, unit, method) : null;
        return true;
    }

    private static byte[][] Names(params string[] names) => [.. names.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>Which of <paramref name="names"/> the current property is, or −1 for a field the loan file does not have.</summary>
    private static int Field(ref Utf8JsonReader reader, byte[][] names)
    {
        if (!reader.ValueIsEscaped)
        {
            // A name as written is its bytes: compared as they are, length first, without the
            // reader's checks a comparison (a batch line has some seventy names).
            var name = reader.ValueSpan;
            for (var i = 0; i < names.Length; i++)
            {
                if (name.Length == names[i].Length && name.SequenceEqual(names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Text(ref Utf8JsonReader reader, out string? text)
    {
        text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null;
    }

    /// <summary>
    /// <see cref="Text(ref Utf8JsonReader, out string?)"/>, or with <paramref name="make"/> false
    /// only whether it would read a text: a string whose bytes are valid UTF-8, checked without
    /// making it (an escaped one is still made: its escapes must decode).
    /// </summary>
    private static bool Text(ref Utf8JsonReader reader, bool make, out string? text)
    {
        if (make)
        {
            return Text(ref reader, out text);
        }

        text = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        return reader.ValueIsEscaped ? reader.GetString() is not null : Utf8.IsValid(reader.ValueSpan);
    }

    private static bool Kind(ref Utf8JsonReader reader, out LenderKind? kind)
    {
        kind = Term(ref reader, Vocabularies.LenderKinds, out var known) ? known : null;
        return kind is not null;
    }

    /// <summary>
    /// A word of <paramref name="vocabulary"/>, read by its one parser from the line's own bytes:
    /// a batch reads three such words a line, and needs none of them as a string.
    /// </summary>
    private static bool Term<T>(ref Utf8JsonReader reader, Vocabulary<T> vocabulary, out T member)
        where T : struct, Enum
    {
        member = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        // A string's characters never outnumber its bytes as written, escapes included.
        const int Longest = 64;
        if (reader.HasValueSequence || reader.ValueSpan.Length > Longest)
        {
            return vocabulary.TryParse(reader.GetString(), out member);
        }

        Span<char> text = stackalloc char[Longest];
        return vocabulary.TryParse(text[..reader.CopyString(text)], out member);
    }

    private static bool Amount(ref Utf8JsonReader reader, out decimal? amount)
    {
        amount = null;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return false;
        }

        if (!reader.HasValueSequence && TryParsePlainDecimal(reader.ValueSpan, out var plain))
        {
            amount = plain;
            return true;
        }

        amount = reader.TryGetDecimal(out var value) ? value : null;
        return amount is not null;
    }

    /// <summary>
    /// Reads a JSON number written as an amount is (<c>1234</c>, <c>-12.50</c>: at most 19
    /// digits, no exponent) to the same <see cref="decimal"/>, trailing zeros and scale
    /// included, that <see cref="Utf8JsonReader.TryGetDecimal(out decimal)"/> reads, without the
    /// general number parser: a batch reads some fifteen amounts a loan. False for any other
    /// number, which that parser then reads.
    /// </summary>
    internal static bool TryParsePlainDecimal(ReadOnlySpan<byte> number, out decimal value)
    {
        value = default;
        const int MostDigits = 19;
        var negative = !number.IsEmpty && number[0] == (byte)'-';
        var at = negative ? 1 : 0;
        ulong digits = 0;
        var count = 0;
        var scale = -1;
        for (; at < number.Length; at++)
        {
            var c = number[at];
            if (c == (byte)'.' && scale < 0)
            {
                scale = 0;
                continue;
            }

            if (!char.IsAsciiDigit((char)c) || ++count > MostDigits)
            {
                return false;
            }

            digits = (digits * 10) + (ulong)(c - '0');
            if (scale >= 0)
            {
                scale++;
            }
        }

        // Nothing after the sign or the point, and a negative zero, are left to the parser.
        if (count == 0 || scale == 0 || (negative && digits == 0))
        {
            return false;
        }

        value = new decimal(unchecked((int)(uint)digits), unchecked((int)(uint)(digits >> 32)), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>An unescaped <c>yyyy-MM-dd</c> string, as the serializer's DateOnly reads it.</summary>
    private static bool Date(ref Utf8JsonReader reader, out DateOnly? date)
    {
        date = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence
            || !TryParseIsoDate(reader.ValueSpan, out var value))
        {
            return false;
        }

        date = value;
        return true;
    }

    /// <summary>
    /// Reads exactly <c>yyyy-MM-dd</c> from UTF-8, accepting what
    /// <see cref="DateOnly.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out DateOnly)"/>
    /// accepts with that format and the invariant culture, without its culture-aware format
    /// machinery: a batch reads three dates or more a loan, and that parser cost more than the IRR.
    /// </summary>
    private static bool TryParseIsoDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit((char)digit))
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }

    private static Money? ToMoney(decimal? yuan) => yuan is { } value ? new Money(value) : null;

    /// <summary>Empties <paramref name="list"/> and returns it.</summary>
    private static List<T> Cleared<T>(this List<T> list)
    {
        list.Clear();
        return list;
    }

    /// <summary>
    /// A line's facts other than its lists; <c>Id</c> is null when the line gives none, or when it
    /// was kept as UTF-8 (<see cref="Scratch.IdUtf8"/>, <c>HasId</c>); <c>Lender</c> and
    /// <c>Advertised</c> are null when they were only checked.
    /// </summary>
    private readonly record struct LineFacts(string? Id, bool HasId, Lender? Lender, DateOnly ContractDate, Money Principal, Money? Received, AdvertisedRate? Advertised, bool WithParts);

    /// <summary>The lists one thread reads its lines into, kept from one line to the next.</summary>
    private sealed class Scratch
    {
        public static Scratch Of => t_scratch ??= new Scratch();

        /// <summary>The line's facts other than its lists, read last.</summary>
        public LineFacts Facts { get; set; }

        public List<(string Name, decimal Amount, DateOnly? Date)> Fees { get; } = [];

        public List<UpfrontFee> UpfrontFees { get; } = [];

        public List<DateOnly> DueDates { get; } = new(24);

        public List<Money> Totals { get; } = new(24);

        public List<(Money? Principal, Money? Interest, Money? Fees)> Parts { get; } = new(24);

        public List<DateOnly> PaidOn { get; } = new(48);

        public List<Money> PaidAmounts { get; } = new(48);

        /// <summary>The id of the line read last as UTF-8, when it was kept so (<see cref="TryKeepId"/>, <see cref="IdOfLine"/>).</summary>
        public ReadOnlySpan<byte> IdUtf8 => _id.AsSpan(0, _idLength);

        private byte[] _id = new byte[64];
        private int _idLength;

        /// <summary>
        /// Keeps the current string as the id's UTF-8, unescaped, when it is text that
        /// <see cref="Utf8JsonReader.GetString"/> would read (valid UTF-8); false otherwise.
        /// </summary>
        public bool TryKeepId(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            // Unescaped, a string is never longer than as written.
            if (_id.Length < reader.ValueSpan.Length)
            {
                _id = new byte[reader.ValueSpan.Length];
            }

            _idLength = reader.CopyString(_id);
            return Utf8.IsValid(IdUtf8);
        }

        /// <summary>Keeps <see cref="LoanFileReader.LineId"/>, the name of a loan without an id, as the id's UTF-8.</summary>
        public void IdOfLine(long line)
        {
            var prefix = Encoding.UTF8.GetBytes(LoanFileReader.LineIdPrefix, _id);
            line.TryFormat(_id.AsSpan(prefix), out var digits, provider: CultureInfo.InvariantCulture);
            _idLength = prefix + digits;
        }

        /// <summary>The schedule read last, as instalment records with their parts.</summary>
        public IEnumerable<Instalment> Instalments()
        {
            for (var i = 0; i < DueDates.Count; i++)
            {
                var (principal, interest, fees) = Parts[i];
                yield return new Instalment(DueDates[i], Totals[i], principal, interest, fees);
            }
        }

        /// <summary>The payments read last, as records (a schedule with parts makes its loan from records).</summary>
        public IEnumerable<Payment> Payments()
        {
            for (var i = 0; i < PaidOn.Count; i++)
            {
                yield return new Payment(PaidOn[i], PaidAmounts[i]);
            }
        }
    }
}
