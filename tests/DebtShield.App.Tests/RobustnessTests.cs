using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DebtShield.App.CheckLoans;
using DebtShield.App.RateLoans;
using DebtShield.Core.Law;
using DebtShield.Core.Rates;
using DebtShield.Import.LegalData;
using DebtShield.Import.LoanFiles;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests;

public sealed class RobustnessTests
{
    [Fact]
    public void RateAndCheck_ThousandsOfMangledLoanFiles_NeverThrow()
    {
        // Given the sample loan with its numbers and dates replaced by hostile values: zero,
        // negative, tiny, huge, far past and far future. Every file must either be refused with
        // located errors or produce both reports; nothing may throw.
        var random = new Random(20261128);
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "loan.json")))!;
        decimal[] amounts = [0m, -1m, 0.01m, 1m, 999m, 1_000_000m, 999_999_999_999m, 1_000_000_000_001m, 79_228_162_514_264_337_593_543_950_335m];
        string[] dates = ["1900-01-01", "2019-08-19", "2020-08-19", "2020-08-20", "2026-03-15", "2031-12-31", "2099-02-28"];
        var read = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var loan = template.DeepClone();
            Mangle(loan, random, amounts, dates);
            var reading = LoanFileReader.Read(Encoding.UTF8.GetBytes(loan.ToJsonString()), "fuzz");
            if (!reading.Succeeded)
            {
                Assert.NotEmpty(reading.Errors);
                continue;
            }

            read++;
            var rate = RateLoanReport.From(TrueCost.Of(reading.Loan));
            var asOf = reading.Loan.ContractDate.AddDays(random.Next(0, 4_000));
            var check = CheckLoanReport.From(LegalCheck.Of(reading.Loan, LegalDataReader.Rules, new CheckOptions(asOf, new Core.Money(12_345m))), LegalDataReader.Citations);

            // Both must serialise (JSON has no infinity) and every rate must be a number or null.
            var json = JsonNode.Parse(JsonSerializer.Serialize(rate, ReportJsonContext.Default.RateLoanReport))!;
            _ = JsonSerializer.Serialize(check, ReportJsonContext.Default.CheckLoanReport);
            foreach (var field in new[] { "irrPerPeriod", "irrAnnualNominal", "irrAnnualEffective", "xirrAnnual", "aprSimple", "aprRegZ" })
            {
                Assert.True(json[field] is null || double.IsFinite(json[field]!.GetValue<double>()), field);
            }
        }

        Assert.InRange(read, 100, 2_900);
    }

    private static void Mangle(JsonNode node, Random random, decimal[] amounts, string[] dates)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToArray())
            {
                if (value is JsonValue leaf && random.Next(6) == 0)
                {
                    obj[key] = leaf.TryGetValue<decimal>(out _)
                        ? JsonValue.Create(amounts[random.Next(amounts.Length)])
                        : key.Contains("ate", StringComparison.Ordinal) ? JsonValue.Create(dates[random.Next(dates.Length)]) : leaf.DeepClone();
                }
                else if (value is not null)
                {
                    Mangle(value, random, amounts, dates);
                }
            }
        }
        else if (node is JsonArray array && array.Count > 0 && random.Next(8) == 0)
        {
            array.RemoveAt(random.Next(array.Count));
        }
        else if (node is JsonArray items)
        {
            foreach (var item in items)
            {
                Mangle(item!, random, amounts, dates);
            }
        }
    }
}
