namespace DebtShield.Import.LoanTables;

/// <summary>The letters a spreadsheet names its columns by: 0 → A, 25 → Z, 26 → AA.</summary>
internal static class SpreadsheetColumns
{
    public static string Letters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
