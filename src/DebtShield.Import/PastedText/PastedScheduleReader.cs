using System.Globalization;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Reading;
using DebtShield.Import.Figures;
using DebtShield.Import.LoanFiles;
using DebtShield.Import.Resources;

namespace DebtShield.Import.PastedText;

/// <summary>
/// Reads a repayment schedule copied out of a lender's app, one instalment a line:
/// <c>第1期 2026-01-05 应还 ¥1,034.50</c>, <c>1/12期 2026年01月05日 ¥1034.50</c>,
/// <c>第3期 2026/03/05 本金833.33 利息150.00 服务费51.17 合计1034.50</c>, <c>1⇥2026-01-05⇥1034.50</c>…
/// </summary>
/// <remarks>
/// Each line is read token by token with a few explicit patterns, tried in order at each
/// position: a status word (已还清, 待还, 已逾期 3 天…), an instalment number (第1期, 1/12期, 01期),
/// a date with its year, a date without one (an error: the year is never guessed), a labelled
/// amount (应还, 本金, 利息, 服务费…; fees are every part that is neither principal nor interest), and
/// an unlabelled amount. Anything else makes the line an error, quoted back to the borrower. A line
/// without digits made only of heading words (还款计划, 期数 日期 金额…) is ignored as a heading.
/// </remarks>
public static class PastedScheduleReader
{
    /// <summary>Parts of an instalment may differ from its total by this much (lenders round each part).</summary>
    public const decimal PartsTolerance = 0.05m;

    private static readonly HashSet<string> HeadingWords = new(StringComparer.Ordinal)
    {
        "还款计划", "还款明细", "还款详情", "账单", "账单明细", "期数", "期次", "日期", "还款日", "还款日期", "到期日",
        "金额", "应还", "应还金额", "状态", "本金", "利息", "费用", "服务费", "合计", "备注",
    };

    private static readonly (string Word, InstalmentStatus Status)[] StatusWords =
    [
        ("已还清", InstalmentStatus.Paid), ("已结清", InstalmentStatus.Paid), ("已还款", InstalmentStatus.Paid), ("已还", InstalmentStatus.Paid),
        ("待还款", InstalmentStatus.Due), ("待还", InstalmentStatus.Due), ("未还款", InstalmentStatus.Due), ("未还", InstalmentStatus.Due),
        ("已逾期", InstalmentStatus.Overdue), ("逾期", InstalmentStatus.Overdue),
    ];

    private static readonly (string Label, Part Part)[] Labels =
    [
        ("本期应还金额", Part.Total), ("应还金额", Part.Total), ("应还总额", Part.Total), ("本期应还", Part.Total), ("应还款", Part.Total),
        ("应还", Part.Total), ("还款金额", Part.Total), ("合计", Part.Total), ("总计", Part.Total), ("总额", Part.Total), ("金额", Part.Total),
        ("本金", Part.Principal), ("利息", Part.Interest),
        ("服务费", Part.Fees), ("手续费", Part.Fees), ("担保费", Part.Fees), ("罚息", Part.Fees), ("违约金", Part.Fees),
        ("滞纳金", Part.Fees), ("管理费", Part.Fees), ("咨询费", Part.Fees), ("会员费", Part.Fees), ("平台费", Part.Fees), ("费用", Part.Fees),
    ];

    private enum Part
    {
        Total,
        Principal,
        Interest,
        Fees,
    }

