using System.Buffers;
using System.Globalization;

namespace DebtShield.Import.LoanTables;

/// <summary>
/// A plain table the caller adds to a workbook beside the loans (a rate report, a repayment
/// plan): a name, a header row and rows of cells. Immutable: the rows are copied when created.
/// </summary>
public sealed class TableSheet
{
    private static readonly SearchValues<char> ForbiddenInName = SearchValues.Create(@"[]:*?/\");

    /// <summary>Creates a sheet; the name must be one Excel accepts (1–31 characters, none of <c>[]:*?/\</c>).</summary>
    public TableSheet(string name, IEnumerable<string> header, IEnumerable<IEnumerable<SheetCell>> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        if (name.Length > 31 || name.AsSpan().IndexOfAny(ForbiddenInName) >= 0)
        {
            throw new ArgumentException("A sheet name has at most 31 characters and none of []:*?/\\.", nameof(name));
        }

        Name = name;
        Header = Array.AsReadOnly(header.ToArray());
        Rows = Array.AsReadOnly(rows.Select(r => (IReadOnlyList<SheetCell>)Array.AsReadOnly(r.ToArray())).ToArray());
    }

    /// <summary>The sheet's name as the workbook's tab shows it.</summary>
    public string Name { get; }

    /// <summary>The header cells, written as text in the first row.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows under the header.</summary>
    public IReadOnlyList<IReadOnlyList<SheetCell>> Rows { get; }
}

/// <summary>What a <see cref="SheetCell"/> holds.</summary>
public enum SheetCellKind
{
    /// <summary>Nothing: an empty cell.</summary>
    Empty,

    /// <summary>Text.</summary>
    Text,

    /// <summary>An exact decimal number, such as an amount of yuan.</summary>
    ExactNumber,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A floating-point number, such as a rate.</summary>
    FloatingNumber,

    /// <summary>A calendar date, written as a real date cell (yyyy-mm-dd).</summary>
    Date,
}

/// <summary>
/// One cell of a sheet the writer emits: text, a number or a date, so a spreadsheet sorts and
/// sums the column rather than treating figures as text. Converts implicitly from
/// <see cref="string"/>, <see cref="decimal"/>, <see cref="int"/>, <see cref="double"/> and <see cref="DateOnly"/>.
/// </summary>
public readonly record struct SheetCell
{
    private readonly string? text;
    private readonly decimal number;
    private readonly double real;
    private readonly DateOnly date;

    private SheetCell(SheetCellKind kind, string? text = null, decimal number = 0, double real = 0, DateOnly date = default)
    {
        Kind = kind;
        this.text = text;
        this.number = number;
        this.real = real;
        this.date = date;
    }

    /// <summary>An empty cell.</summary>
    public static SheetCell Empty => default;

    /// <summary>What the cell holds.</summary>
    public SheetCellKind Kind { get; }

    /// <summary>The cell's value as plain invariant text: dates as yyyy-MM-dd, numbers as written.</summary>
    public string Invariant => Kind switch
    {
        SheetCellKind.Empty => string.Empty,
        SheetCellKind.Text => text!,
        SheetCellKind.ExactNumber or SheetCellKind.WholeNumber => number.ToString(CultureInfo.InvariantCulture),
        SheetCellKind.FloatingNumber => real.ToString("R", CultureInfo.InvariantCulture),
        SheetCellKind.Date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The date, for a <see cref="SheetCellKind.Date"/> cell.</summary>
    public DateOnly Date => date;

    /// <summary>A text cell; <see langword="null"/> gives an empty cell.</summary>
    public static SheetCell FromString(string? value) => value is null ? Empty : new(SheetCellKind.Text, text: value);

    /// <summary>A decimal cell.</summary>
    public static SheetCell FromDecimal(decimal value) => new(SheetCellKind.ExactNumber, number: value);

    /// <summary>A whole-number cell.</summary>
    public static SheetCell FromInt32(int value) => new(SheetCellKind.WholeNumber, number: value);

    /// <summary>A floating-point cell; must be finite.</summary>
    public static SheetCell FromDouble(double value) =>
        double.IsFinite(value) ? new(SheetCellKind.FloatingNumber, real: value) : throw new ArgumentOutOfRangeException(nameof(value), value, "A cell holds finite numbers only.");

    /// <summary>A date cell.</summary>
    public static SheetCell FromDateOnly(DateOnly value) => new(SheetCellKind.Date, date: value);

    /// <summary>A text cell.</summary>
    public static implicit operator SheetCell(string? value) => FromString(value);

    /// <summary>A decimal cell.</summary>
    public static implicit operator SheetCell(decimal value) => FromDecimal(value);

    /// <summary>A whole-number cell.</summary>
    public static implicit operator SheetCell(int value) => FromInt32(value);

    /// <summary>A floating-point cell.</summary>
    public static implicit operator SheetCell(double value) => FromDouble(value);

    /// <summary>A date cell.</summary>
    public static implicit operator SheetCell(DateOnly value) => FromDateOnly(value);
}
