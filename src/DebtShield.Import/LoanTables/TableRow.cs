namespace DebtShield.Import.LoanTables;

/// <summary>What a table cell held: text, or a number as the spreadsheet stored it.</summary>
internal enum TableCellKind
{
    /// <summary>Text as typed (every CSV cell).</summary>
    Text,

    /// <summary>A number stored by a spreadsheet, in invariant notation (<c>1034.5</c>).</summary>
    Number,

    /// <summary>A number shown with a date format: an OLE Automation date serial.</summary>
    DateNumber,

    /// <summary>A formula error such as <c>#N/A</c>.</summary>
    Error,
}

/// <summary>One cell of a CSV or XLSX table, before the reader knows what its column means.</summary>
/// <param name="Text">The text, or the number in invariant notation.</param>
/// <param name="Kind">What the cell held.</param>
internal readonly record struct TableCell(string Text, TableCellKind Kind)
{
    public bool IsBlank => Kind == TableCellKind.Text && string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// One row of a table as the spreadsheet numbers it. <see cref="Cells"/> is reused for the next
/// row, so a consumer reads it before asking for the next one.
/// </summary>
/// <param name="Number">The row number a spreadsheet shows.</param>
/// <param name="Cells">The cells by column position.</param>
/// <param name="Problem">Why the row could not be read (malformed CSV), or <see langword="null"/>.</param>
internal readonly record struct TableRow(int Number, IReadOnlyList<TableCell> Cells, string? Problem);