    /// <summary>Reads pasted text; any line ending (CRLF, LF, CR) will do, blank lines are skipped.</summary>
    public static PastedScheduleReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<PastedLine>();
        var errors = new List<ReadingProblem>();
        var number = 0;
        foreach (var raw in text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None))
        {
            number++;
            var line = Normalise(raw);
            if (line.Length == 0)
            {
                continue;
            }

            if (IsHeading(line))
            {
                lines.Add(new PastedLine(number, raw, PastedLineKind.Heading, null));
                continue;
            }

            var (instalment, error) = ReadLine(line, number);
            lines.Add(new PastedLine(number, raw, instalment is null ? PastedLineKind.NotUnderstood : PastedLineKind.Instalment, instalment));
            if (error is not null)
            {
                errors.Add(new ReadingProblem(SourceLocation.AtLine(number, raw), error));
            }
        }

        if (lines.Count == 0)
        {
            errors.Add(ReadingProblem.OfWhole(ImportMessages.Pasted_Empty));
        }

        var ordered = lines.Where(l => l.Instalment is not null).Select(l => l.Instalment!)
            .OrderBy(i => i.Instalment.DueDate).ThenBy(i => i.Line).ToList();
        CheckOrder(ordered, lines, errors);
        errors.Sort(static (a, b) => (a.Location.Line ?? 0).CompareTo(b.Location.Line ?? 0));
        return new PastedScheduleReading(lines.AsReadOnly(), errors.Count == 0 ? ordered.AsReadOnly() : [], errors.AsReadOnly());
    }

    /// <summary>Two instalments on one day, and numbers that do not run on in date order, are errors.</summary>
    private static void CheckOrder(List<PastedInstalment> ordered, List<PastedLine> lines, List<ReadingProblem> errors)
    {
        int? first = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var current = ordered[i];
            if (i > 0 && ordered[i - 1].Instalment.DueDate == current.Instalment.DueDate)
            {
                errors.Add(Error(lines, current.Line, Localized.Format(ImportMessages.Pasted_SameDate, ordered[i - 1].Line)));
            }

            if (current.Number is { } given)
            {
                first ??= given - i;
                if (given != first + i)
                {
                    errors.Add(Error(lines, current.Line, string.Format(CultureInfo.CurrentCulture, ImportMessages.Pasted_NotConsecutive, first + i, given)));
                }
            }
        }
    }

    private static ReadingProblem Error(List<PastedLine> lines, int line, string message) =>
        new(SourceLocation.AtLine(line, lines.First(l => l.Number == line).Text), message);

    /// <summary>Full-width colon and space become their ASCII forms, ￥ becomes ¥; the line is trimmed.</summary>
    private static string Normalise(string line) =>
        line.Replace('：', ':').Replace('\u3000', ' ').Replace('￥', '¥').Trim();

    private static bool IsHeading(string line)
    {
        foreach (var c in line)
        {
            if (char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        var words = line.Split([' ', '\t', '|', ':'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(HeadingWords.Contains);
    }

    private static (PastedInstalment? Instalment, string? Error) ReadLine(string line, int lineNumber)
    {
        var facts = new LineFacts();
        var pos = 0;
        var first = true;
        while (true)
        {
            while (pos < line.Length && IsSeparator(line[pos]))
            {
                pos++;
            }

            if (pos >= line.Length)
            {
                break;
            }

            var rest = line.AsSpan(pos);
            var taken = TryStatus(rest, facts)
                ?? TryNumber(rest, facts)
                ?? TryDate(rest, facts)
                ?? TryLabelledAmount(rest, facts)
                ?? TryLeadingIndex(rest, first, facts)
                ?? TryAmount(rest, facts);
            if (facts.Error is not null)
            {
                return (null, facts.Error);
            }

            if (taken is not { } length)
            {
                var end = line.AsSpan(pos).IndexOfAny(' ', '\t');
                return (null, Localized.Format(ImportMessages.Pasted_Unrecognised, end < 0 ? line[pos..] : line.Substring(pos, end)));
            }

            pos += length;
            first = false;
        }

        return facts.ToInstalment(lineNumber);
    }

    private static int? TryStatus(ReadOnlySpan<char> rest, LineFacts facts)
    {
        foreach (var (word, status) in StatusWords)
        {
            if (!rest.StartsWith(word, StringComparison.Ordinal))
            {
                continue;
            }

            facts.Status = status;
            var length = word.Length;
            if (status == InstalmentStatus.Overdue)
            {
                // 已逾期 3 天: the days belong to the status word.
                var after = rest[length..].TrimStart(' ');
                var digits = 0;
                while (digits < after.Length && char.IsAsciiDigit(after[digits]))
                {
                    digits++;
                }

                var tail = after[digits..].TrimStart(' ');
                if (digits > 0 && tail.StartsWith('天'))
                {
                    length = rest.Length - tail.Length + 1;
                }
            }

            return length;
        }

        return null;
    }

    /// <summary>第1期, 1/12期, 01期.</summary>
    private static int? TryNumber(ReadOnlySpan<char> rest, LineFacts facts)
    {
        var at = rest.StartsWith('第') ? 1 : 0;
        var digits = CountDigits(rest[at..]);
        if (digits is 0 or > 4)
        {
            return null;
        }

        var end = at + digits;
        var value = int.Parse(rest.Slice(at, digits), NumberStyles.None, CultureInfo.InvariantCulture);
        if (at == 0 && end < rest.Length && rest[end] == '/')
        {
            var countDigits = CountDigits(rest[(end + 1)..]);
            if (countDigits is 0 or > 4)
            {
                return null;
            }

            end += 1 + countDigits;
        }

        if (end >= rest.Length || rest[end] != '期')
        {
            return null;
        }

        if (facts.Number is not null)
        {
            facts.Error = Localized.Format(ImportMessages.Pasted_Unrecognised, rest[..(end + 1)].ToString());
        }

        facts.Number = value;
        return end + 1;
    }

    private static int? TryDate(ReadOnlySpan<char> rest, LineFacts facts)
    {
        if (DateText.TryMatch(rest, out var date, out var length))
        {
            facts.Error ??= facts.Date is null ? null : ImportMessages.Pasted_SeveralDates;
            facts.Date = date;
            return length;
        }

        if (DateText.ShapeLength(rest) is > 0 and var shape)
        {
            facts.Error = Localized.Format(ImportMessages.Pasted_InvalidDate, rest[..shape].ToString());
            return shape;
        }

        if (YearlessDateLength(rest) is > 0 and var yearless)
        {
            facts.Error = Localized.Format(ImportMessages.Pasted_YearMissing, rest[..yearless].ToString());
            return yearless;
        }

        return null;
    }

    /// <summary>01月05日, 1月5号, 01-05, 1/5: a month and a day without a year.</summary>
    private static int YearlessDateLength(ReadOnlySpan<char> rest)
    {
        var month = CountDigits(rest);
        if (month is 0 or > 2 || month >= rest.Length)
        {
            return 0;
        }

        var separator = rest[month];
        if (separator is not ('月' or '-' or '/' or '.'))
        {
            return 0;
        }

        var day = CountDigits(rest[(month + 1)..]);
        var end = month + 1 + day;
        if (day is 0 or > 2)
        {
            return 0;
        }

        if (separator == '月')
        {
            return end < rest.Length && rest[end] is '日' or '号' ? end + 1 : end;
        }

        // 1.5 is an amount, not a date; 01-05 and 1/5 standing alone are dates.
        return separator == '.' || (end < rest.Length && !IsSeparator(rest[end])) ? 0 : end;
    }

    private static int? TryLabelledAmount(ReadOnlySpan<char> rest, LineFacts facts)
    {
        foreach (var (label, part) in Labels)
        {
            if (!rest.StartsWith(label, StringComparison.Ordinal))
            {
                continue;
            }

            var at = label.Length;
            while (at < rest.Length && rest[at] is ' ' or ':')
            {
                at++;
            }

            var length = AmountLength(rest[at..]);
            if (length == 0 || !AmountText.TryParse(rest.Slice(at, length), out var amount))
            {
                return null;
            }

            facts.Add(part, amount);
            return at + length;
        }

        return null;
    }

    /// <summary>A bare 1–3 digit number opening the line (<c>1⇥2026-01-05⇥1034.50</c>) is the instalment number.</summary>
    private static int? TryLeadingIndex(ReadOnlySpan<char> rest, bool first, LineFacts facts)
    {
        var digits = CountDigits(rest);
        if (!first || digits is 0 or > 3 || digits >= rest.Length || rest[digits] != '\t')
        {
            return null;
        }

        facts.Number = int.Parse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
        return digits;
    }

    private static int? TryAmount(ReadOnlySpan<char> rest, LineFacts facts)
    {
        var length = AmountLength(rest);
        if (length == 0 || !AmountText.TryParse(rest[..length], out var amount))
        {
            return null;
        }

        facts.Unlabelled.Add(amount);
        return length;
    }

    /// <summary>The length of amount-shaped text: an optional ¥, digits with , and ., an optional 元; a trailing , or . is left out.</summary>
    private static int AmountLength(ReadOnlySpan<char> rest)
    {
        var at = rest.StartsWith('¥') ? 1 : 0;
        while (at < rest.Length && rest[at] == ' ')
        {
            at++;
        }

        var start = at;
        while (at < rest.Length && (char.IsAsciiDigit(rest[at]) || rest[at] is ',' or '.'))
        {
            at++;
        }

        while (at > start && rest[at - 1] is ',' or '.')
        {
            at--;
        }

        if (at == start || !char.IsAsciiDigit(rest[start]))
        {
            return 0;
        }

        return at < rest.Length && rest[at] == '元' ? at + 1 : at;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[count]))
        {
            count++;
        }

        return count;
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '|' or ',' or '，' or ';' or '；' or '、';

    /// <summary>What the tokens of one line said.</summary>
    private sealed class LineFacts
    {
        private decimal? total;
        private decimal? principal;
        private decimal? interest;
        private decimal? fees;

        public string? Error { get; set; }

        public int? Number { get; set; }

        public DateOnly? Date { get; set; }

        public InstalmentStatus Status { get; set; }

        public List<decimal> Unlabelled { get; } = [];

        public void Add(Part part, decimal amount)
        {
            switch (part)
            {
                case Part.Total:
                    Error ??= total is null ? null : ImportMessages.Pasted_SeveralAmounts;
                    total = amount;
                    break;
                case Part.Principal:
                    principal = (principal ?? 0) + amount;
                    break;
                case Part.Interest:
                    interest = (interest ?? 0) + amount;
                    break;
                case Part.Fees:
                    fees = (fees ?? 0) + amount;
                    break;
            }
        }

        public (PastedInstalment? Instalment, string? Error) ToInstalment(int line)
        {
            if (Date is not { } date)
            {
                return (null, ImportMessages.Pasted_NoDate);
            }

            if (Unlabelled.Count > 1 || (Unlabelled.Count == 1 && total is not null))
            {
                return (null, ImportMessages.Pasted_SeveralAmounts);
            }

            var parts = InstalmentParts.Total(principal, interest, fees);
            var due = total ?? (Unlabelled.Count == 1 ? Unlabelled[0] : parts);
            if (due is not { } sum)
            {
                return (null, ImportMessages.Pasted_NoAmount);
            }

            if (parts is { } partsSum && Math.Abs(partsSum - sum) > PartsTolerance)
            {
                return (null, string.Format(
                    CultureInfo.CurrentCulture,
                    ImportMessages.Pasted_PartsDisagree,
                    partsSum.ToString(CultureInfo.InvariantCulture),
                    sum.ToString(CultureInfo.InvariantCulture)));
            }

            var instalment = new Instalment(date, new Money(sum), ToMoney(principal), ToMoney(interest), ToMoney(fees));
            return (new PastedInstalment(line, Number, instalment, Status), null);
        }

        private static Money? ToMoney(decimal? yuan) => yuan is { } value ? new Money(value) : null;
    }
}
