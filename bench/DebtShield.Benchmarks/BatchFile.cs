using System.Globalization;
using System.Text;

namespace DebtShield.Benchmarks;

/// <summary>
/// Writes a realistic batch: loans with varied amounts, dates, deductions, fees and advertised
/// rates, one JSON object a line; twelve instalments and no payments by default (the rate
/// batch), or 36 instalments and 40 payments (the check batch's target shape).
/// </summary>
internal static class BatchFile
{
    public static void Write(string path, int count, int instalments = 12, int payments = 0)
    {
        var random = new Random(20261128);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder(1024);
        for (var n = 0; n < count; n++)
        {
            var contract = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 2000));
            var principal = random.Next(10, 500) * 100;
            var received = principal - (random.Next(0, 4) * principal / 20);
            var instalment = Math.Round(principal * (1 + (random.Next(5, 60) / 100.0)) / instalments, 2);
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $$"""{"id":"loan-{{n}}","lender":{"name":"平台{{n % 97}}","kind":"online_platform"},""");
            line.Append(CultureInfo.InvariantCulture, $$"""
                "contractDate":"{{contract:yyyy-MM-dd}}","principal":{{principal}},"received":{{received}},
                """);
            line.Append(CultureInfo.InvariantCulture, $$"""
                "upfrontFees":[{"name":"会员费","amount":{{random.Next(0, 300) + 1}},"date":"{{contract:yyyy-MM-dd}}"}],"schedule":[
                """);
            for (var m = 1; m <= instalments; m++)
            {
                line.Append(CultureInfo.InvariantCulture, $$"""{"dueDate":"{{contract.AddMonths(m):yyyy-MM-dd}}","total":{{instalment}}}""");
                line.Append(m < instalments ? "," : "],");
            }

            // Payments every 25 days, every third one partial, as the legal benchmark's loan has them.
            line.Append("\"payments\":[");
            for (var p = 1; p <= payments; p++)
            {
                var paid = p % 3 == 0 ? Math.Round(instalment / 2, 2) : instalment;
                line.Append(CultureInfo.InvariantCulture, $$"""{"date":"{{contract.AddDays(p * 25):yyyy-MM-dd}}","amount":{{paid}}}""");
                line.Append(p < payments ? "," : string.Empty);
            }

            line.Append(CultureInfo.InvariantCulture, $$"""
                ],"stated":{"value":{{random.Next(2, 10) / 10000.0}},"per":"day","method":"nominal"}
                """);
            line.Append('}');
            writer.WriteLine(line);
        }
    }
}
