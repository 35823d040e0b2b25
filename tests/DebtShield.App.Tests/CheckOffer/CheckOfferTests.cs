using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DebtShield.App.CheckOffer;
using DebtShield.Core;
using DebtShield.Core.Loans;

namespace DebtShield.App.Tests.CheckOffer;

public sealed class CheckOfferTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    public CheckOfferTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Run_TextWithDeductionAndIncome_ReportsRealRateVerdictAndBurden()
    {
        var report = App.CheckOffer.CheckOffer.Run(
            "借款金额 10000元\n到账 9500元\n每期应还 ¥1050.00 共12期\n日利率0.05%\n服务费 500元",
            new CheckOfferRequest(Today, new Money(6_000m), new Money(4_000m)));

        Assert.Equal(9_500m, report.PrincipalBasis);
        Assert.Equal(12_600m, report.TotalRepayable);
        Assert.Equal(3_100m, report.TotalCost);
        Assert.Equal(0.5564, report.RateAnnual!.Value, 4);
        Assert.Equal(0.1825, report.AdvertisedAnnual!.Value, 10);
        Assert.Equal(0.175, report.IncomeShare!.Value, 10);
        Assert.Equal("avoid", report.Verdict);
        Assert.Equal(
            ["rate_above_legal_line", "upfront_deduction", "advertised_rate_understates", "bundled_fees.service", "monthly_burden.share"],
            report.Findings.Select(f => f.Rule));
        Assert.Contains(report.Citations, c => c.Id == "pboc-2021-3");
    }

    [Fact]
    public void Run_FiguresOnly_GiveTheSameAnswerAsText()
    {
        var fromText = App.CheckOffer.CheckOffer.Run("借款金额 10000\n12期\n日利率0.05%", new CheckOfferRequest(Today));
        var fromFigures = App.CheckOffer.CheckOffer.Run("", new CheckOfferRequest(Today)
        {
            Figures = new OfferFigures { Amount = 10_000m, Months = 12, DailyRatePercent = 0.05m },
        });

        Assert.Equal(Serialize(fromText), Serialize(fromFigures));
    }

    [Fact]
    public void Run_ListedLender_UsesItsKindForTheLegalView()
    {
        var report = App.CheckOffer.CheckOffer.Run("借款金额 10000\n12期\n日利率0.05%", new CheckOfferRequest(Today, LenderName: "招联消金"));

        Assert.Equal("consumer_finance", report.LenderKind);
        Assert.Equal("licensed_consumer_finance", report.LenderCheck!.Result);
        Assert.Equal(0.24m, report.CapAnnual);
        Assert.DoesNotContain(report.Findings, f => f.Rule.StartsWith("rate_above", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_KindGivenByTheCaller_WinsOverTheList()
    {
        var report = App.CheckOffer.CheckOffer.Run("借款金额 10000\n12期\n日利率0.05%", new CheckOfferRequest(Today, LenderName: "招联消金", LenderKind: LenderKind.PrivateIndividual));

        Assert.Equal("private_individual", report.LenderKind);
    }

    [Fact]
    public void Run_Incomplete_RefusesWithEveryProblem()
    {
        var error = Assert.Throws<RequestRefusedException>(() => App.CheckOffer.CheckOffer.Run("到账 9500元\n提前还款 3 次", new CheckOfferRequest(Today)));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("amount:", error.Message, StringComparison.Ordinal);
        Assert.Contains("term:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FigureContradictingTheText_IsRefused()
    {
        var error = Assert.Throws<RequestRefusedException>(() => App.CheckOffer.CheckOffer.Run(
            "借款金额 10000\n12期\n日利率0.05%",
            new CheckOfferRequest(Today) { Figures = new OfferFigures { Amount = 20_000m } }));

        Assert.Contains("the same item is given twice", error.Message, StringComparison.Ordinal);
    }

    private static string Serialize(CheckOfferReport report) => JsonNode.Parse(JsonSerializer.Serialize(report, ReportJsonContext.Default.CheckOfferReport))!.ToJsonString();
}
