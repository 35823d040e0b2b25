namespace DebtShield.Core.Reading;

/// <summary>What a <see cref="SourceLocation"/> points at, and so which of its parts it has.</summary>
public enum LocationKind
{
    /// <summary>The source as a whole: it is missing, empty, or not of the kind expected.</summary>
    Whole,

    /// <summary>A line (<see cref="SourceLocation.Line"/>).</summary>
    Line,

    /// <summary>A line and the byte where the source stops being readable (<see cref="SourceLocation.ByteOffset"/>).</summary>
    LineAndByte,

    /// <summary>A line and the character on it where the problem starts (<see cref="SourceLocation.Character"/>), as an editor counts them: a template's placeholder.</summary>
    LineAndCharacter,

    /// <summary>A line of pasted text, quoted (<see cref="SourceLocation.Text"/>), since pasted text has no file to open at the line.</summary>
    QuotedLine,

    /// <summary>A table's row as a spreadsheet numbers it (<see cref="SourceLocation.Row"/>).</summary>
    Row,

    /// <summary>A row and a column's header as written (<see cref="SourceLocation.Column"/>).</summary>
    Cell,

    /// <summary>A field, as a path such as <c>schedule[2].dueDate</c> (<see cref="SourceLocation.Field"/>).</summary>
    Field,

    /// <summary>A field and the line it is on.</summary>
    FieldAtLine,

    /// <summary>One database of a backup (<c>sms.db</c>) and how many of its records were read (<see cref="SourceLocation.RecordsRead"/>).</summary>
    Database,
}

/// <summary>
/// Where in what a reader was given (a loan file, a loan table, pasted text, a phone backup) a
/// problem is, as precisely as the reader knows and in the terms the person sees the source in: a
/// JSON file by field path and line, a table by row and column header, a backup by line and byte
/// or by database, a letter template by line and character.
/// </summary>
/// <remarks>
/// Made only by the factories, one per <see cref="Kind"/>, so a part without the part it belongs to
/// (a column without a row, a byte without a line, a count of records without a database) cannot be
/// held. A part the kind does not have is <see langword="null"/>. It names no file: the file is what
/// the caller was asked to read, and the caller words the problem with its name.
/// </remarks>
public sealed record SourceLocation
{
    private SourceLocation(LocationKind kind) => Kind = kind;

    /// <summary>The source as a whole.</summary>
    public static SourceLocation Whole { get; } = new(LocationKind.Whole);

    /// <summary>What the location points at.</summary>
    public LocationKind Kind { get; }

    /// <summary>The 1-based line (of a file, a batch or pasted text), or the record's number a reader counts by.</summary>
    public long? Line { get; private init; }

    /// <summary>The byte offset from the start of the source.</summary>
    public long? ByteOffset { get; private init; }

    /// <summary>The 1-based character on <see cref="Line"/> where the problem starts, as an editor numbers its columns.</summary>
    public int? Character { get; private init; }

    /// <summary>The text of a pasted line, as pasted.</summary>
    public string? Text { get; private init; }

    /// <summary>The 1-based row as a spreadsheet shows it (the header is row 1).</summary>
    public int? Row { get; private init; }

    /// <summary>The column's header as the table writes it (or its letters, for a column without one).</summary>
    public string? Column { get; private init; }

    /// <summary>The field, as a path such as <c>schedule[2].dueDate</c>.</summary>
    public string? Field { get; private init; }

    /// <summary>The database of a backup, such as <c>sms.db</c>.</summary>
    public string? Database { get; private init; }

    /// <summary>How many records of <see cref="Database"/> were read before the problem.</summary>
    public int? RecordsRead { get; private init; }

    /// <summary>A line.</summary>
    public static SourceLocation AtLine(long line) => new(LocationKind.Line) { Line = NotNegative(line) };

    /// <summary>A line and the byte offset at which the source stops being readable.</summary>
    public static SourceLocation AtLine(long line, long byteOffset) =>
        new(LocationKind.LineAndByte) { Line = NotNegative(line), ByteOffset = NotNegative(byteOffset) };

    /// <summary>A line and the 1-based character on it where the problem starts.</summary>
    public static SourceLocation AtCharacter(long line, int character)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(character);
        return new(LocationKind.LineAndCharacter) { Line = NotNegative(line), Character = character };
    }

    /// <summary>A line of pasted text and the line as pasted.</summary>
    public static SourceLocation AtLine(long line, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(LocationKind.QuotedLine) { Line = NotNegative(line), Text = text };
    }

    /// <summary>A table's row.</summary>
    public static SourceLocation AtRow(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(row);
        return new(LocationKind.Row) { Row = row };
    }

    /// <summary>A table's cell: a row and the column's header.</summary>
    public static SourceLocation AtCell(int row, string column)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(row);
        ArgumentNullException.ThrowIfNull(column);
        return new(LocationKind.Cell) { Row = row, Column = column };
    }

    /// <summary>A field of a JSON source.</summary>
    public static SourceLocation AtField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new(LocationKind.Field) { Field = field };
    }

    /// <summary>A field of a JSON source and the line it is on.</summary>
    public static SourceLocation AtField(string field, long line)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new(LocationKind.FieldAtLine) { Field = field, Line = NotNegative(line) };
    }

    /// <summary>
    /// A place in a JSON source by what is known of it: the field, the line, both or neither (a
    /// JSON reader knows the line of a syntax error but not always its field, and the field of a
    /// wrong value but not always its line).
    /// </summary>
    public static SourceLocation InJson(string? field, long? line) => (field, line) switch
    {
        ({ } f, { } l) => AtField(f, l),
        ({ } f, null) => AtField(f),
        (null, { } l) => AtLine(l),
        (null, null) => Whole,
    };

    /// <summary>One database of a backup, read as far as <paramref name="recordsRead"/> records.</summary>
    public static SourceLocation InDatabase(string database, int recordsRead)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfNegative(recordsRead);
        return new(LocationKind.Database) { Database = database, RecordsRead = recordsRead };
    }

    private static long NotNegative(long value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }
}
