using System.Globalization;
using DebtShield.Import.Resources;

namespace DebtShield.Import.LoanTables;

/// <summary>
/// One thing wrong with a loan table, located the way the borrower sees the table: the row
/// number a spreadsheet shows (the header is row 1) and the column's header as written.
/// </summary>
/// <param name="Row">The 1-based row, or <see langword="null"/> when the problem is the file as a whole.</param>
/// <param name="Column">The column's header as the file writes it, or <see langword="null"/>.</param>
/// <param name="Message">What is wrong, in the current UI language.</param>
public sealed record LoanTableError(int? Row, string? Column, string Message)
{
    /// <summary>
    /// The error as one line for a person, naming <paramref name="source"/> (usually the file
    /// name): "loans.csv 第 12 行，列 total：…".
    /// </summary>
    public string Describe(string source)
    {
        var culture = CultureInfo.CurrentCulture;
        return (Row, Column) switch
        {
            ({ } row, { } column) => string.Format(culture, ImportMessages.Location_FileRowColumn, source, row, column, Message),
            ({ } row, null) => string.Format(culture, ImportMessages.Location_FileRow, source, row, Message),
            (null, { } column) => string.Format(culture, ImportMessages.Location_FileColumn, source, column, Message),
            (null, null) => string.Format(culture, ImportMessages.Location_File, source, Message),
        };
    }
}
