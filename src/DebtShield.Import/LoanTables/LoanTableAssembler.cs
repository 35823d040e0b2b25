using System.Globalization;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Core.Reading;
using DebtShield.Import.Figures;
using DebtShield.Import.LoanFiles;
using DebtShield.Import.Resources;

namespace DebtShield.Import.LoanTables;

/// <summary>
/// Turns the rows of a loan table, CSV or XLSX alike, into loans: reads the header, checks and
/// groups each row by loan name as it arrives (holding only the facts, not the row), then
/// builds each loan with <see cref="Loan.Create"/> and locates every problem back on its row.
/// </summary>
internal sealed class LoanTableAssembler
{
    private static readonly int ColumnCount = LoanTableColumns.All.Count;

    private readonly List<ReadingProblem> errors = [];
    private readonly Dictionary<string, LoanRows> loans = new(StringComparer.Ordinal);
    private readonly List<LoanRows> order = [];
    private readonly int[] cellOf = new int[ColumnCount];
    private readonly string?[] headerOf = new string?[ColumnCount];
    private LoanTableColumn?[] columnAt = [];
    private bool headerRead;
    private bool headerFailed;

    /// <summary>Takes the next row; the first non-blank row is the header.</summary>
    public void Add(TableRow row)
    {
        if (row.Problem is not null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtRow(row.Number), row.Problem));
            return;
        }

        if (IsBlank(row.Cells))
        {
            return;
        }

        if (!headerRead)
        {
            headerRead = true;
            ReadHeader(row);
        }
        else if (!headerFailed)
        {
            ReadData(row);
        }
    }

    /// <summary>Builds the loans, or returns every error found (at most <see cref="LoanTableReader.MaxErrors"/> listed).</summary>
    public LoanTableReading Finish()
    {
        if (!headerRead)
        {
            return LoanTableReading.Failed(ReadingProblem.OfWhole(ImportMessages.Table_Empty));
        }

        var built = new List<Loan>(order.Count);
        if (!headerFailed)
        {
            foreach (var loan in order)
            {
                if (Build(loan) is { } created)
                {
                    built.Add(created);
                }
            }
        }

        if (errors.Count == 0)
        {
            return new LoanTableReading(built.AsReadOnly(), []);
        }

        var listed = errors.OrderBy(e => e.Location.Row ?? 0).Take(LoanTableReader.MaxErrors).ToList();
        if (errors.Count > LoanTableReader.MaxErrors)
        {
            listed.Add(ReadingProblem.OfWhole(Localized.Format(ImportMessages.Table_MoreErrors, errors.Count - LoanTableReader.MaxErrors)));
        }

        return new LoanTableReading([], listed.AsReadOnly());
    }

    private void ReadHeader(TableRow row)
    {
        Array.Fill(cellOf, -1);
        columnAt = new LoanTableColumn?[row.Cells.Count];
        var before = errors.Count;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var header = row.Cells[i].Text.Trim();
            if (header.Length == 0)
            {
                continue;
            }

            if (LoanTableColumns.Parse(header) is not { } column)
            {
                errors.Add(new ReadingProblem(SourceLocation.AtCell(row.Number, header), Localized.Format(ImportMessages.Table_UnknownHeader, header)));
            }
            else if (cellOf[(int)column] >= 0)
            {
                errors.Add(new ReadingProblem(SourceLocation.AtCell(row.Number, header), Localized.Format(ImportMessages.Table_DuplicateHeader, header)));
            }
            else
            {
                cellOf[(int)column] = i;
                headerOf[(int)column] = header;
                columnAt[i] = column;
            }
        }

        foreach (var column in LoanTableColumns.Required)
        {
            if (cellOf[(int)column] < 0)
            {
                errors.Add(new ReadingProblem(SourceLocation.AtRow(row.Number), string.Format(
                    CultureInfo.CurrentCulture,
                    ImportMessages.Table_MissingHeader,
                    LoanTableColumns.Key(column),
                    LoanTableColumns.ChineseHeader(column))));
            }
        }

        headerFailed = errors.Count > before;
    }

    private void ReadData(TableRow row)
    {
        var before = errors.Count;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if ((i >= columnAt.Length || columnAt[i] is null) && !row.Cells[i].IsBlank)
            {
                errors.Add(new ReadingProblem(SourceLocation.AtCell(row.Number, SpreadsheetColumns.Letters(i)), ImportMessages.Table_ValueWithoutHeader));
            }
        }

        if (Cell(row, LoanTableColumn.Loan) is not { } nameCell)
        {
            Fail(row.Number, LoanTableColumn.Loan, ImportMessages.Table_MissingLoan);
            return;
        }

        var name = nameCell.Text.Trim();
        if (!loans.TryGetValue(name, out var loan))
        {
            loan = new LoanRows(name, row.Number);
            loans.Add(name, loan);
            order.Add(loan);
        }

        ReadLoanFacts(row, loan);
        ReadInstalment(row, loan);
        ReadPayment(row, loan);
        ReadFee(row, loan);
        loan.Failed |= errors.Count > before;
    }

    private void ReadLoanFacts(TableRow row, LoanRows loan)
    {
        if (Cell(row, LoanTableColumn.Lender) is { } lender)
        {
            Agree(ref loan.Lender, lender.Text.Trim(), row, LoanTableColumn.Lender);
        }

        if (Parse(row, LoanTableColumn.LenderKind, Vocabularies.LenderKinds, ImportMessages.Table_UnknownLenderKind) is { } kind)
        {
            Agree(ref loan.Kind, kind, row, LoanTableColumn.LenderKind);
        }

        if (Date(row, LoanTableColumn.ContractDate) is { } contractDate)
        {
            Agree(ref loan.ContractDate, contractDate, row, LoanTableColumn.ContractDate);
        }

        if (Amount(row, LoanTableColumn.Principal) is { } principal)
        {
            Agree(ref loan.Principal, principal, row, LoanTableColumn.Principal);
        }

        if (Amount(row, LoanTableColumn.Received) is { } received)
        {
            Agree(ref loan.Received, received, row, LoanTableColumn.Received);
        }

        if (Rate(row, LoanTableColumn.StatedRate) is { } rate)
        {
            Agree(ref loan.StatedRate, rate, row, LoanTableColumn.StatedRate);
        }

        if (Parse(row, LoanTableColumn.StatedPer, Vocabularies.RateUnits, ImportMessages.Table_UnknownRatePer) is { } per)
        {
            Agree(ref loan.StatedPer, per, row, LoanTableColumn.StatedPer);
        }

        if (Parse(row, LoanTableColumn.StatedMethod, Vocabularies.RateMethods, ImportMessages.Table_UnknownRateMethod) is { } method)
        {
            Agree(ref loan.StatedMethod, method, row, LoanTableColumn.StatedMethod);
        }

        if (OverdueRateCell(row, LoanTableColumn.OverdueRate) is { } overdueRate)
        {
            Agree(ref loan.OverdueRate, overdueRate, row, LoanTableColumn.OverdueRate);
        }

        if (Parse(row, LoanTableColumn.OverduePer, Vocabularies.RateUnits, ImportMessages.Table_UnknownRatePer) is { } overduePer)
        {
            Agree(ref loan.OverduePer, overduePer, row, LoanTableColumn.OverduePer);
        }

        if (OverdueRateCell(row, LoanTableColumn.PenaltyPerDay) is { } penaltyPerDay)
        {
            Agree(ref loan.PenaltyPerDay, penaltyPerDay, row, LoanTableColumn.PenaltyPerDay);
        }

        if (Amount(row, LoanTableColumn.Penalty) is { } penalty)
        {
            Agree(ref loan.Penalty, penalty, row, LoanTableColumn.Penalty);
        }

        if (Amount(row, LoanTableColumn.OverdueFees) is { } overdueFees)
        {
            Agree(ref loan.OverdueFees, overdueFees, row, LoanTableColumn.OverdueFees);
        }

        if (Parse(row, LoanTableColumn.OverdueTerms, ParseNoneAgreed, ImportMessages.Table_UnknownOverdueTerms) is { } noneAgreed)
        {
            Agree(ref loan.NoneAgreed, noneAgreed, row, LoanTableColumn.OverdueTerms);
        }
    }

    private void ReadInstalment(TableRow row, LoanRows loan)
    {
        if (!AnyGiven(row, LoanTableColumn.DueDate, LoanTableColumn.Total, LoanTableColumn.PrincipalPart, LoanTableColumn.Interest, LoanTableColumn.Fees))
        {
            return;
        }

        var before = errors.Count;
        var dueDate = Date(row, LoanTableColumn.DueDate);
        var total = Amount(row, LoanTableColumn.Total);
        var principal = Amount(row, LoanTableColumn.PrincipalPart);
        var interest = Amount(row, LoanTableColumn.Interest);
        var fees = Amount(row, LoanTableColumn.Fees);
        RequireInGroup(row, LoanTableColumn.DueDate, ImportMessages.Table_GroupInstalment);
        if (!AnyGiven(row, LoanTableColumn.Total, LoanTableColumn.PrincipalPart, LoanTableColumn.Interest, LoanTableColumn.Fees))
        {
            Fail(row.Number, LoanTableColumn.Total, ImportMessages.Table_InstalmentWithoutAmount);
        }

        if (errors.Count == before && dueDate is { } due && (total ?? InstalmentParts.Total(principal, interest, fees)) is { } sum)
        {
            loan.Instalments.Add(new Located<Instalment>(row.Number, new Instalment(due, new Money(sum), ToMoney(principal), ToMoney(interest), ToMoney(fees))));
        }
    }

    private void ReadPayment(TableRow row, LoanRows loan)
    {
        if (!AnyGiven(row, LoanTableColumn.PaidDate, LoanTableColumn.PaidAmount, LoanTableColumn.PaidAppliesTo))
        {
            return;
        }

        var date = Date(row, LoanTableColumn.PaidDate);
        var amount = Amount(row, LoanTableColumn.PaidAmount);
        var target = Parse(row, LoanTableColumn.PaidAppliesTo, PaymentTargetNames.Parse, ImportMessages.UnknownPaymentTarget) ?? PaymentTarget.Default;
        RequireInGroup(row, LoanTableColumn.PaidDate, ImportMessages.Table_GroupPayment);
        RequireInGroup(row, LoanTableColumn.PaidAmount, ImportMessages.Table_GroupPayment);
        if (date is { } paidOn && amount is { } paid)
        {
            loan.Payments.Add(new Located<Payment>(row.Number, new Payment(paidOn, new Money(paid), target)));
        }
    }

    private void ReadFee(TableRow row, LoanRows loan)
    {
        if (!AnyGiven(row, LoanTableColumn.FeeName, LoanTableColumn.FeeAmount, LoanTableColumn.FeeDate))
        {
            return;
        }

        var before = errors.Count;
        var date = Date(row, LoanTableColumn.FeeDate);
        var amount = Amount(row, LoanTableColumn.FeeAmount);
        RequireInGroup(row, LoanTableColumn.FeeAmount, ImportMessages.Table_GroupFee);
        if (errors.Count == before && amount is { } paid)
        {
            var name = Cell(row, LoanTableColumn.FeeName)?.Text.Trim() ?? string.Empty;
            loan.Fees.Add(new Located<PendingFee>(row.Number, new PendingFee(name, paid, date)));
        }
    }

    private Loan? Build(LoanRows loan)
    {
        if (loan.Failed)
        {
            // The row errors already say what is wrong; a value that failed to read would only
            // be reported a second time as missing.
            return null;
        }

        var before = errors.Count;
        RequireFact(loan, loan.Kind, LoanTableColumn.LenderKind);
        RequireFact(loan, loan.ContractDate, LoanTableColumn.ContractDate);
        RequireFact(loan, loan.Principal, LoanTableColumn.Principal);
        if (loan.StatedRate is { } givenRate && loan.StatedPer is null)
        {
            Fail(givenRate.Row, LoanTableColumn.StatedPer, Localized.Format(ImportMessages.Table_GroupIncomplete, ImportMessages.Table_GroupStated));
        }
        else if (loan.StatedRate is null && (loan.StatedPer?.Row ?? loan.StatedMethod?.Row) is { } rateRow)
        {
            Fail(rateRow, LoanTableColumn.StatedRate, Localized.Format(ImportMessages.Table_GroupIncomplete, ImportMessages.Table_GroupStated));
        }

        var overdueTerms = OverdueTermsOf(loan);
        if (errors.Count > before)
        {
            return null;
        }

        var contractDate = loan.ContractDate!.Value;
        loan.Instalments.Sort(static (a, b) => a.Item.DueDate != b.Item.DueDate ? a.Item.DueDate.CompareTo(b.Item.DueDate) : a.Row.CompareTo(b.Row));
        var advertised = loan.StatedRate is { } rate
            ? new AdvertisedRate(rate.Value, loan.StatedPer!.Value, loan.StatedMethod?.Value ?? AdvertisedMethod.Unknown)
            : null;
        var creation = Loan.Create(
            loan.Name,
            new Lender(loan.Lender?.Value ?? string.Empty, loan.Kind!.Value),
            contractDate,
            new Money(loan.Principal!.Value),
            loan.Received is { } received ? new Money(received.Value) : null,
            loan.Fees.Select(f => new UpfrontFee(f.Item.Name, new Money(f.Item.Amount), f.Item.Date ?? contractDate)),
            loan.Instalments.Select(i => i.Item),
            loan.Payments.Select(p => p.Item),
            advertised,
            overdueTerms);
        foreach (var problem in creation.Problems)
        {
            var (row, column) = Locate(loan, problem.Field);
            Fail(row, column, Describe(problem.Kind));
        }

        return creation.Loan;
    }

    /// <summary>The row and column that supplied the fact a <see cref="LoanProblem"/> names: <c>schedule[3].dueDate</c>.</summary>
    private static (int Row, LoanTableColumn Column) Locate(LoanRows loan, string field)
    {
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return field switch
            {
                "principal" => (loan.Principal?.Row ?? loan.FirstRow, LoanTableColumn.Principal),
                "received" => (loan.Received?.Row ?? loan.Principal?.Row ?? loan.FirstRow, loan.Received is null ? LoanTableColumn.Principal : LoanTableColumn.Received),
                "schedule" => loan.Instalments.Count > 0 ? (loan.Instalments[0].Row, LoanTableColumn.Total) : (loan.FirstRow, LoanTableColumn.DueDate),
                "upfrontFees" => loan.Fees.Count > 0 ? (loan.Fees[0].Row, LoanTableColumn.FeeAmount) : (loan.FirstRow, LoanTableColumn.FeeAmount),
                "overdueTerms.rate.value" => (loan.OverdueRate?.Row ?? loan.FirstRow, LoanTableColumn.OverdueRate),
                "overdueTerms.penalty.perDay" => (loan.PenaltyPerDay?.Row ?? loan.FirstRow, LoanTableColumn.PenaltyPerDay),
                "overdueTerms.penalty.amount" => (loan.Penalty?.Row ?? loan.FirstRow, LoanTableColumn.Penalty),
                "overdueTerms.otherFees" => (loan.OverdueFees?.Row ?? loan.FirstRow, LoanTableColumn.OverdueFees),
                _ => (loan.FirstRow, LoanTableColumn.Loan),
            };
        }

        var close = field.IndexOf(']', bracket);
        var index = int.Parse(field.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        var leaf = close + 2 <= field.Length ? field[(close + 2)..] : string.Empty;
        return field[..bracket] switch
        {
            "schedule" => (loan.Instalments[index].Row, leaf switch
            {
                "dueDate" => LoanTableColumn.DueDate,
                "principal" => LoanTableColumn.PrincipalPart,
                "interest" => LoanTableColumn.Interest,
                "fees" => LoanTableColumn.Fees,
                _ => LoanTableColumn.Total,
            }),
            "payments" => (loan.Payments[index].Row, leaf == "date" ? LoanTableColumn.PaidDate : LoanTableColumn.PaidAmount),
            "upfrontFees" => (loan.Fees[index].Row, leaf == "date" ? LoanTableColumn.FeeDate : LoanTableColumn.FeeAmount),
            _ => (loan.FirstRow, LoanTableColumn.Loan),
        };
    }

    /// <summary>
    /// What the loan's rows say its contract agrees for late payment, read by
    /// <see cref="OverdueTermsEntry"/> as every door reads it: nothing filled in, not known;
    /// <c>overdue_terms</c> = none, nothing agreed; otherwise what is filled in, a blank part not
    /// agreed. Each problem is placed on the row and column that gave the part.
    /// </summary>
    private OverdueTerms? OverdueTermsOf(LoanRows loan)
    {
        var reading = new OverdueTermsEntry
        {
            Rate = loan.OverdueRate?.Text,
            Per = loan.OverduePer?.Text,
            PenaltyPerDay = loan.PenaltyPerDay?.Text,
            Penalty = loan.Penalty?.Value,
            OtherFees = loan.OverdueFees?.Value,
            NoneAgreed = loan.NoneAgreed?.Value is true,
        }.Read();
        foreach (var problem in reading.Problems)
        {
            var (row, column, message) = problem.Kind switch
            {
                OverdueTermsProblemKind.NoneAgreedButGiven => (loan.NoneAgreed?.Row, LoanTableColumn.OverdueTerms, ImportMessages.Table_OverdueNoneButGiven),
                OverdueTermsProblemKind.PenaltyBothWays => (loan.Penalty?.Row, LoanTableColumn.Penalty, ImportMessages.Table_OverduePenaltyTwice),
                OverdueTermsProblemKind.PeriodWithoutRate => (loan.OverduePer?.Row, LoanTableColumn.OverdueRate, Localized.Format(ImportMessages.Table_GroupIncomplete, ImportMessages.Table_GroupOverdue)),
                OverdueTermsProblemKind.UnknownPeriod => (loan.OverduePer?.Row, LoanTableColumn.OverduePer, Localized.Format(ImportMessages.Table_UnknownRatePer, loan.OverduePer?.Text, Localized.WireIds(Vocabularies.RateUnits), Localized.Names(Vocabularies.RateUnits))),
                _ when problem.Part is OverdueTermsPart.PenaltyPerDay => (loan.PenaltyPerDay?.Row, LoanTableColumn.PenaltyPerDay, ImportMessages.Table_InvalidRate),
                _ => (loan.OverdueRate?.Row, LoanTableColumn.OverdueRate, ImportMessages.Table_InvalidRate),
            };
            Fail(row ?? loan.FirstRow, column, message);
        }

        return reading.Terms;
    }

    private void RequireFact<T>(LoanRows loan, Fact<T>? fact, LoanTableColumn column)
    {
        if (fact is null)
        {
            Fail(loan.FirstRow, column, Localized.Format(ImportMessages.Table_MissingLoanFact, loan.Name));
        }
    }

    private void RequireInGroup(TableRow row, LoanTableColumn column, string group)
    {
        if (Cell(row, column) is null)
        {
            Fail(row.Number, column, Localized.Format(ImportMessages.Table_GroupIncomplete, group));
        }
    }

    private void Agree<T>(ref Fact<T>? fact, T value, TableRow row, LoanTableColumn column)
    {
        if (fact is null)
        {
            fact = new Fact<T>(value, row.Number, Cell(row, column)!.Value.Text.Trim());
        }
        else if (!EqualityComparer<T>.Default.Equals(fact.Value, value))
        {
            Fail(row.Number, column, string.Format(CultureInfo.CurrentCulture, ImportMessages.Table_Disagrees, fact.Row, fact.Text));
        }
    }

    private TableCell? Cell(TableRow row, LoanTableColumn column)
    {
        var index = cellOf[(int)column];
        return index >= 0 && index < row.Cells.Count && !row.Cells[index].IsBlank ? row.Cells[index] : null;
    }

    private bool AnyGiven(TableRow row, params ReadOnlySpan<LoanTableColumn> columns)
    {
        foreach (var column in columns)
        {
            if (Cell(row, column) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private decimal? Amount(TableRow row, LoanTableColumn column)
    {
        if (Cell(row, column) is not { } cell)
        {
            return null;
        }

        var value = 0m;
        var read = cell.Kind switch
        {
            TableCellKind.Text => AmountText.TryParse(cell.Text, out value),
            TableCellKind.Number => AmountText.TryParseStoredNumber(cell.Text, out value),
            TableCellKind.DateNumber or TableCellKind.Error => false,
        };
        return read ? value : Invalid<decimal>(row, column, cell, ImportMessages.Table_InvalidAmount);
    }

    private DateOnly? Date(TableRow row, LoanTableColumn column)
    {
        if (Cell(row, column) is not { } cell)
        {
            return null;
        }

        DateOnly date = default;
        var read = cell.Kind switch
        {
            TableCellKind.Text => DateText.TryParse(cell.Text, out date),
            TableCellKind.Number or TableCellKind.DateNumber => TryDateSerial(cell.Text, out date),
            TableCellKind.Error => false,
        };
        return read ? date : Invalid<DateOnly>(row, column, cell, ImportMessages.Table_InvalidDate);
    }

    private double? Rate(TableRow row, LoanTableColumn column)
    {
        if (Cell(row, column) is not { } cell)
        {
            return null;
        }

        var text = cell.Text.Trim();
        double value;
        bool read;
        if (cell.Kind == TableCellKind.Text && text.EndsWith('%'))
        {
            read = decimal.TryParse(text.AsSpan(0, text.Length - 1).TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent);
            value = read ? (double)(percent / 100m) : 0;
        }
        else if (cell.Kind is TableCellKind.Text or TableCellKind.Number)
        {
            read = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        else
        {
            (read, value) = (false, 0);
        }

        return read && double.IsFinite(value) && value >= 0
            ? value
            : Invalid<double>(row, column, cell, ImportMessages.Table_InvalidRate);
    }

    /// <summary>
    /// A rate of the overdue terms, read as <see cref="OverdueTermsEntry"/> reads it (a fraction or a
    /// percentage, as text or as a stored number); its bounds are the loan's (<see cref="Loan.Create"/>).
    /// </summary>
    private decimal? OverdueRateCell(TableRow row, LoanTableColumn column)
    {
        if (Cell(row, column) is not { } cell)
        {
            return null;
        }

        return cell.Kind is TableCellKind.Text or TableCellKind.Number && OverdueTermsEntry.ParseRate(cell.Text) is { } rate
            ? rate
            : Invalid<decimal>(row, column, cell, ImportMessages.Table_InvalidRate);
    }

    private T? Parse<T>(TableRow row, LoanTableColumn column, Func<string, T?> parse, string unknownTemplate)
        where T : struct =>
        Parse(row, column, parse, text => Localized.Format(unknownTemplate, text));

    /// <summary>A cell that names a member of <paramref name="vocabulary"/>; the refusal offers the vocabulary's choices ({1} its wire ids, {2} its names).</summary>
    private T? Parse<T>(TableRow row, LoanTableColumn column, Vocabulary<T> vocabulary, string unknownTemplate)
        where T : struct, Enum =>
        Parse(row, column, vocabulary.Parse, text => Localized.Format(unknownTemplate, text, Localized.WireIds(vocabulary), Localized.Names(vocabulary)));

    private T? Parse<T>(TableRow row, LoanTableColumn column, Func<string, T?> parse, Func<string, string> unknown)
        where T : struct
    {
        if (Cell(row, column) is not { } cell)
        {
            return null;
        }

        var text = cell.Text.Trim();
        return parse(text) ?? Invalid<T>(row, column, cell, unknown(text));
    }

    private T? Invalid<T>(TableRow row, LoanTableColumn column, TableCell cell, string message)
        where T : struct
    {
        Fail(row.Number, column, cell.Kind == TableCellKind.Error ? Localized.Format(ImportMessages.Table_ErrorCell, cell.Text) : message);
        return null;
    }

    private void Fail(int row, LoanTableColumn column, string message) =>
        errors.Add(new ReadingProblem(SourceLocation.AtCell(row, headerOf[(int)column] ?? LoanTableColumns.Key(column)), message));

    /// <summary><c>none</c>/没有约定 (the contract agrees nothing for late payment) or <c>unknown</c>/不知道.</summary>
    private static bool? ParseNoneAgreed(string text) => text.ToLowerInvariant() switch
    {
        "none" or "没有约定" or "无" => true,
        "unknown" or "不知道" or "未知" => false,
        _ => null,
    };

    /// <summary>A spreadsheet date serial (days since 1899-12-30; a time of day is dropped).</summary>
    private static bool TryDateSerial(string text, out DateOnly date)
    {
        date = default;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || !(serial >= 1 && serial < 2958466))
        {
            return false;
        }

        date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        return true;
    }

    private static bool IsBlank(IReadOnlyList<TableCell> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (!cells[i].IsBlank)
            {
                return false;
            }
        }

        return true;
    }

    private static Money? ToMoney(decimal? yuan) => yuan is { } value ? new Money(value) : null;

    private static string Describe(LoanProblemKind kind) => LoanFiles.LoanProblemText.DescribeInTable(kind);

    /// <summary>A loan-level value and the row that first gave it.</summary>
    private sealed record Fact<T>(T Value, int Row, string Text);

    /// <summary>An item of a loan and the row it came from.</summary>
    private readonly record struct Located<T>(int Row, T Item);

    /// <summary>An upfront fee whose date may still default to the contract date.</summary>
    private sealed record PendingFee(string Name, decimal Amount, DateOnly? Date);

    /// <summary>Everything the rows of one loan said, each fact with its row.</summary>
    private sealed class LoanRows(string name, int firstRow)
    {
        public string Name { get; } = name;

        public int FirstRow { get; } = firstRow;

        public bool Failed { get; set; }

        public List<Located<Instalment>> Instalments { get; } = [];

        public List<Located<Payment>> Payments { get; } = [];

        public List<Located<PendingFee>> Fees { get; } = [];

#pragma warning disable SA1401, CA1051 // Fields, so Agree can take them by reference.
        public Fact<string>? Lender;
        public Fact<LenderKind>? Kind;
        public Fact<DateOnly>? ContractDate;
        public Fact<decimal>? Principal;
        public Fact<decimal>? Received;
        public Fact<double>? StatedRate;
        public Fact<RatePer>? StatedPer;
        public Fact<AdvertisedMethod>? StatedMethod;
        public Fact<decimal>? OverdueRate;
        public Fact<RatePer>? OverduePer;
        public Fact<decimal>? PenaltyPerDay;
        public Fact<decimal>? Penalty;
        public Fact<decimal>? OverdueFees;
        public Fact<bool>? NoneAgreed;
#pragma warning restore SA1401, CA1051
    }
}
