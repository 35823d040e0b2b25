using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DebtShield.App.CheckOffer;

namespace DebtShield.App.Tests.CheckOffer;

public sealed class OfferRobustnessTests
{
    [Fact]
    public void Run_ThousandsOfHostileFigureSets_AreAskedAboutRefusedOrReportedNeverThrown()
    {
        // Given hostile amounts, terms and rates (zero, negative, tiny, huge, beyond every limit),
        // each offer ends in a question for the figure that cannot be used, a worded refusal, or a
        // report with finite numbers.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var random = new Random(20261128);
        decimal[] amounts = [-1m, 0m, 0.01m, 1m, 10_000m, 999_999_999_999m, 1_000_000_000_001m];
        int[] terms = [-1, 0, 1, 12, 360, 3650, 3651, int.MaxValue];
        decimal[] percents = [-1m, 0m, 0.0001m, 0.05m, 1.5m, 36m, 1000m, 1001m];
        var reported = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var percent = percents[random.Next(percents.Length)];
            var kind = random.Next(5);
            var figures = new OfferFigures
            {
                Amount = amounts[random.Next(amounts.Length)],
                Arrives = random.Next(3) == 0 ? amounts[random.Next(amounts.Length)] : null,
                Months = random.Next(2) == 0 ? terms[random.Next(terms.Length)] : null,
                Days = random.Next(4) == 0 ? terms[random.Next(terms.Length)] : null,
                Instalment = kind == 0 ? amounts[random.Next(amounts.Length)] : null,
                DailyRatePercent = kind == 1 ? percent : null,
                MonthlyRatePercent = kind == 2 ? percent : null,
                MonthlyFeeRatePercent = kind == 3 ? percent : null,
                AnnualRatePercent = kind == 4 ? percent : null,
                Fees = random.Next(3) == 0 ? [new("会员费", amounts[random.Next(amounts.Length)])] : [],
            };
            try
            {
                var outcome = App.CheckOffer.CheckOffer.Run("", new CheckOfferRequest(new DateOnly(2026, 11, 28), new Core.Money(5_000m)) { Figures = figures });
                var json = JsonNode.Parse(JsonSerializer.Serialize(outcome, ReportJsonContext.Default.CheckOfferOutcome))!;
                if (outcome.Report is null)
                {
                    Assert.NotEmpty(outcome.Questions);
                    continue;
                }

                Assert.True(json["report"]!["rateAnnual"] is null || double.IsFinite(json["report"]!["rateAnnual"]!.GetValue<double>()));
                reported++;
            }
            catch (RequestRefusedException refused)
            {
                Assert.False(string.IsNullOrWhiteSpace(refused.Message));
            }
        }

        Assert.InRange(reported, 50, 1_950);
    }
}
