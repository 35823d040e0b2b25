using System.Globalization;
using System.Text;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary>Loan tables (docs/loan-table.md) written for tests.</summary>
internal static class LoanTableFiles
{
    /// <summary>
    /// Writes <paramref name="loans"/> loans of 12 monthly instalments each (one row per instalment),
    /// named <c>PREFIX-0000</c>…; returns the path.
    /// </summary>
    public static string Write(string path, string prefix, int loans)
    {
        var text = new StringBuilder("loan,lender,lender_kind,contract_date,principal,received,due_date,total\n");
        for (var i = 0; i < loans; i++)
        {
            for (var m = 0; m < 12; m++)
            {
                var due = new DateOnly(2026, 2, 10).AddMonths(m);
                text.Append(CultureInfo.InvariantCulture, $"{prefix}-{i:D4},平台{i % 50},online_platform,2026-01-10,10000,9000,{due:yyyy-MM-dd},950.00\n");
            }
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }
}
