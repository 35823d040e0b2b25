using DebtShield.Import.LoanTables;

namespace DebtShield.Benchmarks;

/// <summary>Writes a loan table CSV of about <c>rows</c> instalment rows (twelve-instalment loans, no payment rows).</summary>
internal static class LoanTableFile
{
    public static void Write(string path, int rows)
    {
        using var file = File.Create(path);
        LoanTableWriter.WriteCsv(file, SampleLoans.Make(count: (rows + 11) / 12, instalments: 12, payments: 0));
    }
}
